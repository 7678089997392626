#include "housekeeping.h"

#include "awaitregistry.h"
#include "store.h"
#include "taskworker.h"

namespace wa {

Housekeeping::Housekeeping(Store &store, TaskWorker &worker, AwaitRegistry &awaits,
                           std::function<void()> refresh, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_worker(worker)
    , m_awaits(awaits)
    , m_refresh(std::move(refresh))
    , m_options(std::move(options))
    , m_retention(store, m_options.retention, m_options.now)
{
    m_poll.setInterval(m_options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &Housekeeping::tick);
    m_prune.setSingleShot(true);
    connect(&m_prune, &QTimer::timeout, this, &Housekeeping::pruneBatch);
}

void Housekeeping::start()
{
    m_poll.start();
    if (m_options.pruneIntervalMs > 0)
        m_prune.start(m_options.pruneIntervalMs);
}

void Housekeeping::tick()
{
    // What others committed reaches this process's listeners (the console) within a tick.
    m_refresh();
    if (m_options.claimWaitingTasks)
        m_worker.claimWaiting();
    if (!m_awaits.isEmpty())
        answerAwaitsFinishedElsewhere();
}

void Housekeeping::answerAwaitsFinishedElsewhere()
{
    // The worker answers for the tasks it finishes; any task may also be finished by another
    // process (one that took it over, say), which only the database tells.
    auto rows = m_store.tasks(m_awaits.waitedTasks());
    if (!rows)
        return;
    for (const Store::TaskRow &row : std::as_const(rows.value())) {
        if (row.task.finished())
            m_awaits.finished(row.task.id);
    }
}

void Housekeeping::pruneBatch()
{
    // A batch a round; the next at once while there is more, else after the interval.
    auto removed = m_retention.pruneOnce();
    const bool more = removed && removed.value() > 0;
    m_prune.start(more ? 0 : m_options.pruneIntervalMs);
}

} // namespace wa
