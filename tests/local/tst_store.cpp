// The Store on each engine it runs on: one suite, run once on SQLite and once on PostgreSQL
// (when the ctest fixture started a throwaway cluster).

#include "httpstatus.h"
#include "store.h"
#include "storeschema.h"
#include "testdatabase.h"
#include "writetransaction.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using wa::test::TestDatabase;

namespace {

Organisation makeOrganisation()
{
    Organisation o;
    o.id = QStringLiteral("org-1");
    o.name = QStringLiteral("Local organisation");
    o.dateCreated = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    return o;
}

Store::ConfigRow makeConfig(const QString &id, qint64 ms, qint64 changeSeq = 1)
{
    Store::ConfigRow row;
    row.config.id = id;
    row.config.organisation = QStringLiteral("org-1");
    row.config.url = QStringLiteral("https://example.com/webhooks");
    row.config.secret = QStringLiteral("c2VjcmV0");
    row.config.state = ConfigState::Valid;
    row.config.dateCreated = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    row.revision = 3;
    row.changeSeq = changeSeq;
    return row;
}

Store::TaskRow makeTask(const QString &id, const QString &config, qint64 ms)
{
    Store::TaskRow row;
    row.task.id = id;
    row.task.organisation = QStringLiteral("org-1");
    row.task.target = config;
    row.task.dateCreated = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    row.configRevision = 3;
    return row;
}

constexpr auto Durable = Store::Durability::Durable;

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

public:
    explicit TestStore(TestDatabase::Engine engine)
        : m_engine(engine)
    { }

private:
    // A store on a fresh database with the organisation and config "a" in it.
    std::unique_ptr<Store> openWithConfig(const TestDatabase &db)
    {
        auto store = std::make_unique<Store>(db.location());
        if (!store->open().ok() || !store->insertOrganisation(makeOrganisation()).ok()
            || !store->insertConfig(makeConfig(QStringLiteral("a"), 1)).ok())
            return nullptr;
        return store;
    }

    TestDatabase::Engine m_engine;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newDatabaseGetsEveryMigrationOnce()
    {
        TestDatabase db(m_engine);
        {
            Store store(db.location());
            const auto opened = store.open();
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            QCOMPARE(store.schemaVersion(), int(StoreSchema::migrations().size()));
        }
        Store again(db.location());
        QVERIFY(again.open().ok());
        QCOMPARE(again.schemaVersion(), int(StoreSchema::migrations().size()));
    }

