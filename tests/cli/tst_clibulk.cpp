// The bulk side of webhook-admin-cli as a user meets it, with --local and against a real
// `serve` as a remote: several IDs (or - for stdin) for test and deactivate, one JSON result
// per line, exit codes; attempts --curl whose command a real receiver verifies; export then
// import (same URLs and states, new secrets), bad import files that change nothing; and a run
// cancelled with Ctrl+C or whose backend is killed, each reporting exactly what was done.

#include "cliharness.h"
#include "localservice.h"
#include "receiver.h"
#include "serveprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace wa;
using namespace wa::test;

namespace {

const QString Refusing = QStringLiteral("http://127.0.0.1:1/down");

// Test tasks of a config in a service's database (opened here, after the CLI is done with it).
int testsOf(const QString &database, const QString &configId)
{
    LocalService::Options options;
    options.databasePath = database;
    LocalService service(options);
    if (!service.open().ok())
        return -1;
    TaskFilter filter;
    filter.target = configId;
    auto future = service.listTasks(filter, {});
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        return -1;
    return future.result().ok() ? future.result().value().totalCount : -1;
}

QMap<QString, QString> statesByUrl(const CliRun &exported)
{
    QMap<QString, QString> states;
    for (const QJsonValue &config : exported.json().value(QStringLiteral("data")).toArray())
        states.insert(config[QStringLiteral("url")].toString(),
                      config[QStringLiteral("state")].toString());
    return states;
}

} // namespace

class TestCliBulk final : public QObject
{
    Q_OBJECT

private:
    CliHarness m_cli;
    Receiver m_receiver; // answers 200 to every event
    int m_databases = 0;

    QString freshDatabase() { return m_cli.path(QStringLiteral("db%1.sqlite").arg(++m_databases)); }
    QString hook(int n) const
    {
        return m_receiver.url().toString() + QStringLiteral("/h%1").arg(n);
    }

    // The backend options of a mode; a remote's `serve` is kept in `serve`.
    QStringList backend(const QString &mode, ServeProcess &serve, QString *database = nullptr)
    {
        const QString file = freshDatabase();
        if (database)
            *database = file;
        if (mode == QLatin1String("remote"))
            return serve.startWithToken(file, m_cli.environment())
                ? serve.backend()
                : QStringList {QStringLiteral("--no-serve")};
        return {QStringLiteral("--local"), QStringLiteral("--database"), file};
    }

    QString create(const QStringList &b, const QString &url)
    {
        const CliRun run
            = m_cli.run(QStringList {QStringLiteral("create"), QStringLiteral("--url"), url,
                                     QStringLiteral("--wait"), QStringLiteral("--json")}
                        + b);
        return run.json().value(QStringLiteral("id")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cli.valid());
        Receiver::Behaviour accept;
        accept.status = 200;
        m_receiver.setBehaviour(accept);
        QVERIFY(m_receiver.start().ok());
    }

