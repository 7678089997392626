// LocalService's durable test queue and its database: claims and leases, group commits,
// superseded and refused tests, retention, migrations, private targets, database faults and the
// service's own thread.

#include "httpstatus.h"
#include "localservicefixture.h"
#include "localservicethread.h"
#include "store.h"
#include "storeschema.h"
#include "targetpolicy.h"
#include "testclock.h"

#include <QHostInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

using namespace wa;
using wa::test::TestHttpServer;

Q_DECLARE_METATYPE(wa::ConfigState)

class TestTestQueue final : public LocalServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void staleTestResultDoesNotOverwrite()
    {
        auto service = openService();
        m_receiver->hold = true;
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));

        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/second"));
        QVERIFY(waitFor(service->updateConfig(config.id, changes, 0)).ok());
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 2; }));

        // The first test fails, but it tested an older URL: the config stays new.
        m_receiver->answerHeld(500);
        QVERIFY(waitUntil([&] {
            const auto tasks = tasksFor(*service, config.id);
            return std::any_of(tasks.cbegin(), tasks.cend(),
                               [](const Task &t) { return t.state == TaskState::Failed; });
        }));
        QCOMPARE(toString(stateOf(*service, config.id)), toString(ConfigState::New));

        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
        const auto tasks = tasksFor(*service, config.id);
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(toString(tasks.at(0).state), toString(TaskState::Succeeded)); // newest first
        QCOMPARE(toString(tasks.at(1).state), toString(TaskState::Failed));
        QCOMPARE(tasks.at(1).error, QStringLiteral("webhook-rejected"));
    }

    void dataSurvivesReopen()
    {
        WebhookConfig kept;
        WebhookConfig retired;
        {
            auto service = openService();
            kept = create(*service, m_receiver->url());
            retired = create(*service, m_receiver->url());
            QVERIFY(waitUntil([&] { return stateOf(*service, kept.id) == ConfigState::Valid; }));
            QVERIFY(waitFor(service->setDefaultConfig(kept.id)).ok());
            QVERIFY(waitFor(service->deactivateConfig(retired.id)).ok());
            QVERIFY(waitUntil([&] { return allTasksDone(*service, retired.id); }));
        }
        auto service = openService();
        const WebhookConfig back = waitFor(service->config(kept.id)).value();
        QCOMPARE(back.url, kept.url);
        QCOMPARE(back.secret, kept.secret);
        QCOMPARE(back.dateCreated, kept.dateCreated);
        QCOMPARE(toString(back.state), toString(ConfigState::Valid));
        QCOMPARE(toString(stateOf(*service, retired.id)), toString(ConfigState::Deactivated));
        QCOMPARE(waitFor(service->organisation()).value().webhookConfigDefault, kept.id);
        QCOMPARE(tasksFor(*service, kept.id).size(), 1);
        QCOMPARE(waitFor(service->listAttempts(kept.id, {})).value().totalCount, 1);
    }

    void taskOfAStoppedWorkerRunsAgainAfterItsLease()
    {
        wa::test::TestClock clock;
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.leaseMs = 60'000;
        options.clock = clock.function();
        QString id;
        {
            LocalService service(options);
            QVERIFY(service.open().ok());
            m_receiver->hold = true;
            id = create(service, m_receiver->url()).id;
            QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
            QCOMPARE(toString(tasksFor(service, id).constFirst().state),
                     toString(TaskState::Processing));
        } // stopped mid-delivery: the task keeps its lease
        m_receiver->hold = false;
        LocalService reopened(options);
        QVERIFY(reopened.open().ok());
        // Opening takes nothing over while the lease runs.
        QTest::qWait(2 * options.pollIntervalMs);
        QCOMPARE(toString(tasksFor(reopened, id).constFirst().state),
                 toString(TaskState::Processing));
        QCOMPARE(m_receiver->requests.size(), 1);

        clock.advance(options.leaseMs + 1);
        QVERIFY(waitUntil([&] { return stateOf(reopened, id) == ConfigState::Valid; }));
        QCOMPARE(toString(tasksFor(reopened, id).constFirst().state),
                 toString(TaskState::Succeeded));
        QCOMPARE(m_receiver->requests.size(), 2); // the held one, and the one taken over
        // The event of the first delivery will never be answered: it is failed, not pending.
        const auto events = waitFor(reopened.listEvents({})).value().data;
        QCOMPARE(events.size(), 2);
        QCOMPARE(toString(events.at(1).state), toString(EventState::Failed));
        QCOMPARE(toString(events.at(0).state), toString(EventState::Delivered));
    }

    void batchedCreatesShareOneCommit()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("batched.sqlite"));
        options.groupCommits = true;
        m_receiver->hold = true; // no outcome changes the rows meanwhile
        LocalService service(options);
        QVERIFY(service.open().ok());
        // Every commit that changes configs takes the organisation's next change sequence
        // number, once: count commits by it, through a connection of our own.
        Store probe(options.databasePath);
        QVERIFY(probe.open().ok());
        const QString organisation = probe.firstOrganisation().value()->organisation.id;
        const qint64 before = probe.changeSeq(organisation).value();

        QList<QFuture<Result<WebhookConfig>>> futures;
        for (int i = 0; i < 5; ++i)
            futures << service.createConfig(m_receiver->url(), 0);
        futures << service.createConfig(QStringLiteral("ftp://bad.example"), 0);
        QVERIFY(!futures.constFirst().isFinished()); // answered after the commit
        QVERIFY(futures.constLast().isFinished()); // bad input answers at once
        QVERIFY(!futures.constLast().result().ok());
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            const auto created = waitFor(futures.at(i));
            QVERIFY(created.ok());
            QCOMPARE(toString(created.value().state), toString(ConfigState::New));
            ids << created.value().id;
        }
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 5);
        QCOMPARE(probe.changeSeq(organisation).value(), before + 1); // one commit
        for (const QString &id : std::as_const(ids))
            QCOMPARE(probe.config(id).value()->changeSeq, before + 1);
        QCOMPARE(totalConfigs(service), 5);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(tasksFor(service, id).size(), 1);
    }

    void testsArrivingTogetherShareOneCommitEachWithItsOwnAnswer()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("grouped-tests.sqlite"));
        options.groupCommits = true;
        LocalService service(options);
        QVERIFY(service.open().ok());
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            const auto created = waitFor(service.createConfig(m_receiver->url(), 0));
            QVERIFY(created.ok());
            ids << created.value().id;
        }
        const QString retired = ids.takeLast();
        QVERIFY(waitFor(service.deactivateConfig(retired)).ok());
        QVERIFY(waitUntil([&] { return m_receiver->requests.size() == 4; }));

        // A bulk run's burst: three testable configs, one deactivated, one unknown.
        QList<QFuture<Result<Task>>> futures;
        for (const QString &id : std::as_const(ids))
            futures << service.testConfig(id, 0);
        futures << service.testConfig(retired, 0);
        futures << service.testConfig(QStringLiteral("no-such-config"), 0);
        for (const auto &future : std::as_const(futures))
            QVERIFY(!future.isFinished()); // answered after the one commit, not at once
        for (int i = 0; i < 3; ++i) {
            const auto tested = waitFor(futures.at(i));
            QVERIFY(tested.ok());
            QCOMPARE(tested.value().target, ids.at(i));
        }
        const auto deactivated = waitFor(futures.at(3));
        QVERIFY(!deactivated.ok());
        QCOMPARE(deactivated.error().code, QStringLiteral("invalid-parameter"));
        const auto unknown = waitFor(futures.at(4));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("not-found"));
        // Each test was delivered: the refusals took nothing away from the others.
        QVERIFY(waitUntil([&] { return m_receiver->requests.size() == 7; }));
        for (const QString &id : std::as_const(ids))
            QCOMPARE(tasksFor(service, id).size(), 2);
        QCOMPARE(tasksFor(service, retired).size(), 1);
    }

    void olderWaitingTestIsSuperseded()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.maxDeliveriesPerHost = 1;
        LocalService service(options);
        QVERIFY(service.open().ok());
        m_receiver->hold = true;
        const QString id = create(service, m_receiver->url()).id; // its test holds the receiver
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        const Task waiting = waitFor(service.testConfig(id, 0)).value();
        const Task newest = waitFor(service.testConfig(id, 0)).value();
        const Task superseded = waitFor(service.task(waiting.id)).value();
        QCOMPARE(toString(superseded.state), QStringLiteral("failed"));
        QCOMPARE(superseded.error, QStringLiteral("superseded"));
        m_receiver->hold = false;
        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return allTasksDone(service, id); }));
        QCOMPARE(toString(waitFor(service.task(newest.id)).value().state),
                 QStringLiteral("succeeded"));
        QCOMPARE(m_receiver->requests.size(), 2); // the first test and the newest, not the other
    }

    void testsPastTheBacklogLimitAreRefused()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.maxDeliveriesPerHost = 1;
        options.maxWaitingTests = 2;
        LocalService service(options);
        QVERIFY(service.open().ok());
        m_receiver->hold = true;
        const QString first = create(service, m_receiver->url()).id; // started: not waiting
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        create(service, m_receiver->url()); // waiting: 1
        create(service, m_receiver->url()); // waiting: 2
        const auto refused = waitFor(service.createConfig(m_receiver->url(), 0));
        QVERIFY(!refused.ok());
        QCOMPARE(httpStatus(refused.error()), 429);
        QCOMPARE(refused.error().code, QStringLiteral("limit-exceeded"));
        QVERIFY(refused.error().retryAfterSeconds >= 1);
        const auto test = waitFor(service.testConfig(first, 0));
        QCOMPARE(httpStatus(test.error()), 429);
        // Nothing of the refused requests was written.
        QCOMPARE(totalConfigs(service), 3);
        QCOMPARE(tasksFor(service, first).size(), 1);
    }

    void retentionKeepsTheNewestAttemptsOfEachConfig()
    {
        wa::test::TestClock clock;
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.retainAttemptsPerConfig = 2;
        options.pruneIntervalMs = 50;
        options.clock = clock.function();
        LocalService service(options);
        QVERIFY(service.open().ok());
        const QString id = waitFor(service.createConfig(m_receiver->url(), 5)).value().id;
        for (int i = 0; i < 4; ++i) {
            clock.advance(1000); // each attempt a second after the last
            QVERIFY(waitFor(service.testConfig(id, 5)).ok());
        }
        QCOMPARE(m_receiver->requests.size(), 5);
        QVERIFY(waitUntil(
            [&] { return waitFor(service.listAttempts(id, {})).value().totalCount == 2; }));
        const auto kept = waitFor(service.listAttempts(id, {})).value().data;
        QCOMPARE(kept.at(0).taskId, tasksFor(service, id).at(0).id); // the newest two
        QCOMPARE(kept.at(1).taskId, tasksFor(service, id).at(1).id);
        // Events and tasks nothing needs any more go once they have settled.
        clock.advance(2 * 60 * 60 * 1000);
        QVERIFY(waitUntil([&] { return tasksFor(service, id).size() == 2; }));
        QVERIFY(waitUntil([&] { return waitFor(service.listEvents({})).value().totalCount == 2; }));
        QCOMPARE(toString(stateOf(service, id)), QStringLiteral("valid"));
    }

    void versionOneDatabaseIsUpgradedWithItsData()
    {
        // A file as the previous release left it: schema 1, an organisation, a key, a config.
        const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL,"
                                          " date_applied INTEGER NOT NULL)")));
            for (const auto &step : StoreSchema::migrations().at(0)) {
                if (step.only == StoreSchema::Step::Only::Postgres)
                    continue;
                QString sql = step.sql;
                sql.replace(QLatin1String("%INT64%"), QLatin1String("INTEGER"));
                sql.replace(QLatin1String("%BLOB%"), QLatin1String("BLOB"));
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            }
            for (const char *sql :
                 {"INSERT INTO schema_version VALUES (1, 0)",
                  "INSERT INTO organisations VALUES ('org', 'Local organisation', 'active', NULL, "
                  "0)",
                  "INSERT INTO keys VALUES ('key', 'org', 'token-of-version-one', NULL, 'active', "
                  "0)",
                  "INSERT INTO configs VALUES ('cfg', 'org', 'http://127.0.0.1:9/old', 'c2VjcmV0',"
                  " 'valid', 1, 1700000000000)"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        LocalService::Options options;
        options.databasePath = path;
        LocalService service(options);
        QVERIFY(service.open().ok());
        QCOMPARE(service.token(), QStringLiteral("token-of-version-one"));
        const auto config = waitFor(service.config(QStringLiteral("cfg")));
        QVERIFY(config.ok());
        QCOMPARE(config.value().url, QStringLiteral("http://127.0.0.1:9/old"));
        QCOMPARE(totalConfigs(service), 1);
    }

    void privateTargetsAreRefusedWhenReachableBeyondLoopback()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.allowPrivateTargets = false; // as serve --bind beyond loopback runs it
        LocalService service(options);
        QVERIFY(service.open().ok());
        for (const char *url :
             {"http://127.0.0.1:9/hooks", "http://localhost/hooks", "http://10.1.2.3/hooks",
              "http://192.168.1.1/hooks", "http://169.254.169.254/latest", "http://[::1]/hooks",
              "http://[fd00::1]/hooks"}) {
            const auto refused = waitFor(service.createConfig(QString::fromLatin1(url), 0));
            QVERIFY2(!refused.ok(), url);
            QVERIFY(refused.error()
                        .params.value(QStringLiteral("url"))
                        .contains(QStringLiteral("--allow-private-targets")));
        }
        QCOMPARE(totalConfigs(service), 0);
        // A name is judged where it leads when the test is delivered: not sent, and why.
        const QString name = QHostInfo::localHostName();
        const QHostInfo info = QHostInfo::fromName(name);
        if (info.addresses().isEmpty() || !TargetPolicy::isPrivate(info.addresses().constFirst()))
            QSKIP("this machine's name does not resolve to a private address");
        QUrl url(m_receiver->url());
        url.setHost(name);
        const QString id = create(service, url.toString()).id;
        QVERIFY(!id.isEmpty());
        QVERIFY(waitUntil([&] { return allTasksDone(service, id); }));
        const auto attempt = waitFor(service.listAttempts(id, {})).value().data.constFirst();
        QCOMPARE(attempt.error, QStringLiteral("webhook-refused"));
        QVERIFY2(attempt.errorDetail.contains(QStringLiteral("private")),
                 qPrintable(attempt.errorDetail));
        QCOMPARE(m_receiver->requests.size(), 0);
    }

    void databaseFailureIsAPlainServerError()
    {
        auto service = openService();
        const QString id = create(*service, m_receiver->url()).id;
        QVERIFY(waitUntil([&] { return allTasksDone(*service, id); }));
        {
            // Another program breaks the file under the running service.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("breaker"));
            db.setDatabaseName(m_dir->filePath(QStringLiteral("local.sqlite")));
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("DROP TABLE attempts"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("database error.*attempts")));
        const auto attempts = waitFor(service->listAttempts(id, {}));
        QVERIFY(!attempts.ok());
        QCOMPARE(httpStatus(attempts.error()), 500);
        QCOMPARE(attempts.error().code, QStringLiteral("server-error"));
        // The database's own words stay in the log.
        QVERIFY2(!attempts.error().message.contains(QStringLiteral("attempts"))
                     && !attempts.error().message.contains(QStringLiteral("no such table")),
                 qPrintable(attempts.error().message));
        QVERIFY(waitFor(service->config(id)).ok()); // what does not need the table still works
    }

    void serviceThreadAnswersOtherThreads()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("threaded.sqlite"));
        auto thread = std::make_unique<LocalServiceThread>(options);
        const auto started = waitFor(thread->start());
        QVERIFY(started.ok());
        LocalService *service = thread->service();
        QVERIFY(service->thread() != QThread::currentThread());
        QVERIFY(!service->token().isEmpty());

        QSignalSpy configSpy(service, &WebhookService::configChanged);
        const auto created = waitFor(service->createConfig(m_receiver->url(), 5));
        QVERIFY(created.ok());
        QCOMPARE(toString(created.value().state), toString(ConfigState::Valid)); // awaited
        QVERIFY(waitUntil([&] { return configSpy.size() >= 2; }));
        QCOMPARE(waitFor(service->listConfigs({}, {})).value().totalCount, 1);
        thread.reset(); // never blocks: the service closes in its own thread
        // ... which must have ended before the folder goes and the process exits.
        LocalServiceThread::waitForAllStopped();
    }
};

QTEST_GUILESS_MAIN(TestTestQueue)
#include "tst_testqueue.moc"
