// How webhook-admin-cli reads its command line, as a user types it: backend options before or
// after the command (as git, kubectl and gh take them), one way of saying a usage problem for
// every command, and serve's token: refused when short, taken from a file or the environment,
// and a warning when it is given where every user can see it.

#include "cliharness.h"
#include "serveprocess.h"

#include <QTest>

using namespace wa::test;

class TestCliArgs final : public QObject
{
    Q_OBJECT

private:
    CliHarness m_cli;
    int m_databases = 0;

    QString freshDatabase() { return m_cli.path(QStringLiteral("db%1.sqlite").arg(++m_databases)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cli.valid());
        QVERIFY(QFile::exists(QStringLiteral(WA_CLI_PATH)));
    }

    void backendOptionsBeforeTheCommand()
    {
        ServeProcess serve;
        QVERIFY(serve.startWithToken(freshDatabase(), m_cli.environment()));
        // The two examples, word for word.
        CliRun run = m_cli.run(QStringList {QStringLiteral("--api-url"), serve.url().toString(),
                                            QStringLiteral("--token"), serve.token(),
                                            QStringLiteral("list")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("0 of 0 config(s).")),
                 qPrintable(run.out + run.err));
        const QString database = freshDatabase();
        run = m_cli.run({QStringLiteral("--local"), QStringLiteral("--database"), database,
                         QStringLiteral("list")});
        QCOMPARE(run.code, 0);

        // Before, after, mixed and with '=': the same answer.
        const CliRun after
            = m_cli.run({QStringLiteral("create"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:1/a"), QStringLiteral("--local"),
                         QStringLiteral("--database"), database});
        QCOMPARE(after.code, 0);
        const CliRun before
            = m_cli.run({QStringLiteral("--database=") + database, QStringLiteral("--local"),
                         QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(before.code, 0);
        QCOMPARE(before.json().value(QStringLiteral("total_count")).toInt(), 1);
        const CliRun mixed
            = m_cli.run({QStringLiteral("--local"), QStringLiteral("list"),
                         QStringLiteral("--database"), database, QStringLiteral("--json")});
        QCOMPARE(mixed.out, before.out);
        run = m_cli.run({QStringLiteral("--token=") + serve.token(), QStringLiteral("--url"),
                         serve.url().toString(), QStringLiteral("org"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.json().value(QStringLiteral("resource")).toString(),
                 QStringLiteral("organisation"));
    }

    void leadingOptionsStillNeedACommand_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no command") << QStringList {QStringLiteral("--local")}
                                    << QStringLiteral("a command is needed after --local");
        QTest::newRow("unknown command")
            << QStringList {QStringLiteral("--local"), QStringLiteral("frobnicate")}
            << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("a command without backend")
            << QStringList {QStringLiteral("--local"), QStringLiteral("sign"),
                            QStringLiteral("--secret"), QStringLiteral("s")}
            << QStringLiteral("webhook-admin-cli sign: Unknown option 'local'");
        QTest::newRow("conflict across the command")
            << QStringList {QStringLiteral("--local"), QStringLiteral("list"),
                            QStringLiteral("--profile"), QStringLiteral("p")}
            << QStringLiteral("--local cannot be combined");
    }

    void leadingOptionsStillNeedACommand()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const CliRun run = m_cli.run(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void everyCommandSaysUsageProblemsAlike_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("serve port") << QStringList {
            QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("listen port") << QStringList {
            QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("sign timestamp")
            << QStringList {QStringLiteral("sign"), QStringLiteral("--secret"), QStringLiteral("s"),
                            QStringLiteral("--timestamp"), QStringLiteral("soon")};
        QTest::newRow("verify window") << QStringList {
            QStringLiteral("verify"), QStringLiteral("--secret"), QStringLiteral("s"),
            QStringLiteral("--window"), QStringLiteral("long")};
        QTest::newRow("list limit")
            << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                            QStringLiteral("--limit"), QStringLiteral("0")};
        QTest::newRow("profile stray")
            << QStringList {QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("a"),
                            QStringLiteral("b")};
    }

    void everyCommandSaysUsageProblemsAlike()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = m_cli.run(arguments);
        QCOMPARE(run.code, 2);
        const QString command = arguments.constFirst();
        QVERIFY2(run.err.startsWith(QStringLiteral("webhook-admin-cli %1: ").arg(command)),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Run 'webhook-admin-cli %1 --help'").arg(command)),
                 qPrintable(run.err));
    }

    void serveRefusesTokensThatCanBeGuessed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("says");
        QTest::newRow("--token a") << QStringList {QStringLiteral("--token"), QStringLiteral("a")}
                                   << QString() << QStringLiteral("at least 16 characters");
        QTest::newRow("15 characters")
            << QStringList {QStringLiteral("--token"), QStringLiteral("0123456789abcde")}
            << QString() << QStringLiteral("at least 16 characters");
        QTest::newRow("spaces") << QStringList {QStringLiteral("--token"), QString(20, u' ')}
                                << QString() << QStringLiteral("is empty");
        QTest::newRow("short variable") << QStringList {} << QStringLiteral("short")
                                        << QStringLiteral("WEBHOOK_ADMIN_SERVE_TOKEN is too short");
        QTest::newRow("both") << QStringList {QStringLiteral("--token"),
                                              QStringLiteral("0123456789abcdefgh"),
                                              QStringLiteral("--token-file"), QStringLiteral("x")}
                              << QString() << QStringLiteral("not both");
        QTest::newRow("no such file")
            << QStringList {QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token")}
            << QString() << QStringLiteral("cannot read /nonexistent/token");
    }

    void serveRefusesTokensThatCanBeGuessed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, environment);
        QFETCH(QString, says);
        QProcessEnvironment env = m_cli.environment();
        if (!environment.isEmpty())
            env.insert(QStringLiteral("WEBHOOK_ADMIN_SERVE_TOKEN"), environment);
        const CliRun run = m_cli.run(QStringList {QStringLiteral("serve"), QStringLiteral("--port"),
                                                  QStringLiteral("0"), QStringLiteral("--database"),
                                                  freshDatabase()}
                                         + arguments,
                                     {}, &env, 20000);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("Listening on")));
    }

