#include "retention.h"

#include "writetransaction.h"

namespace wa {

namespace {

// Events and tasks younger than this stay whatever else is true: a delivery may be recording
// its attempt right now.
constexpr qint64 SettleMs = 60 * 60 * 1000;

} // namespace

Retention::Retention(Store &store, Policy policy, std::function<QDateTime()> now)
    : m_store(store)
    , m_policy(policy)
    , m_now(std::move(now))
{ }

Result<int> Retention::pruneOnce()
{
    const qint64 now = m_now().toMSecsSinceEpoch();
    const qint64 expired = now - qint64(m_policy.days) * 24 * 60 * 60 * 1000;
    int removed = 0;
    auto step = [&](const std::function<Result<int>()> &prune) -> Result<Done> {
        WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
        if (!tx.begun())
            return tx.error();
        auto count = prune();
        if (!count)
            return count.error();
        removed += count.value();
        return tx.commit();
    };
    if (auto r = step([&] {
            return m_store.pruneAttempts(m_policy.attemptsPerConfig, expired, m_policy.batch);
        });
        !r)
        return r.error();
    if (auto r = step([&] { return m_store.pruneEvents(now - SettleMs, m_policy.batch); }); !r)
        return r.error();
    if (auto r = step([&] {
            return m_store.pruneTasks(m_policy.attemptsPerConfig, now - SettleMs, expired,
                                      m_policy.batch);
        });
        !r)
        return r.error();
    return removed;
}

} // namespace wa
