// Two LocalService instances on one database in one process: each sees what the other
// committed, neither undoes the other's writes, and a test is delivered once. The processes of
// a real desktop (the console, `serve`, `webhook-admin-cli --local`) do exactly this on one
// SQLite file, and the instances of a team service on one PostgreSQL database: the suite runs
// on both.

#include "futurewait.h"
#include "localservice.h"
#include "store.h"
#include "testclock.h"
#include "testdatabase.h"
#include "testhttpserver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wa;
using wa::test::TestDatabase;
using wa::test::TestHttpServer;

class TestSharedDatabase final : public QObject
{
    Q_OBJECT

public:
    explicit TestSharedDatabase(TestDatabase::Engine engine)
        : m_engine(engine)
    { }

private:
    std::unique_ptr<LocalService> open(LocalService::Options options = {})
    {
        options.databasePath = m_db->location();
        auto service = std::make_unique<LocalService>(options);
        const auto opened = service->open();
        if (!opened.ok()) {
            qWarning("open failed: %s", qPrintable(opened.error().describe()));
            return nullptr;
        }
        return service;
    }

    static LocalService::Options oneShot()
    {
        LocalService::Options options;
        options.worker = LocalService::Worker::OwnTasks;
        return options;
    }

    static WebhookConfig get(LocalService &service, const QString &id)
    {
        const auto config = waitFor(service.config(id));
        return config.ok() ? config.value() : WebhookConfig {};
    }

    static QString state(LocalService &service, const QString &id)
    {
        return toString(get(service, id).state);
    }

    static QList<Task> tasks(LocalService &service, const QString &configId)
    {
        TaskFilter filter;
        filter.target = configId;
        return waitFor(service.listTasks(filter, {})).value().data;
    }

