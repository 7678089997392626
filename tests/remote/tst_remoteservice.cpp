// RemoteService against the real embedded server (TestServer) and against TestHttpServer, which
// gives the answers a real server should not: each failure must become an ApiError a person can
// act on, GETs are retried and POSTs are not.

#include "jsoncodec.h"
#include "remoteerrors.h"
#include "remoteservice.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace wa;
using wa::test::TestHttpServer;
using Reply = wa::test::TestHttpServer::Reply;
using wa::test::TestServer;

// The message is only built on failure (QVERIFY2 evaluates it every time).
#define VERIFY_OK(result)                                                                          \
    QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().describe()))

namespace {

template<typename T> Result<T> wait(QFuture<Result<T>> future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return ApiError::serverError(QStringLiteral("test: the future did not finish"));
    return future.result();
}

QByteArray configJson(const QString &id)
{
    return QJsonDocument(JsonCodec::toJson(WebhookConfig {
                             id, QStringLiteral("org"), QStringLiteral("http://example.com/h"),
                             QStringLiteral("s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t"),
                             ConfigState::Valid, QDateTime::currentDateTimeUtc()}))
        .toJson();
}

const QByteArray NotFound = R"({"error": "not-found", "message": "No such thing."})";

} // namespace

class TestRemoteService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RemoteService> remoteFor(const QUrl &url, const QString &token,
                                             int timeoutMs = 10000)
    {
        RemoteService::Options options;
        options.baseUrl = url;
        options.token = token;
        options.timeoutMs = timeoutMs;
        options.retryBaseDelayMs = 5; // fast tests; the backoff shape is the same
        return std::make_unique<RemoteService>(options);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // --- against the real embedded server -------------------------------------------------

    void everyCallAgainstServe()
    {
        TestHttpServer receiver; // answers 200: every test passes
        QVERIFY(receiver.start());
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        auto remote = remoteFor(server.url, server.token);

        const QString hook = receiver.url(QStringLiteral("/hooks"));
        auto created = wait(remote->createConfig(hook, 10));
        VERIFY_OK(created);
        QCOMPARE(created.value().url, hook);
        QVERIFY(created.value().secret.size() >= 43);
        QCOMPARE(toString(created.value().state),
                 toString(ConfigState::Valid)); // awaited: the test ran
        QVERIFY(!receiver.requests.isEmpty());
        const QString id = created.value().id;

        auto got = wait(remote->config(id));
        QVERIFY(got.ok());
        QCOMPARE(got.value().id, id);

        auto page = wait(remote->listConfigs({}, {}));
        QVERIFY(page.ok());
        QCOMPARE(page.value().totalCount, 1);
        QCOMPARE(page.value().data.constFirst().id, id);

        auto task = wait(remote->testConfig(id, 10));
        VERIFY_OK(task);
        QCOMPARE(task.value().target, id);
        QCOMPARE(toString(task.value().state), toString(TaskState::Succeeded));
        auto sameTask = wait(remote->task(task.value().id));
        QVERIFY(sameTask.ok());
        QCOMPARE(toString(sameTask.value().state), toString(TaskState::Succeeded));

        TaskFilter filter;
        filter.target = id;
        auto tasks = wait(remote->listTasks(filter, {}));
        QVERIFY(tasks.ok());
        QCOMPARE(tasks.value().totalCount, 2); // create's test and ours

        auto organisation = wait(remote->setDefaultConfig(id));
        VERIFY_OK(organisation);
        QCOMPARE(organisation.value().webhookConfigDefault, id);
        auto key = wait(remote->key());
        QVERIFY(key.ok());
        auto keyed = wait(remote->setKeyConfig(key.value().id, id));
        QVERIFY(keyed.ok());
        QCOMPARE(keyed.value().webhookConfig, id);
        auto cleared = wait(remote->setKeyConfig(key.value().id, QString()));
        QVERIFY(cleared.ok());
        QVERIFY(cleared.value().webhookConfig.isEmpty());

        auto attempts = wait(remote->listAttempts(id, {}));
        VERIFY_OK(attempts);
        QCOMPARE(attempts.value().totalCount, 2);
        const QString eventId = attempts.value().data.constFirst().eventId;
        auto event = wait(remote->event(eventId));
        QVERIFY(event.ok());
        auto events = wait(remote->listEvents({}));
        QVERIFY(events.ok());
        QCOMPARE(events.value().totalCount, 2);
        auto resent = wait(remote->resendEvent(eventId));
        VERIFY_OK(resent);
        QCOMPARE(resent.value().eventId, eventId);
        QVERIFY(resent.value().succeeded());

        ConfigChanges changes;
        changes.url = hook + QStringLiteral("/v2");
        auto updated = wait(remote->updateConfig(id, changes, 0));
        QVERIFY(updated.ok());
        QCOMPARE(updated.value().url, *changes.url);

        auto deactivated = wait(remote->deactivateConfig(id));
        QVERIFY(deactivated.ok());
        QCOMPARE(toString(deactivated.value().state), toString(ConfigState::Deactivated));
        auto after = wait(remote->organisation());
        QVERIFY(after.ok());
        QVERIFY(after.value().webhookConfigDefault.isEmpty()); // deactivating cleared it
    }

    void listAllWalksEveryPage()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            auto created = wait(
                server.service->createConfig(QStringLiteral("http://127.0.0.1:1/h%1").arg(i), 0));
            QVERIFY(created.ok());
            ids.prepend(created.value().id);
        }
        RemoteService::Options options;
        options.baseUrl = server.url;
        options.token = server.token;
        options.listAllPageSize = 2;
        RemoteService remote(options);
        auto all = wait(remote.listAllConfigs({}));
        VERIFY_OK(all);
        QStringList got;
        for (const auto &config : all.value())
            got << config.id;
        // Newest first, each once, across three pages.
        QCOMPARE(got.size(), 5);
        auto direct = wait(server.service->listAllConfigs({}));
        QVERIFY(direct.ok());
        QStringList expected;
        for (const auto &config : direct.value())
            expected << config.id;
        QCOMPARE(got, expected);
    }

    void apiErrorsNameTheFieldAndTheToken()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        auto remote = remoteFor(server.url, server.token);

        auto bad = wait(remote->createConfig(QStringLiteral("ftp://example.com"), 0));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ApiError::Kind::Api);
        QCOMPARE(bad.error().status, 400);
        QCOMPARE(bad.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY(bad.error().params.contains(QStringLiteral("url")));

        auto missing = wait(remote->config(QStringLiteral("no-such-id")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().status, 404);
        QCOMPARE(missing.error().code, QStringLiteral("not-found"));

        // The extension routes exist on serve: a missing config is not-found, not Unsupported.
        auto attempts = wait(remote->listAttempts(QStringLiteral("no-such-id"), {}));
        QVERIFY(!attempts.ok());
        QCOMPARE(attempts.error().kind, ApiError::Kind::Api);
        QCOMPARE(attempts.error().code, QStringLiteral("not-found"));

        auto refused = remoteFor(server.url, QStringLiteral("not-the-token"));
        auto denied = wait(refused->organisation());
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(denied.error().status, 401);
        QVERIFY2(denied.error().message.contains(QStringLiteral("token was refused")),
                 qPrintable(denied.error().message));
        QVERIFY(!denied.error().message.contains(QStringLiteral("not-the-token")));
    }

    // --- against the fault-injecting server ------------------------------------------------

    void sendsTokenUserAgentAndAwait()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(201, configJson(QStringLiteral("7")))};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("tok-123"));
        auto created = wait(remote->createConfig(QStringLiteral("http://example.com/h"), 25));
        VERIFY_OK(created);
        QCOMPARE(fault.requests.size(), 1);
        const auto &request = fault.requests.constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/configs/webhook"));
        QCOMPARE(request.header("Authorization"), QByteArray("Token tok-123"));
        QVERIFY(request.header("User-Agent").startsWith("webhook-admin/" WA_VERSION));
        QCOMPARE(request.header("Ricloud-Await"), QByteArray("10")); // capped at 10
        QCOMPARE(
            QJsonDocument::fromJson(request.body).object().value(QStringLiteral("url")).toString(),
            QStringLiteral("http://example.com/h"));

        // Paging parameters go into the query; no Ricloud-Await unless asked.
        PageRequest page;
        page.limit = 3;
        page.afterId = QStringLiteral("abc");
        fault.script = {Reply::answer(
            200,
            R"({"resource": "list", "data": [], "has_more": false, "total_count": 0, "url": "/configs/webhook"})")};
        fault.requests.clear();
        QVERIFY(wait(remote->listConfigs({}, page)).ok());
        QCOMPARE(fault.requests.size(), 1);
        QVERIFY(fault.requests.constFirst().target.contains("limit=3"));
        QVERIFY(fault.requests.constFirst().target.contains("after_id=abc"));
        QVERIFY(fault.requests.constFirst().header("Ricloud-Await").isEmpty());
    }

    void getIsRetriedAfter503()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(503, R"({"error": "server-error", "message": "Busy."})"),
                        Reply::answer(200, configJson(QStringLiteral("42")))};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto got = wait(remote->config(QStringLiteral("42")));
        VERIFY_OK(got);
        QCOMPARE(got.value().id, QStringLiteral("42"));
        QCOMPARE(fault.requests.size(), 2);
    }

    void postIsNeverRetried()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(503, R"({"error": "server-error", "message": "Busy."})"),
                        Reply::answer(201, configJson(QStringLiteral("42")))};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto created = wait(remote->createConfig(QStringLiteral("http://example.com/h"), 0));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().status, 503);
        QCOMPARE(created.error().code, QStringLiteral("server-error"));
        QCOMPARE(fault.requests.size(), 1); // not repeated: a create is not idempotent

        fault.requests.clear();
        fault.script = {Reply::answer(503, R"({"error": "server-error", "message": "Busy."})")};
        auto deactivated = wait(remote->deactivateConfig(QStringLiteral("42")));
        QVERIFY(!deactivated.ok());
        QCOMPARE(fault.requests.size(), 1);
        QCOMPARE(fault.requests.constFirst().method, QByteArray("DELETE"));
    }

    void retriesGiveUpAfterThree()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(500, R"({"error": "server-error", "message": "Broken."})")};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto got = wait(remote->organisation());
        QVERIFY(!got.ok());
        QCOMPARE(got.error().status, 500);
        QCOMPARE(got.error().message, QStringLiteral("Broken."));
        QCOMPARE(fault.requests.size(), 4); // the first try and 3 retries
    }

    void connectionDroppedMidAnswer()
    {
        TestHttpServer fault;
        fault.script = {Reply::drop()};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto got = wait(remote->config(QStringLiteral("1")));
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::Network);
        QCOMPARE(got.error().code, QString::fromLatin1(RemoteErrors::ConnectionDropped));
        QVERIFY2(got.error().message.contains(QStringLiteral("closed the connection")),
                 qPrintable(got.error().message));
        QCOMPARE(fault.requests.size(), 4); // a GET: retried

        // Dropped, then a good answer: the retry mends it.
        fault.requests.clear();
        fault.script = {Reply::drop(), Reply::answer(200, configJson(QStringLiteral("1")))};
        auto mended = wait(remote->config(QStringLiteral("1")));
        VERIFY_OK(mended);
        QCOMPARE(fault.requests.size(), 2);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            TestHttpServer closed;
            QVERIFY(closed.start());
            port = closed.serverPort();
        } // nothing listens there any more
        auto remote
            = remoteFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("t"));
        auto got = wait(remote->organisation());
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::Network);
        QCOMPARE(got.error().code, QString::fromLatin1(RemoteErrors::ConnectionRefused));
        QVERIFY(got.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    }

    void hostNotFound()
    {
        auto remote
            = remoteFor(QUrl(QStringLiteral("http://no-such-host.invalid")), QStringLiteral("t"));
        auto got = wait(remote->organisation());
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::Network);
        QCOMPARE(got.error().code, QString::fromLatin1(RemoteErrors::HostNotFound));
        QVERIFY(got.error().message.contains(QStringLiteral("no-such-host.invalid")));
    }

    void answerSlowerThanTheTimeout()
    {
        TestHttpServer fault;
        fault.script = {Reply::hold()};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"), 300);
        auto got = wait(remote->config(QStringLiteral("1")));
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::Timeout);
        QCOMPARE(got.error().code, QString::fromLatin1(RemoteErrors::Timeout));
        QVERIFY2(got.error().message.contains(QStringLiteral("0.3 seconds")),
                 qPrintable(got.error().message));
        QCOMPARE(fault.requests.size(), 1); // a timeout is not retried
    }

    void nonJsonProxyPage()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(502, "<html><body>Bad Gateway</body></html>",
                                      "text/html; charset=utf-8")};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto created = wait(remote->createConfig(QStringLiteral("http://example.com/h"), 0));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, ApiError::Kind::BadResponse);
        QCOMPARE(created.error().status, 502);
        QVERIFY2(created.error().message.contains(QStringLiteral("502")),
                 qPrintable(created.error().message));
        QVERIFY(created.error().message.contains(QStringLiteral("text/html")));
        QVERIFY(created.error().message.contains(QStringLiteral("proxy")));

        // A 200 that is not JSON is no better.
        fault.script = {Reply::answer(200, "hello", "text/plain")};
        fault.requests.clear();
        auto got = wait(remote->config(QStringLiteral("1")));
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::BadResponse);
        QVERIFY(got.error().message.contains(QStringLiteral("text/plain")));
    }

    void selfSignedCertificateIsRefused()
    {
        TestHttpServer fault;
        QVERIFY(fault.startTls());
        QUrl url = fault.baseUrl();
        url.setHost(
            QStringLiteral("localhost")); // one of the certificate's names: only trust fails
        auto remote = remoteFor(url, QStringLiteral("t"));
        auto got = wait(remote->organisation());
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::Tls);
        QCOMPARE(got.error().code, QString::fromLatin1(RemoteErrors::TlsError));
        QVERIFY2(got.error().message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(got.error().message));
        QVERIFY(fault.requests.isEmpty()); // nothing, not even the token, was sent
    }

    void extensionsUnsupportedByTheHostedApi()
    {
        // The hosted API: no attempts route (404), but the config exists.
        TestHttpServer fault;
        fault.script
            = {Reply::answer(404, NotFound), Reply::answer(200, configJson(QStringLiteral("9")))};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto attempts = wait(remote->listAttempts(QStringLiteral("9"), {}));
        QVERIFY(!attempts.ok());
        QCOMPARE(attempts.error().kind, ApiError::Kind::Unsupported);
        QCOMPARE(fault.requests.size(), 2);
        QCOMPARE(fault.requests.at(1).target, QByteArray("/configs/webhook/9"));

        // Both 404: the config itself is missing, which passes through.
        fault.requests.clear();
        fault.script = {Reply::answer(404, NotFound)};
        auto missing = wait(remote->resendEvent(QStringLiteral("e1")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ApiError::Kind::Api);
        QCOMPARE(missing.error().code, QStringLiteral("not-found"));
    }

    void destroyingTheServiceCancelsItsRequests()
    {
        TestHttpServer fault;
        fault.script = {Reply::hold()};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto future = remote->config(QStringLiteral("1"));
        QVERIFY(QTest::qWaitFor([&] { return fault.requests.size() == 1; }, 10000));
        remote.reset();
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, QString::fromLatin1(RemoteErrors::Cancelled));
    }

    void redirectsAreNotFollowed()
    {
        TestHttpServer fault;
        fault.script = {Reply::answer(301, "", "text/html")};
        QVERIFY(fault.start());
        auto remote = remoteFor(fault.baseUrl(), QStringLiteral("t"));
        auto got = wait(remote->organisation());
        QVERIFY(!got.ok());
        QCOMPARE(got.error().kind, ApiError::Kind::BadResponse);
        QCOMPARE(got.error().status, 301);
        QCOMPARE(fault.requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRemoteService)
#include "tst_remoteservice.moc"
