#include "jsoncodec.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using namespace wa::JsonCodec;

namespace {

const QDateTime Created(QDate(2026, 11, 28), QTime(10, 25, 5, 123), Qt::UTC);

WebhookConfig sampleConfig()
{
    WebhookConfig config;
    config.id = QStringLiteral("0b5c7f2e-1111-4a4a-9c9c-000000000001");
    config.organisation = QStringLiteral("org-1");
    config.url = QStringLiteral("https://example.com/webhooks");
    config.secret = QStringLiteral("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA");
    config.state = ConfigState::Valid;
    config.dateCreated = Created;
    return config;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList keysOf(std::initializer_list<const char *> names)
{
    QStringList keys;
    for (const char *name : names)
        keys << QString::fromLatin1(name);
    keys.sort();
    return keys;
}

// JSON written with single quotes: readable in C++ without raw strings, which moc mis-tokenises.
QByteArray jsonText(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestJsonCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void formatsMicrosecondsInUtc()
    {
        QCOMPARE(formatDateTime(Created), QStringLiteral("2026-11-28T10:25:05.123000Z"));
        // Another zone is written as the same instant in UTC.
        QCOMPARE(formatDateTime(Created.toOffsetFromUtc(-5 * 3600)),
                 QStringLiteral("2026-11-28T10:25:05.123000Z"));
        QCOMPARE(formatDateTime(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)),
                 QStringLiteral("2026-01-02T03:04:05.000000Z"));
        QVERIFY(formatDateTime(QDateTime()).isEmpty());
    }

    void parsesDateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // formatted result; empty: refused
        QTest::newRow("6 digits") << QStringLiteral("2026-11-28T10:25:05.123456Z")
                                  << QStringLiteral("2026-11-28T10:25:05.123000Z");
        QTest::newRow("3 digits") << QStringLiteral("2026-11-28T10:25:05.123Z")
                                  << QStringLiteral("2026-11-28T10:25:05.123000Z");
        QTest::newRow("0 digits") << QStringLiteral("2026-11-28T10:25:05Z")
                                  << QStringLiteral("2026-11-28T10:25:05.000000Z");
        QTest::newRow("1 digit") << QStringLiteral("2026-11-28T10:25:05.5Z")
                                 << QStringLiteral("2026-11-28T10:25:05.500000Z");
        QTest::newRow("+00:00") << QStringLiteral("2026-11-28T10:25:05.123456+00:00")
                                << QStringLiteral("2026-11-28T10:25:05.123000Z");
        QTest::newRow("+05:30") << QStringLiteral("2026-11-28T10:25:05+05:30")
                                << QStringLiteral("2026-11-28T04:55:05.000000Z");
        QTest::newRow("-08:00 crosses midnight") << QStringLiteral("2026-12-31T20:00:00-08:00")
                                                 << QStringLiteral("2027-01-01T04:00:00.000000Z");
        QTest::newRow("leap day") << QStringLiteral("2028-02-29T00:00:00Z")
                                  << QStringLiteral("2028-02-29T00:00:00.000000Z");
        QTest::newRow("Feb 30") << QStringLiteral("2026-02-30T10:25:05Z") << QString();
        QTest::newRow("Feb 29 of 2026") << QStringLiteral("2026-02-29T10:25:05Z") << QString();
        QTest::newRow("month 13") << QStringLiteral("2026-13-01T10:25:05Z") << QString();
        QTest::newRow("hour 25") << QStringLiteral("2026-11-28T25:00:00Z") << QString();
        QTest::newRow("minute 60") << QStringLiteral("2026-11-28T10:60:00Z") << QString();
        QTest::newRow("second 60") << QStringLiteral("2026-11-28T10:25:60Z") << QString();
        // As the official client sends a naive datetime and a date (API.md).
        QTest::newRow("no zone is UTC") << QStringLiteral("2026-11-28T10:25:05.123")
                                        << QStringLiteral("2026-11-28T10:25:05.123000Z");
        QTest::newRow("date only is midnight UTC")
            << QStringLiteral("2026-11-28") << QStringLiteral("2026-11-28T00:00:00.000000Z");
        QTest::newRow("finer digits dropped, not rounded")
            << QStringLiteral("2026-11-28T10:25:05.9999Z")
            << QStringLiteral("2026-11-28T10:25:05.999000Z");
        QTest::newRow("+0530") << QStringLiteral("2026-11-28T10:25:05+0530")
                               << QStringLiteral("2026-11-28T04:55:05.000000Z");
        QTest::newRow("empty fraction") << QStringLiteral("2026-11-28T10:25:05.Z") << QString();
        QTest::newRow("10 digits")
            << QStringLiteral("2026-11-28T10:25:05.1234567890Z") << QString();
        QTest::newRow("offset hour 24") << QStringLiteral("2026-11-28T10:25:05+24:00") << QString();
        QTest::newRow("trailing junk") << QStringLiteral("2026-11-28T10:25:05Zjunk") << QString();
        QTest::newRow("words") << QStringLiteral("yesterday") << QString();
        QTest::newRow("non-ascii digits") << QStringLiteral("٢٠٢٦-11-28T10:25:05Z") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void parsesDateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const auto parsed = parseDateTime(text);
        if (utc.isEmpty()) {
            QVERIFY2(!parsed, qPrintable(text));
        } else {
            QVERIFY2(parsed, qPrintable(text));
            QCOMPARE(parsed->timeSpec(), Qt::UTC);
            QCOMPARE(formatDateTime(*parsed), utc);
        }
    }

