// LocalService, second half: test tasks, events, delivery outcomes and Ricloud-Await.

#include "jsoncodec.h"
#include "localservice_p.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace wa {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The anchor of an after_id / before_id page, looked up by `dateOf` (nullopt: no such item).
template<typename DateOf>
Result<Store::Cursor> cursorFor(const PageRequest &page, DateOf dateOf, const QString &what)
{
    Store::Cursor cursor;
    cursor.limit = page.limit;
    const bool after = !page.afterId.isEmpty();
    const QString anchor = after ? page.afterId : page.beforeId;
    if (anchor.isEmpty())
        return cursor;
    Result<std::optional<QDateTime>> date = dateOf(anchor);
    if (!date)
        return date.error();
    if (!date.value()) {
        return ApiError::invalidParameter(after ? QStringLiteral("after_id")
                                                : QStringLiteral("before_id"),
                                          QStringLiteral("no %1 with id %2").arg(what, anchor));
    }
    cursor.direction = after ? Store::Cursor::Direction::After : Store::Cursor::Direction::Before;
    cursor.anchorMs = Store::toMs(*date.value());
    cursor.anchorId = anchor;
    return cursor;
}

} // namespace

QByteArray LocalService::Private::eventBody(const Event &event)
{
    // What a receiver gets is the event as API.md shows it, without the delivery bookkeeping.
    QJsonObject object = JsonCodec::toJson(event);
    object.remove(QStringLiteral("state"));
    object.remove(QStringLiteral("retries"));
    object.remove(QStringLiteral("date_delivered"));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Store::TaskRow LocalService::Private::newTestTask(const Store::ConfigRow &config) const
{
    Store::TaskRow row;
    row.task.id = newId();
    row.task.organisation = organisation.id;
    row.task.key = key.id;
    row.task.type = QString::fromLatin1(WebhookConfigTestTask);
    row.task.target = config.config.id;
    row.task.state = TaskState::Pending;
    row.task.dateCreated = QDateTime::currentDateTimeUtc();
    row.configRevision = config.revision;
    return row;
}

void LocalService::Private::testConfig(const QString &id, int awaitSeconds,
                                       const PromisePtr<Task> &p)
{
    if (auto e = notOpen())
        return fulfil<Task>(p, *e);
    const Store::ConfigRow *config = configs.find(id);
    if (!config)
        return fulfil<Task>(
            p, ApiError::notFound(QStringLiteral("No webhook config with id %1.").arg(id)));
    if (config->config.state == ConfigState::Deactivated) {
        return fulfil<Task>(
            p,
            ApiError::invalidParameter(QStringLiteral("state"),
                                       QStringLiteral("the webhook config is deactivated: set its "
                                                      "state to new to test it")));
    }
    const Store::TaskRow row = newTestTask(*config);
    if (auto r = store->insertTask(row); !r)
        return fulfil<Task>(p, r.error());
    Q_EMIT q->taskChanged(row.task);
    if (awaitSeconds > 0) {
        const QString taskId = row.task.id;
        whenTaskDone(taskId, awaitSeconds, [this, taskId, p] { fulfil(p, task(taskId)); });
    }
    startTask(row);
    if (awaitSeconds <= 0)
        fulfil<Task>(p, row.task);
}

Result<Task> LocalService::Private::task(const QString &id) const
{
    if (auto e = notOpen())
        return *e;
    auto row = store->task(id);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->task.organisation != organisation.id)
        return ApiError::notFound(QStringLiteral("No task with id %1.").arg(id));
    return row.value()->task;
}

Result<ListPage<Task>> LocalService::Private::listTasks(const TaskFilter &filter,
                                                        const PageRequest &page) const
{
    if (auto e = notOpen())
        return *e;
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [this](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store->task(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->task.organisation != organisation.id)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->task.dateCreated);
        },
        QStringLiteral("task"));
    if (!cursor)
        return cursor.error();
    auto result = store->tasks(organisation.id, filter, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/tasks");
    return result;
}

Result<Event> LocalService::Private::event(const QString &id) const
{
    if (auto e = notOpen())
        return *e;
    auto row = store->event(id);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->event.organisation != organisation.id)
        return ApiError::notFound(QStringLiteral("No event with id %1.").arg(id));
    return row.value()->event;
}

