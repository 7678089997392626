// A `serve` killed with SIGKILL in the middle of a slow delivery: another process on the same
// database finishes that test once the dead worker's lease has run out (a short lease here, set
// through the environment, so that the test takes seconds).

#include "cliharness.h"
#include "serveprocess.h"
#include "testhttpserver.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace wa::test;

class TestKilledWorker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anotherProcessFinishesTheTestAfterTheLease()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("shared.sqlite"));
        QProcessEnvironment env = isolatedEnvironment(dir.path());
        env.insert(QStringLiteral("WEBHOOK_ADMIN_DELIVERY_TIMEOUT_MS"), QStringLiteral("1500"));
        env.insert(QStringLiteral("WEBHOOK_ADMIN_TASK_LEASE_MS"), QStringLiteral("2500"));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        receiver.hold = true;

        ServeProcess doomed;
        QVERIFY(doomed.start(db, env));
        ServeProcess survivor;
        QVERIFY(survivor.start(db, env));

        const HttpAnswer created = doomed.request("POST", QStringLiteral("/configs/webhook"),
                                                  {{QStringLiteral("url"), receiver.url()}});
        QCOMPARE(created.status, 201);
        const QString id = created.string("id");
        QVERIFY(QTest::qWaitFor([&] { return receiver.heldCount() == 1; }, 10000));
        receiver.hold = false;
        doomed.kill(SIGKILL); // mid-delivery: no outcome, no hand-back

        // Until the lease runs out nobody else delivers it.
        const HttpAnswer meanwhile = survivor.request("GET", QStringLiteral("/tasks?target=") + id);
        QCOMPARE(meanwhile.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("state")),
                 QStringLiteral("processing"));
        QCOMPARE(receiver.requests.size(), 1);

        QVERIFY(QTest::qWaitFor(
            [&] {
                return survivor.request("GET", QStringLiteral("/configs/webhook/") + id)
                           .string("state")
                    == QStringLiteral("valid");
            },
            15000));
        QCOMPARE(receiver.requests.size(), 2); // the one held by the dead, and the one taken over
        const HttpAnswer task = survivor.request("GET", QStringLiteral("/tasks?target=") + id);
        QCOMPARE(task.json.value(QStringLiteral("total_count")).toInt(), 1);
        QCOMPARE(task.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("state")),
                 QStringLiteral("succeeded"));
        const HttpAnswer events = survivor.request("GET", QStringLiteral("/events"));
        const QJsonArray list = events.json.value(QStringLiteral("data")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("state")), QStringLiteral("delivered"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("state")), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestKilledWorker)
#include "tst_killedworker.moc"
