#include "jsoncodec.h"
#include "requestcodec.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace wa;
using namespace wa::RequestCodec;

namespace {

// JSON written with single quotes: readable in C++ without raw strings, which moc mis-tokenises.
QByteArray jsonText(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// A query as a client puts it on the wire, decoded the way the server reads it.
QUrlQuery wire(const char *query)
{
    return QUrlQuery(QUrl(QStringLiteral("http://h/configs/webhook?") + QString::fromUtf8(query))
                         .query(QUrl::FullyEncoded));
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class TestRequestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noParameters_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("whitespace") << QByteArray(" \r\n\t ");
        QTest::newRow("null") << QByteArray("null"); // what ricloud-py sends
        QTest::newRow("null with newline") << QByteArray("null\n");
        QTest::newRow("empty object") << QByteArray("{}");
    }

    void noParameters()
    {
        QFETCH(QByteArray, body);
        const auto result = parseBody(body);
        QVERIFY(result);
        QVERIFY(result.value().isEmpty());
    }

    void parsesObjects()
    {
        const auto result = parseBody(jsonText("{'url': 'https://example.com/h'}"));
        QVERIFY(result);
        QCOMPARE(result.value().value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://example.com/h"));
    }

    void trailingCommaSaysWhereAndWhat()
    {
        const auto result = parseBody(jsonText("{'url': 'x',}"));
        QVERIFY(!result);
        QCOMPARE(result.error().status, 400);
        QCOMPARE(result.error().code, QStringLiteral("invalid-body"));
        const QString message = result.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("The body is not valid JSON: ")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("at character 13 (line 1, column 14)")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("trailing comma")), qPrintable(message));
    }

