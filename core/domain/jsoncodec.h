#pragma once

#include "apierror.h"
#include "deliveryattempt.h"
#include "event.h"
#include "key.h"
#include "listpage.h"
#include "organisation.h"
#include "result.h"
#include "task.h"
#include "webhookconfig.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The one place that knows the API's JSON field names, for the local server, the remote client
// and the CLI's --json output alike.
namespace wa::JsonCodec {

// ISO 8601 UTC with six fractional digits and `Z`: 2026-11-28T10:25:05.123000Z.
QString formatDateTime(const QDateTime &dateTime);
// Accepts 0, 3 or 6 fractional digits, `Z` or a numeric offset (converted to UTC).
// Returns nullopt for anything malformed or impossible (2026-02-30).
std::optional<QDateTime> parseDateTime(QStringView text);

// An ID may arrive as a JSON number (the hosted API has used integer IDs): its decimal string.
// Null or absent: an empty string.
QString decodeId(const QJsonValue &value);

enum class Secret
{
    Include,
    Omit
};

QJsonObject toJson(const WebhookConfig &config, Secret secret = Secret::Include);
QJsonObject toJson(const Task &task);
QJsonObject toJson(const Event &event);
QJsonObject toJson(const Organisation &organisation);
QJsonObject toJson(const Key &key);
QJsonObject toJson(const DeliveryAttempt &attempt); // bodies as UTF-8 text, or base64 if not
QJsonObject toJson(const ApiError &error);

template<typename T> QJsonObject toJson(const ListPage<T> &page)
{
    QJsonArray data;
    for (const auto &item : page.data)
        data.append(toJson(item));
    return {{QStringLiteral("resource"), QStringLiteral("list")},
            {QStringLiteral("data"), data},
            {QStringLiteral("has_more"), page.hasMore},
            {QStringLiteral("total_count"), page.totalCount},
            {QStringLiteral("url"), page.url}};
}

// A list object whose items are already JSON text (each encoded by toJson once and kept):
// the same text as toJson(ListPage) would give, without decoding and encoding them again.
QByteArray listText(const QList<QByteArray> &items, bool hasMore, int totalCount,
                    const QString &url);

// Decoders are lenient about extra fields (a newer API may add some) and strict about types
// of the fields they need: a bad resource is ApiError::Kind::BadResponse.
Result<WebhookConfig> configFromJson(const QJsonObject &object);
Result<Task> taskFromJson(const QJsonObject &object);
Result<Event> eventFromJson(const QJsonObject &object);
Result<Organisation> organisationFromJson(const QJsonObject &object);
Result<Key> keyFromJson(const QJsonObject &object);
Result<DeliveryAttempt> attemptFromJson(const QJsonObject &object);
Result<ListPage<WebhookConfig>> configPageFromJson(const QJsonObject &object);
Result<ListPage<Task>> taskPageFromJson(const QJsonObject &object);
Result<ListPage<Event>> eventPageFromJson(const QJsonObject &object);
Result<ListPage<DeliveryAttempt>> attemptPageFromJson(const QJsonObject &object);
// An error body {"error", "message", "params"}: the kind its code names (Refused for a code
// we do not know; RemoteService adds what the HTTP status tells).
ApiError errorFromJson(const QJsonObject &object);

} // namespace wa::JsonCodec