    void serveTakesItsTokenFromAFileOrTheEnvironment()
    {
        // From a file (ServeProcess writes one): the served token is the file's line.
        const QString fromFile = QStringLiteral("token-from-a-file-0123456789");
        ServeProcess serve;
        QVERIFY(serve.startWithToken(freshDatabase(), m_cli.environment(), fromFile));
        QCOMPARE(serve.token(), fromFile);
        QCOMPARE(m_cli.run(QStringList {QStringLiteral("list")} + serve.backend()).code, 0);
        QVERIFY(!serve.log().contains("warning"));

        // From WEBHOOK_ADMIN_SERVE_TOKEN; the client's WEBHOOK_ADMIN_TOKEN is never taken.
        const QString fromVariable = QStringLiteral("token-from-the-variable-0123");
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("WEBHOOK_ADMIN_SERVE_TOKEN"), fromVariable);
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TOKEN"),
                   QStringLiteral("client-token-never-served"));
        auto process
            = m_cli.process({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--database"), freshDatabase()},
                            env);
        process->start();
        QByteArray banner;
        QVERIFY(QTest::qWaitFor(
            [&] { return (banner += process->readAllStandardOutput()).contains("Try:"); }, 20000));
        QVERIFY2(banner.contains(QByteArray("Token: " + fromVariable.toUtf8() + "\n")),
                 banner.constData());
        process->terminate();
        QVERIFY(process->waitForFinished(15000));

        // On the command line it works, with a warning that every user can read it.
        env = m_cli.environment();
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TOKEN"),
                   QStringLiteral("client-token-never-served"));
        process
            = m_cli.process({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--database"), freshDatabase(),
                             QStringLiteral("--token"), QStringLiteral("on-the-command-line-0123")},
                            env);
        process->start();
        banner.clear();
        QVERIFY(QTest::qWaitFor(
            [&] { return (banner += process->readAllStandardOutput()).contains("Try:"); }, 20000));
        QVERIFY(banner.contains("Token: on-the-command-line-0123\n"));
        const QByteArray warning = process->readAllStandardError();
        QVERIFY2(warning.contains("visible to every user") && warning.contains("ps")
                     && warning.contains("--token-file")
                     && warning.contains("WEBHOOK_ADMIN_SERVE_TOKEN"),
                 warning.constData());
        process->terminate();
        QVERIFY(process->waitForFinished(15000));

        // With no token at all, the stored one is served, never the client's variable.
        process
            = m_cli.process({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--database"), freshDatabase()},
                            env);
        process->start();
        banner.clear();
        QVERIFY(QTest::qWaitFor(
            [&] { return (banner += process->readAllStandardOutput()).contains("Try:"); }, 20000));
        QVERIFY(!banner.contains("client-token-never-served"));
        process->terminate();
        QVERIFY(process->waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestCliArgs)
#include "tst_cliargs.moc"