    void parseErrorsGiveLineAndColumn()
    {
        // A missing comma between two lines: parsing stops on the third line.
        const auto result = parseBody("{\n  \"url\": \"x\"\n  \"state\": \"new\"\n}");
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("invalid-body"));
        QVERIFY2(result.error().message.contains(QStringLiteral("(line 3, column")),
                 qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(QStringLiteral("trailing comma")));
        const auto garbage = parseBody("url=https://x/");
        QVERIFY(!garbage);
        QCOMPARE(garbage.error().code, QStringLiteral("invalid-body"));
        QVERIFY(garbage.error().message.contains(QStringLiteral("at character")));
    }

    // Valid JSON that Qt would read as something else than was sent (issue 13, point 9).
    void ambiguousJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("lone high surrogate")
            << QByteArray("{\"url\": \"http://127.0.0.1:9/a\\ud800b\"}")
            << QStringLiteral("The body has a lone UTF-16 surrogate \\ud800 in a string at "
                              "character 29 (line 1, column 30).");
        QTest::newRow("lone low surrogate")
            << QByteArray("{\"a\": \"\\uDC00\"}")
            << QStringLiteral("The body has a lone UTF-16 surrogate \\udc00 in a string at "
                              "character 7 (line 1, column 8).");
        QTest::newRow("high surrogate then not a low one")
            << QByteArray("{\"a\": \"\\ud800\\u0041\"}")
            << QStringLiteral("The body has a lone UTF-16 surrogate \\ud800 in a string at "
                              "character 7 (line 1, column 8).");
        QTest::newRow("duplicate key")
            << QByteArray("{\"url\": \"a\",\n \"url\": \"b\"}")
            << QStringLiteral("The body has the key \"url\" a second time at character 14 "
                              "(line 2, column 2).");
        QTest::newRow("duplicate key in a nested object")
            << QByteArray("{\"a\": {\"b\": 1, \"b\": 2}}")
            << QStringLiteral("The body has the key \"b\" a second time at character 15 "
                              "(line 1, column 16).");
        QTest::newRow("not UTF-8") << QByteArray("{\"a\": \"\xff\"}")
                                   << QStringLiteral("The body is not valid JSON: invalid UTF8 "
                                                     "string at character 7 (line 1, column 8).");
    }
    void ambiguousJsonIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto result = parseBody(body);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("invalid-body"));
        QCOMPARE(result.error().message, message);
    }

    void sameKeyInSiblingObjectsAndSurrogatePairsAreFine()
    {
        QVERIFY(
            parseBody("{\"a\": {\"b\": 1}, \"c\": {\"b\": 2}, \"d\": [{\"b\": 1}, {\"b\": 2}]}"));
        const auto pair = parseBody("{\"url\": \"x\\ud83d\\ude00y\"}");
        QVERIFY(pair);
        QCOMPARE(pair.value().value(QStringLiteral("url")).toString(),
                 QStringLiteral("x\U0001F600y"));
    }

    void notAnObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("array") << QByteArray(jsonText("['url']"))
                               << QStringLiteral("The body must be a JSON object, not an array.");
        QTest::newRow("string") << QByteArray(jsonText("'https://x/'"))
                                << QStringLiteral("The body must be a JSON object, not a string.");
        QTest::newRow("number") << QByteArray("42")
                                << QStringLiteral("The body must be a JSON object, not a number.");
        QTest::newRow("bool") << QByteArray(
            "true") << QStringLiteral("The body must be a JSON object, not true or false.");
    }

    void notAnObject()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto result = parseBody(body);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("invalid-body"));
        QCOMPARE(result.error().message, message);
    }

    void create()
    {
        const auto ok = decodeCreate(parse(jsonText("{'url': 'https://example.com/h'}")));
        QVERIFY(ok);
        QCOMPARE(ok.value(), QStringLiteral("https://example.com/h"));
        QCOMPARE(decodeCreate(encodeCreate(QStringLiteral("http://a/b"))).value(),
                 QStringLiteral("http://a/b"));

        const auto missing = decodeCreate({});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("invalid-parameter"));
        QCOMPARE(missing.error().params.value(QStringLiteral("url")),
                 QStringLiteral("is required"));
        QVERIFY(missing.error().message.contains(QStringLiteral("url")));

        for (const QByteArray &body :
             {jsonText("{'url': 5}"), jsonText("{'url': null}"), jsonText("{'url': ['x']}")}) {
            const auto wrong = decodeCreate(parse(body));
            QVERIFY(!wrong);
            QCOMPARE(wrong.error().params.value(QStringLiteral("url")),
                     QStringLiteral("must be a string"));
        }

        // Every offender at once.
        const auto many = decodeCreate(parse(jsonText("{'uri': 'x', 'secret': 'mine'}")));
        QVERIFY(!many);
        QCOMPARE(many.error().params.size(), 3);
        QCOMPARE(many.error().params.value(QStringLiteral("uri")),
                 QStringLiteral("is not a known parameter"));
        QCOMPARE(many.error().params.value(QStringLiteral("secret")),
                 QStringLiteral("is not a known parameter"));
        QCOMPARE(many.error().params.value(QStringLiteral("url")), QStringLiteral("is required"));
    }

    void update()
    {
        const auto empty = decodeUpdate({});
        QVERIFY(empty);
        QVERIFY(empty.value().isEmpty());

        const auto both
            = decodeUpdate(parse(jsonText("{'url': 'https://b/', 'state': 'deactivated'}")));
        QVERIFY(both);
        QCOMPARE(both.value().url, std::optional<QString>(QStringLiteral("https://b/")));
        QCOMPARE(both.value().state, std::optional<ConfigState>(ConfigState::Deactivated));

        // A known state decodes; whether it may be set is the service's rule.
        QCOMPARE(decodeUpdate(parse(jsonText("{'state': 'valid'}"))).value().state,
                 std::optional<ConfigState>(ConfigState::Valid));

        const auto badState = decodeUpdate(parse(jsonText("{'state': 'asleep'}")));
        QVERIFY(!badState);
        QCOMPARE(badState.error().params.value(QStringLiteral("state")),
                 QStringLiteral("must be one of new, deactivated"));
        QVERIFY(!decodeUpdate(parse(jsonText("{'state': 1}"))));
        QVERIFY(!decodeUpdate(parse(jsonText("{'state': 'NEW'}"))));

        const auto bad = decodeUpdate(parse(jsonText("{'url': 1, 'colour': 'red'}")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().params.value(QStringLiteral("url")),
                 QStringLiteral("must be a string"));
        QCOMPARE(bad.error().params.value(QStringLiteral("colour")),
                 QStringLiteral("is not a known parameter"));

        for (const ConfigChanges &changes :
             {ConfigChanges {}, ConfigChanges {QStringLiteral("https://c/"), std::nullopt},
              ConfigChanges {std::nullopt, ConfigState::New},
              ConfigChanges {QStringLiteral("https://d/"), ConfigState::Deactivated}}) {
            const auto back = decodeUpdate(encodeUpdate(changes));
            QVERIFY(back);
            QCOMPARE(back.value().url, changes.url);
            QCOMPARE(back.value().state, changes.state);
        }
    }

    void idOrNull()
    {
        const QString field = QStringLiteral("webhook_config_default");
        QCOMPARE(decodeIdOrNull(parse(jsonText("{'webhook_config_default': 'c1'}")), field).value(),
                 QStringLiteral("c1"));
        QCOMPARE(decodeIdOrNull(parse(jsonText("{'webhook_config_default': 77}")), field).value(),
                 QStringLiteral("77"));
        const auto cleared
            = decodeIdOrNull(parse(jsonText("{'webhook_config_default': null}")), field);
        QVERIFY(cleared);
        QVERIFY(cleared.value().isEmpty());

        const auto missing = decodeIdOrNull({}, field);
        QVERIFY(!missing);
        QCOMPARE(missing.error().params.value(field), QStringLiteral("is required"));
        const auto wrong = decodeIdOrNull(parse(jsonText("{'webhook_config_default': {}}")), field);
        QVERIFY(!wrong);
        QVERIFY(wrong.error().params.contains(field));
        const auto extra
            = decodeIdOrNull(parse(jsonText("{'webhook_config_default': 'c', 'x': 1}")), field);
        QVERIFY(!extra);
        QCOMPARE(extra.error().params.value(QStringLiteral("x")),
                 QStringLiteral("is not a known parameter"));

        QCOMPARE(decodeIdOrNull(encodeIdOrNull(field, QStringLiteral("c9")), field).value(),
                 QStringLiteral("c9"));
        QVERIFY(encodeIdOrNull(QStringLiteral("webhook_config"), {})
                    .value(QStringLiteral("webhook_config"))
                    .isNull());
        QVERIFY(decodeIdOrNull(encodeIdOrNull(field, {}), field).value().isEmpty());
    }

    void configQueryFilters()
    {
        const auto result = decodeConfigQuery(
            wire("state=valid,deactivated&date_created__gte=2026-11-01T00:00:00Z"
                 "&date_created[lt]=2026-12-01T00:00:00.000000%2B01:00&limit=50&after_id=c7"));
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        const ConfigQuery &q = result.value();
        QVERIFY(q.filter.states
                == (QList<ConfigState> {ConfigState::Valid, ConfigState::Deactivated}));
        QCOMPARE(q.filter.createdFrom, std::optional<QDateTime>(utc(2026, 11, 1, 0, 0, 0)));
        QCOMPARE(q.filter.createdBefore, std::optional<QDateTime>(utc(2026, 11, 30, 23, 0, 0)));
        QVERIFY(!q.filter.createdAt);
        QCOMPARE(q.page.limit, 50);
        QCOMPARE(q.page.afterId, QStringLiteral("c7"));
        QVERIFY(q.page.beforeId.isEmpty());

        const auto defaults = decodeConfigQuery(QUrlQuery());
        QVERIFY(defaults);
        QVERIFY(defaults.value().filter.states.isEmpty());
        QCOMPARE(defaults.value().page.limit, PageRequest::DefaultLimit);

        // As the official client sends them: a naive datetime is UTC, a date is midnight UTC.
        const auto naive = decodeConfigQuery(wire("date_created__gte=2026-11-28T10:25:05.123"));
        QVERIFY(naive.ok());
        QCOMPARE(*naive.value().filter.createdFrom,
                 QDateTime(QDate(2026, 11, 28), QTime(10, 25, 5, 123), Qt::UTC));
        const auto day = decodeConfigQuery(wire("date_created__lt=2026-11-28"));
        QVERIFY(day.ok());
        QCOMPARE(*day.value().filter.createdBefore,
                 QDateTime(QDate(2026, 11, 28), QTime(0, 0), Qt::UTC));
        const auto exact = decodeConfigQuery(wire("date_created=2026-11-28T10:25:05.123456Z"));
        QCOMPARE(exact.value().filter.createdAt,
                 std::optional<QDateTime>(utc(2026, 11, 28, 10, 25, 5, 123)));
        // A literal '+', and one that a form encoder turned into a space, are the offset.
        for (const char *query : {"date_created__lte=2026-11-28T10:00:00+01:00",
                                  "date_created__lte=2026-11-28T10:00:00%2001:00"}) {
            const auto offset = decodeConfigQuery(wire(query));
            QVERIFY2(offset, query);
            QCOMPARE(offset.value().filter.createdUntil,
                     std::optional<QDateTime>(utc(2026, 11, 28, 9, 0, 0)));
        }
    }

    void configQueryRefusals_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("reason");
        const QString limitReason = QStringLiteral("must be an integer from 1 to 1000");
        const QString dateReason = QStringLiteral("must be an ISO 8601 datetime");
        QTest::newRow("limit 0") << QByteArray("limit=0") << QStringLiteral("limit") << limitReason;
        QTest::newRow("limit 1001")
            << QByteArray("limit=1001") << QStringLiteral("limit") << limitReason;
        QTest::newRow("limit abc")
            << QByteArray("limit=abc") << QStringLiteral("limit") << limitReason;
        QTest::newRow("limit -1") << QByteArray("limit=-1") << QStringLiteral("limit")
                                  << limitReason;
        QTest::newRow("limit empty")
            << QByteArray("limit=") << QStringLiteral("limit") << limitReason;
        QTest::newRow("state unknown")
            << QByteArray("state=valid,sleepy") << QStringLiteral("state") << QString();
        QTest::newRow("state empty")
            << QByteArray("state=") << QStringLiteral("state") << QString();
        QTest::newRow("bad gt") << QByteArray("date_created__gt=yesterday")
                                << QStringLiteral("date_created__gt") << dateReason;
        QTest::newRow("bad bracket") << QByteArray("date_created[lte]=2026-02-30T00:00:00Z")
                                     << QStringLiteral("date_created[lte]") << dateReason;
        QTest::newRow("bad exact") << QByteArray("date_created=2026-11-28T10")
                                   << QStringLiteral("date_created") << dateReason;
        QTest::newRow("unknown op")
            << QByteArray("date_created__ne=2026-11-28T00:00:00Z")
            << QStringLiteral("date_created__ne") << QStringLiteral("is not a known filter");
        QTest::newRow("unknown") << QByteArray("colour=red") << QStringLiteral("colour")
                                 << QStringLiteral("is not a known filter");
        QTest::newRow("empty after_id")
            << QByteArray("after_id=") << QStringLiteral("after_id") << QString();
        QTest::newRow("repeated") << QByteArray("limit=5&limit=6") << QStringLiteral("limit")
                                  << QString();
    }

    void configQueryRefusals()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, param);
        QFETCH(QString, reason);
        const auto result = decodeConfigQuery(wire(query.constData()));
        QVERIFY(!result);
        QCOMPARE(result.error().status, 400);
        QCOMPARE(result.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY2(result.error().params.contains(param), qPrintable(result.error().message));
        if (!reason.isEmpty())
            QCOMPARE(result.error().params.value(param), reason);
        QVERIFY(result.error().message.contains(param));
    }

    void allOffendersAtOnce()
    {
        const auto result = decodeConfigQuery(wire("limit=0&state=x&foo=1"));
        QVERIFY(!result);
        QCOMPARE(result.error().params.size(), 3);
    }

    void configQueryRoundTrip()
    {
        ConfigFilter filter;
        filter.states = {ConfigState::New, ConfigState::Invalid};
        filter.createdAt = utc(2026, 11, 28, 10, 25, 5, 123);
        filter.createdAfter = utc(2026, 1, 1, 0, 0, 0);
        filter.createdFrom = utc(2026, 1, 2, 0, 0, 0);
        filter.createdBefore = utc(2027, 1, 1, 0, 0, 0);
        filter.createdUntil = utc(2027, 1, 2, 0, 0, 0, 999);
        filter.text = QStringLiteral("not sent");
        PageRequest page;
        page.limit = 1000;
        page.afterId = QStringLiteral("id with spaces & = + #");
        page.beforeId = QStringLiteral("b/1");
        const QUrlQuery encoded = encodeConfigQuery(filter, page);
        QVERIFY(!encoded.hasQueryItem(QStringLiteral("text")));

        // Through a real URL, as the remote client sends it and the server reads it.
        QUrl url(QStringLiteral("http://127.0.0.1/configs/webhook"));
        url.setQuery(encoded);
        const auto back = decodeConfigQuery(QUrlQuery(url.query(QUrl::FullyEncoded)));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QVERIFY(back.value().filter.sameApiPart(filter));
        QVERIFY(back.value().filter.text.isEmpty());
        QCOMPARE(back.value().page.limit, 1000);
        QCOMPARE(back.value().page.afterId, page.afterId);
        QCOMPARE(back.value().page.beforeId, page.beforeId);

        const auto plain = decodeConfigQuery(encodeConfigQuery({}, {}));
        QVERIFY(plain);
        QVERIFY(plain.value().filter.sameApiPart(ConfigFilter {}));
        QCOMPARE(plain.value().page.limit, PageRequest::DefaultLimit);
    }

    void taskQuery()
    {
        const auto result
            = decodeTaskQuery(wire("type=webhook_config.test&target=c1&state=failed&limit=2"));
        QVERIFY(result);
        QCOMPARE(result.value().filter.type, QStringLiteral("webhook_config.test"));
        QCOMPARE(result.value().filter.target, QStringLiteral("c1"));
        QCOMPARE(result.value().filter.state, std::optional<TaskState>(TaskState::Failed));
        QCOMPARE(result.value().page.limit, 2);

        const auto bad = decodeTaskQuery(wire("state=done&url=x"));
        QVERIFY(!bad);
        QVERIFY(bad.error().params.contains(QStringLiteral("state")));
        QCOMPARE(bad.error().params.value(QStringLiteral("url")),
                 QStringLiteral("is not a known filter"));

        TaskFilter filter;
        filter.type = QStringLiteral("webhook_config.test");
        filter.target = QStringLiteral("c 1");
        filter.state = TaskState::Processing;
        PageRequest page;
        page.beforeId = QStringLiteral("t9");
        QUrl url(QStringLiteral("http://127.0.0.1/tasks"));
        url.setQuery(encodeTaskQuery(filter, page));
        const auto back = decodeTaskQuery(QUrlQuery(url.query(QUrl::FullyEncoded)));
        QVERIFY(back);
        QCOMPARE(back.value().filter.type, filter.type);
        QCOMPARE(back.value().filter.target, filter.target);
        QCOMPARE(back.value().filter.state, filter.state);
        QCOMPARE(back.value().page.beforeId, QStringLiteral("t9"));
    }

    void pageQuery()
    {
        PageRequest page;
        page.limit = 3;
        page.afterId = QStringLiteral("e5");
        QUrl url(QStringLiteral("http://127.0.0.1/events"));
        url.setQuery(encodePageQuery(page));
        const auto back = decodePageQuery(QUrlQuery(url.query(QUrl::FullyEncoded)));
        QVERIFY(back);
        QCOMPARE(back.value().limit, 3);
        QCOMPARE(back.value().afterId, QStringLiteral("e5"));

        const auto bad = decodePageQuery(wire("state=valid"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().params.value(QStringLiteral("state")),
                 QStringLiteral("is not a known filter"));
        QVERIFY(!decodePageQuery(wire("limit=1001")));
        QCOMPARE(decodePageQuery(wire("limit=1")).value().limit, 1);
    }

    void await_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("seconds");
        QTest::newRow("absent") << QByteArray() << 0;
        QTest::newRow("0") << QByteArray("0") << 0;
        QTest::newRow("3") << QByteArray("3") << 3;
        QTest::newRow("spaces") << QByteArray(" 5 ") << 5;
        QTest::newRow("10") << QByteArray("10") << 10;
        QTest::newRow("11") << QByteArray("11") << 10;
        QTest::newRow("huge") << QByteArray("99999999999999999999") << 10;
        QTest::newRow("negative") << QByteArray("-1") << 0;
        QTest::newRow("fraction") << QByteArray("2.5") << 0;
        QTest::newRow("words") << QByteArray("forever") << 0;
    }

    void await()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, seconds);
        QCOMPARE(decodeAwait(header), seconds);
    }
};

QTEST_GUILESS_MAIN(TestRequestCodec)
#include "tst_requestcodec.moc"