    void dateTimeRoundTrip()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto back = parseDateTime(formatDateTime(now));
        QVERIFY(back);
        QCOMPARE(*back, now);
    }

    void idsFromNumbers()
    {
        QCOMPARE(decodeId(QJsonValue(42)), QStringLiteral("42"));
        QCOMPARE(decodeId(QJsonValue(QStringLiteral("42"))), QStringLiteral("42"));
        QCOMPARE(decodeId(QJsonValue(1234567890123.0)), QStringLiteral("1234567890123"));
        QCOMPARE(decodeId(QJsonValue(1e20)), QStringLiteral("100000000000000000000"));
        QCOMPARE(decodeId(QJsonValue(QJsonValue::Null)), QString());
        QCOMPARE(decodeId(QJsonValue(QJsonValue::Undefined)), QString());
        // Integer IDs parsed from a body, as the hosted API sends them.
        const auto config = configFromJson(
            parse(jsonText("{'id': 981, 'organisation': 7, 'url': 'https://x/', 'state': 'new'}")));
        QVERIFY(config);
        QCOMPARE(config.value().id, QStringLiteral("981"));
        QCOMPARE(config.value().organisation, QStringLiteral("7"));
    }

    void configFields()
    {
        const QJsonObject json = toJson(sampleConfig());
        QCOMPARE(
            sortedKeys(json),
            keysOf({"id", "resource", "organisation", "url", "secret", "state", "date_created"}));
        QCOMPARE(json.value(QStringLiteral("resource")).toString(),
                 QStringLiteral("webhook_config"));
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
        QCOMPARE(json.value(QStringLiteral("date_created")).toString(),
                 QStringLiteral("2026-11-28T10:25:05.123000Z"));
        QCOMPARE(json.value(QStringLiteral("secret")).toString(), sampleConfig().secret);

        const QJsonObject withoutSecret = toJson(sampleConfig(), Secret::Omit);
        QVERIFY(!withoutSecret.contains(QStringLiteral("secret")));
        QVERIFY(!QJsonDocument(withoutSecret).toJson().contains(sampleConfig().secret.toUtf8()));

        WebhookConfig undated = sampleConfig();
        undated.dateCreated = {};
        QVERIFY(toJson(undated).value(QStringLiteral("date_created")).isNull());
    }

    void configRoundTrip()
    {
        const auto back = configFromJson(toJson(sampleConfig()));
        QVERIFY(back);
        QCOMPARE(back.value(), sampleConfig());
        for (auto state : {ConfigState::New, ConfigState::Invalid, ConfigState::Deactivated}) {
            WebhookConfig config = sampleConfig();
            config.state = state;
            QCOMPARE(toString(configFromJson(toJson(config)).value().state), toString(state));
        }
    }

    void configDecodeIgnoresExtraFields()
    {
        QJsonObject json = toJson(sampleConfig());
        json.insert(QStringLiteral("something_new"), QStringLiteral("from a newer API"));
        QVERIFY(configFromJson(json));
    }

    void badResourcesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QByteArray(jsonText("{'url': 'https://x/', 'state': 'new'}"))
                               << QStringLiteral("id");
        QTest::newRow("no url") << QByteArray(jsonText("{'id': 'a', 'state': 'new'}"))
                                << QStringLiteral("url");
        QTest::newRow("url not string")
            << QByteArray(jsonText("{'id': 'a', 'url': 5, 'state': 'new'}"))
            << QStringLiteral("url");
        QTest::newRow("unknown state")
            << QByteArray(jsonText("{'id': 'a', 'url': 'https://x/', 'state': 'sleepy'}"))
            << QStringLiteral("state");
        QTest::newRow("id is bool")
            << QByteArray(jsonText("{'id': true, 'url': 'https://x/', 'state': 'new'}"))
            << QStringLiteral("id");
        QTest::newRow("bad date") << QByteArray(
            jsonText("{'id': 'a', 'url': 'https://x/', 'state': 'new', 'date_created': 'soon'}"))
                                  << QStringLiteral("date_created");
        QTest::newRow("other resource")
            << QByteArray(jsonText("{'id': 'a', 'resource': 'task', 'url': 'u', 'state': 'new'}"))
            << QStringLiteral("resource");
    }

    void badResourcesNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto result = configFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ApiError::Kind::BadResponse);
        QCOMPARE(result.error().code, QStringLiteral("bad-response"));
        QVERIFY2(result.error().message.contains(u'"' + field + u'"'),
                 qPrintable(result.error().message));
        QVERIFY(result.error().params.contains(field));
    }

    void taskFieldsAndRoundTrip()
    {
        Task task;
        task.id = QStringLiteral("t1");
        task.organisation = QStringLiteral("org-1");
        task.key = QStringLiteral("key-1");
        task.target = QStringLiteral("c1");
        task.state = TaskState::Processing;
        task.dateCreated = Created;
        task.dateStarted = Created.addSecs(1);
        QJsonObject json = toJson(task);
        QCOMPARE(sortedKeys(json),
                 keysOf({"id", "resource", "organisation", "key", "type", "target", "state",
                         "error", "date_created", "date_started", "date_completed"}));
        QCOMPARE(json.value(QStringLiteral("resource")).toString(), QStringLiteral("task"));
        QCOMPARE(json.value(QStringLiteral("type")).toString(),
                 QStringLiteral("webhook_config.test"));
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("processing"));
        QVERIFY(json.value(QStringLiteral("error")).isNull());
        QVERIFY(json.value(QStringLiteral("date_completed")).isNull());
        QCOMPARE(taskFromJson(json).value(), task);

        task.state = TaskState::Failed;
        task.error = QString::fromLatin1(TaskError::Timeout);
        task.dateCompleted = Created.addSecs(11);
        json = toJson(task);
        QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("webhook-timeout"));
        QCOMPARE(taskFromJson(json).value(), task);

        json.insert(QStringLiteral("state"), QStringLiteral("exploded"));
        QCOMPARE(taskFromJson(json).error().params.firstKey(), QStringLiteral("state"));
    }

    void eventFieldsAndRoundTrip()
    {
        Event event;
        event.id = QStringLiteral("3f1c2b7a-0000-4000-8000-000000000001");
        event.organisation = QStringLiteral("org-1");
        event.data = toJson(sampleConfig(), Secret::Omit);
        event.dateCreated = Created;
        const QJsonObject json = toJson(event);
        QCOMPARE(sortedKeys(json),
                 keysOf({"id", "resource", "organisation", "type", "action", "data", "date_created",
                         "state", "retries", "date_delivered"}));
        QCOMPARE(json.value(QStringLiteral("resource")).toString(), QStringLiteral("event"));
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("webhook_config"));
        QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("test"));
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(json.value(QStringLiteral("retries")).toInt(), 0);
        QVERIFY(json.value(QStringLiteral("date_delivered")).isNull());
        QVERIFY(!json.value(QStringLiteral("data")).toObject().contains(QStringLiteral("secret")));
        QCOMPARE(eventFromJson(json).value(), event);

        event.state = EventState::Delivered;
        event.retries = 2;
        event.dateDelivered = Created.addSecs(3);
        QCOMPARE(eventFromJson(toJson(event)).value(), event);
    }

    void eventAsReceiverGetsIt()
    {
        // The delivered event body has no state, retries or delivery date.
        const auto event = eventFromJson(parse(jsonText(
            "{'id': 'e1', 'resource': 'event', 'organisation': 'o', 'type': 'webhook_config',"
            " 'action': 'test', 'data': {'id': 'c1'}, 'date_created': '2026-11-28T10:25:05Z'}")));
        QVERIFY(event);
        QCOMPARE(event.value().id, QStringLiteral("e1"));
        QCOMPARE(event.value().data.value(QStringLiteral("id")).toString(), QStringLiteral("c1"));
        QCOMPARE(toString(event.value().state), QStringLiteral("pending"));
        QVERIFY(!eventFromJson(parse(jsonText("{'id': 'e1', 'data': 'x'}"))));
    }

    void organisationWithConfigs()
    {
        Organisation organisation;
        organisation.id = QStringLiteral("org-1");
        organisation.name = QStringLiteral("Local organisation");
        organisation.webhookConfigDefault = sampleConfig().id;
        organisation.webhookConfigs.data = {sampleConfig()};
        organisation.webhookConfigs.totalCount = 1;
        organisation.webhookConfigs.url = QStringLiteral("/configs/webhook");
        organisation.dateCreated = Created;
        const QJsonObject json = toJson(organisation);
        QCOMPARE(sortedKeys(json),
                 keysOf({"id", "resource", "name", "state", "webhook_config_default",
                         "webhook_configs", "date_created"}));
        const QJsonObject list = json.value(QStringLiteral("webhook_configs")).toObject();
        QCOMPARE(list.value(QStringLiteral("resource")).toString(), QStringLiteral("list"));
        QCOMPARE(list.value(QStringLiteral("total_count")).toInt(), 1);
        QCOMPARE(list.value(QStringLiteral("data")).toArray().size(), 1);

        const auto back = organisationFromJson(json);
        QVERIFY(back);
        QCOMPARE(back.value().id, organisation.id);
        QCOMPARE(back.value().name, organisation.name);
        QCOMPARE(back.value().webhookConfigDefault, organisation.webhookConfigDefault);
        QCOMPARE(back.value().webhookConfigs.data, organisation.webhookConfigs.data);
        QCOMPARE(back.value().dateCreated, Created);

        organisation.webhookConfigDefault.clear();
        QVERIFY(toJson(organisation).value(QStringLiteral("webhook_config_default")).isNull());
        QVERIFY(organisationFromJson(toJson(organisation)).value().webhookConfigDefault.isEmpty());
    }

    void keyFieldsAndRoundTrip()
    {
        Key key;
        key.id = QStringLiteral("k1");
        key.organisation = QStringLiteral("org-1");
        key.dateCreated = Created;
        QJsonObject json = toJson(key);
        QCOMPARE(
            sortedKeys(json),
            keysOf({"id", "resource", "organisation", "webhook_config", "state", "date_created"}));
        QVERIFY(json.value(QStringLiteral("webhook_config")).isNull());
        QVERIFY(!json.contains(QStringLiteral("token")));
        key.webhookConfig = QStringLiteral("c1");
        const auto back = keyFromJson(toJson(key));
        QVERIFY(back);
        QCOMPARE(back.value().webhookConfig, QStringLiteral("c1"));
        QCOMPARE(back.value().state, QStringLiteral("active"));
        QCOMPARE(back.value().dateCreated, Created);
        json.insert(QStringLiteral("webhook_config"), 12);
        QCOMPARE(keyFromJson(json).value().webhookConfig, QStringLiteral("12"));
    }

    void attemptRoundTrip()
    {
        DeliveryAttempt attempt;
        attempt.id = QStringLiteral("a1");
        attempt.configId = QStringLiteral("c1");
        attempt.taskId = QStringLiteral("t1");
        attempt.eventId = QStringLiteral("e1");
        attempt.dateStarted = Created;
        attempt.requestUrl = QStringLiteral("http://127.0.0.1:8080/webhooks/e1");
        attempt.requestHeaders = {{"Content-Type", "application/json"},
                                  {"Ricloud-Signature", "t=1,s=abc="},
                                  {"X-Repeat", "1"},
                                  {"X-Repeat", "2"}};
        attempt.requestBody = jsonText("{'id': 'e1', 'text': 'héllo'}");
        attempt.responseStatus = 200;
        attempt.responseBodyStart = QByteArray("\x00\xff\xfe binary", 10);
        attempt.latencyMs = 17;
        const QJsonObject json = toJson(attempt);
        QCOMPARE(sortedKeys(json),
                 keysOf({"id", "resource", "config", "task", "event", "date_started", "request_url",
                         "request_headers", "request_body", "response_status",
                         "response_body_start", "latency_ms", "error", "error_detail"}));
        QCOMPARE(json.value(QStringLiteral("resource")).toString(),
                 QStringLiteral("delivery_attempt"));
        // Text bodies stay readable; binary ones travel as base64.
        QCOMPARE(json.value(QStringLiteral("request_body")).toString(),
                 QString::fromUtf8(attempt.requestBody));
        QCOMPARE(json.value(QStringLiteral("response_body_start"))
                     .toObject()
                     .value(QStringLiteral("base64"))
                     .toString(),
                 QString::fromLatin1(attempt.responseBodyStart.toBase64()));
        QVERIFY(json.value(QStringLiteral("error")).isNull());
        const QJsonArray headers = json.value(QStringLiteral("request_headers")).toArray();
        QCOMPARE(headers.size(), 4);
        QCOMPARE(headers.at(0).toArray().at(0).toString(), QStringLiteral("Content-Type"));

        const auto back = attemptFromJson(json);
        QVERIFY(back);
        const DeliveryAttempt &b = back.value();
        QCOMPARE(b.id, attempt.id);
        QCOMPARE(b.configId, attempt.configId);
        QCOMPARE(b.taskId, attempt.taskId);
        QCOMPARE(b.eventId, attempt.eventId);
        QCOMPARE(b.dateStarted, attempt.dateStarted);
        QCOMPARE(b.requestUrl, attempt.requestUrl);
        QCOMPARE(b.requestHeaders, attempt.requestHeaders);
        QCOMPARE(b.requestBody, attempt.requestBody);
        QCOMPARE(b.responseStatus, 200);
        QCOMPARE(b.responseBodyStart, attempt.responseBodyStart);
        QCOMPARE(b.latencyMs, 17);
        QVERIFY(b.succeeded());
    }

    void failedAttempt()
    {
        DeliveryAttempt attempt;
        attempt.id = QStringLiteral("a2");
        attempt.configId = QStringLiteral("c1");
        attempt.eventId = QStringLiteral("e1");
        attempt.error = QString::fromLatin1(TaskError::Refused);
        attempt.errorDetail = QStringLiteral("Connection refused");
        const QJsonObject json = toJson(attempt);
        QVERIFY(json.value(QStringLiteral("response_status")).isNull());
        QVERIFY(json.value(QStringLiteral("task")).isNull());
        QCOMPARE(json.value(QStringLiteral("request_body")).toString(), QString());
        const auto back = attemptFromJson(json);
        QVERIFY(back);
        QCOMPARE(back.value().responseStatus, 0);
        QCOMPARE(back.value().taskId, QString());
        QCOMPARE(back.value().error, QStringLiteral("webhook-refused"));
        QCOMPARE(back.value().errorDetail, QStringLiteral("Connection refused"));
        QVERIFY(!back.value().succeeded());
    }

    void listPages()
    {
        ListPage<WebhookConfig> page;
        WebhookConfig second = sampleConfig();
        second.id = QStringLiteral("c2");
        page.data = {sampleConfig(), second};
        page.hasMore = true;
        page.totalCount = 7;
        page.url = QStringLiteral("/configs/webhook");
        const QJsonObject json = toJson(page);
        QCOMPARE(sortedKeys(json), keysOf({"resource", "data", "has_more", "total_count", "url"}));
        const auto back = configPageFromJson(json);
        QVERIFY(back);
        QCOMPARE(back.value().data, page.data);
        QCOMPARE(back.value().hasMore, true);
        QCOMPARE(back.value().totalCount, 7);
        QCOMPARE(back.value().url, page.url);

        // A bad item fails the page and names the item's field.
        QJsonObject broken = json;
        QJsonArray data = broken.value(QStringLiteral("data")).toArray();
        QJsonObject item = data.at(1).toObject();
        item.remove(QStringLiteral("url"));
        data.replace(1, item);
        broken.insert(QStringLiteral("data"), data);
        const auto failed = configPageFromJson(broken);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, ApiError::Kind::BadResponse);
        QVERIFY(failed.error().message.contains(QStringLiteral("\"url\"")));

        const auto noData = configPageFromJson(parse(jsonText("{'resource': 'list'}")));
        QVERIFY(!noData);
        QVERIFY(noData.error().message.contains(QStringLiteral("\"data\"")));

        Task task;
        task.id = QStringLiteral("t1");
        ListPage<Task> tasks;
        tasks.data = {task};
        tasks.totalCount = 1;
        QCOMPARE(taskPageFromJson(toJson(tasks)).value().data.first(), task);
        Event event;
        event.id = QStringLiteral("e1");
        ListPage<Event> events;
        events.data = {event};
        QCOMPARE(eventPageFromJson(toJson(events)).value().data.first(), event);
        DeliveryAttempt attempt;
        attempt.id = QStringLiteral("a1");
        ListPage<DeliveryAttempt> attempts;
        attempts.data = {attempt};
        QCOMPARE(attemptPageFromJson(toJson(attempts)).value().data.first().id,
                 QStringLiteral("a1"));
    }

    void errors()
    {
        const ApiError error
            = ApiError::invalidParameter(QStringLiteral("url"), QStringLiteral("is required"));
        const QJsonObject json = toJson(error);
        QCOMPARE(json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid-parameter"));
        QCOMPARE(json.value(QStringLiteral("message")).toString(), error.message);
        QCOMPARE(json.value(QStringLiteral("params")).toObject().value(QStringLiteral("url")),
                 QJsonValue(QStringLiteral("is required")));
        const ApiError back = errorFromJson(json);
        QVERIFY(back.kind == ApiError::Kind::InvalidParameter); // the kind its code names
        QCOMPARE(back.code, error.code);
        QCOMPARE(back.message, error.message);
        QCOMPARE(back.params, error.params);

        // No params object when no field is at fault.
        QVERIFY(!toJson(ApiError::notFound(QStringLiteral("No such config.")))
                     .contains(QStringLiteral("params")));

        const ApiError unauthorized = errorFromJson(toJson(ApiError::unauthorized()));
        QVERIFY(unauthorized.kind == ApiError::Kind::Unauthorized);
        QCOMPARE(unauthorized.code, QStringLiteral("unauthorized"));

        // A code we do not know: refused, in the remote's own words.
        const ApiError unknown = errorFromJson(parse(jsonText("{'error': 'gone-fishing'}")));
        QVERIFY(unknown.kind == ApiError::Kind::Refused);
        QCOMPARE(unknown.code, QStringLiteral("gone-fishing"));
        const ApiError listParams
            = errorFromJson(parse(jsonText("{'error': 'invalid-parameter', 'message': 'm',"
                                           " 'params': {'url': ['is required', 'is bad']}}")));
        QCOMPARE(listParams.params.value(QStringLiteral("url")),
                 QStringLiteral("is required; is bad"));
    }
};

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
