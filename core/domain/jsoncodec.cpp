#include "jsoncodec.h"

#include "jsonreader.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

#include <cmath>
#include <iterator>

namespace wa::JsonCodec {

namespace {

QJsonValue dateOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(formatDateTime(dateTime)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Bodies are bytes; JSON strings are text. Valid UTF-8 travels as a string (readable in any
// tool), anything else as {"base64": ...}, so a body always comes back byte for byte.
QJsonValue bytesToJson(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                               | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder(bytes);
    if (!decoder.hasError() && text.toUtf8() == bytes)
        return text;
    return QJsonObject {{QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())}};
}

template<typename T>
Result<ListPage<T>> pageFromJson(const QJsonObject &object, const QString &itemResource,
                                 Result<T> (*decode)(const QJsonObject &))
{
    JsonReader reader(object, QStringLiteral("list"));
    ListPage<T> page;
    const QJsonValue data = reader.value("data");
    if (!data.isArray())
        reader.fail("data",
                    data.isUndefined()
                        ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonCodec", "is missing"))
                        : WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonCodec", "must be an array")));
    page.hasMore = reader.boolean("has_more");
    page.url = reader.string("url");
    if (reader.failed())
        return reader.error();
    const QJsonArray array = data.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            reader.fail(
                "data",
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonCodec", "holds an item that is not a %1"))
                    .arg(itemResource));
            return reader.error();
        }
        auto item = decode(array.at(i).toObject());
        if (!item)
            return item.error();
        page.data.append(std::move(item.value()));
    }
    page.totalCount = static_cast<int>(reader.integer("total_count", array.size()));
    if (reader.failed())
        return reader.error();
    return page;
}

} // namespace

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    // Qt writes milliseconds; the API writes microseconds, and QDateTime keeps no finer than
    // milliseconds: the last three digits are zeros.
    QString text = dateTime.toUTC().toString(Qt::ISODateWithMs);
    if (text.endsWith(u'Z'))
        text.insert(text.size() - 1, QLatin1String("000"));
    return text;
}

std::optional<QDateTime> parseDateTime(QStringView text)
{
    // The shapes API.md accepts, in ASCII digits: a date, optionally a time with 0 to 9
    // fractional digits, optionally a zone (none: UTC).
    static const QRegularExpression shape(QStringLiteral(
        "^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ]([0-9]{2}:[0-9]{2}:[0-9]{2})(?:\\.([0-9]{1,9}))?"
        "(Z|z|[+-][0-9]{2}:?[0-9]{2})?)?$"));
    const QRegularExpressionMatch match = shape.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    // Milliseconds are what QDateTime keeps: finer digits are dropped, not rounded.
    const QString fraction = QString(match.captured(3) + QLatin1String("000")).left(3);
    QString zone = match.captured(4);
    if (zone.isEmpty() || zone == u"z")
        zone = QStringLiteral("Z");
    if (zone.size() > 1 && zone.mid(1, 2).toInt() > 23)
        return std::nullopt;
    const QString time
        = match.captured(2).isEmpty() ? QStringLiteral("00:00:00") : match.captured(2);
    const QString iso = match.captured(1) + u'T' + time + u'.' + fraction + zone;
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.date().year() < 1)
        return std::nullopt;
    return parsed.toUTC();
}

QByteArray listText(const QList<QByteArray> &items, bool hasMore, int totalCount,
                    const QString &url)
{
    // The codec writes the list object with no items; the items go between its brackets.
    ListPage<WebhookConfig> envelope;
    envelope.hasMore = hasMore;
    envelope.totalCount = totalCount;
    envelope.url = url;
    QByteArray text = QJsonDocument(toJson(envelope)).toJson(QJsonDocument::Compact);
    static const QByteArray emptyData = QByteArrayLiteral("\"data\":[]");
    const qsizetype at = text.indexOf(emptyData);
    Q_ASSERT(at >= 0);
    qsizetype size = 0;
    for (const QByteArray &item : items)
        size += item.size() + 1;
    QByteArray joined;
    joined.reserve(size);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            joined += ',';
        joined += items.at(i);
    }
    text.insert(at + emptyData.size() - 1, joined);
    return text;
}

