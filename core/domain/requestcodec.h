#pragma once

#include "configchanges.h"
#include "configfilter.h"
#include "listpage.h"
#include "result.h"
#include "task.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// Request bodies and query strings of the API: decoded strictly on the server side (bad input is
// a clear 400 that names the field), encoded by the remote client. Field names live here.
namespace wa::RequestCodec {

inline constexpr qint64 MaxBodyBytes = 1024 * 1024;

// Any body as JSON whatever the Content-Type; empty or `null` is "no parameters" (an empty
// object). Not JSON: invalid-body whose message says what is wrong and at which character.
// JSON but not an object: invalid-body.
Result<QJsonObject> parseBody(const QByteArray &body);

// POST /configs/webhook: {"url"} required, nothing else allowed. Returns the URL as given
// (the service validates its form).
Result<QString> decodeCreate(const QJsonObject &body);
QJsonObject encodeCreate(const QString &url);

// POST /configs/webhook/{id}: any of {"url", "state"}; unknown fields, wrong types and unknown
// state names are invalid-parameter. (Whether a known state may be set is the service's rule.)
Result<ConfigChanges> decodeUpdate(const QJsonObject &body);
QJsonObject encodeUpdate(const ConfigChanges &changes);

// POST /organisation {"webhook_config_default": id|null} and POST /keys/{id}
// {"webhook_config": id|null}: the one field, required; an empty string result means null.
Result<QString> decodeIdOrNull(const QJsonObject &body, const QString &field);
QJsonObject encodeIdOrNull(const QString &field, const QString &idOrEmpty);

// GET /configs/webhook: state (comma-separated), date_created, date_created__gt|gte|lt|lte
// (and date_created[gt] etc.), limit, after_id, before_id. Unknown parameters, bad limits,
// unknown states and bad datetimes are invalid-parameter naming the parameter.
struct ConfigQuery
{
    ConfigFilter filter;
    PageRequest page;
};
Result<ConfigQuery> decodeConfigQuery(const QUrlQuery &query);
QUrlQuery encodeConfigQuery(const ConfigFilter &filter, const PageRequest &page);

// GET /tasks: type, target, state, limit, after_id, before_id.
struct TaskQuery
{
    TaskFilter filter;
    PageRequest page;
};
Result<TaskQuery> decodeTaskQuery(const QUrlQuery &query);
QUrlQuery encodeTaskQuery(const TaskFilter &filter, const PageRequest &page);

// GET /events and GET /configs/webhook/{id}/attempts: limit, after_id, before_id only.
Result<PageRequest> decodePageQuery(const QUrlQuery &query);
QUrlQuery encodePageQuery(const PageRequest &page);

// Ricloud-Await header: seconds to hold a response, 0..10 (above 10 is 10; junk is 0).
int decodeAwait(const QByteArray &headerValue);

} // namespace wa::RequestCodec
