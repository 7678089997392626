#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wa::StoreRows {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("")) : QVariant(bytes);
}

QVariant msOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QVariant(Store::toMs(dateTime)) : QVariant();
}

const QString ConfigColumns
    = QStringLiteral("id, organisation, url, secret, state, revision, date_created, change_seq");
const QString TaskColumns = QStringLiteral(
    "id, organisation, key, type, target, state, error, config_revision, date_created, "
    "date_started, date_completed, claimed_by, lease_until");
const QString EventColumns = QStringLiteral(
    "id, organisation, config, task, type, action, data, body, state, retries, date_created, "
    "date_delivered");
const QString AttemptColumns = QStringLiteral(
    "id, config, task, event, date_started, request_url, request_headers, request_body, "
    "response_status, response_body, latency_ms, error, error_detail");

Store::ConfigRow configFromQuery(const QSqlQuery &q)
{
    Store::ConfigRow row;
    row.config.id = q.value(0).toString();
    row.config.organisation = q.value(1).toString();
    row.config.url = q.value(2).toString();
    row.config.secret = q.value(3).toString();
    row.config.state = configStateFromString(q.value(4).toString()).value_or(ConfigState::Invalid);
    row.revision = q.value(5).toLongLong();
    row.config.dateCreated = Store::fromMs(q.value(6));
    row.changeSeq = q.value(7).toLongLong();
    return row;
}

Store::TaskRow taskFromQuery(const QSqlQuery &q)
{
    Store::TaskRow row;
    row.task.id = q.value(0).toString();
    row.task.organisation = q.value(1).toString();
    row.task.key = q.value(2).toString();
    row.task.type = q.value(3).toString();
    row.task.target = q.value(4).toString();
    row.task.state = taskStateFromString(q.value(5).toString()).value_or(TaskState::Failed);
    row.task.error = q.value(6).toString();
    row.configRevision = q.value(7).toLongLong();
    row.task.dateCreated = Store::fromMs(q.value(8));
    row.task.dateStarted = Store::fromMs(q.value(9));
    row.task.dateCompleted = Store::fromMs(q.value(10));
    row.claimedBy = q.value(11).toString();
    row.leaseUntilMs = q.value(12).toLongLong();
    return row;
}

Store::EventRow eventFromQuery(const QSqlQuery &q)
{
    Store::EventRow row;
    row.event.id = q.value(0).toString();
    row.event.organisation = q.value(1).toString();
    row.configId = q.value(2).toString();
    row.taskId = q.value(3).toString();
    row.event.type = q.value(4).toString();
    row.event.action = q.value(5).toString();
    row.event.data = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
    row.body = q.value(7).toByteArray();
    row.event.state = eventStateFromString(q.value(8).toString()).value_or(EventState::Failed);
    row.event.retries = q.value(9).toInt();
    row.event.dateCreated = Store::fromMs(q.value(10));
    row.event.dateDelivered = Store::fromMs(q.value(11));
    return row;
}

QByteArray headersToJson(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray {QString::fromLatin1(name), QString::fromLatin1(value)});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> headersFromJson(const QByteArray &json)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const auto &item : array) {
        const QJsonArray pair = item.toArray();
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    return headers;
}

DeliveryAttempt attemptFromQuery(const QSqlQuery &q)
{
    DeliveryAttempt a;
    a.id = q.value(0).toString();
    a.configId = q.value(1).toString();
    a.taskId = q.value(2).toString();
    a.eventId = q.value(3).toString();
    a.dateStarted = Store::fromMs(q.value(4));
    a.requestUrl = q.value(5).toString();
    a.requestHeaders = headersFromJson(q.value(6).toByteArray());
    a.requestBody = q.value(7).toByteArray();
    a.responseStatus = q.value(8).toInt();
    a.responseBodyStart = q.value(9).toByteArray();
    a.latencyMs = q.value(10).toLongLong();
    a.error = q.value(11).toString();
    a.errorDetail = q.value(12).toString();
    return a;
}

} // namespace wa::StoreRows
