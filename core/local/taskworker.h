#pragma once

#include "deliverer.h"
#include "store.h"
#include "targetpolicy.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

#include <functional>

namespace wa {

// The worker of the durable test queue. It delivers a task only while it holds the task's claim
// (who, and until when), renews the lease when it starts, and records the outcome only if it
// still holds the claim then: a task is delivered once, unless its worker died or stalled past
// the lease, in which case whichever worker looks next takes it over.
//
// Tasks reach it two ways: the ones this process started, claimed in the same commit that made
// them (adopt()), and, when it serves everyone, the ones nobody holds (claimWaiting(), which
// the service calls on a timer and when it learns of others' commits).
class TaskWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskWorker)

public:
    struct Options
    {
        QString workerId;
        int deliveryTimeoutMs = 10000;
        int maxConcurrent = 64;
        int perHost = 4;
        TargetPolicy targets;
        qint64 leaseMs = 30000;
        std::function<QDateTime()> now;
    };

    TaskWorker(Store &store, Options options, QObject *parent = nullptr);
    ~TaskWorker() override;

    // Delivers a task this worker already claimed.
    void adopt(const Store::TaskRow &task);
    // Claims as many unheld tasks as there are free delivery slots, and delivers them.
    void claimWaiting();
    // Delivers a stored event again: same id and body, freshly signed, to where its config's
    // events go now. `done` gets the recorded attempt or the error.
    void resend(const Store::EventRow &event, std::function<void(Result<DeliveryAttempt>)> done);

    // Tasks queued or in flight here.
    int busy() const { return int(m_tasks.size()); }
    bool isIdle() const { return m_tasks.isEmpty() && m_resends == 0; }
    bool holds(const QString &taskId) const { return m_tasks.contains(taskId); }
    // Stops delivering; tasks claimed here but not started are handed back at once (the ones
    // in flight keep their lease: their receiver may have the event already).
    void stop();

Q_SIGNALS:
    void taskChanged(const wa::Task &task);
    void attemptRecorded(const wa::DeliveryAttempt &attempt);
    // An outcome was recorded for the task's config (the service refreshes its view).
    void outcomeRecorded(const QString &taskId, const QString &configId);
    // The task left this worker: finished, taken over, or failed to start.
    void taskLeft(const QString &taskId);
    // Nothing is queued or in flight any more.
    void idle();

private:
    void enqueue(const Store::TaskRow &task);
    // Where the task's config sends its events now (for the fair queue).
    QString hostOf(const QString &configId);
    std::optional<Deliverer::Request> start(Store::TaskRow &task, Store::EventRow &event);
    void record(const Store::TaskRow &task, Store::EventRow event, const DeliveryAttempt &attempt);
    Result<bool> writeOutcome(Store::TaskRow &task, const Store::EventRow &event,
                              const DeliveryAttempt &attempt);
    void retryLater(const Store::TaskRow &started, Store::EventRow event,
                    const DeliveryAttempt &attempt);
    void leave(const QString &taskId);
    qint64 nowMs() const { return m_options.now().toMSecsSinceEpoch(); }

    static constexpr int RetryAfterOurFailureMs = 2000;

    Store &m_store;
    Options m_options;
    Deliverer m_deliverer;
    QSet<QString> m_tasks; // claimed here, queued or in flight
    int m_resends = 0;
    bool m_stopped = false;
};

} // namespace wa