    void testAndDeactivateMany_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("remote") << QStringLiteral("remote");
    }

    void testAndDeactivateMany()
    {
        QFETCH(QString, mode);
        ServeProcess serve;
        const QStringList b = backend(mode, serve);
        const QStringList ids {create(b, hook(1)), create(b, hook(2)), create(b, hook(3)),
                               create(b, Refusing)};
        QVERIFY2(!ids.contains(QString()), qPrintable(ids.join(u',')));

        CliRun run = m_cli.run(QStringList {QStringLiteral("test")} + ids
                               + QStringList {QStringLiteral("--wait")} + b);
        QCOMPARE(run.code, 4); // one test failed
        QVERIFY2(run.out.endsWith(
                     QStringLiteral("4 tested: 3 valid, 1 invalid (connection refused: 1).\n")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(ids.at(3) + QStringLiteral("  invalid  webhook-refused")));
        QVERIFY(run.out.contains(ids.at(0) + QStringLiteral("  valid\n")));

        run = m_cli.run(QStringList {QStringLiteral("test")} + ids.mid(0, 3)
                        + QStringList {QStringLiteral("--wait")} + b);
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.endsWith(QStringLiteral("3 tested: 3 valid, 0 invalid.\n")));

        // --json: one object per line, for jq; the summary on stderr.
        run = m_cli.run(QStringList {QStringLiteral("test")} + ids
                        + QStringList {QStringLiteral("--wait"), QStringLiteral("--json")} + b);
        QCOMPARE(run.code, 4);
        const QList<QJsonObject> lines = run.jsonLines();
        QCOMPARE(lines.size(), 4);
        QMap<QString, QString> outcomes;
        for (const QJsonObject &line : lines) {
            outcomes.insert(line[QStringLiteral("id")].toString(),
                            line[QStringLiteral("outcome")].toString());
            QCOMPARE(line[QStringLiteral("task")][QStringLiteral("target")].toString(),
                     line[QStringLiteral("id")].toString());
        }
        QCOMPARE(outcomes.value(ids.at(0)), QStringLiteral("valid"));
        QCOMPARE(outcomes.value(ids.at(3)), QStringLiteral("invalid"));
        QVERIFY(run.err.contains(QStringLiteral("4 tested: 3 valid, 1 invalid")));

        // IDs from stdin, one a line.
        run = m_cli.run(
            QStringList {QStringLiteral("test"), QStringLiteral("-"), QStringLiteral("--wait")} + b,
            (ids.at(0) + QStringLiteral("\n\n") + ids.at(1) + u'\n').toUtf8());
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.endsWith(QStringLiteral("2 tested: 2 valid, 0 invalid.\n")));
        run = m_cli.run(QStringList {QStringLiteral("test"), QStringLiteral("-")} + b, "\n");
        QCOMPARE(run.code, 2);

        // An ID the service does not know: refused by name, the others still done; exit 1.
        run = m_cli.run(
            QStringList {QStringLiteral("test"), ids.at(0), QStringLiteral("no-such-config")} + b);
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.contains(QStringLiteral("no-such-config  refused  not-found")));
        QVERIFY(run.out.contains(QStringLiteral("1 test(s) started, 1 refused (not found: 1).")));

        run = m_cli.run(QStringList {QStringLiteral("deactivate"), ids.at(0), ids.at(1),
                                     QStringLiteral("--json")}
                        + b);
        QCOMPARE(run.code, 0);
        for (const QJsonObject &line : run.jsonLines()) {
            QCOMPARE(line[QStringLiteral("outcome")].toString(), QStringLiteral("deactivated"));
            QCOMPARE(line[QStringLiteral("config")][QStringLiteral("state")].toString(),
                     QStringLiteral("deactivated"));
        }
        run = m_cli.run(QStringList {QStringLiteral("list"), QStringLiteral("--json")} + b);
        QCOMPARE(run.json().value(QStringLiteral("total_count")).toInt(), 2);

        // Testing a deactivated config is refused by the API: exit 1, the reason named.
        run = m_cli.run(
            QStringList {QStringLiteral("test"), ids.at(0), ids.at(2), QStringLiteral("--wait")}
            + b);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(ids.at(0) + QStringLiteral("  refused  invalid-parameter")),
                 qPrintable(run.out));
    }

    void curlCommandPassesTheReceiversVerification_data() { testAndDeactivateMany_data(); }

    void curlCommandPassesTheReceiversVerification()
    {
        QFETCH(QString, mode);
        ServeProcess serve;
        const QStringList b = backend(mode, serve);
        Receiver verifying;
        Receiver::Behaviour accept;
        accept.status = 200;
        verifying.setBehaviour(accept);
        QVERIFY(verifying.start().ok());
        const QString id
            = create(b, verifying.url().toString() + QStringLiteral("/caf%C3%A9?q='x'"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(
            m_cli.run(QStringList {QStringLiteral("test"), id, QStringLiteral("--wait")} + b).code,
            0);
        const QString secret
            = m_cli.run(QStringList {QStringLiteral("get"), id, QStringLiteral("--json")} + b)
                  .json()
                  .value(QStringLiteral("secret"))
                  .toString();
        verifying.setSecret(secret);
        const QJsonArray attempts
            = m_cli.run(QStringList {QStringLiteral("attempts"), id, QStringLiteral("--json")} + b)
                  .json()
                  .value(QStringLiteral("data"))
                  .toArray();
        QCOMPARE(attempts.size(), 2);

        for (int n : {1, 2}) {
            CliRun curl = m_cli.run(
                QStringList {QStringLiteral("attempts"), id, QStringLiteral("--curl")} + b
                + (n == 1 ? QStringList {}
                          : QStringList {QStringLiteral("--attempt"), QStringLiteral("2")}));
            QCOMPARE(curl.code, 0);
            const QString eventId = attempts.at(n - 1)[QStringLiteral("event")].toString();
            QVERIFY2(curl.out.contains(eventId), qPrintable(curl.out));
            QSignalSpy received(&verifying, &Receiver::requestReceived);
            const CliRun replay = m_cli.shell(curl.out);
            QCOMPARE(replay.code, 0);
            QVERIFY(received.size() == 1 || received.wait(5000));
            const auto request = received.constLast().at(0).value<ReceivedRequest>();
            QVERIFY2(request.verdict.valid(), qPrintable(request.verdict.detail));
            QCOMPARE(request.eventId, eventId);
        }
        QCOMPARE(m_cli
                     .run(QStringList {QStringLiteral("attempts"), id, QStringLiteral("--curl"),
                                       QStringLiteral("--attempt"), QStringLiteral("9")}
                          + b)
                     .code,
                 1);
        QCOMPARE(m_cli
                     .run(QStringList {QStringLiteral("attempts"), id, QStringLiteral("--attempt"),
                                       QStringLiteral("1")}
                          + b)
                     .code,
                 2);
    }

    void exportThenImportRoundTrips()
    {
        ServeProcess unused;
        const QStringList local = backend(QStringLiteral("local"), unused);
        create(local, hook(10));
        create(local, hook(11));
        create(local, Refusing);
        const QString retired = create(local, hook(12));
        QCOMPARE(m_cli.run(QStringList {QStringLiteral("deactivate"), retired} + local).code, 0);
        const QStringList everyState {QStringLiteral("--state"),
                                      QStringLiteral("new,valid,invalid,deactivated")};

        const CliRun exported
            = m_cli.run(QStringList {QStringLiteral("export")} + everyState + local);
        QCOMPARE(exported.code, 0);
        QVERIFY(!exported.out.contains(QStringLiteral("\"secret\"")));
        QCOMPARE(exported.json().value(QStringLiteral("resource")).toString(),
                 QStringLiteral("list"));
        QCOMPARE(statesByUrl(exported).size(), 4);

        // Into a real `serve`, from a file: the same URLs and states, new configs.
        ServeProcess serve;
        QVERIFY(serve.startWithToken(freshDatabase(), m_cli.environment()));
        const QString file = m_cli.path(QStringLiteral("export.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(exported.out.toUtf8());
        out.close();
        CliRun run
            = m_cli.run(QStringList {QStringLiteral("import"), file, QStringLiteral("--wait")}
                        + serve.backend());
        QCOMPARE(run.code, 4); // the refusing URL's test failed again, as it did at the source
        QVERIFY2(run.out.contains(QStringLiteral(
                     "4 created (2 valid, 1 invalid (connection refused: 1), 1 deactivated).")),
                 qPrintable(run.out));
        const CliRun copied
            = m_cli.run(QStringList {QStringLiteral("export")} + everyState + serve.backend());
        QCOMPARE(statesByUrl(copied), statesByUrl(exported));
        const auto secrets = [&](const QStringList &b) {
            QStringList all;
            const CliRun withSecrets = m_cli.run(
                QStringList {QStringLiteral("export"), QStringLiteral("--include-secrets")}
                + everyState + b);
            for (const QJsonValue &config :
                 withSecrets.json().value(QStringLiteral("data")).toArray())
                all << config[QStringLiteral("secret")].toString();
            return all;
        };
        const QStringList before = secrets(local);
        for (const QString &secret : secrets(serve.backend()))
            QVERIFY(!secret.isEmpty() && !before.contains(secret));

        // Again, from stdin: everything is there already, nothing is created twice.
        run = m_cli.run(QStringList {QStringLiteral("import"), QStringLiteral("-")}
                            + serve.backend(),
                        exported.out.toUtf8());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.endsWith(QStringLiteral("0 created, 4 skipped (already exists: 4).\n")),
                 qPrintable(run.out));
        QCOMPARE(statesByUrl(m_cli.run(QStringList {QStringLiteral("export")} + everyState
                                       + serve.backend()))
                     .size(),
                 4);
    }

    void exportWithSecretsIsPrivate()
    {
        ServeProcess unused;
        QString database;
        const QStringList local = backend(QStringLiteral("local"), unused, &database);
        create(local, hook(20));
        const QString redirected = m_cli.path(QStringLiteral("redirected.json"));
        const QString named = m_cli.path(QStringLiteral("named.json"));
        const QString plain = m_cli.path(QStringLiteral("plain.json"));
        const QString backendText = QStringLiteral("--local --database '%1'").arg(database);
        QCOMPARE(m_cli
                     .shell(QStringLiteral("umask 022; \"$CLI\" export --include-secrets %1 > '%2'")
                                .arg(backendText, redirected))
                     .code,
                 0);
        QCOMPARE(
            m_cli
                .shell(QStringLiteral("umask 022; \"$CLI\" export --include-secrets -o '%2' %1")
                           .arg(backendText, named))
                .code,
            0);
        QCOMPARE(
            m_cli
                .shell(
                    QStringLiteral("umask 022; \"$CLI\" export %1 > '%2'").arg(backendText, plain))
                .code,
            0);
        const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther
            | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        QCOMPARE(QFile::permissions(redirected) & others, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(named) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(plain) & QFileDevice::ReadOther); // no secret: the umask decides
        QFile file(named);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"secret\""));
    }

    void badImportFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{\"data\": [") << QStringLiteral("not JSON");
        QTest::newRow("not the list shape") << QByteArray("[{\"url\": \"http://127.0.0.1:9/a\"}]")
                                            << QStringLiteral("not a list object");
        QTest::newRow("no data") << QByteArray("{\"resource\": \"list\"}")
                                 << QStringLiteral("data: is missing");
        QTest::newRow("an entry without url") << QByteArray(
            "{\"data\": [{\"url\": \"http://127.0.0.1:9/a\"}, {\"state\": \"valid\"}]}")
                                              << QStringLiteral("data[1].url: is missing");
        QTest::newRow("a url that is not a string")
            << QByteArray("{\"data\": [{\"url\": \"http://127.0.0.1:9/a\"}, {\"url\": "
                          "\"http://127.0.0.1:9/b\"}, {\"url\": 42}]}")
            << QStringLiteral("data[2].url: is a number, not a string");
    }

    void badImportFilesChangeNothing()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, says);
        ServeProcess unused;
        const QStringList local = backend(QStringLiteral("local"), unused);
        create(local, hook(30));
        const CliRun run
            = m_cli.run(QStringList {QStringLiteral("import"), QStringLiteral("-")} + local, file);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing was imported")), qPrintable(run.err));
        QCOMPARE(m_cli.run(QStringList {QStringLiteral("list"), QStringLiteral("--json")} + local)
                     .json()
                     .value(QStringLiteral("total_count"))
                     .toInt(),
                 1);
    }

    void interruptedRunsSayWhatWasDone_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("ctrl+c, local") << QStringLiteral("sigint");
        QTest::newRow("serve killed") << QStringLiteral("kill-serve");
    }

    void interruptedRunsSayWhatWasDone()
    {
        QFETCH(QString, how);
        // A receiver that takes its time, so that the run is under way when it is stopped.
        Receiver slow;
        Receiver::Behaviour behaviour;
        behaviour.status = 200;
        behaviour.delayMs = 250;
        slow.setBehaviour(behaviour);
        QVERIFY(slow.start().ok());
        ServeProcess serve;
        QString database;
        const QStringList b = backend(how == QLatin1String("sigint") ? QStringLiteral("local")
                                                                     : QStringLiteral("remote"),
                                      serve, &database);
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids << create(b, slow.url().toString() + QStringLiteral("/s%1").arg(i));
        QVERIFY(!ids.contains(QString()));

        auto run
            = m_cli.process(QStringList {QStringLiteral("test")} + ids
                                + QStringList {QStringLiteral("--wait"), QStringLiteral("--json"),
                                               QStringLiteral("--concurrency"), QStringLiteral("1")}
                                + b,
                            m_cli.environment());
        run->start();
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] { return (out += run->readAllStandardOutput()).count('\n') >= 3; }, 30000));
        if (how == QLatin1String("sigint"))
            ::kill(pid_t(run->processId()), SIGINT);
        else
            serve.kill(SIGKILL);
        QVERIFY(QTest::qWaitFor([&] { return run->state() == QProcess::NotRunning; }, 30000));
        out += run->readAllStandardOutput();
        const QString err = QString::fromUtf8(run->readAllStandardError());
        QCOMPARE(run->exitCode(), how == QLatin1String("sigint") ? 130 : 3);
        QVERIFY2(err.startsWith(how == QLatin1String("sigint") ? QStringLiteral("Cancelled after ")
                                                               : QStringLiteral("Stopped after ")),
                 qPrintable(err));

        // Every ID is answered, and the answers are what the database holds.
        const QList<QJsonObject> lines = CliRun {0, QString::fromUtf8(out), {}}.jsonLines();
        QCOMPARE(lines.size(), 12);
        int valid = 0;
        int notDone = 0;
        for (const QJsonObject &line : lines) {
            const QString outcome = line[QStringLiteral("outcome")].toString();
            const int tests = testsOf(database, line[QStringLiteral("id")].toString());
            if (outcome == QLatin1String("valid")) {
                ++valid;
                QCOMPARE(tests, 2); // the create's test and this one
            } else if (outcome == QLatin1String("not-done")) {
                ++notDone;
                QCOMPARE(tests, 1); // only the create's
            } else {
                QCOMPARE(outcome, QStringLiteral("unknown")); // under way when serve died
            }
        }
        QVERIFY(valid >= 3);
        QVERIFY(notDone >= 1);
        QVERIFY2(err.contains(QStringLiteral("%1 not done").arg(notDone)), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCliBulk)
#include "tst_clibulk.moc"
