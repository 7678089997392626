// Every bad input the REST face must refuse, over real HTTP: each answer's status, error code
// and JSON body, that nothing was written, and that the server still answers afterwards.

#include "httptestclient.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wa::test;

class TestLocalServerBadInput : public QObject
{
    Q_OBJECT

private:
    struct Counts
    {
        int configs = -1;
        int tasks = -1;
        friend bool operator==(const Counts &, const Counts &) = default;
    };

    Counts counts()
    {
        return {
            m_client->get(u"/configs/webhook?state=new,valid,invalid,deactivated"_s).totalCount(),
            m_client->get(u"/tasks"_s).totalCount()};
    }

    // The refusal checks every case shares: JSON error body, status, code, nothing written,
    // and a server that still answers.
    void checkRefused(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.status, status);
        QVERIFY2(result.isJson, result.body.constData());
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(result.error(), code);
        QVERIFY(!result.message().isEmpty());
        const Counts after = counts();
        QCOMPARE(after.configs, m_before.configs);
        QCOMPARE(after.tasks, m_before.tasks);
        QCOMPARE(m_client->get(u"/key"_s).status, 200);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    QString m_configId;
    QJsonObject m_config;
    Counts m_before;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->error));
        m_client = std::make_unique<HttpTestClient>(m_server.get());
        const HttpResult created = m_client->post(
            u"/configs/webhook"_s,
            QJsonDocument(QJsonObject {{u"url"_s, TestHttpServer::closedPortUrl().toString()}})
                .toJson(),
            {{"Ricloud-Await", "10"}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.string("state"), u"invalid"_s);
        m_configId = created.id();
        m_config = created.json;
    }

    void init()
    {
        m_before = counts();
        QVERIFY(m_before.configs >= 1);
    }

    void cleanup()
    {
        // Whatever was refused, the config is as it was.
        const HttpResult config = m_client->get(u"/configs/webhook/"_s + m_configId);
        QCOMPARE(config.status, 200);
        QCOMPARE(config.json, m_config);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    // --- bodies ----------------------------------------------------------------------------

    void invalidBody_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("create: not JSON") << u"/configs/webhook"_s << QByteArray("url=http://x");
        QTest::newRow("create: cut short") << u"/configs/webhook"_s << QByteArray("{\"url\": ");
        QTest::newRow("create: array")
            << u"/configs/webhook"_s << QByteArray("[\"http://example.com\"]");
        QTest::newRow("create: string")
            << u"/configs/webhook"_s << QByteArray("\"http://example.com\"");
        QTest::newRow("create: number") << u"/configs/webhook"_s << QByteArray("42");
        QTest::newRow("update: not JSON") << u"/configs/webhook/{id}"_s << QByteArray("{url}");
        QTest::newRow("update: array") << u"/configs/webhook/{id}"_s << QByteArray("[]");
        QTest::newRow("test: not JSON") << u"/configs/webhook/{id}/test"_s << QByteArray("nul");
        QTest::newRow("organisation: string") << u"/organisation"_s << QByteArray("\"x\"");
    }
    void invalidBody()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        path.replace(u"{id}"_s, m_configId);
        checkRefused(m_client->post(path, body), 400, u"invalid-body"_s);
    }

    void referenceUpdateExampleWithTrailingCommaSaysWhere()
    {
        // Verbatim from the reference page's cURL example.
        const QByteArray body
            = "{\n    \"url\": \"https://www.myupdatedwebhook.com/webhooks/\",\n}";
        const HttpResult result = m_client->post(u"/configs/webhook/"_s + m_configId, body);
        checkRefused(result, 400, u"invalid-body"_s);
        // Where: a character offset and/or line and column, and the trailing comma named.
        QVERIFY2(result.message().contains(QRegularExpression(u"\\d"_s)),
                 qPrintable(result.message()));
        QVERIFY2(result.message().contains(u"line 3"_s)
                     || result.message().contains(u"character"_s),
                 qPrintable(result.message()));
        QVERIFY2(result.message().contains(u"comma"_s), qPrintable(result.message()));
    }

    void createUrlRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("url missing") << QByteArray("{}") << u"url"_s;
        QTest::newRow("null body: url missing") << QByteArray("null") << u"url"_s;
        QTest::newRow("url a number") << QByteArray("{\"url\": 42}") << u"url"_s;
        QTest::newRow("url null") << QByteArray("{\"url\": null}") << u"url"_s;
        QTest::newRow("url an object")
            << QByteArray("{\"url\": {\"href\": \"http://x\"}}") << u"url"_s;
        QTest::newRow("no scheme")
            << QByteArray("{\"url\": \"www.mywebhook.com/webhooks\"}") << u"url"_s;
        QTest::newRow("no host") << QByteArray("{\"url\": \"http://\"}") << u"url"_s;
        QTest::newRow("no host, path only")
            << QByteArray("{\"url\": \"https:///webhooks\"}") << u"url"_s;
        QTest::newRow("ftp") << QByteArray("{\"url\": \"ftp://example.com/webhooks\"}") << u"url"_s;
        QTest::newRow("javascript") << QByteArray("{\"url\": \"javascript:alert(1)\"}") << u"url"_s;
        QTest::newRow("file") << QByteArray("{\"url\": \"file:///etc/passwd\"}") << u"url"_s;
        QTest::newRow("empty") << QByteArray("{\"url\": \"\"}") << u"url"_s;
        const QByteArray longUrl = "https://example.com/" + QByteArray(2049 - 20, 'a');
        QTest::newRow("2049 chars") << QByteArray("{\"url\": \"" + longUrl + "\"}") << u"url"_s;
        QTest::newRow("unknown field")
            << QByteArray("{\"url\": \"https://example.com/h\", \"colour\": \"red\"}")
            << u"colour"_s;
        QTest::newRow("state on create")
            << QByteArray("{\"url\": \"https://example.com/h\", \"state\": \"valid\"}")
            << u"state"_s;
    }
    void createUrlRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult result = m_client->post(u"/configs/webhook"_s, body);
        checkRefused(result, 400, u"invalid-parameter"_s);
        QVERIFY2(result.params().contains(field), result.body.constData());
        QVERIFY(!result.params().value(field).toString().isEmpty());
    }

    void urlOfExactly2048CharsIsAccepted()
    {
        // A closed loopback port, so that its test delivery is refused at once.
        QString url = TestHttpServer::closedPortUrl(u"/"_s).toString();
        url += QString(2048 - url.size(), u'a');
        QCOMPARE(url.size(), 2048);
        const HttpResult created = m_client->post(
            u"/configs/webhook"_s, QJsonDocument(QJsonObject {{u"url"_s, url}}).toJson());
        QCOMPARE(created.status, 201);
        QCOMPARE(created.string("url"), url);
        // Put things back as cleanup() and init() expect them.
        QCOMPARE(m_client->send("DELETE", u"/configs/webhook/"_s + created.id()).status, 200);
        m_before = counts();
    }

    void updateRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("state valid") << QByteArray("{\"state\": \"valid\"}") << u"state"_s;
        QTest::newRow("state invalid") << QByteArray("{\"state\": \"invalid\"}") << u"state"_s;
        QTest::newRow("state unknown") << QByteArray("{\"state\": \"paused\"}") << u"state"_s;
        QTest::newRow("state a number") << QByteArray("{\"state\": 1}") << u"state"_s;
        QTest::newRow("state null") << QByteArray("{\"state\": null}") << u"state"_s;
        QTest::newRow("url a number") << QByteArray("{\"url\": 7}") << u"url"_s;
        QTest::newRow("url ftp") << QByteArray("{\"url\": \"ftp://example.com\"}") << u"url"_s;
        QTest::newRow("unknown field") << QByteArray("{\"secret\": \"mine\"}") << u"secret"_s;
    }
    void updateRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult result = m_client->post(u"/configs/webhook/"_s + m_configId, body);
        checkRefused(result, 400, u"invalid-parameter"_s);
        QVERIFY2(result.params().contains(field), result.body.constData());
    }

    void actionBodyFieldsRefused()
    {
        const HttpResult test
            = m_client->post(u"/configs/webhook/"_s + m_configId + u"/test"_s, "{\"now\": true}");
        checkRefused(test, 400, u"invalid-parameter"_s);
        QVERIFY(test.params().contains(u"now"_s));
        const HttpResult remove
            = m_client->send("DELETE", u"/configs/webhook/"_s + m_configId, "{\"hard\": true}");
        checkRefused(remove, 400, u"invalid-parameter"_s);
        QVERIFY(remove.params().contains(u"hard"_s));
    }

    // --- queries ---------------------------------------------------------------------------

    void queryRefused_data()
    {
        QTest::addColumn<QString>("pathAndQuery");
        QTest::addColumn<QString>("param");
        QTest::newRow("limit 0") << u"/configs/webhook?limit=0"_s << u"limit"_s;
        QTest::newRow("limit 1001") << u"/configs/webhook?limit=1001"_s << u"limit"_s;
        QTest::newRow("limit abc") << u"/configs/webhook?limit=abc"_s << u"limit"_s;
        QTest::newRow("limit -1") << u"/configs/webhook?limit=-1"_s << u"limit"_s;
        QTest::newRow("state unknown") << u"/configs/webhook?state=paused"_s << u"state"_s;
        QTest::newRow("date malformed")
            << u"/configs/webhook?date_created__gt=yesterday"_s << u"date_created__gt"_s;
        QTest::newRow("date impossible")
            << u"/configs/webhook?date_created=2026-02-30T00:00:00Z"_s << u"date_created"_s;
        QTest::newRow("date hour 25")
            << u"/configs/webhook?date_created__lt=2026-01-01T25:00:00Z"_s << u"date_created__lt"_s;
        QTest::newRow("unknown filter") << u"/configs/webhook?colour=red"_s << u"colour"_s;
        QTest::newRow("unknown operator")
            << u"/configs/webhook?date_created__ne=2026-01-01T00:00:00Z"_s << u"date_created__ne"_s;
        QTest::newRow("after_id unknown")
            << u"/configs/webhook?after_id=no-such-config"_s << u"after_id"_s;
        QTest::newRow("before_id unknown")
            << u"/configs/webhook?before_id=no-such-config"_s << u"before_id"_s;
        QTest::newRow("tasks: limit 1001") << u"/tasks?limit=1001"_s << u"limit"_s;
        QTest::newRow("tasks: unknown filter") << u"/tasks?colour=red"_s << u"colour"_s;
        QTest::newRow("tasks: state unknown") << u"/tasks?state=done"_s << u"state"_s;
        QTest::newRow("events: limit 0") << u"/events?limit=0"_s << u"limit"_s;
        QTest::newRow("events: unknown filter") << u"/events?state=failed"_s << u"state"_s;
        QTest::newRow("get: any parameter")
            << u"/configs/webhook/{id}?expand=secret"_s << u"expand"_s;
    }
    void queryRefused()
    {
        QFETCH(QString, pathAndQuery);
        QFETCH(QString, param);
        pathAndQuery.replace(u"{id}"_s, m_configId);
        const HttpResult result = m_client->get(pathAndQuery);
        checkRefused(result, 400, u"invalid-parameter"_s);
        QVERIFY2(result.params().contains(param), result.body.constData());
    }

    // --- IDs and routes --------------------------------------------------------------------

    void unknownIdIsNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        const QString unknown = u"00000000-0000-4000-8000-000000000000"_s;
        QTest::newRow("get unknown")
            << QByteArray("GET") << u"/configs/webhook/"_s + unknown << QByteArray();
        QTest::newRow("get malformed")
            << QByteArray("GET") << u"/configs/webhook/not%20an%20id"_s << QByteArray();
        QTest::newRow("get integer")
            << QByteArray("GET") << u"/configs/webhook/99999999999999999999"_s << QByteArray();
        QTest::newRow("update unknown") << QByteArray("POST") << u"/configs/webhook/"_s + unknown
                                        << QByteArray("{\"state\": \"new\"}");
        QTest::newRow("delete unknown")
            << QByteArray("DELETE") << u"/configs/webhook/"_s + unknown << QByteArray();
        QTest::newRow("test unknown")
            << QByteArray("POST") << u"/configs/webhook/"_s + unknown + u"/test"_s
            << QByteArray("null");
        QTest::newRow("attempts unknown")
            << QByteArray("GET") << u"/configs/webhook/"_s + unknown + u"/attempts"_s
            << QByteArray();
        QTest::newRow("task unknown")
            << QByteArray("GET") << u"/tasks/"_s + unknown << QByteArray();
        QTest::newRow("event unknown")
            << QByteArray("GET") << u"/events/"_s + unknown << QByteArray();
        QTest::newRow("resend unknown")
            << QByteArray("POST") << u"/events/"_s + unknown + u"/resend"_s << QByteArray();
        QTest::newRow("other key") << QByteArray("POST") << u"/keys/"_s + unknown
                                   << QByteArray("{\"webhook_config\": null}");
    }
    void unknownIdIsNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        checkRefused(m_client->send(method, path, body), 404, u"not-found"_s);
    }

    void unknownRouteIsNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("root") << u"/"_s;
        QTest::newRow("unknown") << u"/webhooks"_s;
        QTest::newRow("singular") << u"/config/webhook"_s;
        QTest::newRow("too deep") << u"/configs/webhook/{id}/test/again"_s;
        QTest::newRow("double slash") << u"/configs//webhook"_s;
        QTest::newRow("two trailing slashes") << u"/configs/webhook//"_s;
        QTest::newRow("v3 prefix") << u"/v3/configs/webhook"_s;
    }
    void unknownRouteIsNotFound()
    {
        QFETCH(QString, path);
        path.replace(u"{id}"_s, m_configId);
        checkRefused(m_client->get(path), 404, u"not-found"_s);
    }

    void wrongMethodIsNotAllowed_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("PUT list") << QByteArray("PUT") << u"/configs/webhook"_s
                                  << QByteArray("GET, POST");
        QTest::newRow("DELETE list")
            << QByteArray("DELETE") << u"/configs/webhook/"_s << QByteArray("GET, POST");
        QTest::newRow("PATCH config")
            << QByteArray("PATCH") << u"/configs/webhook/{id}"_s << QByteArray("GET, POST, DELETE");
        QTest::newRow("DELETE test")
            << QByteArray("DELETE") << u"/configs/webhook/{id}/test"_s << QByteArray("GET, POST");
        QTest::newRow("POST tasks") << QByteArray("POST") << u"/tasks"_s << QByteArray("GET");
        QTest::newRow("GET resend")
            << QByteArray("GET") << u"/events/x/resend"_s << QByteArray("POST");
        QTest::newRow("DELETE organisation")
            << QByteArray("DELETE") << u"/organisation"_s << QByteArray("GET, POST");
        QTest::newRow("POST key") << QByteArray("POST") << u"/key"_s << QByteArray("GET");
        QTest::newRow("GET keys/{id}") << QByteArray("GET") << u"/keys/x"_s << QByteArray("POST");
        QTest::newRow("OPTIONS list")
            << QByteArray("OPTIONS") << u"/configs/webhook"_s << QByteArray("GET, POST");
    }
    void wrongMethodIsNotAllowed()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, allow);
        path.replace(u"{id}"_s, m_configId);
        const HttpResult result = m_client->send(method, path, method == "PUT" ? "{}" : "");
        checkRefused(result, 405, u"method-not-allowed"_s);
        QCOMPARE(result.header("Allow"), allow);
    }

    // --- authentication (first, whatever the path) -------------------------------------------

    void unauthorized_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        const QByteArray wrong = "Token wrong-" + QByteArray(20, 'x');
        QTest::newRow("none: list") << QByteArray("GET") << u"/configs/webhook"_s << QByteArray();
        QTest::newRow("none: create")
            << QByteArray("POST") << u"/configs/webhook"_s << QByteArray();
        QTest::newRow("none: unknown path") << QByteArray("GET") << u"/nowhere"_s << QByteArray();
        QTest::newRow("none: wrong method") << QByteArray("PUT") << u"/key"_s << QByteArray();
        QTest::newRow("wrong: list") << QByteArray("GET") << u"/configs/webhook"_s << wrong;
        QTest::newRow("wrong: unknown path") << QByteArray("GET") << u"/nowhere"_s << wrong;
        QTest::newRow("wrong: delete")
            << QByteArray("DELETE") << u"/configs/webhook/{id}"_s << wrong;
        QTest::newRow("empty token") << QByteArray("GET") << u"/key"_s << QByteArray("Token ");
        QTest::newRow("bearer scheme")
            << QByteArray("GET") << u"/key"_s << QByteArray("Bearer {token}");
        QTest::newRow("bare token") << QByteArray("GET") << u"/key"_s << QByteArray("{token}");
        QTest::newRow("token prefix")
            << QByteArray("GET") << u"/key"_s << QByteArray("Token {token}x");
        QTest::newRow("token cut") << QByteArray("GET") << u"/key"_s << QByteArray("Token {cut}");
    }
    void unauthorized()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        path.replace(u"{id}"_s, m_configId);
        const QByteArray token = m_server->token.toUtf8();
        authorization.replace("{token}", token).replace("{cut}", token.chopped(1));
        HttpTestClient::Auth auth = HttpTestClient::Auth::None;
        Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const QByteArray body = method == "POST" ? "{\"url\": \"https://example.com/h\"}" : "";
        checkRefused(m_client->send(method, path, body, headers, auth), 401, u"unauthorized"_s);
    }

    void tokenSchemeIsCaseInsensitive()
    {
        const HttpResult result = m_client->send(
            "GET", u"/key"_s, {}, {{"Authorization", "token " + m_server->token.toUtf8()}},
            HttpTestClient::Auth::None);
        QCOMPARE(result.status, 200);
    }

    // --- size --------------------------------------------------------------------------------

    void bodyOverOneMebibyteIsTooLarge()
    {
        // Valid JSON, so only its size is at fault.
        QByteArray body = "{\"url\": \"https://example.com/";
        body += QByteArray(1024 * 1024, 'a');
        body += "\"}";
        const HttpResult result = m_client->post(u"/configs/webhook"_s, body);
        checkRefused(result, 413, u"payload-too-large"_s);
    }

    void bodyOfExactlyOneMebibyteIsRead()
    {
        QByteArray body = "{\"url\": \"ftp://example.com/";
        body += QByteArray(1024 * 1024 - body.size() - 2, 'a');
        body += "\"}";
        QCOMPARE(body.size(), 1024 * 1024);
        // Read and judged on its content: the URL is refused, not the size.
        const HttpResult result = m_client->post(u"/configs/webhook"_s, body);
        checkRefused(result, 400, u"invalid-parameter"_s);
    }

    void tooLargeIsCheckedAfterAuthAndRoute()
    {
        const QByteArray body(1024 * 1024 + 1, ' ');
        checkRefused(
            m_client->send("POST", u"/configs/webhook"_s, body, {}, HttpTestClient::Auth::None),
            401, u"unauthorized"_s);
        checkRefused(m_client->post(u"/nowhere"_s, body), 404, u"not-found"_s);
        checkRefused(m_client->post(u"/key"_s, body), 405, u"method-not-allowed"_s);
    }
};

QTEST_GUILESS_MAIN(TestLocalServerBadInput)
#include "tst_localserver_badinput.moc"
