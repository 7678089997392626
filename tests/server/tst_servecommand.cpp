// The real `webhook-admin-cli serve`: it says where it listens and which token it takes, serves
// the API, and stops cleanly on SIGTERM or SIGINT, answering what it still holds.

#include "httptestclient.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace wa::test;

class TestServeCommand : public QObject
{
    Q_OBJECT

private:
    // A started `serve`, and a TestServer value (never started) that points the HTTP client at it.
    struct Serving
    {
        std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
        QByteArray out;
        TestServer target;
    };

    std::unique_ptr<QProcess> makeProcess(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Keep the binary's own settings and data inside the test's folder.
        env.insert(u"HOME"_s, m_dir.path());
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, m_runtimeDir.path());
        process->setProcessEnvironment(env);
        process->setProgram(QStringLiteral(WA_CLI_PATH));
        process->setArguments(QStringList {u"serve"_s} + arguments);
        return process;
    }

    // Starts serve and reads its banner; false (with the output in the log) if it never listened.
    bool start(Serving *serving, const QStringList &arguments)
    {
        serving->process = makeProcess(arguments);
        serving->process->start();
        QProcess *process = serving->process.get();
        for (int i = 0; i < 200 && !serving->out.contains("Token: "); ++i) {
            if (process->state() == QProcess::NotRunning)
                break;
            QSignalSpy(process, &QProcess::readyReadStandardOutput).wait(100);
            serving->out += process->readAllStandardOutput();
        }
        // The banner's lines arrive together (one flush); read what is left of them.
        serving->out += process->readAllStandardOutput();
        const auto listening
            = QRegularExpression(u"Listening on (http://127\\.0\\.0\\.1:(\\d+))\\n"_s)
                  .match(QString::fromUtf8(serving->out));
        const auto token
            = QRegularExpression(u"Token: (\\S+)\\n"_s).match(QString::fromUtf8(serving->out));
        if (!listening.hasMatch() || !token.hasMatch()) {
            qWarning() << "serve did not start:" << serving->out << process->readAllStandardError();
            return false;
        }
        serving->target.url = QUrl(listening.captured(1));
        serving->target.token = token.captured(1);
        return true;
    }

    // Sends `signal` and waits for the exit.
    bool stop(Serving *serving, int signal)
    {
        QProcess *process = serving->process.get();
        QSignalSpy finished(process, &QProcess::finished);
        ::kill(pid_t(process->processId()), signal);
        if (process->state() != QProcess::NotRunning && !finished.wait(20000))
            return false;
        serving->out += process->readAllStandardOutput();
        return true;
    }

    // Runs serve expecting it to fail at once; returns its exit code.
    int runFailing(const QStringList &arguments, QByteArray *err)
    {
        auto process = makeProcess(arguments);
        QSignalSpy finished(process.get(), &QProcess::finished);
        process->start();
        if (!finished.wait(20000)) {
            process->kill();
            return -1;
        }
        *err = process->readAllStandardError();
        const QByteArray out = process->readAllStandardOutput();
        if (out.contains("Listening on"))
            return -2;
        return process->exitCode();
    }

    QString database(const QString &name = u"serve.sqlite"_s) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QTemporaryDir m_runtimeDir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_runtimeDir.isValid());
        QFile::setPermissions(m_runtimeDir.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(QFile::exists(QStringLiteral(WA_CLI_PATH)), WA_CLI_PATH);
    }

    void servesAndStopsOnSigterm()
    {
        Serving serving;
        QVERIFY(
            start(&serving, {u"--database"_s, database(), u"--token"_s, u"serve-test-token"_s}));
        QCOMPARE(serving.target.token, u"serve-test-token"_s);
        QVERIFY(serving.out.contains("curl"));

        HttpTestClient client(&serving.target);
        const HttpResult empty = client.get(u"/configs/webhook"_s);
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.totalCount(), 0);
        const HttpResult created = client.post(
            u"/configs/webhook"_s,
            QJsonDocument(QJsonObject {{u"url"_s, TestHttpServer::closedPortUrl().toString()}})
                .toJson());
        QCOMPARE(created.status, 201);
        QCOMPARE(client.send("GET", u"/key"_s, {}, {}, HttpTestClient::Auth::None).status, 401);

        QVERIFY(stop(&serving, SIGTERM));
        QCOMPARE(serving.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(serving.process->exitCode(), 0);
        QVERIFY2(serving.out.endsWith("Stopped.\n"), serving.out.constData());

        // The same database next time: the config is still there.
        Serving again;
        QVERIFY(start(&again, {u"--database"_s, database(), u"--token"_s, u"serve-test-token"_s}));
        HttpTestClient clientAgain(&again.target);
        const HttpResult kept = clientAgain.get(u"/configs/webhook/"_s + created.id());
        QCOMPARE(kept.status, 200);
        QCOMPARE(kept.string("url"), created.string("url"));
        QVERIFY(stop(&again, SIGINT));
        QCOMPARE(again.process->exitCode(), 0);
        QVERIFY(again.out.endsWith("Stopped.\n"));
    }

    void answersHeldRequestBeforeStopping()
    {
        TestHttpServer silent;
        QVERIFY(silent.start());
        silent.hold = true; // never answers: the delivery times out
        Serving serving;
        QVERIFY(start(
            &serving,
            {u"--database"_s, database(u"held.sqlite"_s), u"--delivery-timeout"_s, u"2000"_s}));
        HttpTestClient watcher(&serving.target);

        // A create held by Ricloud-Await while its delivery hangs.
        QNetworkAccessManager nam;
        QNetworkRequest request(serving.target.endpoint(u"/configs/webhook"_s));
        request.setRawHeader("Authorization", serving.target.authorization());
        request.setRawHeader("Ricloud-Await", "10");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply
            = nam.post(request, QJsonDocument(QJsonObject {{u"url"_s, silent.url()}}).toJson());
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QTRY_COMPARE(watcher.get(u"/tasks"_s).totalCount(), 1); // the create is in
        QVERIFY(!reply->isFinished());

        QSignalSpy finished(serving.process.get(), &QProcess::finished);
        ::kill(pid_t(serving.process->processId()), SIGTERM);
        QVERIFY(replied.wait(15000) || reply->isFinished());
        QVERIFY2(reply->isFinished(), "no answer");
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QVERIFY(finished.count() > 0 || finished.wait(15000));
        QCOMPARE(serving.process->exitCode(), 0);
        QVERIFY(serving.process->readAllStandardOutput().contains("Stopped."));
        reply->deleteLater();
    }

    void warnsWhenNotOnLoopback()
    {
        Serving serving;
        serving.process
            = makeProcess({u"--database"_s, database(u"any.sqlite"_s), u"--bind"_s, u"0.0.0.0"_s});
        serving.process->start();
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += serving.process->readAllStandardError()).contains("warning"), 20000);
        QVERIFY(err.contains("0.0.0.0"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (serving.out += serving.process->readAllStandardOutput()).contains("Token: "), 20000);
        QVERIFY(stop(&serving, SIGTERM));
        QCOMPARE(serving.process->exitCode(), 0);
    }

    void portInUseExitsOne()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        QByteArray err;
        const int code = runFailing({u"--database"_s, database(u"busy.sqlite"_s), u"--port"_s,
                                     QString::number(busy.serverPort())},
                                    &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QByteArray::number(busy.serverPort())), err.constData());
    }

    void badDatabasePathExitsOne()
    {
        QFile file(m_dir.filePath(u"not-a-folder"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QByteArray err;
        const int code = runFailing({u"--database"_s, file.fileName() + u"/db.sqlite"_s}, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("not-a-folder"), err.constData());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("port not a number") << QStringList {u"--port"_s, u"abc"_s};
        QTest::newRow("port too big") << QStringList {u"--port"_s, u"70000"_s};
        QTest::newRow("bind not an address") << QStringList {u"--bind"_s, u"everywhere"_s};
        QTest::newRow("timeout zero") << QStringList {u"--delivery-timeout"_s, u"0"_s};
        QTest::newRow("unknown option") << QStringList {u"--verbose-please"_s};
        QTest::newRow("stray argument") << QStringList {u"now"_s};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QByteArray err;
        QCOMPARE(runFailing(arguments + QStringList {u"--database"_s, database(u"usage.sqlite"_s)},
                            &err),
                 2);
        QVERIFY(!err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
