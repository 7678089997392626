#include "jsoncodec.h"

#include "jsonreader.h"

#include <QJsonDocument>
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

// A fixed-width run of ASCII digits (the fields of a datetime).
int digits(QStringView text, qsizetype from, qsizetype count, bool *ok)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (i >= text.size() || text.at(i).unicode() < '0' || text.at(i).unicode() > '9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (text.at(i).unicode() - '0');
    }
    return value;
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
                    data.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be an array"));
    page.hasMore = reader.boolean("has_more");
    page.url = reader.string("url");
    if (reader.failed())
        return reader.error();
    const QJsonArray array = data.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            reader.fail("data", QStringLiteral("holds an item that is not a %1").arg(itemResource));
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
    const QDateTime utc = dateTime.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    // Written digit by digit: every listed resource carries dates, and QString::arg chains
    // were a sixth of the list endpoint's time. QDateTime keeps milliseconds; the API writes
    // microseconds, so the last three digits are zeros.
    char16_t text[] = u"0000-00-00T00:00:00.000000Z";
    const auto put = [&text](qsizetype at, int value, int width) {
        for (qsizetype i = at + width - 1; i >= at; --i) {
            text[i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
    };
    if (d.year() < 0 || d.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    put(0, d.year(), 4);
    put(5, d.month(), 2);
    put(8, d.day(), 2);
    put(11, t.hour(), 2);
    put(14, t.minute(), 2);
    put(17, t.second(), 2);
    put(20, t.msec(), 3);
    return QString(reinterpret_cast<const QChar *>(text), qsizetype(std::size(text)) - 1);
}

std::optional<QDateTime> parseDateTime(QStringView text)
{
    // YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM|+HHMM)
    bool ok = true;
    if (text.size() < 20 || text.at(4) != u'-' || text.at(7) != u'-'
        || (text.at(10) != u'T' && text.at(10) != u't' && text.at(10) != u' ')
        || text.at(13) != u':' || text.at(16) != u':')
        return std::nullopt;
    const int year = digits(text, 0, 4, &ok);
    const int month = digits(text, 5, 2, &ok);
    const int day = digits(text, 8, 2, &ok);
    const int hour = digits(text, 11, 2, &ok);
    const int minute = digits(text, 14, 2, &ok);
    const int second = digits(text, 17, 2, &ok);
    if (!ok)
        return std::nullopt;
    qsizetype pos = 19;
    int msec = 0;
    if (text.at(pos) == u'.') {
        ++pos;
        const qsizetype start = pos;
        while (pos < text.size() && text.at(pos).unicode() >= '0' && text.at(pos).unicode() <= '9')
            ++pos;
        const qsizetype count = pos - start;
        if (count < 1 || count > 9)
            return std::nullopt;
        // Milliseconds are what QDateTime keeps: finer digits are dropped.
        for (qsizetype i = 0; i < 3; ++i)
            msec = msec * 10 + (i < count ? text.at(start + i).unicode() - '0' : 0);
    }
    int offsetSeconds = 0;
    const QStringView zone = text.mid(pos);
    if (zone == u"Z" || zone == u"z") {
        offsetSeconds = 0;
    } else if ((zone.size() == 6 && zone.at(3) == u':') || zone.size() == 5) {
        if (zone.at(0) != u'+' && zone.at(0) != u'-')
            return std::nullopt;
        const int offHours = digits(zone, 1, 2, &ok);
        const int offMinutes = digits(zone, zone.size() == 6 ? 4 : 3, 2, &ok);
        if (!ok || offHours > 23 || offMinutes > 59)
            return std::nullopt;
        offsetSeconds = (offHours * 60 + offMinutes) * 60 * (zone.at(0) == u'-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid() || year < 1)
        return std::nullopt;
    QDateTime result(date, time, Qt::UTC);
    result = result.addSecs(-offsetSeconds);
    if (!result.isValid())
        return std::nullopt;
    return result;
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
        r.fail("webhook_configs", QStringLiteral("must be a list"));
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
                r.fail("request_headers", QStringLiteral("must hold [name, value] pairs"));
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
        r.fail("request_headers", QStringLiteral("must be an array of [name, value] pairs"));
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

ApiError errorFromJson(int status, const QJsonObject &object)
{
    ApiError error;
    error.kind = status == 401 ? ApiError::Kind::Unauthorized : ApiError::Kind::Api;
    error.status = status;
    error.code = object.value(QStringLiteral("error")).toString();
    if (error.code.isEmpty()) {
        // Not our error body (a proxy, an older API): name the status instead.
        switch (status) {
        case 400:
            error.code = QStringLiteral("invalid-parameter");
            break;
        case 401:
            error.code = QStringLiteral("unauthorized");
            break;
        case 404:
            error.code = QStringLiteral("not-found");
            break;
        case 405:
            error.code = QStringLiteral("method-not-allowed");
            break;
        case 413:
            error.code = QStringLiteral("payload-too-large");
            break;
        case 429:
            error.code = QStringLiteral("limit-exceeded");
            break;
        default:
            error.code = status >= 500 ? QStringLiteral("server-error")
                                       : QStringLiteral("http-%1").arg(status);
        }
    }
    error.message = object.value(QStringLiteral("message")).toString();
    if (error.message.isEmpty())
        error.message = object.value(QStringLiteral("detail")).toString();
    if (error.message.isEmpty())
        error.message = QStringLiteral("The service answered with HTTP status %1.").arg(status);
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
