// webhook-admin-cli as a user runs it: the real binary (QProcess) against `serve` (a TestServer
// in this process) and in --local mode, which must print the same; exit codes, --json that jq
// can read, --help everywhere, profiles, and the failures of tests/remote seen from the shell.
// The child's HOME and XDG folders are a temporary folder: no real settings are touched.

#include "cliharness.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using wa::test::CliHarness;
using wa::test::TestHttpServer;
using Reply = wa::test::TestHttpServer::Reply;
using wa::test::TestServer;

namespace {

using Run = wa::test::CliRun;

QString field(const QString &text, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1:\\s+(\\S+)").arg(name),
                                  QRegularExpression::MultilineOption);
    return line.match(text).captured(1);
}

// Makes two runs comparable: IDs, times, secrets, latencies and ports differ by nature.
QString normalised(QString text)
{
    static const QList<std::pair<QRegularExpression, QString>> rules {
        {QRegularExpression(
             QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
         QStringLiteral("<id>")},
        {QRegularExpression(
             QStringLiteral("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?( UTC|Z)")),
         QStringLiteral("<time>")},
        {QRegularExpression(QStringLiteral("(Secret:\\s+)\\S+")), QStringLiteral("\\1<secret>")},
        {QRegularExpression(QStringLiteral("\"secret\": \"[^\"]*\"")),
         QStringLiteral("\"secret\": <secret>")},
        {QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:\\d+")), QStringLiteral("<host>")},
        {QRegularExpression(QStringLiteral("\\d+ ms")), QStringLiteral("<n> ms")},
        {QRegularExpression(QStringLiteral(" +")), QStringLiteral(" ")}, // column widths
    };
    for (const auto &[pattern, replacement] : rules)
        text.replace(pattern, replacement);
    return text;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private:
    CliHarness m_cli; // the real binary, with a private HOME
    TestHttpServer m_receiver; // a webhook receiver that accepts everything
    TestServer m_server;
    int m_database = 0;

    QProcessEnvironment environment() const { return m_cli.environment(); }

    // Keeps this process's event loop turning: the server and receiver live here.
    Run cli(const QStringList &arguments, const QProcessEnvironment &env)
    {
        return m_cli.run(arguments, {}, &env, 60000);
    }

    Run cli(const QStringList &arguments) { return cli(arguments, environment()); }

    QString freshDatabase() { return m_cli.path(QStringLiteral("db%1.sqlite").arg(++m_database)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_cli.valid());
        QVERIFY(QFile::exists(QStringLiteral(WA_CLI_PATH)));
        QVERIFY(m_receiver.start());
        QVERIFY2(m_server.start(), qPrintable(m_server.error));
    }

    void everyCommandSameInBothModes()
    {
        QMap<QString, QString> transcripts;
        // A server of its own, so that both modes start from an empty organisation.
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        for (const QString &mode : {QStringLiteral("remote"), QStringLiteral("local")}) {
            const QStringList b = mode == QLatin1String("remote")
                ? QStringList {QStringLiteral("--api-url"), server.url.toString(),
                               QStringLiteral("--token"), server.token}
                : QStringList {QStringLiteral("--local"), QStringLiteral("--database"),
                               freshDatabase()};
            QString transcript;
            auto step = [&](const QStringList &arguments, int expectedCode) -> Run {
                Run run = cli(QStringList(arguments) << b);
                transcript += u"$ " + arguments.join(u' ') + u'\n' + run.out + run.err
                    + QStringLiteral("[exit %1]\n").arg(run.code);
                if (run.code != expectedCode)
                    qWarning().noquote()
                        << mode << arguments << "exit" << run.code << run.out << run.err;
                return run;
            };
            const QString hook = m_receiver.url(QStringLiteral("/hooks"));

            Run run = step({QStringLiteral("list")}, 0);
            QCOMPARE(run.code, 0);
            QVERIFY(run.out.startsWith(QStringLiteral("ID")));

            run = step(
                {QStringLiteral("create"), QStringLiteral("--url"), hook, QStringLiteral("--wait")},
                0);
            QCOMPARE(run.code, 0);
            QCOMPARE(field(run.out, QStringLiteral("State")), QStringLiteral("valid"));
            QVERIFY(run.out.contains(QStringLiteral("Test succeeded")));
            const QString id = field(run.out, QStringLiteral("ID"));
            QVERIFY(!id.isEmpty());

            run = step({QStringLiteral("create"), QStringLiteral("--url"),
                        QStringLiteral("http://127.0.0.1:1/down"), QStringLiteral("--wait")},
                       4);
            QCOMPARE(run.code, 4); // a --wait'ed test that failed
            QCOMPARE(field(run.out, QStringLiteral("State")), QStringLiteral("invalid"));
            QVERIFY(run.out.contains(QStringLiteral("Test failed: webhook-refused")));
            const QString badId = field(run.out, QStringLiteral("ID"));

            run = step({QStringLiteral("list")}, 0);
            QCOMPARE(run.code, 0);
            QVERIFY(run.out.contains(id) && run.out.contains(badId));
            QVERIFY(run.out.contains(QStringLiteral("2 of 2 config(s).")));

            run = step({QStringLiteral("list"), QStringLiteral("--json")}, 0);
            QJsonObject list = run.json();
            QCOMPARE(list.value(QStringLiteral("resource")).toString(), QStringLiteral("list"));
            QCOMPARE(list.value(QStringLiteral("data")).toArray().size(), 2);
            QCOMPARE(list.value(QStringLiteral("total_count")).toInt(), 2);

            run = step({QStringLiteral("list"), QStringLiteral("--state"),
                        QStringLiteral("invalid"), QStringLiteral("--json")},
                       0);
            list = run.json();
            QCOMPARE(list.value(QStringLiteral("data")).toArray().size(), 1);
            QCOMPARE(list.value(QStringLiteral("data"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                     badId);

            run = step({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")}, 0);
            QVERIFY(run.out.contains(QStringLiteral("1 of 2 config(s). More: --after")));

            run = step({QStringLiteral("list"), QStringLiteral("--all"), QStringLiteral("--json")},
                       0);
            list = run.json();
            QCOMPARE(list.value(QStringLiteral("data")).toArray().size(), 2);
            QCOMPARE(list.value(QStringLiteral("has_more")).toBool(true), false);

            run = step({QStringLiteral("get"), id, QStringLiteral("--json")}, 0);
            const QJsonObject config = run.json();
            QCOMPARE(config.value(QStringLiteral("id")).toString(), id);
            QCOMPARE(config.value(QStringLiteral("resource")).toString(),
                     QStringLiteral("webhook_config"));
            QVERIFY(!config.value(QStringLiteral("secret")).toString().isEmpty());

            run = step(
                {QStringLiteral("update"), id, QStringLiteral("--state"), QStringLiteral("valid")},
                1);
            QCOMPARE(run.code, 1); // the API refused, naming the field
            QVERIFY2(run.err.contains(QStringLiteral("state:")), qPrintable(run.err));

            run = step({QStringLiteral("create"), QStringLiteral("--url"),
                        QStringLiteral("ftp://example.com")},
                       1);
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(QStringLiteral("  url: ")), qPrintable(run.err));

            run = step({QStringLiteral("get"), QStringLiteral("no-such-config")}, 1);
            QCOMPARE(run.code, 1);
            QVERIFY(run.err.contains(QStringLiteral("not-found")));

            run = step({QStringLiteral("test"), id, QStringLiteral("--wait")}, 0);
            QCOMPARE(run.code, 0);
            QCOMPARE(field(run.out, QStringLiteral("State")), QStringLiteral("succeeded"));
            QVERIFY(run.out.contains(QStringLiteral("Test succeeded")));

            run = step(
                {QStringLiteral("test"), id, QStringLiteral("--wait"), QStringLiteral("--json")},
                0);
            const QJsonObject task = run.json();
            QCOMPARE(task.value(QStringLiteral("type")).toString(),
                     QStringLiteral("webhook_config.test"));
            QCOMPARE(task.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
            run = step({QStringLiteral("task"), task.value(QStringLiteral("id")).toString()}, 0);
            QCOMPARE(field(run.out, QStringLiteral("Target")), id);

            run = step({QStringLiteral("test"), badId, QStringLiteral("--wait")}, 4);
            QCOMPARE(run.code, 4);
            QVERIFY(run.out.contains(
                QStringLiteral("Test failed: webhook-refused (the receiver refused")));

            run = step({QStringLiteral("org"), QStringLiteral("--default"), id}, 0);
            QCOMPARE(field(run.out, QStringLiteral("Default config")), id);
            run = step({QStringLiteral("org"), QStringLiteral("--default"),
                        QStringLiteral("no-such-config")},
                       1);
            QCOMPARE(run.code, 1);
            run = step(
                {QStringLiteral("org"), QStringLiteral("--no-default"), QStringLiteral("--json")},
                0);
            QVERIFY(run.json().value(QStringLiteral("webhook_config_default")).isNull());
            QCOMPARE(run.json().value(QStringLiteral("resource")).toString(),
                     QStringLiteral("organisation"));

            run = step({QStringLiteral("key"), QStringLiteral("--config"), id}, 0);
            QCOMPARE(field(run.out, QStringLiteral("Config")), id);
            run = step({QStringLiteral("key"), QStringLiteral("--no-config")}, 0);
            QVERIFY(run.out.contains(QStringLiteral("(the organisation's default)")));

            run = step({QStringLiteral("attempts"), id}, 0);
            QVERIFY(run.out.startsWith(QStringLiteral("TIME")));
            QVERIFY(run.out.contains(QStringLiteral("3 of 3 attempt(s).")));
            run = step({QStringLiteral("attempts"), badId}, 0);
            QVERIFY(run.out.contains(QStringLiteral("webhook-refused")));
            run = cli(QStringList {QStringLiteral("attempts"), id, QStringLiteral("--verbose")}
                      << b);
            QCOMPARE(run.code, 0);
            QVERIFY(run.out.contains(QStringLiteral("> Ricloud-Signature: t=")));
            QVERIFY(run.out.contains(QStringLiteral("< HTTP 200")));
            run = cli(QStringList {QStringLiteral("attempts"), id, QStringLiteral("--json")} << b);
            const QJsonArray attempts = run.json().value(QStringLiteral("data")).toArray();
            QCOMPARE(attempts.size(), 3);
            const QString eventId
                = attempts.at(0).toObject().value(QStringLiteral("event")).toString();
            QVERIFY(!eventId.isEmpty());

            run = step({QStringLiteral("resend"), eventId}, 0);
            QCOMPARE(run.code, 0);
            QCOMPARE(field(run.out, QStringLiteral("Outcome")), QStringLiteral("ok"));
            QCOMPARE(field(run.out, QStringLiteral("Event")), eventId);

            run = step({QStringLiteral("update"), id, QStringLiteral("--url"),
                        hook + QStringLiteral("/v2"), QStringLiteral("--wait")},
                       0);
            QCOMPARE(run.code, 0);
            QVERIFY(run.out.contains(QStringLiteral("Test succeeded")));
            QVERIFY(run.out.contains(QStringLiteral("/hooks/v2")));

            run = step({QStringLiteral("deactivate"), id}, 0);
            QCOMPARE(field(run.out, QStringLiteral("State")), QStringLiteral("deactivated"));
            run = step({QStringLiteral("list")}, 0);
            QVERIFY(!run.out.contains(id)); // deactivated configs are left out by default
            run = step(
                {QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("deactivated")},
                0);
            QVERIFY(run.out.contains(id));

            transcripts.insert(mode, normalised(transcript));
        }
        if (qEnvironmentVariableIsSet("WA_DUMP_TRANSCRIPT")) {
            QFile dump(QString::fromLocal8Bit(qgetenv("WA_DUMP_TRANSCRIPT")));
            if (dump.open(QIODevice::WriteOnly))
                dump.write(transcripts.value(QStringLiteral("remote")).toUtf8());
        }
        // The same commands print the same thing, whichever backend answers.
        const QStringList remote = transcripts.value(QStringLiteral("remote")).split(u'\n');
        const QStringList local = transcripts.value(QStringLiteral("local")).split(u'\n');
        for (qsizetype i = 0; i < std::min(remote.size(), local.size()); ++i)
            QCOMPARE(local.at(i), remote.at(i));
        QCOMPARE(local.size(), remote.size());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no backend")
            << QStringList {QStringLiteral("list")} << QStringLiteral("Choose a backend");
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                            QStringLiteral("--bogus")}
            << QStringLiteral("bogus");
        QTest::newRow("bad state")
            << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                            QStringLiteral("--state"), QStringLiteral("valid,bogus")}
            << QStringLiteral("'bogus'");
        QTest::newRow("bad limit")
            << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                            QStringLiteral("--limit"), QStringLiteral("0")}
            << QStringLiteral("--limit");
        QTest::newRow("bad time") << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                                                  QStringLiteral("--created-after"),
                                                  QStringLiteral("yesterday")}
                                  << QStringLiteral("--created-after");
        QTest::newRow("missing id")
            << QStringList {QStringLiteral("get"), QStringLiteral("--local")}
            << QStringLiteral("expects ID");
        QTest::newRow("create without url")
            << QStringList {QStringLiteral("create"), QStringLiteral("--local")}
            << QStringLiteral("--url URL is required");
        QTest::newRow("update nothing")
            << QStringList {QStringLiteral("update"), QStringLiteral("x"),
                            QStringLiteral("--local")}
            << QStringLiteral("nothing to change");
        QTest::newRow("local and url")
            << QStringList {QStringLiteral("list"), QStringLiteral("--local"),
                            QStringLiteral("--url"), QStringLiteral("http://x")}
            << QStringLiteral("--local cannot");
        QTest::newRow("url without token")
            << QStringList {QStringLiteral("list"), QStringLiteral("--url"),
                            QStringLiteral("http://127.0.0.1:9")}
            << QStringLiteral("A token is needed");
        QTest::newRow("both defaults")
            << QStringList {QStringLiteral("org"), QStringLiteral("--local"),
                            QStringLiteral("--default"), QStringLiteral("x"),
                            QStringLiteral("--no-default")}
            << QStringLiteral("not both");
        QTest::newRow("unknown profile")
            << QStringList {QStringLiteral("list"), QStringLiteral("--profile"),
                            QStringLiteral("nobody")}
            << QStringLiteral("no profile named 'nobody'");
        QTest::newRow("unknown command")
            << QStringList {QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run run = cli(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void helpForEverySubcommand()
    {
        const QStringList commands {
            QStringLiteral("list"),     QStringLiteral("get"),        QStringLiteral("create"),
            QStringLiteral("update"),   QStringLiteral("deactivate"), QStringLiteral("test"),
            QStringLiteral("task"),     QStringLiteral("org"),        QStringLiteral("key"),
            QStringLiteral("attempts"), QStringLiteral("resend"),     QStringLiteral("profile")};
        const Run top = cli({QStringLiteral("--help")});
        QCOMPARE(top.code, 0);
        for (const QString &command : commands) {
            QVERIFY2(top.out.contains(u"  " + command + u' '), qPrintable(command));
            const Run run = cli({command, QStringLiteral("--help")});
            QCOMPARE(run.code, 0);
            QVERIFY2(run.out.startsWith(QStringLiteral("Usage: webhook-admin-cli ") + command),
                     qPrintable(run.out));
        }
    }

    void networkAndTlsFailuresExitThree()
    {
        quint16 port = 0;
        {
            TestHttpServer closed;
            QVERIFY(closed.start());
            port = closed.serverPort();
        }
        Run run = cli({QStringLiteral("list"), QStringLiteral("--url"),
                       QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--token"),
                       QStringLiteral("t")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("connection was refused")), qPrintable(run.err));

        TestHttpServer slow;
        slow.script = {Reply::hold()};
        QVERIFY(slow.start());
        run = cli({QStringLiteral("get"), QStringLiteral("x"), QStringLiteral("--url"),
                   slow.baseUrl().toString(), QStringLiteral("--token"), QStringLiteral("t"),
                   QStringLiteral("--timeout"), QStringLiteral("0.3")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("No answer")), qPrintable(run.err));

        TestHttpServer proxy;
        proxy.script = {Reply::answer(502, "<html>Bad Gateway</html>", "text/html")};
        QVERIFY(proxy.start());
        run = cli({QStringLiteral("create"), QStringLiteral("--url"),
                   QStringLiteral("http://example.com/h"), QStringLiteral("--api-url"),
                   proxy.baseUrl().toString(), QStringLiteral("--token"), QStringLiteral("t")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("502"))
                     && run.err.contains(QStringLiteral("text/html")),
                 qPrintable(run.err));
        QCOMPARE(proxy.requests.size(), 1); // a POST is never repeated

        TestHttpServer tls;
        QVERIFY(tls.startTls());
        run = cli({QStringLiteral("list"), QStringLiteral("--url"),
                   QStringLiteral("https://localhost:%1").arg(tls.serverPort()),
                   QStringLiteral("--token"), QStringLiteral("t")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(run.err));
        QVERIFY(tls.requests.isEmpty());
    }

    void refusedTokenExitsOneAndNoTokenIsPrinted()
    {
        const QString wrong = QStringLiteral("wrong-token-0123456789");
        Run run = cli({QStringLiteral("list"), QStringLiteral("--url"), m_server.url.toString(),
                       QStringLiteral("--token"), wrong});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("token was refused")), qPrintable(run.err));
        QVERIFY(!run.err.contains(wrong) && !run.out.contains(wrong));

        // The token from the environment; and it appears in no output.
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TOKEN"), m_server.token);
        for (const QString &command :
             {QStringLiteral("list"), QStringLiteral("org"), QStringLiteral("key")}) {
            run = cli({command, QStringLiteral("--url"), m_server.url.toString()}, env);
            QCOMPARE(run.code, 0);
            QVERIFY(!run.out.contains(m_server.token) && !run.err.contains(m_server.token));
        }
    }

    void profiles()
    {
        const QString token = m_server.token;
        Run run = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("srv"),
                       QStringLiteral("--url"), m_server.url.toString(), QStringLiteral("--token"),
                       token});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("Profile 'srv' saved (remote")));
        // No keychain here: the fallback is announced, and the token is in a 0600 file.
        QVERIFY2(run.err.contains(QStringLiteral("keychain is not available")),
                 qPrintable(run.err));
        QVERIFY(!run.out.contains(token) && !run.err.contains(token));
        const QString tokens
            = m_cli.path(QStringLiteral("data/webhook-admin/webhook-admin/tokens.json"));
        QVERIFY2(QFile::exists(tokens), qPrintable(tokens));
        QCOMPARE(
            QFile::permissions(tokens)
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());

        const QString database = freshDatabase();
        run = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("desk"),
                   QStringLiteral("--local"), QStringLiteral("--database"), database});
        QCOMPARE(run.code, 0);

        run = cli({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("srv"))
                && run.out.contains(m_server.url.toString()));
        QVERIFY(run.out.contains(QStringLiteral("desk")) && run.out.contains(database));
        QVERIFY(!run.out.contains(token));
        run = cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("data")).toArray().size(), 2);

        run = cli({QStringLiteral("org"), QStringLiteral("--profile"), QStringLiteral("srv")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("Local organisation")));
        run = cli({QStringLiteral("get"), QStringLiteral("nope"), QStringLiteral("--profile"),
                   QStringLiteral("desk")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("not-found")));

        run = cli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("srv")});
        QCOMPARE(run.code, 0);
        QFile file(tokens);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(token.toUtf8()));
        run = cli({QStringLiteral("list"), QStringLiteral("--profile"), QStringLiteral("srv")});
        QCOMPARE(run.code, 2);
        run = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("r"),
                   QStringLiteral("--url"), m_server.url.toString()});
        QCOMPARE(run.code, 2); // a remote profile needs a token
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
