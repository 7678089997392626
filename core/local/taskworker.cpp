#include "taskworker.h"

#include "configrules.h"
#include "jsoncodec.h"
#include "writetransaction.h"

#include <QJsonDocument>
#include <QTimer>

namespace wa {

namespace {

// What a receiver gets is the event as API.md shows it, without the delivery bookkeeping.
QByteArray eventBody(const Event &event)
{
    QJsonObject object = JsonCodec::toJson(event);
    object.remove(QStringLiteral("state"));
    object.remove(QStringLiteral("retries"));
    object.remove(QStringLiteral("date_delivered"));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Store::EventRow testEvent(const Store::ConfigRow &config, const QString &taskId,
                          const QDateTime &now)
{
    Store::EventRow row;
    Event &event = row.event;
    event.id = ConfigRules::newId();
    event.organisation = config.config.organisation;
    event.type = QStringLiteral("webhook_config");
    event.action = QStringLiteral("test");
    event.data = JsonCodec::toJson(config.config, JsonCodec::Secret::Omit);
    event.dateCreated = now;
    event.state = EventState::Pending;
    row.configId = config.config.id;
    row.taskId = taskId;
    row.body = eventBody(event);
    return row;
}

} // namespace

TaskWorker::TaskWorker(Store &store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
    , m_deliverer(m_options.deliveryTimeoutMs, m_options.maxConcurrent, m_options.perHost,
                  m_options.targets, m_options.now)
{ }

TaskWorker::~TaskWorker()
{
    stop();
}

void TaskWorker::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_deliverer.stop();
    // Hand back what was claimed here and never started, so that another worker need not wait
    // for the lease. Started ones keep it: their receiver may have the event already.
    for (const QString &taskId : std::as_const(m_tasks)) {
        auto row = m_store.task(taskId);
        if (!row || !row.value() || row.value()->task.state != TaskState::Pending)
            continue;
        Store::TaskRow released = *row.value();
        released.leaseUntilMs = 0;
        WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
        if (tx.begun() && m_store.updateClaimedTask(released, m_options.workerId))
            tx.commit();
    }
    m_tasks.clear();
}

void TaskWorker::adopt(const Store::TaskRow &task)
{
    if (m_stopped || m_tasks.contains(task.task.id))
        return;
    enqueue(task);
}

void TaskWorker::claimWaiting()
{
    if (m_stopped)
        return;
    const int free = m_options.maxConcurrent - m_deliverer.inFlight() - m_deliverer.queued();
    if (free <= 0)
        return;
    const qint64 now = nowMs();
    // A read first: most of the time there is nothing to claim, and a read takes no lock.
    auto any = m_store.hasClaimableTasks(now);
    if (!any || !any.value())
        return;
    WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
    if (!tx.begun())
        return;
    auto claimed = m_store.claimTasks(m_options.workerId, now, now + m_options.leaseMs, free);
    if (!claimed || !tx.commit()) {
        qWarning("webhook-admin: cannot claim test tasks");
        return;
    }
    for (const Store::TaskRow &task : std::as_const(claimed.value())) {
        if (!m_tasks.contains(task.task.id))
            enqueue(task);
    }
}

void TaskWorker::enqueue(const Store::TaskRow &task)
{
    m_tasks.insert(task.task.id);
    auto taskRow = std::make_shared<Store::TaskRow>(task);
    auto eventRow = std::make_shared<Store::EventRow>();
    Deliverer::Job job;
    job.host = hostOf(task.task.target);
    job.prepare = [this, taskRow, eventRow] { return start(*taskRow, *eventRow); };
    job.finished = [this, taskRow, eventRow](const DeliveryAttempt &attempt) {
        record(*taskRow, *eventRow, attempt);
    };
    m_deliverer.enqueue(std::move(job));
}

std::optional<Deliverer::Request> TaskWorker::start(Store::TaskRow &task, Store::EventRow &event)
{
    const QDateTime now = m_options.now();
    WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
    if (!tx.begun()) {
        leave(task.task.id);
        return std::nullopt;
    }
    auto config = m_store.config(task.task.target);
    if (!config || !config.value()) {
        leave(task.task.id);
        return std::nullopt;
    }
    Store::TaskRow started = task;
    started.task.state = TaskState::Processing;
    started.task.dateStarted = now;
    started.task.dateCompleted = {};
    started.task.error.clear();
    // A fresh lease from now: the delivery may take the whole timeout.
    started.leaseUntilMs = now.toMSecsSinceEpoch() + m_options.leaseMs;
    auto held = m_store.updateClaimedTask(started, m_options.workerId);
    if (!held || !held.value()) {
        // Another worker took it over (our claim ran out while it waited here).
        leave(task.task.id);
        return std::nullopt;
    }
    // Events left pending by a worker that died with this task will never be answered.
    event = testEvent(*config.value(), task.task.id, now);
    if (auto r = m_store.failPendingEvents(task.task.id); !r) {
        leave(task.task.id);
        return std::nullopt;
    }
    if (auto r = m_store.insertEvent(event); !r) {
        leave(task.task.id);
        return std::nullopt;
    }
    if (auto r = tx.commit(); !r) {
        leave(task.task.id);
        return std::nullopt;
    }
    task = started;
    Q_EMIT taskChanged(task.task);
    const WebhookConfig &c = config.value()->config;
    return Deliverer::Request {c.id, task.task.id, event.event.id, c.url, c.secret, event.body};
}

Result<bool> TaskWorker::writeOutcome(Store::TaskRow &task, const Store::EventRow &event,
                                      const DeliveryAttempt &attempt)
{
    // Exclusive: the outcome may change the config, which is decided on its row as it is now.
    WriteTransaction tx(m_store, Store::Durability::Relaxed);
    if (!tx.begun())
        return tx.error();
    // The attempt happened whoever holds the task now: it goes into the log either way.
    if (auto r = m_store.insertAttempt(attempt); !r)
        return r.error();
    if (auto r = m_store.updateEvent(event); !r)
        return r.error();
    auto held = m_store.updateClaimedTask(task, m_options.workerId);
    if (!held)
        return held.error();
    if (held.value()) {
        auto current = m_store.config(task.task.target);
        if (!current)
            return current.error();
        if (current.value()) {
            Store::ConfigRow config = *current.value();
            // A new change sequence even when the state stays: the config's last test changed,
            // and every process showing it should know.
            auto seq = m_store.nextChangeSeq(config.config.organisation);
            if (!seq)
                return seq.error();
            config.changeSeq = seq.value();
            if (auto state
                = ConfigRules::stateAfterTest(config, task.configRevision, attempt.succeeded()))
                config.config.state = *state;
            if (auto r = m_store.updateConfig(config); !r)
                return r.error();
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return held.value();
}

void TaskWorker::record(const Store::TaskRow &started, Store::EventRow event,
                        const DeliveryAttempt &attempt)
{
    if (attempt.error == QLatin1String(TaskError::LocalFailure)) {
        retryLater(started, std::move(event), attempt);
        return;
    }
    const QDateTime now = m_options.now();
    const bool ok = attempt.succeeded();
    event.event.state = ok ? EventState::Delivered : EventState::Failed;
    event.event.dateDelivered = ok ? now : QDateTime();
    Store::TaskRow task = started;
    task.task.state = ok ? TaskState::Succeeded : TaskState::Failed;
    task.task.error = attempt.error;
    task.task.dateCompleted = now;

    auto held = writeOutcome(task, event, attempt);
    if (!held) {
        // Still claimed in the database: after the lease another worker runs it again.
        qWarning("webhook-admin: cannot record the outcome of task %s: %s",
                 qUtf8Printable(task.task.id), qUtf8Printable(held.error().message));
    } else {
        Q_EMIT attemptRecorded(attempt);
        if (held.value()) {
            Q_EMIT taskChanged(task.task);
            Q_EMIT outcomeRecorded(task.task.id, task.task.target);
        }
    }
    leave(task.task.id);
}

void TaskWorker::resend(const Store::EventRow &stored,
                        std::function<void(Result<DeliveryAttempt>)> done)
{
    ++m_resends;
    Deliverer::Job job;
    job.host = hostOf(stored.configId);
    job.prepare = [this, stored, done]() -> std::optional<Deliverer::Request> {
        // Where the config's events go now, signed with its secret now; same id and body.
        auto config = m_store.config(stored.configId);
        if (!config || !config.value()) {
            --m_resends;
            done(config ? ConfigRules::noConfig(stored.configId) : config.error());
            return std::nullopt;
        }
        const WebhookConfig &c = config.value()->config;
        return Deliverer::Request {c.id, QString(), stored.event.id, c.url, c.secret, stored.body};
    };
    job.finished = [this, stored, done](const DeliveryAttempt &attempt) {
        --m_resends;
        auto write = [&]() -> Result<Done> {
            WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
            if (!tx.begun())
                return tx.error();
            auto current = m_store.event(stored.event.id);
            if (!current)
                return current.error();
            if (!current.value())
                return ApiError::notFound(
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::TaskWorker", "No event with id %1."))
                        .arg(stored.event.id));
            Store::EventRow row = *current.value();
            ++row.event.retries;
            if (attempt.succeeded()) {
                row.event.state = EventState::Delivered;
                row.event.dateDelivered = m_options.now();
            } else if (row.event.state != EventState::Delivered) {
                row.event.state = EventState::Failed;
            }
            if (auto r = m_store.insertAttempt(attempt); !r)
                return r;
            if (auto r = m_store.updateEvent(row); !r)
                return r;
            return tx.commit();
        };
        if (auto r = write(); !r) {
            done(r.error());
        } else {
            Q_EMIT attemptRecorded(attempt);
            done(attempt);
        }
        if (m_tasks.isEmpty() && m_resends == 0)
            Q_EMIT idle();
    };
    m_deliverer.enqueue(std::move(job));
}

void TaskWorker::retryLater(const Store::TaskRow &started, Store::EventRow event,
                            const DeliveryAttempt &attempt)
{
    // Our failure, not the receiver's: no outcome, the task waits (still ours, its lease
    // renewed) and runs again a little later; should this process go, another takes it over.
    qWarning("webhook-admin: could not deliver task %s here (%s); trying again shortly",
             qUtf8Printable(started.task.id), qUtf8Printable(attempt.errorDetail));
    Store::TaskRow waiting = started;
    waiting.task.state = TaskState::Pending;
    waiting.task.dateStarted = {};
    waiting.leaseUntilMs = nowMs() + m_options.leaseMs;
    event.event.state = EventState::Failed;
    WriteTransaction tx(m_store, Store::Durability::Relaxed, false);
    bool held = tx.begun() && m_store.updateEvent(event);
    if (held) {
        auto claimed = m_store.updateClaimedTask(waiting, m_options.workerId);
        held = claimed && claimed.value() && tx.commit();
    }
    m_tasks.remove(waiting.task.id);
    if (held && !m_stopped) {
        m_tasks.insert(waiting.task.id);
        QTimer::singleShot(RetryAfterOurFailureMs, this, [this, waiting] {
            m_tasks.remove(waiting.task.id);
            if (!m_stopped)
                enqueue(waiting);
        });
        return;
    }
    leave(waiting.task.id);
}

QString TaskWorker::hostOf(const QString &configId)
{
    auto config = m_store.config(configId);
    if (!config || !config.value())
        return {};
    return Deliverer::hostKey(config.value()->config.url);
}

void TaskWorker::leave(const QString &taskId)
{
    m_tasks.remove(taskId);
    Q_EMIT taskLeft(taskId);
    if (m_tasks.isEmpty() && m_resends == 0)
        Q_EMIT idle();
}

} // namespace wa