QString decodeId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isDouble())
        return {};
    const double d = value.toDouble();
    if (!std::isfinite(d))
        return {};
    if (std::floor(d) == d) {
        if (std::fabs(d) < 9.2e18)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'f', 0); // larger than qint64: still no exponent
    }
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QJsonObject toJson(const WebhookConfig &config, Secret secret)
{
    QJsonObject object {{QStringLiteral("id"), config.id},
                        {QStringLiteral("resource"), QStringLiteral("webhook_config")},
                        {QStringLiteral("organisation"), config.organisation},
                        {QStringLiteral("url"), config.url},
                        {QStringLiteral("state"), toString(config.state)},
                        {QStringLiteral("date_created"), dateOrNull(config.dateCreated)}};
    if (secret == Secret::Include)
        object.insert(QStringLiteral("secret"), config.secret);
    return object;
}

QJsonObject toJson(const Task &task)
{
    return {{QStringLiteral("id"), task.id},
            {QStringLiteral("resource"), QStringLiteral("task")},
            {QStringLiteral("organisation"), task.organisation},
            {QStringLiteral("key"), stringOrNull(task.key)},
            {QStringLiteral("type"), task.type},
            {QStringLiteral("target"), task.target},
            {QStringLiteral("state"), toString(task.state)},
            {QStringLiteral("error"), stringOrNull(task.error)},
            {QStringLiteral("date_created"), dateOrNull(task.dateCreated)},
            {QStringLiteral("date_started"), dateOrNull(task.dateStarted)},
            {QStringLiteral("date_completed"), dateOrNull(task.dateCompleted)}};
}

QJsonObject toJson(const Event &event)
{
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("resource"), QStringLiteral("event")},
            {QStringLiteral("organisation"), event.organisation},
            {QStringLiteral("type"), event.type},
            {QStringLiteral("action"), event.action},
            {QStringLiteral("data"), event.data},
            {QStringLiteral("date_created"), dateOrNull(event.dateCreated)},
            {QStringLiteral("state"), toString(event.state)},
            {QStringLiteral("retries"), event.retries},
            {QStringLiteral("date_delivered"), dateOrNull(event.dateDelivered)}};
}

QJsonObject toJson(const Organisation &organisation)
{
    return {
        {QStringLiteral("id"), organisation.id},
        {QStringLiteral("resource"), QStringLiteral("organisation")},
        {QStringLiteral("name"), organisation.name},
        {QStringLiteral("state"), organisation.state},
        {QStringLiteral("webhook_config_default"), stringOrNull(organisation.webhookConfigDefault)},
        {QStringLiteral("webhook_configs"), toJson(organisation.webhookConfigs)},
        {QStringLiteral("date_created"), dateOrNull(organisation.dateCreated)}};
}

QJsonObject toJson(const Key &key)
{
    return {{QStringLiteral("id"), key.id},
            {QStringLiteral("resource"), QStringLiteral("key")},
            {QStringLiteral("organisation"), key.organisation},
            {QStringLiteral("webhook_config"), stringOrNull(key.webhookConfig)},
            {QStringLiteral("state"), key.state},
            {QStringLiteral("date_created"), dateOrNull(key.dateCreated)}};
}

