// The real binaries on one database file, as a user runs them side by side: `serve` and
// `webhook-admin-cli --local`. Each sees the other's writes at once and undoes none of them.

#include "cliharness.h"
#include "serveprocess.h"
#include "testhttpserver.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace wa::test;

class TestSharedProcesses final : public QObject
{
    Q_OBJECT

private:
    QStringList local(QStringList arguments) const
    {
        return arguments << QStringLiteral("--local") << QStringLiteral("--database") << m_db;
    }

    CliRun cli(const QStringList &arguments) const { return runCli(local(arguments), m_env); }

    QString cliCreate(const QString &url) const
    {
        const CliRun run = cli(
            {QStringLiteral("create"), QStringLiteral("--url"), url, QStringLiteral("--json")});
        if (run.code != 0)
            qWarning() << "create failed:" << run.code << run.err;
        return run.json().value(QStringLiteral("id")).toString();
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_db;
    std::unique_ptr<ServeProcess> m_serve;
    std::unique_ptr<TestHttpServer> m_receiver;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(QStringLiteral(WA_CLI_PATH)), WA_CLI_PATH);
        m_env = isolatedEnvironment(m_dir.path());
    }

    void init()
    {
        static int n = 0;
        m_db = m_dir.filePath(QStringLiteral("shared-%1.sqlite").arg(++n));
        m_receiver = std::make_unique<TestHttpServer>();
        QVERIFY(m_receiver->start());
        m_serve = std::make_unique<ServeProcess>();
        QVERIFY(m_serve->start(m_db, m_env));
    }

    void cleanup()
    {
        m_serve.reset();
        m_receiver.reset();
    }

    void cliCreateIsServedAndAlreadyTested()
    {
        const QString id = cliCreate(m_receiver->url());
        QVERIFY(!id.isEmpty());
        // The one-shot command delivered its test before it exited: nothing is left `new`.
        QCOMPARE(m_receiver->requests.size(), 1);
        const HttpAnswer list = m_serve->request("GET", QStringLiteral("/configs/webhook"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("total_count")).toInt(), 1);
        const HttpAnswer one = m_serve->request("GET", QStringLiteral("/configs/webhook/") + id);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.string("state"), QStringLiteral("valid"));
        const HttpAnswer tasks = m_serve->request("GET", QStringLiteral("/tasks?target=") + id);
        QCOMPARE(tasks.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("state")),
                 QStringLiteral("succeeded"));
    }

    void cliDeactivationIsNotUndoneByServe()
    {
        const QString id = cliCreate(m_receiver->url());
        QCOMPARE(cli({QStringLiteral("deactivate"), id}).code, 0);
        const QString moved = m_receiver->url(QStringLiteral("/moved"));
        const HttpAnswer updated = m_serve->request(
            "POST", QStringLiteral("/configs/webhook/") + id, {{QStringLiteral("url"), moved}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.string("state"), QStringLiteral("deactivated"));
        QCOMPARE(updated.string("url"), moved);
        const CliRun back = cli({QStringLiteral("get"), id, QStringLiteral("--json")});
        QCOMPARE(back.json().value(QStringLiteral("state")).toString(),
                 QStringLiteral("deactivated"));
        QCOMPARE(back.json().value(QStringLiteral("url")).toString(), moved);
    }

    void cliUrlChangeIsNotWrittenBackByServe()
    {
        const QString id = cliCreate(m_receiver->url());
        const QString moved = m_receiver->url(QStringLiteral("/from-cli"));
        QCOMPARE(cli({QStringLiteral("update"), id, QStringLiteral("--url"), moved}).code, 0);
        QCOMPARE(m_serve->request("GET", QStringLiteral("/configs/webhook/") + id).string("url"),
                 moved);
        // serve retests it: the CLI's URL stands, and the test goes there.
        const HttpAnswer retest = m_serve->request(
            "POST", QStringLiteral("/configs/webhook/") + id,
            {{QStringLiteral("state"), QStringLiteral("new")}}, {{"Ricloud-Await", "5"}});
        QCOMPARE(retest.status, 200);
        QCOMPARE(retest.string("url"), moved);
        QCOMPARE(retest.string("state"), QStringLiteral("valid"));
        QVERIFY(m_receiver->requests.constLast().target.startsWith("/from-cli/"));
    }

    void cliDefaultReachesServesOrganisation()
    {
        const QString id = cliCreate(m_receiver->url());
        QCOMPARE(cli({QStringLiteral("org"), QStringLiteral("--default"), id}).code, 0);
        const HttpAnswer organisation = m_serve->request("GET", QStringLiteral("/organisation"));
        QCOMPARE(organisation.string("webhook_config_default"), id);
        const CliRun key = cli({QStringLiteral("key"), QStringLiteral("--config"), id});
        QCOMPARE(key.code, 0);
        QCOMPARE(m_serve->request("GET", QStringLiteral("/key")).string("webhook_config"), id);
    }

    void servesCreateIsSeenByTheCli()
    {
        const HttpAnswer created = m_serve->request("POST", QStringLiteral("/configs/webhook"),
                                                    {{QStringLiteral("url"), m_receiver->url()}},
                                                    {{"Ricloud-Await", "5"}});
        QCOMPARE(created.status, 201);
        const CliRun back
            = cli({QStringLiteral("get"), created.string("id"), QStringLiteral("--json")});
        QCOMPARE(back.code, 0);
        QCOMPARE(back.json().value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
    }

    void readingCliTakesNoTaskOver()
    {
        m_receiver->hold = true;
        const HttpAnswer created = m_serve->request("POST", QStringLiteral("/configs/webhook"),
                                                    {{QStringLiteral("url"), m_receiver->url()}});
        QCOMPARE(created.status, 201);
        QVERIFY(QTest::qWaitFor([&] { return m_receiver->heldCount() == 1; }, 10000));
        const CliRun list = cli({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.code, 0);
        QCOMPARE(list.json().value(QStringLiteral("total_count")).toInt(), 1);
        const HttpAnswer task
            = m_serve->request("GET", QStringLiteral("/tasks?target=") + created.string("id"));
        QCOMPARE(task.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("state")),
                 QStringLiteral("processing"));
        m_receiver->answerHeld(200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_serve
                           ->request("GET",
                                     QStringLiteral("/configs/webhook/") + created.string("id"))
                           .string("state")
                    == QStringLiteral("valid");
            },
            10000));
        QCOMPARE(m_receiver->requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSharedProcesses)
#include "tst_sharedprocesses.moc"
