#include "awaitregistry.h"

#include <QTimer>

namespace wa {

void AwaitRegistry::add(const QString &taskId, int seconds, std::function<void()> answer)
{
    const quint64 id = ++m_nextId;
    m_waiters[taskId].append({id, std::move(answer)});
    QTimer::singleShot(seconds * 1000, this, [this, taskId, id] {
        // The wait is over: answer with the resource as it stands (unless already answered).
        auto it = m_waiters.find(taskId);
        if (it == m_waiters.end())
            return;
        const auto waiter
            = std::find_if(it->begin(), it->end(), [id](const Waiter &w) { return w.id == id; });
        if (waiter == it->end())
            return;
        const std::function<void()> answer = std::move(waiter->answer);
        it->erase(waiter);
        if (it->isEmpty())
            m_waiters.erase(it);
        answer();
    });
}

void AwaitRegistry::finished(const QString &taskId)
{
    const auto waiters = m_waiters.take(taskId);
    for (const Waiter &waiter : waiters)
        waiter.answer();
}

void AwaitRegistry::answerAll()
{
    const auto all = std::exchange(m_waiters, {});
    for (const auto &waiters : all) {
        for (const Waiter &waiter : waiters)
            waiter.answer();
    }
}

} // namespace wa
