// WebhookService::lastTests(): the latest test of each config with its reason in plain words.
// The default implementation (listTasks + listAttempts) on its own, over a hosted-API-like
// server that keeps no attempts, and over `serve` behind a real RemoteService, where it must
// agree with the local service it serves (whatever implementation that one uses).
#include "localservice.h"
#include "remoteservice.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

template<typename T> T await(QFuture<T> future)
{
    (void)QTest::qWaitFor([&] { return future.isFinished(); }, 15000);
    return future.isFinished() ? future.result() : T();
}

template<typename T> QFuture<Result<T>> ready(Result<T> value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

Task task(const QString &id, const QString &target, TaskState state, const QString &error = {})
{
    Task t;
    t.id = id;
    t.target = target;
    t.state = state;
    t.error = error;
    t.dateCreated = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    if (t.finished())
        t.dateCompleted = t.dateCreated.addSecs(1);
    return t;
}

// A backend of tasks and attempts held in memory; everything else is unsupported.
class FakeService final : public WebhookService
{
public:
    QHash<QString, QList<Task>> tasks; // by target, newest first
    QHash<QString, QList<DeliveryAttempt>> attempts; // by config; empty: attempts unsupported
    QSet<QString> failing; // targets whose task lookup fails
    int taskCalls = 0;
    int attemptCalls = 0;

    QString describe() const override { return u"fake"_s; }
    QFuture<Result<ListPage<Task>>> listTasks(const TaskFilter &filter,
                                              const PageRequest &page) override
    {
        ++taskCalls;
        if (failing.contains(filter.target))
            return ready(Result<ListPage<Task>>(ApiError::serverError(u"down"_s)));
        ListPage<Task> list;
        list.data = tasks.value(filter.target).mid(0, page.limit);
        return ready(Result<ListPage<Task>>(list));
    }
    QFuture<Result<ListPage<DeliveryAttempt>>> listAttempts(const QString &configId,
                                                            const PageRequest &page) override
    {
        ++attemptCalls;
        if (attempts.isEmpty())
            return ready(Result<ListPage<DeliveryAttempt>>(ApiError::unsupported(u"attempts"_s)));
        ListPage<DeliveryAttempt> list;
        list.data = attempts.value(configId).mid(0, page.limit);
        return ready(Result<ListPage<DeliveryAttempt>>(list));
    }

    // Not used by lastTests().
    QFuture<Result<ListPage<WebhookConfig>>> listConfigs(const ConfigFilter &,
                                                         const PageRequest &) override
    {
        return ready(Result<ListPage<WebhookConfig>>(ApiError::unsupported(u"x"_s)));
    }
    QFuture<Result<QList<WebhookConfig>>> listAllConfigs(const ConfigFilter &) override
    {
        return ready(Result<QList<WebhookConfig>>(ApiError::unsupported(u"x"_s)));
    }
    QFuture<Result<WebhookConfig>> config(const QString &) override { return noConfig(); }
    QFuture<Result<WebhookConfig>> createConfig(const QString &, int) override
    {
        return noConfig();
    }
    QFuture<Result<WebhookConfig>> updateConfig(const QString &, const ConfigChanges &,
                                                int) override
    {
        return noConfig();
    }
    QFuture<Result<WebhookConfig>> deactivateConfig(const QString &) override { return noConfig(); }
    QFuture<Result<Task>> testConfig(const QString &, int) override { return noTask(); }
    QFuture<Result<Task>> task(const QString &) override { return noTask(); }
    QFuture<Result<Event>> event(const QString &) override
    {
        return ready(Result<Event>(ApiError::unsupported(u"x"_s)));
    }
    QFuture<Result<ListPage<Event>>> listEvents(const PageRequest &) override
    {
        return ready(Result<ListPage<Event>>(ApiError::unsupported(u"x"_s)));
    }
    QFuture<Result<Organisation>> organisation() override { return noOrganisation(); }
    QFuture<Result<Organisation>> setDefaultConfig(const QString &) override
    {
        return noOrganisation();
    }
    QFuture<Result<Key>> key() override { return noKey(); }
    QFuture<Result<Key>> setKeyConfig(const QString &, const QString &) override { return noKey(); }
    QFuture<Result<DeliveryAttempt>> resendEvent(const QString &) override
    {
        return ready(Result<DeliveryAttempt>(ApiError::unsupported(u"x"_s)));
    }

private:
    static QFuture<Result<WebhookConfig>> noConfig()
    {
        return ready(Result<WebhookConfig>(ApiError::unsupported(u"x"_s)));
    }
    static QFuture<Result<Task>> noTask()
    {
        return ready(Result<Task>(ApiError::unsupported(u"x"_s)));
    }
    static QFuture<Result<Organisation>> noOrganisation()
    {
        return ready(Result<Organisation>(ApiError::unsupported(u"x"_s)));
    }
    static QFuture<Result<Key>> noKey()
    {
        return ready(Result<Key>(ApiError::unsupported(u"x"_s)));
    }
};

} // namespace

class TestLastTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reasonsFromErrorCodesWhereNoAttemptIsKept()
    {
        FakeService service;
        service.tasks[u"a"_s] = {task(u"t2"_s, u"a"_s, TaskState::Succeeded),
                                 task(u"t1"_s, u"a"_s, TaskState::Failed, u"webhook-timeout"_s)};
        service.tasks[u"b"_s] = {task(u"t3"_s, u"b"_s, TaskState::Failed, u"webhook-refused"_s)};
        service.tasks[u"d"_s] = {task(u"t4"_s, u"d"_s, TaskState::Processing)};
        const auto result = await(service.lastTests({u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"a"_s}));
        QVERIFY(result);
        const auto &outcomes = result.value();
        QCOMPARE(outcomes.size(), 3); // "c" was never tested
        QVERIFY(outcomes.value(u"a"_s).passed());
        QCOMPARE(outcomes.value(u"a"_s).taskId, u"t2"_s); // the newest task decides
        QCOMPARE(outcomes.value(u"a"_s).httpStatus, 0); // not known without an attempt
        QCOMPARE(outcomes.value(u"b"_s).reason, u"connection refused or host not found"_s);
        QCOMPARE(outcomes.value(u"b"_s).error, u"webhook-refused"_s);
        QVERIFY(!outcomes.value(u"d"_s).finished());
        QCOMPARE(service.taskCalls, 4); // once per distinct id
        // Attempts were asked for once, found unsupported, and never again.
        const int attemptCalls = service.attemptCalls;
        QVERIFY(attemptCalls >= 1);
        QVERIFY(await(service.lastTests({u"a"_s, u"b"_s})));
        QCOMPARE(service.attemptCalls, attemptCalls);
    }

    void theAttemptOfTheTaskGivesStatusAndLatency()
    {
        FakeService service;
        service.tasks[u"a"_s] = {task(u"t2"_s, u"a"_s, TaskState::Succeeded)};
        service.tasks[u"b"_s] = {task(u"t3"_s, u"b"_s, TaskState::Failed, u"webhook-rejected"_s)};
        DeliveryAttempt ok;
        ok.taskId = u"t2"_s;
        ok.responseStatus = 200;
        ok.latencyMs = 35;
        DeliveryAttempt resend; // a resend, newer than b's test: not its test
        resend.responseStatus = 200;
        service.attempts[u"a"_s] = {ok};
        service.attempts[u"b"_s] = {resend};
        const auto result = await(service.lastTests({u"a"_s, u"b"_s}));
        QVERIFY(result);
        QCOMPARE(result.value().value(u"a"_s).reason, u"HTTP 200, 35 ms"_s);
        QCOMPARE(result.value().value(u"a"_s).httpStatus, 200);
        QCOMPARE(result.value().value(u"a"_s).latencyMs, 35);
        QCOMPARE(result.value().value(u"b"_s).reason, u"rejected by the receiver"_s);
        QCOMPARE(result.value().value(u"b"_s).httpStatus, 0);
    }

    void failsOnlyWhenNoLookupSucceeded()
    {
        FakeService service;
        service.tasks[u"a"_s] = {task(u"t1"_s, u"a"_s, TaskState::Succeeded)};
        service.failing = {u"b"_s};
        const auto partial = await(service.lastTests({u"a"_s, u"b"_s}));
        QVERIFY(partial);
        QCOMPARE(partial.value().keys(), QList<QString> {u"a"_s});
        service.failing = {u"a"_s, u"b"_s};
        const auto none = await(service.lastTests({u"a"_s, u"b"_s}));
        QVERIFY(!none);
        QCOMPARE(none.error().message, u"down"_s);
        QVERIFY(await(service.lastTests({})).value().isEmpty());
    }

    void overAnApiThatKeepsNoAttempts()
    {
        // What the hosted API answers: a task list; 404 for the attempts of a config that
        // exists (so RemoteService calls attempts unsupported); then tasks only.
        // (No raw strings: moc 6.4 may skip a file with them.)
        const QByteArray tasks
            = "{\"resource\": \"list\", \"has_more\": false, \"total_count\": 1, \"url\": "
              "\"/tasks\", \"data\": [{\"id\": \"t9\", \"resource\": \"task\", \"organisation\": "
              "\"o\", \"key\": \"k\", \"type\": \"webhook_config.test\", \"target\": \"c1\", "
              "\"state\": \"failed\", \"error\": \"webhook-tls\", \"date_created\": "
              "\"2026-11-28T10:00:00Z\", \"date_started\": \"2026-11-28T10:00:00Z\", "
              "\"date_completed\": \"2026-11-28T10:00:01Z\"}]}";
        const QByteArray config
            = "{\"id\": \"c1\", \"resource\": \"webhook_config\", \"organisation\": \"o\", "
              "\"url\": \"https://example.com/hooks\", \"state\": \"invalid\", \"date_created\": "
              "\"2026-11-28T09:00:00Z\"}";
        TestHttpServer server;
        server.script = {
            TestHttpServer::Reply::answer(200, tasks),
            TestHttpServer::Reply::answer(404, "{\"error\": \"not-found\", \"message\": \"No.\"}"),
            TestHttpServer::Reply::answer(200, config), TestHttpServer::Reply::answer(200, tasks)};
        QVERIFY(server.start());
        RemoteService::Options options;
        options.baseUrl = server.baseUrl();
        options.token = u"token"_s;
        RemoteService remote(options);
        const auto first = await(remote.lastTests({u"c1"_s}));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().describe()));
        const TestOutcome outcome = first.value().value(u"c1"_s);
        QCOMPARE(toString(outcome.state), u"failed"_s);
        QCOMPARE(outcome.reason, u"TLS certificate or handshake failure"_s);
        QCOMPARE(outcome.date, QDateTime(QDate(2026, 11, 28), QTime(10, 0, 1), Qt::UTC));
        QCOMPARE(server.requests.size(), 3);
        QVERIFY(server.requests.at(0).target.startsWith("/tasks?"));
        QVERIFY(server.requests.at(0).target.contains("target=c1"));
        QVERIFY(server.requests.at(0).target.contains("limit=1"));
        // Asked again: tasks only.
        QVERIFY(await(remote.lastTests({u"c1"_s})));
        QCOMPARE(server.requests.size(), 4);
        QVERIFY(server.requests.at(3).target.startsWith("/tasks?"));
    }

    void remoteAndLocalAgree()
    {
        TestHttpServer receiver; // the receiver the configs' tests are delivered to
        QVERIFY(receiver.start());
        TestServer server;
        QVERIFY(server.start());
        LocalService &local = *server.service;
        const auto passed = await(local.createConfig(receiver.url(u"/ok"_s), 5));
        QVERIFY(passed);
        receiver.status = 500;
        const auto rejected = await(local.createConfig(receiver.url(u"/no"_s), 5));
        QVERIFY(rejected);
        const QStringList ids = {passed.value().id, rejected.value().id};

        RemoteService::Options options;
        options.baseUrl = server.url;
        options.token = server.token;
        RemoteService remote(options);
        const auto overHttp = await(remote.lastTests(ids));
        const auto inProcess = await(local.lastTests(ids));
        QVERIFY(overHttp);
        QVERIFY(inProcess);
        for (const auto &outcomes : {overHttp.value(), inProcess.value()}) {
            const TestOutcome ok = outcomes.value(passed.value().id);
            QVERIFY(ok.passed());
            QCOMPARE(ok.httpStatus, 200);
            QVERIFY(ok.latencyMs >= 0);
            QCOMPARE(ok.reason, u"HTTP 200, %1 ms"_s.arg(ok.latencyMs));
            const TestOutcome no = outcomes.value(rejected.value().id);
            QCOMPARE(toString(no.state), u"failed"_s);
            QCOMPARE(no.error, u"webhook-rejected"_s);
            QCOMPARE(no.reason, u"HTTP 500 from receiver"_s);
            QCOMPARE(no.httpStatus, 500);
            QVERIFY(no.date.isValid());
        }
        QVERIFY(overHttp.value() == inProcess.value());
    }
};

QTEST_GUILESS_MAIN(TestLastTests)
#include "tst_lasttests.moc"