    TestDatabase::Engine m_engine;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestHttpServer> m_receiver;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_db = std::make_unique<TestDatabase>(m_engine);
        QVERIFY(!m_db->location().isEmpty());
        m_receiver = std::make_unique<TestHttpServer>();
        QVERIFY(m_receiver->start());
    }
    void cleanup()
    {
        m_receiver.reset();
        m_db.reset();
    }

    void createElsewhereIsListedAndFound()
    {
        auto a = open();
        auto b = open(oneShot());
        QVERIFY(a && b);
        QCOMPARE(waitFor(a->listConfigs({}, {})).value().totalCount, 0);
        const WebhookConfig made = waitFor(b->createConfig(m_receiver->url(), 0)).value();
        const auto list = waitFor(a->listConfigs({}, {}));
        QCOMPARE(list.value().totalCount, 1);
        QCOMPARE(list.value().data.constFirst().id, made.id);
        QCOMPARE(get(*a, made.id).url, made.url);
        QCOMPARE(get(*a, made.id).secret, made.secret);
    }

    void readsCalledTogetherMissNoCommitMadeBeforeThem()
    {
        // Reads that queue up while one freshness check runs share it: each must still see
        // every commit made before it was called.
        auto a = open();
        auto b = open(oneShot());
        QVERIFY(a && b);
        QCOMPARE(waitFor(a->listConfigs({}, {})).value().totalCount, 0);
        for (int made = 1; made <= 3; ++made) {
            const QString id = waitFor(b->createConfig(m_receiver->url(), 0)).value().id;
            QList<QFuture<Result<ListPage<WebhookConfig>>>> lists;
            QList<QFuture<Result<QByteArray>>> texts;
            for (int i = 0; i < 4; ++i) {
                lists << a->listConfigs({}, {});
                texts << a->configText(id);
            }
            for (auto &list : lists)
                QCOMPARE(waitFor(list).value().totalCount, made);
            for (auto &text : texts)
                QVERIFY(waitFor(text).value().contains(id.toUtf8()));
        }
    }

    void deactivationElsewhereIsNotUndone()
    {
        auto a = open();
        auto b = open(oneShot());
        QVERIFY(a && b);
        const QString id = waitFor(a->createConfig(m_receiver->url(), 5)).value().id;
        QCOMPARE(state(*a, id), QStringLiteral("valid"));
        QVERIFY(waitFor(b->deactivateConfig(id)).ok());

        // A changes the URL: the config stays deactivated (API.md), and A's answer says so.
        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/moved"));
        const auto updated = waitFor(a->updateConfig(id, changes, 0));
        QVERIFY(updated.ok());
        QCOMPARE(toString(updated.value().state), QStringLiteral("deactivated"));
        QCOMPARE(updated.value().url, *changes.url);
        QCOMPARE(state(*b, id), QStringLiteral("deactivated"));
        QCOMPARE(get(*b, id).url, *changes.url);
        QCOMPARE(tasks(*a, id).size(), 1); // no test for a deactivated config
    }

    void urlChangeElsewhereIsNotWrittenBack()
    {
        auto a = open();
        auto b = open(oneShot());
        QVERIFY(a && b);
        const QString id = waitFor(a->createConfig(m_receiver->url(), 5)).value().id;
        ConfigChanges newUrl;
        newUrl.url = m_receiver->url(QStringLiteral("/from-b"));
        QVERIFY(waitFor(b->updateConfig(id, newUrl, 5)).ok());
        QCOMPARE(get(*a, id).url, *newUrl.url);
        // A retests it with `state: new`: B's URL stands.
        ConfigChanges retest;
        retest.state = ConfigState::New;
        const auto answered = waitFor(a->updateConfig(id, retest, 5));
        QCOMPARE(answered.value().url, *newUrl.url);
        QCOMPARE(get(*b, id).url, *newUrl.url);
        QCOMPARE(m_receiver->requests.constLast().target.left(8), QByteArray("/from-b/"));
    }

    void defaultAndKeyConfigElsewhereReachTheOrganisation()
    {
        auto a = open();
        auto b = open(oneShot());
        QVERIFY(a && b);
        const QString id = waitFor(a->createConfig(m_receiver->url(), 0)).value().id;
        QVERIFY(waitFor(a->organisation()).value().webhookConfigDefault.isEmpty());
        QSignalSpy announced(a.get(), &WebhookService::organisationChanged);
        QVERIFY(waitFor(b->setDefaultConfig(id)).ok());
        const Key key = waitFor(b->key()).value();
        QVERIFY(waitFor(b->setKeyConfig(key.id, id)).ok());
        QCOMPARE(waitFor(a->organisation()).value().webhookConfigDefault, id);
        QCOMPARE(waitFor(a->key()).value().webhookConfig, id);
        QVERIFY(announced.size() >= 1);
        // Deactivated elsewhere: both references are cleared for A too.
        QVERIFY(waitFor(b->deactivateConfig(id)).ok());
        QVERIFY(waitFor(a->organisation()).value().webhookConfigDefault.isEmpty());
        QVERIFY(waitFor(a->key()).value().webhookConfig.isEmpty());
    }

    void oneShotCreateIsDeliveredBeforeItSettles()
    {
        auto a = open();
        QVERIFY(a);
        QString id;
        {
            auto cli = open(oneShot());
            id = waitFor(cli->createConfig(m_receiver->url(), 0)).value().id;
            QFuture<void> settled = cli->settle();
            QVERIFY(waitUntil([&] { return settled.isFinished(); }, 15000));
            QCOMPARE(state(*cli, id), QStringLiteral("valid"));
        } // the one-shot process is gone
        QCOMPARE(state(*a, id), QStringLiteral("valid"));
        QCOMPARE(m_receiver->requests.size(), 1);
        QCOMPARE(toString(tasks(*a, id).constFirst().state), QStringLiteral("succeeded"));
    }

    void openingTakesNoTaskOver()
    {
        auto a = open();
        QVERIFY(a);
        m_receiver->hold = true;
        const QString id = waitFor(a->createConfig(m_receiver->url(), 0)).value().id;
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        {
            // Another process opens the file, reads, and goes; a serving one waits for leases.
            auto reader = open(oneShot());
            QCOMPARE(waitFor(reader->listConfigs({}, {})).value().totalCount, 1);
            auto server = open();
            QTest::qWait(3 * LocalService::Options {}.pollIntervalMs);
            QCOMPARE(toString(tasks(*server, id).constFirst().state), QStringLiteral("processing"));
        }
        Store probe(m_db->location());
        QVERIFY(probe.open().ok());
        const auto task = probe.task(tasks(*a, id).constFirst().id).value().value();
        QVERIFY(!task.claimedBy.isEmpty());
        QCOMPARE(toString(task.task.state), QStringLiteral("processing"));
        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return state(*a, id) == QStringLiteral("valid"); }));
        QCOMPARE(m_receiver->requests.size(), 1);
    }

    void changesElsewhereAreAnnouncedWithinASecond()
    {
        auto console = open();
        auto cli = open(oneShot());
        QVERIFY(console && cli);
        QSignalSpy changed(console.get(), &WebhookService::configChanged);
        const QString id = waitFor(cli->createConfig(m_receiver->url(), 5)).value().id;
        // Created, then tested (valid): the console hears of it without being asked.
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty()
                                     && changed.constLast().at(0).value<WebhookConfig>().state
                                         == ConfigState::Valid,
                                 1000);
        QCOMPARE(changed.constLast().at(0).value<WebhookConfig>().id, id);
        changed.clear();
        QVERIFY(waitFor(cli->deactivateConfig(id)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 1000);
        QCOMPARE(toString(changed.constLast().at(0).value<WebhookConfig>().state),
                 QStringLiteral("deactivated"));
    }

    void awaitIsAnsweredWhenAnotherProcessDelivers()
    {
        // A's only delivery slot is held by a silent receiver; the test A then starts waits in
        // A's queue until its lease runs out, and B, whose clock is ahead, takes it over.
        TestHttpServer silent;
        QVERIFY(silent.start());
        silent.hold = true;
        LocalService::Options slow;
        slow.maxConcurrentDeliveries = 1;
        slow.leaseMs = 60'000;
        auto a = open(slow);
        QVERIFY(a);
        waitFor(a->createConfig(silent.url(), 0));
        QVERIFY(waitUntil([&] { return silent.heldCount() == 1; }));
        QFuture<Result<WebhookConfig>> awaited = a->createConfig(m_receiver->url(), 10);

        wa::test::TestClock ahead;
        ahead.advance(slow.leaseMs + 1000);
        LocalService::Options later;
        later.clock = ahead.function();
        auto b = open(later);
        QVERIFY(b);
        const auto answered = waitFor(awaited, 8000);
        QVERIFY(answered.ok());
        QCOMPARE(toString(answered.value().state), QStringLiteral("valid"));
        QCOMPARE(m_receiver->requests.size(), 1);
        // When A's slot frees, A finds the task taken over and does not deliver it again.
        silent.answerHeld(200);
        QFuture<void> settled = a->settle();
        QVERIFY(waitUntil([&] { return settled.isFinished(); }, 15000));
        QCOMPARE(m_receiver->requests.size(), 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (const auto engine : {TestDatabase::Engine::Sqlite, TestDatabase::Engine::Postgres}) {
        if (engine == TestDatabase::Engine::Postgres && !TestDatabase::postgresAvailable()) {
            qInfo("SKIP the PostgreSQL run: no cluster (see tests/support/postgres-cluster.sh)");
            continue;
        }
        qInfo("=== %s ===", qPrintable(TestDatabase::name(engine)));
        TestSharedDatabase test(engine);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}
#include "tst_shareddatabase.moc"