Result<ListPage<Event>> LocalService::Private::listEvents(const PageRequest &page) const
{
    if (auto e = notOpen())
        return *e;
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [this](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store->event(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->event.organisation != organisation.id)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->event.dateCreated);
        },
        QStringLiteral("event"));
    if (!cursor)
        return cursor.error();
    auto result = store->events(organisation.id, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/events");
    return result;
}

Result<ListPage<DeliveryAttempt>> LocalService::Private::listAttempts(const QString &configId,
                                                                      const PageRequest &page) const
{
    if (auto e = notOpen())
        return *e;
    if (!configs.find(configId))
        return ApiError::notFound(QStringLiteral("No webhook config with id %1.").arg(configId));
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [this, configId](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store->attempt(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->configId != configId)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->dateStarted);
        },
        QStringLiteral("delivery attempt"));
    if (!cursor)
        return cursor.error();
    auto result = store->attempts(configId, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/configs/webhook/%1/attempts").arg(configId);
    return result;
}

// --- delivery

void LocalService::Private::startTask(const Store::TaskRow &row)
{
    auto taskRow = std::make_shared<Store::TaskRow>(row);
    auto eventRow = std::make_shared<Store::EventRow>();
    Deliverer::Job job;
    job.prepare = [this, taskRow, eventRow] { return beginTask(*taskRow, *eventRow); };
    job.finished = [this, taskRow, eventRow](const DeliveryAttempt &attempt) {
        recordOutcome(*taskRow, *eventRow, attempt);
    };
    deliverer->enqueue(std::move(job));
}

std::optional<Deliverer::Request> LocalService::Private::beginTask(Store::TaskRow &row,
                                                                   Store::EventRow &eventRow)
{
    const Store::ConfigRow *config = configs.find(row.task.target);
    if (!config) {
        taskDone(row.task.id);
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Event &event = eventRow.event;
    event.id = newId();
    event.organisation = organisation.id;
    event.type = QStringLiteral("webhook_config");
    event.action = QStringLiteral("test");
    event.data = JsonCodec::toJson(config->config, JsonCodec::Secret::Omit);
    event.dateCreated = now;
    event.state = EventState::Pending;
    eventRow.configId = config->config.id;
    eventRow.taskId = row.task.id;
    eventRow.body = eventBody(event);

    Store::TaskRow started = row;
    started.task.state = TaskState::Processing;
    started.task.dateStarted = now;
    started.task.dateCompleted = {};
    started.task.error.clear();
    auto write = [&]() -> Result<Done> {
        if (auto r = store->begin(Store::Durability::Relaxed); !r)
            return r;
        Result<Done> r = store->insertEvent(eventRow);
        if (r)
            r = store->updateTask(started);
        if (!r) {
            store->rollback();
            return r;
        }
        return store->commit();
    };
    if (auto r = write(); !r) {
        // Left pending in the file: the next start runs it again.
        qWarning("webhook-admin: cannot start task %s: %s", qUtf8Printable(row.task.id),
                 qUtf8Printable(r.error().message));
        taskDone(row.task.id);
        return std::nullopt;
    }
    row = started;
    Q_EMIT q->taskChanged(row.task);
    return Deliverer::Request {config->config.id,  row.task.id,           event.id,
                               config->config.url, config->config.secret, eventRow.body};
}

void LocalService::Private::recordOutcome(Store::TaskRow row, Store::EventRow eventRow,
                                          const DeliveryAttempt &attempt)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool ok = attempt.succeeded();
    eventRow.event.state = ok ? EventState::Delivered : EventState::Failed;
    eventRow.event.dateDelivered = ok ? now : QDateTime();
    row.task.state = ok ? TaskState::Succeeded : TaskState::Failed;
    row.task.error = attempt.error;
    row.task.dateCompleted = now;

    // The outcome counts for the config only if it is still the one tested: a config changed or
    // deactivated meanwhile keeps its newer state.
    std::optional<Store::ConfigRow> config;
    if (const Store::ConfigRow *current = configs.find(row.task.target); current
        && current->revision == row.configRevision
        && current->config.state != ConfigState::Deactivated) {
        const ConfigState outcome = ok ? ConfigState::Valid : ConfigState::Invalid;
        if (current->config.state != outcome) {
            config = *current;
            config->config.state = outcome;
        }
    }

    auto write = [&]() -> Result<Done> {
        if (auto r = store->begin(Store::Durability::Relaxed); !r)
            return r;
        Result<Done> r = store->insertAttempt(attempt);
        if (r)
            r = store->updateEvent(eventRow);
        if (r)
            r = store->updateTask(row);
        if (r && config)
            r = store->updateConfig(*config);
        if (!r) {
            store->rollback();
            return r;
        }
        return store->commit();
    };
    if (auto r = write(); !r) {
        qWarning("webhook-admin: cannot record the outcome of task %s: %s",
                 qUtf8Printable(row.task.id), qUtf8Printable(r.error().message));
        taskDone(row.task.id);
        return;
    }
    if (config)
        configs.update(*config);
    Q_EMIT q->attemptRecorded(attempt);
    Q_EMIT q->taskChanged(row.task);
    if (config)
        Q_EMIT q->configChanged(config->config);
    taskDone(row.task.id);
}

