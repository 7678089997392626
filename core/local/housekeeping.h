#pragma once

#include "retention.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace wa {

class AwaitRegistry;
class Store;
class TaskWorker;

// The local service's work between requests: every poll interval (and whenever another process
// announces a commit) it brings the view up to date, so that others' changes are announced; a
// worker that serves everyone claims the tasks nobody holds; awaited tasks that another process
// finished are answered; and now and then the delivery log is pruned, a batch at a time.
class Housekeeping final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Housekeeping)

public:
    struct Options
    {
        int pollIntervalMs = 250;
        bool claimWaitingTasks = true; // Worker::All
        int pruneIntervalMs = 60000; // 0: never prune (the retention is someone else's)
        Retention::Policy retention;
        std::function<QDateTime()> now;
    };

    Housekeeping(Store &store, TaskWorker &worker, AwaitRegistry &awaits,
                 std::function<void()> refresh, Options options, QObject *parent = nullptr);

    void start();
    // One round now (another process announced a commit).
    void tick();

private:
    void answerAwaitsFinishedElsewhere();
    void pruneBatch();

    Store &m_store;
    TaskWorker &m_worker;
    AwaitRegistry &m_awaits;
    std::function<void()> m_refresh;
    Options m_options;
    Retention m_retention;
    QTimer m_poll;
    QTimer m_prune;
};

} // namespace wa
