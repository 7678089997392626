// The README's team service, as written: packaging/team/haproxy.cfg in front of two real
// `serve` instances on one PostgreSQL database. Requests through HAProxy reach both; when one
// instance dies, HAProxy's health check takes it out and every request still succeeds.

#include "cliharness.h"
#include "serveprocess.h"
#include "testdatabase.h"

#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace wa::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestLoadBalancer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theReadmesHaproxyConfigKeepsServingWhenAnInstanceDies()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!TestDatabase::postgresAvailable())
            QSKIP("no PostgreSQL cluster (tests/support/postgres-cluster.sh could not start one)");
        const QString haproxy = QStandardPaths::findExecutable(
            QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (haproxy.isEmpty())
            QSKIP("haproxy is not installed (apt-get install haproxy)");

        QTemporaryDir home;
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        TestDatabase db(TestDatabase::Engine::Postgres);
        const quint16 front = freePort();
        const quint16 portA = freePort();
        const quint16 portB = freePort();
        const QStringList token {QStringLiteral("--token"),
                                 QStringLiteral("team-token-0123456789")};
        ServeProcess a;
        ServeProcess b;
        QVERIFY(a.start(db.location(), env,
                        token + QStringList {QStringLiteral("--port"), QString::number(portA)}));
        QVERIFY(b.start(db.location(), env,
                        token + QStringList {QStringLiteral("--port"), QString::number(portB)}));

        // The example, with free ports for 8080, 8081 and 8082.
        QFile example(QStringLiteral(WA_HAPROXY_EXAMPLE));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QByteArray config = example.readAll();
        config.replace("127.0.0.1:8080", QByteArray("127.0.0.1:" + QByteArray::number(front)));
        config.replace("127.0.0.1:8081", QByteArray("127.0.0.1:" + QByteArray::number(portA)));
        config.replace("127.0.0.1:8082", QByteArray("127.0.0.1:" + QByteArray::number(portB)));
        QFile rendered(home.filePath(QStringLiteral("haproxy.cfg")));
        QVERIFY(rendered.open(QIODevice::WriteOnly));
        rendered.write(config);
        rendered.close();
        QProcess balancer;
        balancer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        balancer.start(haproxy, {QStringLiteral("-db"), QStringLiteral("-f"), rendered.fileName()});
        QVERIFY(balancer.waitForStarted());

        // A ServeProcess value pointed at HAProxy, to send requests through it.
        ServeProcess through;
        through.point(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(front)), a.token());
        QVERIFY(QTest::qWaitFor(
            [&] { return through.request("GET", QStringLiteral("/health")).status == 200; },
            10000));
        for (int i = 0; i < 20; ++i) {
            const HttpAnswer created = through.request(
                "POST", QStringLiteral("/configs/webhook"),
                {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/hooks")}});
            QCOMPARE(created.status, 201);
            // Written through one instance, read through the other at once.
            QCOMPARE(
                b.request("GET", QStringLiteral("/configs/webhook/") + created.string("id")).status,
                200);
        }

        a.kill(SIGKILL);
        for (int i = 0; i < 20; ++i) {
            const HttpAnswer created = through.request(
                "POST", QStringLiteral("/configs/webhook"),
                {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/hooks")}});
            QCOMPARE(created.status, 201);
        }
        QCOMPARE(b.request("GET", QStringLiteral("/configs/webhook"))
                     .json.value(QStringLiteral("total_count"))
                     .toInt(),
                 40);
        balancer.terminate();
        balancer.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestLoadBalancer)
#include "tst_loadbalancer.moc"