    void sqliteFileAndFolderArePrivate()
    {
        if (m_engine != TestDatabase::Engine::Sqlite)
            QSKIP("a file of SQLite's");
        TestDatabase db(m_engine);
        const QString path = db.folder() + QStringLiteral("/sub/folder/db.sqlite");
        Store store(path);
        QVERIFY(store.open().ok());
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(QFileInfo(path).absolutePath()) & others,
                 QFileDevice::Permissions());
    }

    void reopenKeepsData()
    {
        TestDatabase db(m_engine);
        {
            auto store = openWithConfig(db);
            QVERIFY(store);
            QVERIFY(
                store->setOrganisationDefault(QStringLiteral("org-1"), QStringLiteral("a")).ok());
        }
        Store store(db.location());
        QVERIFY(store.open().ok());
        const auto organisation = store.firstOrganisation();
        QVERIFY(organisation.ok() && organisation.value());
        QCOMPARE(organisation.value()->organisation.name, QStringLiteral("Local organisation"));
        QCOMPARE(organisation.value()->organisation.webhookConfigDefault, QStringLiteral("a"));
        QCOMPARE(organisation.value()->organisation.dateCreated, makeOrganisation().dateCreated);
        const auto config = store.config(QStringLiteral("a"));
        QVERIFY(config.ok() && config.value());
        QCOMPARE(config.value()->config, makeConfig(QStringLiteral("a"), 1).config);
        QCOMPARE(config.value()->revision, qint64(3));
    }

    void transactionOutOfScopeLeavesNothing()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        {
            WriteTransaction tx(*store, Durable);
            QVERIFY(tx.begun());
            QVERIFY(store->insertConfig(makeConfig(QStringLiteral("b"), 2)).ok());
        }
        QVERIFY(!store->inTransaction());
        QVERIFY(!store->config(QStringLiteral("b")).value().has_value());
        // And the next transaction works.
        WriteTransaction tx(*store, Durable);
        QVERIFY(tx.begun());
        QVERIFY(store->insertConfig(makeConfig(QStringLiteral("c"), 3)).ok());
        QVERIFY(tx.commit().ok());
        QVERIFY(store->config(QStringLiteral("c")).value().has_value());
    }

    void sqlErrorsSayNothingOfTheDatabase()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("database error.*")));
        const auto duplicate = store->insertConfig(makeConfig(QStringLiteral("a"), 2));
        QVERIFY(!duplicate.ok());
        QCOMPARE(httpStatus(duplicate.error()), 500);
        QCOMPARE(duplicate.error().code, QStringLiteral("server-error"));
        // The database's own words go to the log, not to a client.
        QVERIFY2(!duplicate.error().message.contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive)
                     && !duplicate.error().message.contains(QStringLiteral("duplicate")),
                 qPrintable(duplicate.error().message));
        // A config of an organisation that does not exist breaks a foreign key.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("database error.*")));
        Store::ConfigRow orphan = makeConfig(QStringLiteral("z"), 3);
        orphan.config.organisation = QStringLiteral("nobody");
        QVERIFY(!store->insertConfig(orphan).ok());
        // The store still works after errors.
        QVERIFY(store->insertConfig(makeConfig(QStringLiteral("b"), 2)).ok());
        QVERIFY(store->config(QStringLiteral("b")).value().has_value());
    }

    void unopenableFileIsAnError()
    {
        if (m_engine != TestDatabase::Engine::Sqlite)
            QSKIP("a file of SQLite's");
        TestDatabase db(m_engine);
        QFile blocker(db.folder() + QStringLiteral("/file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Store store(db.folder() + QStringLiteral("/file/db.sqlite"));
        const auto opened = store.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("server-error"));
    }

    void changeSequenceFindsWhatChanged()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        qint64 first = 0;
        {
            WriteTransaction tx(*store, Durable);
            first = store->nextChangeSeq(QStringLiteral("org-1")).value();
            QVERIFY(store->insertConfig(makeConfig(QStringLiteral("b"), 2, first)).ok());
            QVERIFY(tx.commit().ok());
        }
        qint64 second = 0;
        {
            WriteTransaction tx(*store, Durable);
            second = store->nextChangeSeq(QStringLiteral("org-1")).value();
            Store::ConfigRow changed = store->config(QStringLiteral("a")).value().value();
            changed.config.state = ConfigState::Deactivated;
            changed.changeSeq = second;
            QVERIFY(store->updateConfig(changed).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(second > first);
        QCOMPARE(store->changeSeq(QStringLiteral("org-1")).value(), second);
        const auto sinceFirst = store->configsChangedSince(QStringLiteral("org-1"), first);
        QCOMPARE(sinceFirst.value().size(), 1);
        QCOMPARE(sinceFirst.value().constFirst().config.id, QStringLiteral("a"));
        QVERIFY(sinceFirst.value().constFirst().config.state == ConfigState::Deactivated);
        QCOMPARE(store->configsChangedSince(QStringLiteral("org-1"), 0).value().size(), 2);
        QCOMPARE(store->configsChangedSince(QStringLiteral("org-1"), second).value().size(), 0);
    }

    void anotherConnectionsCommitIsNoticed()
    {
        TestDatabase db(m_engine);
        auto mine = openWithConfig(db);
        QVERIFY(mine);
        Store theirs(db.location());
        QVERIFY(theirs.open().ok());
        mine->othersMayHaveCommitted(); // from now on
        QVERIFY(!mine->othersMayHaveCommitted() || mine->isPostgres());
        {
            WriteTransaction tx(theirs, Durable);
            QVERIFY(theirs.insertConfig(makeConfig(QStringLiteral("b"), 2)).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(mine->othersMayHaveCommitted());
        QVERIFY(mine->config(QStringLiteral("b")).value().has_value());
    }

    void claimsGoToOneWorkerUntilTheLeaseRunsOut()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        QVERIFY(store->insertTask(makeTask(QStringLiteral("t1"), QStringLiteral("a"), 10)).ok());
        QVERIFY(store->insertTask(makeTask(QStringLiteral("t2"), QStringLiteral("a"), 20)).ok());
        Store other(db.location());
        QVERIFY(other.open().ok());

        const qint64 now = 1000;
        QList<Store::TaskRow> claimed;
        {
            WriteTransaction tx(*store, Store::Durability::Relaxed, false);
            claimed = store->claimTasks(QStringLiteral("w1"), now, now + 500, 1).value();
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(claimed.size(), 1);
        QCOMPARE(claimed.constFirst().task.id, QStringLiteral("t1")); // oldest first
        {
            // The other worker gets only what nobody holds.
            WriteTransaction tx(other, Store::Durability::Relaxed, false);
            const auto rest = other.claimTasks(QStringLiteral("w2"), now, now + 5000, 10).value();
            QCOMPARE(rest.size(), 1);
            QCOMPARE(rest.constFirst().task.id, QStringLiteral("t2"));
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(!store->hasClaimableTasks(now + 100).value());
        // w2 cannot write t1 while w1 holds it.
        Store::TaskRow t1 = claimed.constFirst();
        t1.task.state = TaskState::Processing;
        QVERIFY(!other.updateClaimedTask(t1, QStringLiteral("w2")).value());
        QVERIFY(store->updateClaimedTask(t1, QStringLiteral("w1")).value());

        // w1's lease runs out: w2 takes t1 over, and w1's outcome is refused.
        QVERIFY(store->hasClaimableTasks(now + 501).value());
        {
            WriteTransaction tx(other, Store::Durability::Relaxed, false);
            const auto taken = other.claimTasks(QStringLiteral("w2"), now + 501, now + 1000, 10);
            QCOMPARE(taken.value().size(), 1);
            QCOMPARE(taken.value().constFirst().task.id, QStringLiteral("t1"));
            QVERIFY(tx.commit().ok());
        }
        t1.task.state = TaskState::Succeeded;
        QVERIFY(!store->updateClaimedTask(t1, QStringLiteral("w1")).value());
        QVERIFY(other.updateClaimedTask(t1, QStringLiteral("w2")).value());
        // Finished tasks are released and never claimed again.
        const auto done = store->task(QStringLiteral("t1")).value().value();
        QVERIFY(done.task.state == TaskState::Succeeded);
        QVERIFY(done.claimedBy.isEmpty());
        QVERIFY(store->hasClaimableTasks(now + 100'000).value()); // t2 is unfinished, w2 gone
    }

    void retentionRemovesWhatNothingNeeds()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        // Five tests of config "a", each with its event and attempt, a second apart.
        for (int i = 0; i < 5; ++i) {
            Store::TaskRow task
                = makeTask(QStringLiteral("t%1").arg(i), QStringLiteral("a"), 1000 * i);
            task.task.state = TaskState::Succeeded;
            QVERIFY(store->insertTask(task).ok());
            Store::EventRow event;
            event.event.id = QStringLiteral("e%1").arg(i);
            event.event.organisation = QStringLiteral("org-1");
            event.event.state = EventState::Delivered;
            event.event.dateCreated = QDateTime::fromMSecsSinceEpoch(1000 * i, Qt::UTC);
            event.configId = QStringLiteral("a");
            event.taskId = task.task.id;
            QVERIFY(store->insertEvent(event).ok());
            DeliveryAttempt attempt;
            attempt.id = QStringLiteral("at%1").arg(i);
            attempt.configId = QStringLiteral("a");
            attempt.taskId = task.task.id;
            attempt.eventId = event.event.id;
            attempt.dateStarted = event.event.dateCreated;
            attempt.requestUrl = QStringLiteral("http://127.0.0.1:1/hooks");
            QVERIFY(store->insertAttempt(attempt).ok());
        }
        QCOMPARE(store->pruneAttempts(2, 0, 100).value(), 3);
        Store::Cursor all;
        all.limit = 100;
        const auto left = store->attempts(QStringLiteral("a"), all).value().data;
        QCOMPARE(left.size(), 2);
        QCOMPARE(left.at(0).id, QStringLiteral("at4"));
        QCOMPARE(left.at(1).id, QStringLiteral("at3"));
        QCOMPARE(store->pruneEvents(100'000, 100).value(), 3);
        QCOMPARE(store->pruneTasks(2, 100'000, 0, 100).value(), 3);
        QVERIFY(store->task(QStringLiteral("t4")).value().has_value());
        QVERIFY(!store->task(QStringLiteral("t0")).value().has_value());
        QCOMPARE(store->pruneAttempts(2, 0, 100).value(), 0); // nothing more is due
    }

    void newerTestSupersedesTheWaitingOnes()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        Store::TaskRow started = makeTask(QStringLiteral("t1"), QStringLiteral("a"), 10);
        started.task.state = TaskState::Processing;
        QVERIFY(store->insertTask(started).ok());
        Store::TaskRow waiting = makeTask(QStringLiteral("t2"), QStringLiteral("a"), 20);
        waiting.claimedBy = QStringLiteral("w1");
        waiting.leaseUntilMs = 99'999;
        QVERIFY(store->insertTask(waiting).ok());
        QVERIFY(store->insertTask(makeTask(QStringLiteral("t3"), QStringLiteral("a"), 30)).ok());
        QCOMPARE(store->waitingTests().value(), 2);
        const auto superseded
            = store->supersedeWaitingTests(QStringLiteral("a"), QStringLiteral("t3"), 40);
        QCOMPARE(superseded.value(), QStringList {QStringLiteral("t2")});
        const auto t2 = store->task(QStringLiteral("t2")).value().value();
        QVERIFY(t2.task.state == TaskState::Failed);
        QCOMPARE(t2.task.error, QStringLiteral("superseded"));
        // Its claimant finds it gone when it would start it.
        waiting.task.state = TaskState::Processing;
        QVERIFY(!store->updateClaimedTask(waiting, QStringLiteral("w1")).value());
        QVERIFY(store->task(QStringLiteral("t1")).value()->task.state == TaskState::Processing);
        QCOMPARE(store->waitingTests().value(), 1);
    }

    void attemptsKeepHeadersAndBodies()
    {
        TestDatabase db(m_engine);
        auto store = openWithConfig(db);
        QVERIFY(store);
        Store::EventRow event;
        event.event.id = QStringLiteral("e1");
        event.event.organisation = QStringLiteral("org-1");
        event.event.data = QJsonObject {{QStringLiteral("id"), QStringLiteral("a")}};
        event.event.dateCreated = QDateTime::fromMSecsSinceEpoch(5, Qt::UTC);
        event.configId = QStringLiteral("a");
        event.body = QByteArrayLiteral("{\"id\":\"e1\",\"bytes\":\"\\u0000\xc3\xa9\"}");
        QVERIFY(store->insertEvent(event).ok());

        DeliveryAttempt attempt;
        attempt.id = QStringLiteral("at1");
        attempt.configId = QStringLiteral("a");
        attempt.eventId = QStringLiteral("e1");
        attempt.dateStarted = QDateTime::fromMSecsSinceEpoch(10, Qt::UTC);
        attempt.requestUrl = QStringLiteral("http://127.0.0.1:1/webhooks/e1");
        attempt.requestHeaders
            = {{"Content-Type", "application/json"}, {"Ricloud-Signature", "t=1,s=abc="}};
        attempt.requestBody = event.body;
        attempt.responseBodyStart = QByteArray("\x00\xff binary", 9);
        attempt.latencyMs = 12;
        attempt.error = QStringLiteral("webhook-refused");
        attempt.errorDetail = QStringLiteral("Connection refused");
        QVERIFY(store->insertAttempt(attempt).ok());

        const auto back = store->attempt(QStringLiteral("at1"));
        QVERIFY(back.ok() && back.value());
        QCOMPARE(back.value()->requestHeaders, attempt.requestHeaders);
        QCOMPARE(back.value()->requestBody, attempt.requestBody);
        QCOMPARE(back.value()->responseBodyStart, attempt.responseBodyStart);
        QCOMPARE(back.value()->error, attempt.error);
        QCOMPARE(back.value()->errorDetail, attempt.errorDetail);
        QCOMPARE(back.value()->taskId, QString());

        const auto events = store->event(QStringLiteral("e1"));
        QVERIFY(events.ok() && events.value());
        QCOMPARE(events.value()->body, event.body);
        QCOMPARE(events.value()->event.data, event.event.data);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (const auto engine : {TestDatabase::Engine::Sqlite, TestDatabase::Engine::Postgres}) {
        if (engine == TestDatabase::Engine::Postgres && !TestDatabase::postgresAvailable()) {
            qInfo("SKIP the PostgreSQL run: no cluster (WA_TEST_POSTGRES_URL is not set)");
            continue;
        }
        qInfo("=== %s ===", qPrintable(TestDatabase::name(engine)));
        TestStore test(engine);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}

#include "tst_store.moc"
