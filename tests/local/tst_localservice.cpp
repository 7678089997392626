#include "httpstatus.h"
#include "futurewait.h"
#include "localservice.h"
#include "localservicethread.h"
#include "store.h"
#include "targetpolicy.h"
#include <QHostInfo>
#include "storeschema.h"
#include <QSqlError>
#include "testclock.h"
#include "testhttpserver.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wa;
using wa::test::TestHttpServer;

Q_DECLARE_METATYPE(wa::ConfigState)

class TestLocalService final : public QObject
{
    Q_OBJECT

public:
    std::unique_ptr<LocalService> openService(const QString &token = {})
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.token = token;
        options.deliveryTimeoutMs = 10000;
        auto service = std::make_unique<LocalService>(options);
        const auto opened = service->open();
        if (!opened.ok())
            qWarning("open failed: %s", qPrintable(opened.error().message));
        return opened.ok() ? std::move(service) : nullptr;
    }

    WebhookConfig create(LocalService &service, const QString &url)
    {
        const auto created = waitFor(service.createConfig(url, 0));
        if (!created.ok())
            qWarning("create failed: %s", qPrintable(created.error().describe()));
        return created.ok() ? created.value() : WebhookConfig {};
    }

    ConfigState stateOf(LocalService &service, const QString &id)
    {
        return waitFor(service.config(id)).value().state;
    }

    QList<Task> tasksFor(LocalService &service, const QString &configId)
    {
        TaskFilter filter;
        filter.target = configId;
        PageRequest page;
        page.limit = 1000;
        return waitFor(service.listTasks(filter, page)).value().data;
    }

    bool allTasksDone(LocalService &service, const QString &configId)
    {
        const auto tasks = tasksFor(service, configId);
        return std::all_of(tasks.cbegin(), tasks.cend(),
                           [](const Task &t) { return t.finished(); });
    }

    int totalConfigs(LocalService &service, ConfigFilter filter = {})
    {
        return waitFor(service.listConfigs(filter, PageRequest {})).value().totalCount;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_receiver = std::make_unique<TestHttpServer>();
        QVERIFY(m_receiver->start());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_dir.reset();
    }

    void firstStartMakesOrganisationAndKey()
    {
        QString token;
        {
            auto service = openService();
            QVERIFY(service);
            const auto organisation = waitFor(service->organisation());
            QVERIFY(organisation.ok());
            QCOMPARE(organisation.value().name, QStringLiteral("Local organisation"));
            QVERIFY(organisation.value().webhookConfigDefault.isEmpty());
            const auto key = waitFor(service->key());
            QVERIFY(key.ok());
            QCOMPARE(key.value().organisation, organisation.value().id);
            token = service->token();
            QVERIFY(token.size() >= 32);
            QVERIFY(service->acceptsToken(token.toUtf8()));
            QVERIFY(!service->acceptsToken("wrong"));
            QVERIFY(!service->acceptsToken(""));
        }
        {
            auto service = openService();
            QCOMPARE(service->token(), token); // stored, not regenerated
        }
        auto service = openService(QStringLiteral("given-token"));
        QCOMPARE(service->token(), QStringLiteral("given-token"));
        QVERIFY(!service->acceptsToken(token.toUtf8()));
        service.reset();
        service = openService();
        QCOMPARE(service->token(), QStringLiteral("given-token"));
    }

    void createAnswersNewWithSecretAndStartsTest()
    {
        auto service = openService();
        QSignalSpy configSpy(service.get(), &WebhookService::configChanged);
        QSignalSpy taskSpy(service.get(), &WebhookService::taskChanged);
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(!config.id.isEmpty());
        QCOMPARE(toString(config.state), toString(ConfigState::New));
        QCOMPARE(config.url, m_receiver->url());
        QVERIFY(config.secret.size() >= 43); // 32 bytes, URL-safe base64
        QVERIFY(config.dateCreated.isValid());
        QCOMPARE(configSpy.size(), 1);
        QCOMPARE(tasksFor(*service, config.id).size(), 1);
        QCOMPARE(tasksFor(*service, config.id).constFirst().type,
                 QStringLiteral("webhook_config.test"));

        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
        const Task task = tasksFor(*service, config.id).constFirst();
        QCOMPARE(toString(task.state), toString(TaskState::Succeeded));
        QVERIFY(task.error.isEmpty());
        QVERIFY(task.dateStarted.isValid());
        QVERIFY(task.dateCompleted.isValid());
        QCOMPARE(m_receiver->requests.size(), 1);
        QVERIFY(taskSpy.size() >= 3); // pending, processing, succeeded
    }

    void createRejectsBadUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/hooks");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("no host") << QStringLiteral("http:///path");
        QTest::newRow("no scheme") << QStringLiteral("example.com/hooks");
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << (QStringLiteral("https://example.com/")
                                      + QString(2100, QLatin1Char('a')));
    }

    void createRejectsBadUrls()
    {
        QFETCH(QString, url);
        auto service = openService();
        QSignalSpy configSpy(service.get(), &WebhookService::configChanged);
        const auto created = waitFor(service->createConfig(url, 0));
        QVERIFY(!created.ok());
        QCOMPARE(httpStatus(created.error()), 400);
        QCOMPARE(created.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY(created.error().params.contains(QStringLiteral("url")));
        QVERIFY(!created.error().params.value(QStringLiteral("url")).isEmpty());
        // Nothing written.
        QCOMPARE(configSpy.size(), 0);
        QCOMPARE(totalConfigs(*service,
                              ConfigFilter {{ConfigState::New, ConfigState::Valid,
                                             ConfigState::Invalid, ConfigState::Deactivated}}),
                 0);
        QCOMPARE(waitFor(service->listTasks({}, {})).value().totalCount, 0);
    }

    void updateStateOnlyNewOrDeactivated_data()
    {
        QTest::addColumn<ConfigState>("state");
        QTest::newRow("valid") << ConfigState::Valid;
        QTest::newRow("invalid") << ConfigState::Invalid;
    }

    void updateStateOnlyNewOrDeactivated()
    {
        QFETCH(ConfigState, state);
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return allTasksDone(*service, config.id); }));
        ConfigChanges changes;
        changes.state = state;
        changes.url = QStringLiteral("https://elsewhere.example/hooks"); // not applied either
        const auto updated = waitFor(service->updateConfig(config.id, changes, 0));
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code, QStringLiteral("invalid-parameter"));
        QCOMPARE(updated.error().params.value(QStringLiteral("state")),
                 QStringLiteral("can only be set to new or deactivated"));
        const WebhookConfig after = waitFor(service->config(config.id)).value();
        QCOMPARE(after.url, config.url);
        QCOMPARE(toString(after.state), toString(ConfigState::Valid));
        QCOMPARE(tasksFor(*service, config.id).size(), 1);
    }

    void updateBadUrlChangesNothing()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        ConfigChanges changes;
        changes.url = QStringLiteral("ftp://example.com/x");
        const auto updated = waitFor(service->updateConfig(config.id, changes, 0));
        QVERIFY(!updated.ok());
        QVERIFY(updated.error().params.contains(QStringLiteral("url")));
        QCOMPARE(waitFor(service->config(config.id)).value().url, config.url);
        QCOMPARE(tasksFor(*service, config.id).size(), 1);
    }

    void urlChangeAndStateNewRetest()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));

        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/other"));
        const auto updated = waitFor(service->updateConfig(config.id, changes, 0));
        QVERIFY(updated.ok());
        QCOMPARE(toString(updated.value().state), toString(ConfigState::New));
        QCOMPARE(updated.value().url, *changes.url);
        QCOMPARE(updated.value().secret, config.secret);
        QCOMPARE(tasksFor(*service, config.id).size(), 2);
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
        QVERIFY(m_receiver->requests.constLast().target.startsWith("/other/"));

        ConfigChanges renew;
        renew.state = ConfigState::New;
        QCOMPARE(toString(waitFor(service->updateConfig(config.id, renew, 0)).value().state),
                 toString(ConfigState::New));
        QCOMPARE(tasksFor(*service, config.id).size(), 3);
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
    }

    void emptyOrSameUpdateChangesNothing()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
        const auto empty = waitFor(service->updateConfig(config.id, ConfigChanges {}, 0));
        QVERIFY(empty.ok());
        QCOMPARE(toString(empty.value().state), toString(ConfigState::Valid));
        ConfigChanges same;
        same.url = config.url;
        QCOMPARE(toString(waitFor(service->updateConfig(config.id, same, 0)).value().state),
                 toString(ConfigState::Valid));
        QCOMPARE(tasksFor(*service, config.id).size(), 1);
    }

    void deactivatedConfigUrlChangeStaysDeactivated()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return allTasksDone(*service, config.id); }));
        QCOMPARE(toString(waitFor(service->deactivateConfig(config.id)).value().state),
                 toString(ConfigState::Deactivated));

        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/moved"));
        const auto updated = waitFor(service->updateConfig(config.id, changes, 0));
        QVERIFY(updated.ok());
        QCOMPARE(toString(updated.value().state), toString(ConfigState::Deactivated));
        QCOMPARE(updated.value().url, *changes.url);
        QCOMPARE(tasksFor(*service, config.id).size(), 1);

        // Testing it is refused, naming the state.
        const auto tested = waitFor(service->testConfig(config.id, 0));
        QVERIFY(!tested.ok());
        QCOMPARE(tested.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY(tested.error().params.contains(QStringLiteral("state")));
        QCOMPARE(tasksFor(*service, config.id).size(), 1);

        // state: new brings it back, with a test.
        changes.url = m_receiver->url(QStringLiteral("/back"));
        changes.state = ConfigState::New;
        QCOMPARE(toString(waitFor(service->updateConfig(config.id, changes, 0)).value().state),
                 toString(ConfigState::New));
        QCOMPARE(tasksFor(*service, config.id).size(), 2);
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
    }

    void urlWithDeactivateOnActiveConfig()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return allTasksDone(*service, config.id); }));
        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/new-place"));
        changes.state = ConfigState::Deactivated;
        const auto updated = waitFor(service->updateConfig(config.id, changes, 0));
        QVERIFY(updated.ok());
        QCOMPARE(toString(updated.value().state), toString(ConfigState::Deactivated));
        QCOMPARE(updated.value().url, *changes.url);
        QCOMPARE(tasksFor(*service, config.id).size(), 1);
    }

    void deactivatingDefaultClearsIt()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        const WebhookConfig other = create(*service, m_receiver->url());
        QVERIFY(waitFor(service->setDefaultConfig(config.id)).ok());
        const Key key = waitFor(service->key()).value();
        QCOMPARE(waitFor(service->setKeyConfig(key.id, config.id)).value().webhookConfig,
                 config.id);
        QCOMPARE(waitFor(service->organisation()).value().webhookConfigDefault, config.id);

        QSignalSpy organisationSpy(service.get(), &WebhookService::organisationChanged);
        QVERIFY(waitFor(service->deactivateConfig(other.id)).ok());
        QCOMPARE(organisationSpy.size(), 0);
        QCOMPARE(waitFor(service->organisation()).value().webhookConfigDefault, config.id);

        const auto deactivated = waitFor(service->deactivateConfig(config.id));
        QCOMPARE(toString(deactivated.value().state), toString(ConfigState::Deactivated));
        QCOMPARE(organisationSpy.size(), 1);
        const Organisation organisation = waitFor(service->organisation()).value();
        QVERIFY(organisation.webhookConfigDefault.isEmpty());
        QCOMPARE(organisation.webhookConfigs.totalCount, 0); // deactivated ones left out
        QVERIFY(waitFor(service->key()).value().webhookConfig.isEmpty());
        // Deactivating twice is harmless.
        QCOMPARE(toString(waitFor(service->deactivateConfig(config.id)).value().state),
                 toString(ConfigState::Deactivated));
    }

    void defaultAndKeyConfigRules()
    {
        auto service = openService();
        const WebhookConfig config = create(*service, m_receiver->url());
        const WebhookConfig retired = create(*service, m_receiver->url());
        QVERIFY(waitFor(service->deactivateConfig(retired.id)).ok());

        auto unknown = waitFor(service->setDefaultConfig(QStringLiteral("nope")));
        QCOMPARE(unknown.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY(unknown.error().params.contains(QStringLiteral("webhook_config_default")));
        auto deactivated = waitFor(service->setDefaultConfig(retired.id));
        QVERIFY(deactivated.error().params.contains(QStringLiteral("webhook_config_default")));
        QVERIFY(waitFor(service->organisation()).value().webhookConfigDefault.isEmpty());

        const auto set = waitFor(service->setDefaultConfig(config.id));
        QCOMPARE(set.value().webhookConfigDefault, config.id);
        QCOMPARE(set.value().webhookConfigs.totalCount, 1);
        QVERIFY(
            waitFor(service->setDefaultConfig(QString())).value().webhookConfigDefault.isEmpty());

        const Key key = waitFor(service->key()).value();
        const auto otherKey
            = waitFor(service->setKeyConfig(QStringLiteral("another-key"), config.id));
        QCOMPARE(otherKey.error().code, QStringLiteral("not-found"));
        QCOMPARE(httpStatus(otherKey.error()), 404);
        const auto badConfig = waitFor(service->setKeyConfig(key.id, retired.id));
        QVERIFY(badConfig.error().params.contains(QStringLiteral("webhook_config")));
        QCOMPARE(waitFor(service->setKeyConfig(key.id, config.id)).value().webhookConfig,
                 config.id);
        QVERIFY(waitFor(service->setKeyConfig(key.id, QString())).value().webhookConfig.isEmpty());
    }

    void unknownIdsAreNotFound()
    {
        auto service = openService();
        const auto config = waitFor(service->config(QStringLiteral("nope")));
        QCOMPARE(httpStatus(config.error()), 404);
        QCOMPARE(config.error().code, QStringLiteral("not-found"));
        QCOMPARE(config.error().message, QStringLiteral("No webhook config with id nope."));
        QCOMPARE(httpStatus(waitFor(service->updateConfig(QStringLiteral("nope"), {}, 0)).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->deactivateConfig(QStringLiteral("nope"))).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->testConfig(QStringLiteral("nope"), 0)).error()), 404);
        QCOMPARE(waitFor(service->task(QStringLiteral("nope"))).error().message,
                 QStringLiteral("No task with id nope."));
        QCOMPARE(httpStatus(waitFor(service->event(QStringLiteral("nope"))).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->resendEvent(QStringLiteral("nope"))).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->listAttempts(QStringLiteral("nope"), {})).error()), 404);
    }

    void staleTestResultDoesNotOverwrite()
    {
        auto service = openService();
        m_receiver->hold = true;
        const WebhookConfig config = create(*service, m_receiver->url());
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));

        ConfigChanges changes;
        changes.url = m_receiver->url(QStringLiteral("/second"));
        QVERIFY(waitFor(service->updateConfig(config.id, changes, 0)).ok());
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 2; }));

        // The first test fails, but it tested an older URL: the config stays new.
        m_receiver->answerHeld(500);
        QVERIFY(waitUntil([&] {
            const auto tasks = tasksFor(*service, config.id);
            return std::any_of(tasks.cbegin(), tasks.cend(),
                               [](const Task &t) { return t.state == TaskState::Failed; });
        }));
        QCOMPARE(toString(stateOf(*service, config.id)), toString(ConfigState::New));

        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return stateOf(*service, config.id) == ConfigState::Valid; }));
        const auto tasks = tasksFor(*service, config.id);
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(toString(tasks.at(0).state), toString(TaskState::Succeeded)); // newest first
        QCOMPARE(toString(tasks.at(1).state), toString(TaskState::Failed));
        QCOMPARE(tasks.at(1).error, QStringLiteral("webhook-rejected"));
    }

    void pagingFiltersAndTotals()
    {
        auto service = openService();
        m_receiver->hold = true; // every config stays new
        QStringList ids;
        for (int i = 0; i < 25; ++i)
            ids << create(*service, m_receiver->url()).id;

        PageRequest page;
        auto first = waitFor(service->listConfigs({}, page)).value();
        QCOMPARE(first.data.size(), 10);
        QVERIFY(first.hasMore);
        QCOMPARE(first.totalCount, 25);
        QCOMPARE(first.url, QStringLiteral("/configs/webhook"));
        QStringList seen;
        auto collect = [&](const ListPage<WebhookConfig> &p) {
            for (const auto &c : p.data)
                seen << c.id;
        };
        collect(first);
        page.afterId = first.data.constLast().id;
        auto second = waitFor(service->listConfigs({}, page)).value();
        QCOMPARE(second.data.size(), 10);
        QVERIFY(second.hasMore);
        QCOMPARE(second.totalCount, 25);
        collect(second);
        page.afterId = second.data.constLast().id;
        auto third = waitFor(service->listConfigs({}, page)).value();
        QCOMPARE(third.data.size(), 5);
        QVERIFY(!third.hasMore);
        collect(third);
        QCOMPARE(seen.size(), 25);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 25);
        for (qsizetype i = 1; i < seen.size(); ++i) {
            const auto a = waitFor(service->config(seen[i - 1])).value();
            const auto b = waitFor(service->config(seen[i])).value();
            QVERIFY(a.dateCreated > b.dateCreated
                    || (a.dateCreated == b.dateCreated && a.id > b.id));
        }

        PageRequest back;
        back.beforeId = second.data.constFirst().id;
        auto previous = waitFor(service->listConfigs({}, back)).value();
        QCOMPARE(previous.data.size(), 10);
        QCOMPARE(previous.data.constFirst().id, first.data.constFirst().id);
        QCOMPARE(previous.data.constLast().id, first.data.constLast().id);
        QVERIFY(!previous.hasMore);

        PageRequest missing;
        missing.afterId = QStringLiteral("nope");
        auto bad = waitFor(service->listConfigs({}, missing));
        QCOMPARE(bad.error().code, QStringLiteral("invalid-parameter"));
        QVERIFY(bad.error().params.contains(QStringLiteral("after_id")));
        missing = {};
        missing.beforeId = QStringLiteral("nope");
        QVERIFY(waitFor(service->listConfigs({}, missing))
                    .error()
                    .params.contains(QStringLiteral("before_id")));
        PageRequest zero;
        zero.limit = 0;
        QVERIFY(waitFor(service->listConfigs({}, zero))
                    .error()
                    .params.contains(QStringLiteral("limit")));

        for (int i = 0; i < 3; ++i)
            QVERIFY(waitFor(service->deactivateConfig(ids[i])).ok());
        QCOMPARE(totalConfigs(*service), 22);
        ConfigFilter onlyDeactivated;
        onlyDeactivated.states = {ConfigState::Deactivated};
        QCOMPARE(totalConfigs(*service, onlyDeactivated), 3);
        ConfigFilter both;
        both.states = {ConfigState::New, ConfigState::Deactivated};
        QCOMPARE(totalConfigs(*service, both), 25);
        ConfigFilter valid;
        valid.states = {ConfigState::Valid};
        QCOMPARE(totalConfigs(*service, valid), 0);

        // Date bounds: count against the configs themselves.
        const QList<WebhookConfig> all = waitFor(service->listAllConfigs(both)).value();
        QCOMPARE(all.size(), 25);
        const QDateTime middle = all.at(12).dateCreated;
        ConfigFilter after = both;
        after.createdAfter = middle;
        const int expectedAfter = int(std::count_if(
            all.cbegin(), all.cend(), [&](const auto &c) { return c.dateCreated > middle; }));
        QCOMPARE(totalConfigs(*service, after), expectedAfter);
        ConfigFilter exact = both;
        exact.createdAt = middle;
        QVERIFY(totalConfigs(*service, exact) >= 1);
    }

    void tasksPagingAndFilters()
    {
        auto service = openService();
        const WebhookConfig a = create(*service, m_receiver->url());
        const WebhookConfig b = create(*service, m_receiver->url());
        QVERIFY(waitUntil(
            [&] { return allTasksDone(*service, a.id) && allTasksDone(*service, b.id); }));
        QVERIFY(waitFor(service->testConfig(a.id, 0)).ok());
        QVERIFY(waitUntil([&] { return allTasksDone(*service, a.id); }));

        QCOMPARE(waitFor(service->listTasks({}, {})).value().totalCount, 3);
        TaskFilter forA;
        forA.target = a.id;
        QCOMPARE(waitFor(service->listTasks(forA, {})).value().totalCount, 2);
        TaskFilter failed;
        failed.state = TaskState::Failed;
        QCOMPARE(waitFor(service->listTasks(failed, {})).value().totalCount, 0);
        TaskFilter otherType;
        otherType.type = QStringLiteral("something.else");
        QCOMPARE(waitFor(service->listTasks(otherType, {})).value().totalCount, 0);

        PageRequest one;
        one.limit = 1;
        const auto page1 = waitFor(service->listTasks({}, one)).value();
        QCOMPARE(page1.data.size(), 1);
        QVERIFY(page1.hasMore);
        QCOMPARE(page1.url, QStringLiteral("/tasks"));
        one.afterId = page1.data.constFirst().id;
        const auto page2 = waitFor(service->listTasks({}, one)).value();
        QVERIFY(page2.data.constFirst().id != page1.data.constFirst().id);
        one.afterId = QStringLiteral("nope");
        QVERIFY(waitFor(service->listTasks({}, one))
                    .error()
                    .params.contains(QStringLiteral("after_id")));

        const auto events = waitFor(service->listEvents({})).value();
        QCOMPARE(events.totalCount, 3);
        const Event event = events.data.constFirst();
        QCOMPARE(toString(event.state), toString(EventState::Delivered));
        QCOMPARE(waitFor(service->event(event.id)).value().id, event.id);
        QCOMPARE(event.data.value(QStringLiteral("id")).toString(), a.id);
        QVERIFY(!event.data.contains(QStringLiteral("secret")));
    }

    void dataSurvivesReopen()
    {
        WebhookConfig kept;
        WebhookConfig retired;
        {
            auto service = openService();
            kept = create(*service, m_receiver->url());
            retired = create(*service, m_receiver->url());
            QVERIFY(waitUntil([&] { return stateOf(*service, kept.id) == ConfigState::Valid; }));
            QVERIFY(waitFor(service->setDefaultConfig(kept.id)).ok());
            QVERIFY(waitFor(service->deactivateConfig(retired.id)).ok());
            QVERIFY(waitUntil([&] { return allTasksDone(*service, retired.id); }));
        }
        auto service = openService();
        const WebhookConfig back = waitFor(service->config(kept.id)).value();
        QCOMPARE(back.url, kept.url);
        QCOMPARE(back.secret, kept.secret);
        QCOMPARE(back.dateCreated, kept.dateCreated);
        QCOMPARE(toString(back.state), toString(ConfigState::Valid));
        QCOMPARE(toString(stateOf(*service, retired.id)), toString(ConfigState::Deactivated));
        QCOMPARE(waitFor(service->organisation()).value().webhookConfigDefault, kept.id);
        QCOMPARE(tasksFor(*service, kept.id).size(), 1);
        QCOMPARE(waitFor(service->listAttempts(kept.id, {})).value().totalCount, 1);
    }

    void taskOfAStoppedWorkerRunsAgainAfterItsLease()
    {
        wa::test::TestClock clock;
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.leaseMs = 60'000;
        options.clock = clock.function();
        QString id;
        {
            LocalService service(options);
            QVERIFY(service.open().ok());
            m_receiver->hold = true;
            id = create(service, m_receiver->url()).id;
            QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
            QCOMPARE(toString(tasksFor(service, id).constFirst().state),
                     toString(TaskState::Processing));
        } // stopped mid-delivery: the task keeps its lease
        m_receiver->hold = false;
        LocalService reopened(options);
        QVERIFY(reopened.open().ok());
        // Opening takes nothing over while the lease runs.
        QTest::qWait(2 * options.pollIntervalMs);
        QCOMPARE(toString(tasksFor(reopened, id).constFirst().state),
                 toString(TaskState::Processing));
        QCOMPARE(m_receiver->requests.size(), 1);

        clock.advance(options.leaseMs + 1);
        QVERIFY(waitUntil([&] { return stateOf(reopened, id) == ConfigState::Valid; }));
        QCOMPARE(toString(tasksFor(reopened, id).constFirst().state),
                 toString(TaskState::Succeeded));
        QCOMPARE(m_receiver->requests.size(), 2); // the held one, and the one taken over
        // The event of the first delivery will never be answered: it is failed, not pending.
        const auto events = waitFor(reopened.listEvents({})).value().data;
        QCOMPARE(events.size(), 2);
        QCOMPARE(toString(events.at(1).state), toString(EventState::Failed));
        QCOMPARE(toString(events.at(0).state), toString(EventState::Delivered));
    }

    void batchedCreatesShareOneCommit()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("batched.sqlite"));
        options.groupCommits = true;
        m_receiver->hold = true; // no outcome changes the rows meanwhile
        LocalService service(options);
        QVERIFY(service.open().ok());
        // Every commit that changes configs takes the organisation's next change sequence
        // number, once: count commits by it, through a connection of our own.
        Store probe(options.databasePath);
        QVERIFY(probe.open().ok());
        const QString organisation = probe.firstOrganisation().value()->organisation.id;
        const qint64 before = probe.changeSeq(organisation).value();

        QList<QFuture<Result<WebhookConfig>>> futures;
        for (int i = 0; i < 5; ++i)
            futures << service.createConfig(m_receiver->url(), 0);
        futures << service.createConfig(QStringLiteral("ftp://bad.example"), 0);
        QVERIFY(!futures.constFirst().isFinished()); // answered after the commit
        QVERIFY(futures.constLast().isFinished()); // bad input answers at once
        QVERIFY(!futures.constLast().result().ok());
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            const auto created = waitFor(futures.at(i));
            QVERIFY(created.ok());
            QCOMPARE(toString(created.value().state), toString(ConfigState::New));
            ids << created.value().id;
        }
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 5);
        QCOMPARE(probe.changeSeq(organisation).value(), before + 1); // one commit
        for (const QString &id : std::as_const(ids))
            QCOMPARE(probe.config(id).value()->changeSeq, before + 1);
        QCOMPARE(totalConfigs(service), 5);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(tasksFor(service, id).size(), 1);
    }

    void testsArrivingTogetherShareOneCommitEachWithItsOwnAnswer()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("grouped-tests.sqlite"));
        options.groupCommits = true;
        LocalService service(options);
        QVERIFY(service.open().ok());
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            const auto created = waitFor(service.createConfig(m_receiver->url(), 0));
            QVERIFY(created.ok());
            ids << created.value().id;
        }
        const QString retired = ids.takeLast();
        QVERIFY(waitFor(service.deactivateConfig(retired)).ok());
        QVERIFY(waitUntil([&] { return m_receiver->requests.size() == 4; }));

        // A bulk run's burst: three testable configs, one deactivated, one unknown.
        QList<QFuture<Result<Task>>> futures;
        for (const QString &id : std::as_const(ids))
            futures << service.testConfig(id, 0);
        futures << service.testConfig(retired, 0);
        futures << service.testConfig(QStringLiteral("no-such-config"), 0);
        for (const auto &future : std::as_const(futures))
            QVERIFY(!future.isFinished()); // answered after the one commit, not at once
        for (int i = 0; i < 3; ++i) {
            const auto tested = waitFor(futures.at(i));
            QVERIFY(tested.ok());
            QCOMPARE(tested.value().target, ids.at(i));
        }
        const auto deactivated = waitFor(futures.at(3));
        QVERIFY(!deactivated.ok());
        QCOMPARE(deactivated.error().code, QStringLiteral("invalid-parameter"));
        const auto unknown = waitFor(futures.at(4));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("not-found"));
        // Each test was delivered: the refusals took nothing away from the others.
        QVERIFY(waitUntil([&] { return m_receiver->requests.size() == 7; }));
        for (const QString &id : std::as_const(ids))
            QCOMPARE(tasksFor(service, id).size(), 2);
        QCOMPARE(tasksFor(service, retired).size(), 1);
    }

    void olderWaitingTestIsSuperseded()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.maxDeliveriesPerHost = 1;
        LocalService service(options);
        QVERIFY(service.open().ok());
        m_receiver->hold = true;
        const QString id = create(service, m_receiver->url()).id; // its test holds the receiver
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        const Task waiting = waitFor(service.testConfig(id, 0)).value();
        const Task newest = waitFor(service.testConfig(id, 0)).value();
        const Task superseded = waitFor(service.task(waiting.id)).value();
        QCOMPARE(toString(superseded.state), QStringLiteral("failed"));
        QCOMPARE(superseded.error, QStringLiteral("superseded"));
        m_receiver->hold = false;
        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return allTasksDone(service, id); }));
        QCOMPARE(toString(waitFor(service.task(newest.id)).value().state),
                 QStringLiteral("succeeded"));
        QCOMPARE(m_receiver->requests.size(), 2); // the first test and the newest, not the other
    }

    void testsPastTheBacklogLimitAreRefused()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.maxDeliveriesPerHost = 1;
        options.maxWaitingTests = 2;
        LocalService service(options);
        QVERIFY(service.open().ok());
        m_receiver->hold = true;
        const QString first = create(service, m_receiver->url()).id; // started: not waiting
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        create(service, m_receiver->url()); // waiting: 1
        create(service, m_receiver->url()); // waiting: 2
        const auto refused = waitFor(service.createConfig(m_receiver->url(), 0));
        QVERIFY(!refused.ok());
        QCOMPARE(httpStatus(refused.error()), 429);
        QCOMPARE(refused.error().code, QStringLiteral("limit-exceeded"));
        QVERIFY(refused.error().retryAfterSeconds >= 1);
        const auto test = waitFor(service.testConfig(first, 0));
        QCOMPARE(httpStatus(test.error()), 429);
        // Nothing of the refused requests was written.
        QCOMPARE(totalConfigs(service), 3);
        QCOMPARE(tasksFor(service, first).size(), 1);
    }

    void retentionKeepsTheNewestAttemptsOfEachConfig()
    {
        wa::test::TestClock clock;
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.retainAttemptsPerConfig = 2;
        options.pruneIntervalMs = 50;
        options.clock = clock.function();
        LocalService service(options);
        QVERIFY(service.open().ok());
        const QString id = waitFor(service.createConfig(m_receiver->url(), 5)).value().id;
        for (int i = 0; i < 4; ++i) {
            clock.advance(1000); // each attempt a second after the last
            QVERIFY(waitFor(service.testConfig(id, 5)).ok());
        }
        QCOMPARE(m_receiver->requests.size(), 5);
        QVERIFY(waitUntil(
            [&] { return waitFor(service.listAttempts(id, {})).value().totalCount == 2; }));
        const auto kept = waitFor(service.listAttempts(id, {})).value().data;
        QCOMPARE(kept.at(0).taskId, tasksFor(service, id).at(0).id); // the newest two
        QCOMPARE(kept.at(1).taskId, tasksFor(service, id).at(1).id);
        // Events and tasks nothing needs any more go once they have settled.
        clock.advance(2 * 60 * 60 * 1000);
        QVERIFY(waitUntil([&] { return tasksFor(service, id).size() == 2; }));
        QVERIFY(waitUntil([&] { return waitFor(service.listEvents({})).value().totalCount == 2; }));
        QCOMPARE(toString(stateOf(service, id)), QStringLiteral("valid"));
    }

    void versionOneDatabaseIsUpgradedWithItsData()
    {
        // A file as the previous release left it: schema 1, an organisation, a key, a config.
        const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL,"
                                          " date_applied INTEGER NOT NULL)")));
            for (const auto &step : StoreSchema::migrations().at(0)) {
                if (step.only == StoreSchema::Step::Only::Postgres)
                    continue;
                QString sql = step.sql;
                sql.replace(QLatin1String("%INT64%"), QLatin1String("INTEGER"));
                sql.replace(QLatin1String("%BLOB%"), QLatin1String("BLOB"));
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            }
            for (const char *sql :
                 {"INSERT INTO schema_version VALUES (1, 0)",
                  "INSERT INTO organisations VALUES ('org', 'Local organisation', 'active', NULL, 0)",
                  "INSERT INTO keys VALUES ('key', 'org', 'token-of-version-one', NULL, 'active', 0)",
                  "INSERT INTO configs VALUES ('cfg', 'org', 'http://127.0.0.1:9/old', 'c2VjcmV0',"
                  " 'valid', 1, 1700000000000)"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        LocalService::Options options;
        options.databasePath = path;
        LocalService service(options);
        QVERIFY(service.open().ok());
        QCOMPARE(service.token(), QStringLiteral("token-of-version-one"));
        const auto config = waitFor(service.config(QStringLiteral("cfg")));
        QVERIFY(config.ok());
        QCOMPARE(config.value().url, QStringLiteral("http://127.0.0.1:9/old"));
        QCOMPARE(totalConfigs(service), 1);
    }

    void privateTargetsAreRefusedWhenReachableBeyondLoopback()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.allowPrivateTargets = false; // as serve --bind beyond loopback runs it
        LocalService service(options);
        QVERIFY(service.open().ok());
        for (const char *url : {"http://127.0.0.1:9/hooks", "http://localhost/hooks",
                                "http://10.1.2.3/hooks", "http://192.168.1.1/hooks",
                                "http://169.254.169.254/latest", "http://[::1]/hooks",
                                "http://[fd00::1]/hooks"}) {
            const auto refused = waitFor(service.createConfig(QString::fromLatin1(url), 0));
            QVERIFY2(!refused.ok(), url);
            QVERIFY(refused.error().params.value(QStringLiteral("url")).contains(
                QStringLiteral("--allow-private-targets")));
        }
        QCOMPARE(totalConfigs(service), 0);
        // A name is judged where it leads when the test is delivered: not sent, and why.
        const QString name = QHostInfo::localHostName();
        const QHostInfo info = QHostInfo::fromName(name);
        if (info.addresses().isEmpty() || !TargetPolicy::isPrivate(info.addresses().constFirst()))
            QSKIP("this machine's name does not resolve to a private address");
        QUrl url(m_receiver->url());
        url.setHost(name);
        const QString id = create(service, url.toString()).id;
        QVERIFY(!id.isEmpty());
        QVERIFY(waitUntil([&] { return allTasksDone(service, id); }));
        const auto attempt = waitFor(service.listAttempts(id, {})).value().data.constFirst();
        QCOMPARE(attempt.error, QStringLiteral("webhook-refused"));
        QVERIFY2(attempt.errorDetail.contains(QStringLiteral("private")),
                 qPrintable(attempt.errorDetail));
        QCOMPARE(m_receiver->requests.size(), 0);
    }

    void databaseFailureIsAPlainServerError()
    {
        auto service = openService();
        const QString id = create(*service, m_receiver->url()).id;
        QVERIFY(waitUntil([&] { return allTasksDone(*service, id); }));
        {
            // Another program breaks the file under the running service.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("breaker"));
            db.setDatabaseName(m_dir->filePath(QStringLiteral("local.sqlite")));
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("DROP TABLE attempts"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("database error.*attempts")));
        const auto attempts = waitFor(service->listAttempts(id, {}));
        QVERIFY(!attempts.ok());
        QCOMPARE(httpStatus(attempts.error()), 500);
        QCOMPARE(attempts.error().code, QStringLiteral("server-error"));
        // The database's own words stay in the log.
        QVERIFY2(!attempts.error().message.contains(QStringLiteral("attempts"))
                     && !attempts.error().message.contains(QStringLiteral("no such table")),
                 qPrintable(attempts.error().message));
        QVERIFY(waitFor(service->config(id)).ok()); // what does not need the table still works
    }

    void serviceThreadAnswersOtherThreads()
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("threaded.sqlite"));
        auto thread = std::make_unique<LocalServiceThread>(options);
        const auto started = waitFor(thread->start());
        QVERIFY(started.ok());
        LocalService *service = thread->service();
        QVERIFY(service->thread() != QThread::currentThread());
        QVERIFY(!service->token().isEmpty());

        QSignalSpy configSpy(service, &WebhookService::configChanged);
        const auto created = waitFor(service->createConfig(m_receiver->url(), 5));
        QVERIFY(created.ok());
        QCOMPARE(toString(created.value().state), toString(ConfigState::Valid)); // awaited
        QVERIFY(waitUntil([&] { return configSpy.size() >= 2; }));
        QCOMPARE(waitFor(service->listConfigs({}, {})).value().totalCount, 1);
        thread.reset(); // joins without hanging
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_receiver;
};

QTEST_GUILESS_MAIN(TestLocalService)
#include "tst_localservice.moc"