QJsonObject toJson(const DeliveryAttempt &attempt)
{
    // Headers as [name, value] pairs: order and repeats are kept. Latin-1 maps bytes 1:1.
    QJsonArray headers;
    for (const auto &[name, value] : attempt.requestHeaders)
        headers.append(QJsonArray {QString::fromLatin1(name), QString::fromLatin1(value)});
    return {{QStringLiteral("id"), attempt.id},
            {QStringLiteral("resource"), QStringLiteral("delivery_attempt")},
            {QStringLiteral("config"), attempt.configId},
            {QStringLiteral("task"), stringOrNull(attempt.taskId)},
            {QStringLiteral("event"), attempt.eventId},
            {QStringLiteral("date_started"), dateOrNull(attempt.dateStarted)},
            {QStringLiteral("request_url"), attempt.requestUrl},
            {QStringLiteral("request_headers"), headers},
            {QStringLiteral("request_body"), bytesToJson(attempt.requestBody)},
            {QStringLiteral("response_status"),
             attempt.responseStatus == 0 ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(attempt.responseStatus)},
            {QStringLiteral("response_body_start"), bytesToJson(attempt.responseBodyStart)},
            {QStringLiteral("latency_ms"), attempt.latencyMs},
            {QStringLiteral("error"), stringOrNull(attempt.error)},
            {QStringLiteral("error_detail"), attempt.errorDetail}};
}

QJsonObject toJson(const ApiError &error)
{
    QJsonObject object {{QStringLiteral("error"), error.code},
                        {QStringLiteral("message"), error.message}};
    if (!error.params.isEmpty()) {
        QJsonObject params;
        for (auto it = error.params.cbegin(); it != error.params.cend(); ++it)
            params.insert(it.key(), it.value());
        object.insert(QStringLiteral("params"), params);
    }
    return object;
}

Result<WebhookConfig> configFromJson(const QJsonObject &object)
{
    JsonReader r(object, QStringLiteral("webhook_config"));
    WebhookConfig config;
    config.id = r.id("id", true);
    config.organisation = r.id("organisation");
    config.url = r.string("url", true);
    config.secret = r.string("secret");
    config.state = r.state("state", &configStateFromString, ConfigState::New, true);
    config.dateCreated = r.date("date_created");
    if (r.failed())
        return r.error();
    return config;
}

Result<Task> taskFromJson(const QJsonObject &object)
{
    JsonReader r(object, QStringLiteral("task"));
    Task task;
    task.id = r.id("id", true);
    task.organisation = r.id("organisation");
    task.key = r.id("key");
    task.type = r.string("type", false, task.type);
    task.target = r.id("target");
    task.state = r.state("state", &taskStateFromString, TaskState::Pending, true);
    task.error = r.string("error");
    task.dateCreated = r.date("date_created");
    task.dateStarted = r.date("date_started");
    task.dateCompleted = r.date("date_completed");
    if (r.failed())
        return r.error();
    return task;
}

Result<Event> eventFromJson(const QJsonObject &object)
{
    // Also decodes the event as a receiver gets it, which has no state, retries or delivery date.
    JsonReader r(object, QStringLiteral("event"));
    Event event;
    event.id = r.id("id", true);
    event.organisation = r.id("organisation");
    event.type = r.string("type", false, event.type);
    event.action = r.string("action", false, event.action);
    event.data = r.object("data");
    event.dateCreated = r.date("date_created");
    event.state = r.state("state", &eventStateFromString, EventState::Pending, false);
    event.retries = static_cast<int>(r.integer("retries"));
    event.dateDelivered = r.date("date_delivered");
    if (r.failed())
        return r.error();
    return event;
}

