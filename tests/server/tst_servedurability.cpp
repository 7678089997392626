// `kill -9` of the real `serve` under load: every create (201) and deactivation (200) that was
// acknowledged over HTTP is there after a restart on the same database file, whatever was in
// flight when the process died. A few rounds, bounded to about 20 seconds.

#include "httptestclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace wa::test;

class TestServeDurability : public QObject
{
    Q_OBJECT

private:
    // Starts serve on the test's database; fills m_target from its banner.
    bool startServe()
    {
        m_process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_dir.path());
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        m_process->setProcessEnvironment(env);
        m_process->setProgram(QStringLiteral(WA_CLI_PATH));
        m_process->setArguments({u"serve"_s, u"--database"_s, m_dir.filePath(u"serve.sqlite"_s),
                                 u"--token"_s, u"durability-test-token"_s, u"--delivery-timeout"_s,
                                 u"500"_s});
        m_process->start();
        QByteArray out;
        for (int i = 0; i < 100 && !out.contains("Token: "); ++i) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            QSignalSpy(m_process.get(), &QProcess::readyReadStandardOutput).wait(100);
            out += m_process->readAllStandardOutput();
        }
        const auto listening
            = QRegularExpression(u"Listening on (http://[^\\s]+)"_s).match(QString::fromUtf8(out));
        if (!listening.hasMatch()) {
            qWarning() << "serve did not start:" << out << m_process->readAllStandardError();
            return false;
        }
        m_target.url = QUrl(listening.captured(1));
        m_target.token = u"durability-test-token"_s;
        return true;
    }

    void killServe()
    {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
    }

    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(m_target.endpoint(path));
        request.setRawHeader("Authorization", m_target.authorization());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        return m_nam.sendCustomRequest(request, method, body);
    }

    // Keeps `InFlight` creates and deactivations going for `ms`, then kills serve with them
    // still in flight. Records what was acknowledged.
    void loadThenKill(int ms)
    {
        constexpr int InFlight = 16;
        QElapsedTimer timer;
        timer.start();
        int running = 0;
        int next = 0;
        bool stop = false;
        std::function<void()> launch = [&] {
            if (stop)
                return;
            QNetworkReply *reply = nullptr;
            // One in four deactivates a config acknowledged earlier (and not yet deactivated).
            QString deactivating;
            if (++next % 4 == 0 && !m_pendingDeactivation.isEmpty()) {
                deactivating = *m_pendingDeactivation.begin();
                m_pendingDeactivation.remove(deactivating);
                reply = send("DELETE", u"/configs/webhook/"_s + deactivating, {});
            } else {
                reply = send("POST", u"/configs/webhook"_s,
                             "{\"url\": \"http://127.0.0.1:9/hook/" + QByteArray::number(next)
                                 + "\"}");
            }
            ++running;
            connect(reply, &QNetworkReply::finished, this, [&, reply, deactivating] {
                --running;
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
                if (deactivating.isEmpty() && status == 201) {
                    m_created.insert(json.value(u"id"_s).toString());
                    m_pendingDeactivation.insert(json.value(u"id"_s).toString());
                } else if (!deactivating.isEmpty() && status == 200) {
                    m_deactivated.insert(deactivating);
                }
                reply->deleteLater();
                if (timer.elapsed() < ms)
                    launch();
            });
        };
        for (int i = 0; i < InFlight; ++i)
            launch();
        QTRY_VERIFY_WITH_TIMEOUT(timer.elapsed() >= ms, ms + 1000);
        killServe(); // with requests in flight
        stop = true;
        QTRY_COMPARE_WITH_TIMEOUT(running, 0, 10000);
    }

    void checkEverythingAcknowledgedIsThere()
    {
        HttpTestClient client(&m_target);
        QSet<QString> present;
        QSet<QString> deactivated;
        QString after;
        for (;;) {
            const HttpResult page
                = client.get(u"/configs/webhook?state=new,valid,invalid,deactivated&limit=1000"_s
                             + (after.isEmpty() ? QString() : u"&after_id="_s + after));
            QCOMPARE(page.status, 200);
            const QJsonArray data = page.json.value(u"data"_s).toArray();
            for (const QJsonValue &item : data) {
                const QString id = item.toObject().value(u"id"_s).toString();
                present.insert(id);
                if (item.toObject().value(u"state"_s).toString() == u"deactivated"_s)
                    deactivated.insert(id);
                after = id;
            }
            if (!page.json.value(u"has_more"_s).toBool())
                break;
        }
        for (const QString &id : std::as_const(m_created))
            QVERIFY2(present.contains(id), qPrintable(u"acknowledged create lost: "_s + id));
        for (const QString &id : std::as_const(m_deactivated))
            QVERIFY2(deactivated.contains(id),
                     qPrintable(u"acknowledged deactivation lost: "_s + id));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    TestServer m_target; // never started: points the client at serve
    QNetworkAccessManager m_nam;
    QSet<QString> m_created;
    QSet<QString> m_deactivated;
    QSet<QString> m_pendingDeactivation;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void acknowledgedWritesSurviveKill9()
    {
        QElapsedTimer total;
        total.start();
        for (int round = 0; round < 5; ++round) {
            QVERIFY(startServe());
            loadThenKill(1500);
            QVERIFY(startServe());
            checkEverythingAcknowledgedIsThere();
            killServe();
        }
        qInfo("%lld creates and %lld deactivations acknowledged, all present after 5 kill -9 "
              "rounds (%lld ms)",
              qint64(m_created.size()), qint64(m_deactivated.size()), total.elapsed());
        QVERIFY(m_created.size() > 50);
        QVERIFY(m_deactivated.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestServeDurability)
#include "tst_servedurability.moc"
