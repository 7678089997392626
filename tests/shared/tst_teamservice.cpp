// The team service: several real `serve` instances on one PostgreSQL database, as behind a load
// balancer. A write answered by one is read at once through another; every test is delivered
// once whichever instance took it; an instance killed mid-delivery is replaced by another after
// the lease; PostgreSQL stopped under load gives 503s (never a crash, a hang or a 500), and
// when it is back the instances reconnect, nothing acknowledged is lost and deliveries resume.

#include "cliharness.h"
#include "serveprocess.h"
#include "testdatabase.h"
#include "testhttpserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <map>

using namespace wa::test;

namespace {

QString taskState(const ServeProcess &serve, const QString &configId)
{
    return serve.request("GET", QStringLiteral("/tasks?target=") + configId)
        .json.value(QStringLiteral("data"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("state"))
        .toString();
}

int count(const ServeProcess &serve, const QString &path)
{
    return serve.request("GET", path).json.value(QStringLiteral("total_count")).toInt(-1);
}

// A private cluster for the test that stops it (the shared one serves other tests meanwhile).
class PrivateCluster
{
public:
    PrivateCluster()
    {
        m_state = m_dir.filePath(QStringLiteral("cluster.state"));
        if (run(QStringLiteral("start")) != 0)
            return;
        QFile file(m_state);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (line.startsWith("URL="))
                    m_adminUrl = QString::fromUtf8(line.mid(4));
            }
        }
    }
    ~PrivateCluster() { run(QStringLiteral("stop")); }

    QString adminUrl() const { return m_adminUrl; }
    bool down() { return run(QStringLiteral("down")) == 0; }
    bool up() { return run(QStringLiteral("up")) == 0; }

private:
    int run(const QString &command)
    {
        return QProcess::execute(QStringLiteral(WA_POSTGRES_SCRIPT), {command, m_state});
    }

    QTemporaryDir m_dir;
    QString m_state;
    QString m_adminUrl;
};

} // namespace