Result<Organisation> organisationFromJson(const QJsonObject &object)
{
    JsonReader r(object, QStringLiteral("organisation"));
    Organisation organisation;
    organisation.id = r.id("id", true);
    organisation.name = r.string("name");
    organisation.state = r.string("state", false, organisation.state);
    organisation.webhookConfigDefault = r.id("webhook_config_default");
    const QJsonValue configs = r.value("webhook_configs");
    if (configs.isObject()) {
        auto page = configPageFromJson(configs.toObject());
        if (page)
            organisation.webhookConfigs = page.value();
        else
            r.failWith(page.error());
    } else if (configs.isArray()) {
        // A plain array of configs: accepted as a one-page list.
        QJsonObject list {{QStringLiteral("data"), configs}};
        auto page = configPageFromJson(list);
        if (page)
            organisation.webhookConfigs = page.value();
        else
            r.failWith(page.error());
    } else if (!configs.isUndefined() && !configs.isNull()) {
        r.fail("webhook_configs", WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonCodec", "must be a list")));
    }
    organisation.dateCreated = r.date("date_created");
    if (r.failed())
        return r.error();
    return organisation;
}

Result<Key> keyFromJson(const QJsonObject &object)
{
    JsonReader r(object, QStringLiteral("key"));
    Key key;
    key.id = r.id("id", true);
    key.organisation = r.id("organisation");
    key.webhookConfig = r.id("webhook_config");
    key.state = r.string("state", false, key.state);
    key.dateCreated = r.date("date_created");
    if (r.failed())
        return r.error();
    return key;
}

Result<DeliveryAttempt> attemptFromJson(const QJsonObject &object)
{
    JsonReader r(object, QStringLiteral("delivery_attempt"));
    DeliveryAttempt attempt;
    attempt.id = r.id("id", true);
    attempt.configId = r.id("config");
    attempt.taskId = r.id("task");
    attempt.eventId = r.id("event");
    attempt.dateStarted = r.date("date_started");
    attempt.requestUrl = r.string("request_url");
    const QJsonValue headers = r.value("request_headers");
    if (headers.isArray()) {
        for (const QJsonValue &pair : headers.toArray()) {
            const QJsonArray items = pair.toArray();
            if (!pair.isArray() || items.size() != 2 || !items.at(0).isString()
                || !items.at(1).isString()) {
                r.fail(
                    "request_headers",
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonCodec", "must hold [name, value] pairs")));
                break;
            }
            attempt.requestHeaders.append(
                {items.at(0).toString().toLatin1(), items.at(1).toString().toLatin1()});
        }
    } else if (headers.isObject()) {
        const QJsonObject map = headers.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            attempt.requestHeaders.append({it.key().toLatin1(), it.value().toString().toLatin1()});
    } else if (!headers.isUndefined() && !headers.isNull()) {
        r.fail("request_headers",
               WA_PHRASE(
                   QT_TRANSLATE_NOOP("wa::JsonCodec", "must be an array of [name, value] pairs")));
    }
    attempt.requestBody = r.bytes("request_body");
    attempt.responseStatus = static_cast<int>(r.integer("response_status"));
    attempt.responseBodyStart = r.bytes("response_body_start");
    attempt.latencyMs = r.integer("latency_ms");
    attempt.error = r.string("error");
    attempt.errorDetail = r.string("error_detail");
    if (r.failed())
        return r.error();
    return attempt;
}

Result<ListPage<WebhookConfig>> configPageFromJson(const QJsonObject &object)
{
    return pageFromJson<WebhookConfig>(object, QStringLiteral("webhook_config"), &configFromJson);
}

Result<ListPage<Task>> taskPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Task>(object, QStringLiteral("task"), &taskFromJson);
}

Result<ListPage<Event>> eventPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Event>(object, QStringLiteral("event"), &eventFromJson);
}

Result<ListPage<DeliveryAttempt>> attemptPageFromJson(const QJsonObject &object)
{
    return pageFromJson<DeliveryAttempt>(object, QStringLiteral("delivery_attempt"),
                                         &attemptFromJson);
}

ApiError errorFromJson(const QJsonObject &object)
{
    ApiError error;
    error.code = object.value(QStringLiteral("error")).toString();
    error.kind = ApiError::kindOf(error.code).value_or(ApiError::Kind::Refused);
    error.message = object.value(QStringLiteral("message")).toString();
    if (error.message.isEmpty())
        error.message = object.value(QStringLiteral("detail")).toString();
    const QJsonObject params = object.value(QStringLiteral("params")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QJsonValue reason = it.value();
        QString text;
        if (reason.isString()) {
            text = reason.toString();
        } else if (reason.isArray()) {
            QStringList parts;
            for (const QJsonValue &part : reason.toArray())
                parts << part.toString();
            text = parts.join(QStringLiteral("; "));
        } else {
            text = QString::fromUtf8(
                QJsonDocument(QJsonArray {reason}).toJson(QJsonDocument::Compact));
        }
        error.params.insert(it.key(), text);
    }
    return error;
}

} // namespace wa::JsonCodec