void LocalService::Private::resendEvent(const QString &eventId,
                                        const PromisePtr<DeliveryAttempt> &p)
{
    if (auto e = notOpen())
        return fulfil<DeliveryAttempt>(p, *e);
    auto found = store->event(eventId);
    if (!found)
        return fulfil<DeliveryAttempt>(p, found.error());
    if (!found.value() || found.value()->event.organisation != organisation.id) {
        return fulfil<DeliveryAttempt>(
            p, ApiError::notFound(QStringLiteral("No event with id %1.").arg(eventId)));
    }
    const Store::EventRow eventRow = *found.value();
    if (!configs.find(eventRow.configId)) {
        return fulfil<DeliveryAttempt>(
            p,
            ApiError::notFound(
                QStringLiteral("No webhook config with id %1.").arg(eventRow.configId)));
    }

    Deliverer::Job job;
    job.prepare = [this, eventRow, p]() -> std::optional<Deliverer::Request> {
        // Where the config's events go now, signed with its secret now; same id and body.
        const Store::ConfigRow *config = configs.find(eventRow.configId);
        if (!config) {
            fulfil<DeliveryAttempt>(
                p,
                ApiError::notFound(
                    QStringLiteral("No webhook config with id %1.").arg(eventRow.configId)));
            return std::nullopt;
        }
        return Deliverer::Request {config->config.id,     QString(),
                                   eventRow.event.id,     config->config.url,
                                   config->config.secret, eventRow.body};
    };
    job.finished = [this, eventId, p](const DeliveryAttempt &attempt) {
        auto current = store->event(eventId);
        if (!current || !current.value())
            return fulfil<DeliveryAttempt>(
                p, ApiError::serverError(QStringLiteral("The event %1 is gone.").arg(eventId)));
        Store::EventRow row = *current.value();
        ++row.event.retries;
        if (attempt.succeeded()) {
            row.event.state = EventState::Delivered;
            row.event.dateDelivered = QDateTime::currentDateTimeUtc();
        } else if (row.event.state != EventState::Delivered) {
            row.event.state = EventState::Failed;
        }
        if (auto r = store->begin(Store::Durability::Relaxed); !r)
            return fulfil<DeliveryAttempt>(p, r.error());
        Result<Done> r = store->insertAttempt(attempt);
        if (r)
            r = store->updateEvent(row);
        if (r)
            r = store->commit();
        else
            store->rollback();
        if (!r)
            return fulfil<DeliveryAttempt>(p, r.error());
        Q_EMIT q->attemptRecorded(attempt);
        fulfil<DeliveryAttempt>(p, attempt);
    };
    deliverer->enqueue(std::move(job));
}

void LocalService::Private::resumeTasks()
{
    if (auto r = store->failPendingEvents(); !r)
        qWarning("webhook-admin: %s", qUtf8Printable(r.error().message));
    auto rows = store->unfinishedTasks();
    if (!rows) {
        qWarning("webhook-admin: cannot resume test tasks: %s",
                 qUtf8Printable(rows.error().message));
        return;
    }
    for (const Store::TaskRow &row : std::as_const(rows.value()))
        startTask(row);
}

// --- Ricloud-Await

void LocalService::Private::whenTaskDone(const QString &taskId, int awaitSeconds,
                                         std::function<void()> answer)
{
    auto answered = std::make_shared<bool>(false);
    auto once = [answered, answer = std::move(answer)] {
        if (*answered)
            return;
        *answered = true;
        answer();
    };
    waiters[taskId].append(once);
    QTimer::singleShot(awaitSeconds * 1000, q, once);
}

void LocalService::Private::taskDone(const QString &taskId)
{
    const auto answers = waiters.take(taskId);
    for (const auto &answer : answers)
        answer();
}

} // namespace wa
