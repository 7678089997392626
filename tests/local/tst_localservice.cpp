// LocalService against the rules of the API: creates, updates, deactivations, the default and
// the key's config, paging and filters.

#include "httpstatus.h"
#include "localservicefixture.h"
#include "localservicethread.h"
#include "store.h"
#include "storeschema.h"
#include "targetpolicy.h"
#include "testclock.h"

#include <QHostInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

using namespace wa;
using wa::test::TestHttpServer;

Q_DECLARE_METATYPE(wa::ConfigState)

class TestLocalService final : public LocalServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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
        QCOMPARE(httpStatus(waitFor(service->updateConfig(QStringLiteral("nope"), {}, 0)).error()),
                 404);
        QCOMPARE(httpStatus(waitFor(service->deactivateConfig(QStringLiteral("nope"))).error()),
                 404);
        QCOMPARE(httpStatus(waitFor(service->testConfig(QStringLiteral("nope"), 0)).error()), 404);
        QCOMPARE(waitFor(service->task(QStringLiteral("nope"))).error().message,
                 QStringLiteral("No task with id nope."));
        QCOMPARE(httpStatus(waitFor(service->event(QStringLiteral("nope"))).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->resendEvent(QStringLiteral("nope"))).error()), 404);
        QCOMPARE(httpStatus(waitFor(service->listAttempts(QStringLiteral("nope"), {})).error()),
                 404);
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
};

QTEST_GUILESS_MAIN(TestLocalService)
#include "tst_localservice.moc"