class TestTeamService final : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment m_env;
    QTemporaryDir m_home;

    bool startInstances(std::vector<std::unique_ptr<ServeProcess>> &instances, int n,
                        const QString &database, const QProcessEnvironment &env)
    {
        // The first creates the schema; the others start together and find it there.
        for (int i = 0; i < n; ++i) {
            instances.push_back(std::make_unique<ServeProcess>());
            if (!instances.back()->start(
                    database, env,
                    {QStringLiteral("--token"), QStringLiteral("team-token-0123456789")}))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!TestDatabase::postgresAvailable())
            QSKIP("no PostgreSQL cluster (tests/support/postgres-cluster.sh could not start one)");
        m_env = isolatedEnvironment(m_home.path());
    }

    void writtenOnOneReadAndChangedOnAnother()
    {
        TestDatabase db(TestDatabase::Engine::Postgres);
        std::vector<std::unique_ptr<ServeProcess>> serve;
        QVERIFY(startInstances(serve, 3, db.location(), m_env));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        const HttpAnswer created = serve[0]->request("POST", QStringLiteral("/configs/webhook"),
                                                     {{QStringLiteral("url"), receiver.url()}});
        QCOMPARE(created.status, 201);
        const QString id = created.string("id");
        // At once, through every other instance.
        QCOMPARE(serve[1]->request("GET", QStringLiteral("/configs/webhook/") + id).status, 200);
        QCOMPARE(count(*serve[2], QStringLiteral("/configs/webhook")), 1);
        const HttpAnswer deactivated
            = serve[1]->request("DELETE", QStringLiteral("/configs/webhook/") + id);
        QCOMPARE(deactivated.string("state"), QStringLiteral("deactivated"));
        const HttpAnswer moved
            = serve[2]->request("POST", QStringLiteral("/configs/webhook/") + id,
                                {{QStringLiteral("url"), receiver.url(QStringLiteral("/moved"))}});
        QCOMPARE(moved.string("state"), QStringLiteral("deactivated"));
        QCOMPARE(serve[0]->request("GET", QStringLiteral("/configs/webhook/") + id).string("url"),
                 receiver.url(QStringLiteral("/moved")));
    }

    void everyTestIsDeliveredOnceAcrossInstances()
    {
        TestDatabase db(TestDatabase::Engine::Postgres);
        std::vector<std::unique_ptr<ServeProcess>> serve;
        QVERIFY(startInstances(serve, 3, db.location(), m_env));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        QStringList ids;
        for (int i = 0; i < 10; ++i) {
            const HttpAnswer created
                = serve[size_t(i % 3)]->request("POST", QStringLiteral("/configs/webhook"),
                                                {{QStringLiteral("url"), receiver.url()}});
            QCOMPARE(created.status, 201);
            ids << created.string("id");
        }
        constexpr int Tests = 1000;
        for (int i = 0; i < Tests; ++i) {
            const HttpAnswer test = serve[size_t(i % 3)]->request(
                "POST", QStringLiteral("/configs/webhook/%1/test").arg(ids.at(i % ids.size())));
            QCOMPARE(test.status, 201);
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return count(*serve[0], QStringLiteral("/tasks?state=pending")) == 0
                    && count(*serve[0], QStringLiteral("/tasks?state=processing")) == 0;
            },
            60000));
        const int tasks = count(*serve[1], QStringLiteral("/tasks"));
        QCOMPARE(tasks, Tests + 10);
        std::map<QByteArray, int> deliveries;
        for (const RecordedRequest &request : receiver.requests)
            ++deliveries[request.target.mid(request.target.lastIndexOf('/') + 1)];
        QCOMPARE(int(deliveries.size()), tasks); // one event per task, each delivered
        for (const auto &[event, times] : deliveries)
            QVERIFY2(times == 1, event.constData());
        QCOMPARE(count(*serve[2], QStringLiteral("/events")), tasks);
    }

    void killedInstanceMidDeliveryIsFinishedByAnother()
    {
        TestDatabase db(TestDatabase::Engine::Postgres);
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("WEBHOOK_ADMIN_DELIVERY_TIMEOUT_MS"), QStringLiteral("1500"));
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TASK_LEASE_MS"), QStringLiteral("2500"));
        std::vector<std::unique_ptr<ServeProcess>> serve;
        QVERIFY(startInstances(serve, 2, db.location(), env));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        receiver.hold = true;
        const HttpAnswer created = serve[0]->request("POST", QStringLiteral("/configs/webhook"),
                                                     {{QStringLiteral("url"), receiver.url()}});
        const QString id = created.string("id");
        QVERIFY(QTest::qWaitFor([&] { return receiver.heldCount() == 1; }, 10000));
        receiver.hold = false;
        serve[0]->kill(SIGKILL);
        QCOMPARE(taskState(*serve[1], id), QStringLiteral("processing"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return serve[1]
                           ->request("GET", QStringLiteral("/configs/webhook/") + id)
                           .string("state")
                    == QStringLiteral("valid");
            },
            15000));
        QCOMPARE(receiver.requests.size(), 2);
        QCOMPARE(taskState(*serve[1], id), QStringLiteral("succeeded"));
    }

    void databaseProblemsAreOneLineAndExitCodeThree()
    {
        const QUrl admin(TestDatabase::adminUrl());
        const QString server = QStringLiteral("127.0.0.1:%1").arg(admin.port());
        const QStringList refused {
            QStringLiteral("postgresql://nobody:hunter2-secret@%1/postgres").arg(server),
            QStringLiteral("postgresql://postgres:hunter2-secret@%1/no_such_database").arg(server),
            QStringLiteral("postgresql://postgres:hunter2-secret@127.0.0.1:1/postgres"),
            QStringLiteral("postgresql://postgres:hunter2-secret@%1").arg(server), // no database
        };
        for (const QString &url : refused) {
            const CliRun run = runCli({QStringLiteral("serve"), QStringLiteral("--port"),
                                       QStringLiteral("0"), QStringLiteral("--database"), url},
                                      m_env);
            QVERIFY2(run.code == 3, qPrintable(url + QStringLiteral(": ") + run.err));
            QCOMPARE(run.err.count(u'\n'), 1);
            // Never the password.
            QVERIFY2(!run.err.contains(QLatin1String("hunter2")), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
    }

    void passwordFromPgpassAndDatabaseFromTheEnvironment()
    {
        TestDatabase db(TestDatabase::Engine::Postgres);
        QUrl url(db.location());
        url.setUserName(QStringLiteral("wa_password")); // this role must give its password
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("WEBHOOK_ADMIN_DATABASE"), url.toString());
        // Without a password anywhere, the login is refused.
        const CliRun refused
            = runCli({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")}, env);
        QCOMPARE(refused.code, 3);
        // With one in a pgpass file, as libpq users keep it.
        QFile pgpass(m_home.filePath(QStringLiteral("pgpass")));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(QStringLiteral("127.0.0.1:%1:*:wa_password:wa-password-1234\n")
                         .arg(url.port())
                         .toUtf8());
        pgpass.close();
        pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        env.insert(QStringLiteral("PGPASSFILE"), pgpass.fileName());
        ServeProcess serve;
        QVERIFY(serve.start(QString(), env,
                            {QStringLiteral("--token"), QStringLiteral("team-token-0123456789")}));
        QVERIFY2(serve.banner().contains("Database: postgresql://wa_password@127.0.0.1"),
                 serve.banner().constData());
        QCOMPARE(serve.request("GET", QStringLiteral("/configs/webhook")).status, 200);
    }

    void databaseStoppedUnderLoadAnswers503ThenRecovers()
    {
        PrivateCluster cluster;
        QVERIFY(!cluster.adminUrl().isEmpty());
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("WEBHOOK_ADMIN_DELIVERY_TIMEOUT_MS"), QStringLiteral("1500"));
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TASK_LEASE_MS"), QStringLiteral("2500"));
        std::vector<std::unique_ptr<ServeProcess>> serve;
        QVERIFY(startInstances(serve, 2, cluster.adminUrl(), env));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        QStringList acknowledged;
        std::map<int, int> statuses;
        qint64 slowest = 0;
        int turn = 0;
        // Creates through both instances, one after another, for `ms`.
        auto load = [&](int ms) {
            QElapsedTimer phase;
            phase.start();
            while (phase.elapsed() < ms) {
                QElapsedTimer one;
                one.start();
                const HttpAnswer answer
                    = serve[size_t(turn++ % 2)]->request("POST", QStringLiteral("/configs/webhook"),
                                                         {{QStringLiteral("url"), receiver.url()}});
                slowest = qMax(slowest, one.elapsed());
                ++statuses[answer.status];
                if (answer.status == 201)
                    acknowledged << answer.string("id");
                else if (answer.status == 503)
                    QCOMPARE(answer.string("error"), QStringLiteral("service-unavailable"));
            }
        };
        load(1000);
        QCOMPARE(serve[0]->request("GET", QStringLiteral("/health")).status, 200);
        QVERIFY(cluster.down());
        load(1500);
        const HttpAnswer sick = serve[1]->request("GET", QStringLiteral("/health"));
        QCOMPARE(sick.status, 503);
        QCOMPARE(sick.string("status"), QStringLiteral("unavailable"));
        QVERIFY(statuses[503] > 0);
        QVERIFY(cluster.up());
        // Both instances connect again by themselves.
        for (auto &instance : serve) {
            QVERIFY(QTest::qWaitFor(
                [&] { return instance->request("GET", QStringLiteral("/health")).status == 200; },
                15000));
        }
        load(1000);
        qInfo("statuses: %d x 201, %d x 503, slowest answer %lld ms", statuses[201], statuses[503],
              slowest);
        QString seen;
        for (const auto &[status, times] : statuses)
            seen += QStringLiteral(" %1 x %2").arg(times).arg(status);
        if (statuses.size() != 2)
            qWarning() << serve[0]->log() << serve[1]->log();
        QVERIFY2(statuses.size() == 2, qPrintable(seen)); // only 201 and 503: no 500, no silence
        QVERIFY2(slowest < 5000, qPrintable(QString::number(slowest)));
        for (const QString &id : std::as_const(acknowledged))
            QCOMPARE(serve[1]->request("GET", QStringLiteral("/configs/webhook/") + id).status,
                     200);
        // Deliveries resume, including those the outage interrupted (after their lease).
        QVERIFY(QTest::qWaitFor(
            [&] {
                return count(*serve[0], QStringLiteral("/tasks?state=pending")) == 0
                    && count(*serve[0], QStringLiteral("/tasks?state=processing")) == 0;
            },
            30000));
        const HttpAnswer fresh = serve[0]->request("POST", QStringLiteral("/configs/webhook"),
                                                   {{QStringLiteral("url"), receiver.url()}},
                                                   {{"Ricloud-Await", "5"}});
        QCOMPARE(fresh.string("state"), QStringLiteral("valid"));
    }
};

QTEST_GUILESS_MAIN(TestTeamService)
#include "tst_teamservice.moc"
