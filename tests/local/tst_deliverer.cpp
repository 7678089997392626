#include "deliverer.h"
#include "futurewait.h"
#include "localservice.h"
#include "testclock.h"
#include "testhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wa;
using wa::test::RecordedRequest;
using wa::test::TestHttpServer;

class TestDeliverer final : public QObject
{
    Q_OBJECT

public:
    std::unique_ptr<LocalService> openService(int timeoutMs = 10000, int maxConcurrent = 16)
    {
        LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.deliveryTimeoutMs = timeoutMs;
        options.maxConcurrentDeliveries = maxConcurrent;
        options.clock = m_clock.function();
        auto service = std::make_unique<LocalService>(options);
        return service->open().ok() ? std::move(service) : nullptr;
    }

    Task onlyTask(LocalService &service, const QString &configId)
    {
        TaskFilter filter;
        filter.target = configId;
        const auto tasks = waitFor(service.listTasks(filter, {})).value().data;
        return tasks.isEmpty() ? Task {} : tasks.constFirst();
    }

    bool finished(LocalService &service, const QString &configId)
    {
        return onlyTask(service, configId).finished();
    }

    QList<DeliveryAttempt> attempts(LocalService &service, const QString &configId)
    {
        return waitFor(service.listAttempts(configId, {})).value().data;
    }

    // Creates a config, waits for its test and checks the outcome recorded everywhere.
    void expectFailure(const QString &url, const QString &error, int status, int timeoutMs = 10000)
    {
        auto service = openService(timeoutMs);
        QVERIFY(service);
        const auto created = waitFor(service->createConfig(url, 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QVERIFY(waitUntil([&] { return finished(*service, id); }));
        const Task task = onlyTask(*service, id);
        QCOMPARE(toString(task.state), toString(TaskState::Failed));
        QCOMPARE(task.error, error);
        QCOMPARE(toString(waitFor(service->config(id)).value().state),
                 toString(ConfigState::Invalid));
        const auto recorded = attempts(*service, id);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.constFirst().error, error);
        QCOMPARE(recorded.constFirst().responseStatus, status);
        QVERIFY(!recorded.constFirst().errorDetail.isEmpty());
        QCOMPARE(recorded.constFirst().taskId, task.id);
        const auto events = waitFor(service->listEvents({})).value();
        QCOMPARE(toString(events.data.constFirst().state), toString(EventState::Failed));
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

    void eventUrlAppendsOneSlashAndKeepsQuery_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("expected");
        QTest::newRow("path") << "https://h.example/webhooks"
                              << "https://h.example/webhooks/E";
        QTest::newRow("slash") << "https://h.example/webhooks/"
                               << "https://h.example/webhooks/E";
        QTest::newRow("no path") << "http://h.example"
                                 << "http://h.example/E";
        QTest::newRow("root") << "http://h.example/"
                              << "http://h.example/E";
        QTest::newRow("query") << "http://h.example:8080/a/b?x=1&y=2"
                               << "http://h.example:8080/a/b/E?x=1&y=2";
        QTest::newRow("encoded") << "http://h.example/a%20b"
                                 << "http://h.example/a%20b/E";
    }

    void eventUrlAppendsOneSlashAndKeepsQuery()
    {
        QFETCH(QString, config);
        QFETCH(QString, expected);
        QCOMPARE(Deliverer::eventUrl(config, QStringLiteral("E")).toString(QUrl::FullyEncoded),
                 expected);
    }

    void successSignsPostsAndMakesValid()
    {
        auto service = openService();
        const QString url = m_receiver->url(QStringLiteral("/hooks/webhooks?source=test"));
        const WebhookConfig config = waitFor(service->createConfig(url, 0)).value();
        QVERIFY(waitUntil([&] { return finished(*service, config.id); }));
        QCOMPARE(toString(onlyTask(*service, config.id).state), toString(TaskState::Succeeded));
        QCOMPARE(toString(waitFor(service->config(config.id)).value().state),
                 toString(ConfigState::Valid));

        QCOMPARE(m_receiver->requests.size(), 1);
        const RecordedRequest request = m_receiver->requests.constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.signedWith(config.secret.toUtf8()));
        QVERIFY(!request.signedWith("another secret"));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        QVERIFY(request.header("user-agent").startsWith("webhook-admin/"));

        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString eventId = body.value(QStringLiteral("id")).toString();
        QVERIFY(!eventId.isEmpty());
        QCOMPARE(request.target,
                 QByteArray("/hooks/webhooks/" + eventId.toUtf8() + "?source=test"));
        QCOMPARE(body.value(QStringLiteral("resource")).toString(), QStringLiteral("event"));
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("webhook_config"));
        QCOMPARE(body.value(QStringLiteral("action")).toString(), QStringLiteral("test"));
        QCOMPARE(body.value(QStringLiteral("organisation")).toString(), config.organisation);
        QVERIFY(body.value(QStringLiteral("date_created")).toString().endsWith(QLatin1Char('Z')));
        const QJsonObject data = body.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("id")).toString(), config.id);
        QCOMPARE(data.value(QStringLiteral("url")).toString(), url);
        QVERIFY(!data.contains(QStringLiteral("secret")));
        QVERIFY(!request.body.contains(config.secret.toUtf8()));

        const auto recorded = attempts(*service, config.id);
        QCOMPARE(recorded.size(), 1);
        const DeliveryAttempt &attempt = recorded.constFirst();
        QVERIFY(attempt.succeeded());
        QCOMPARE(attempt.responseStatus, 200);
        QCOMPARE(attempt.eventId, eventId);
        QCOMPARE(attempt.requestBody, request.body);
        QVERIFY(attempt.requestUrl.endsWith(eventId + QStringLiteral("?source=test")));
        QCOMPARE(attempt.responseBodyStart, QByteArray("{\"received\": true}"));
        const Event event = waitFor(service->event(eventId)).value();
        QCOMPARE(toString(event.state), toString(EventState::Delivered));
        QVERIFY(event.dateDelivered.isValid());
    }

    void serverErrorIsRejected()
    {
        m_receiver->status = 500;
        expectFailure(m_receiver->url(), QStringLiteral("webhook-rejected"), 500);
    }

    void closedPortIsRefused()
    {
        expectFailure(TestHttpServer::closedPortUrl().toString(), QStringLiteral("webhook-refused"),
                      0);
    }

    void silentReceiverTimesOut()
    {
        m_receiver->hold = true;
        expectFailure(m_receiver->url(), QStringLiteral("webhook-timeout"), 0, 500);
    }

    void untrustedCertificateIsTls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("No TLS backend");
        TestHttpServer tls;
        QVERIFY(tls.startTls());
        expectFailure(tls.url(), QStringLiteral("webhook-tls"), 0);
        QVERIFY(tls.connections >= 1); // it was reached: the handshake failed
        QVERIFY(tls.requests.isEmpty());
    }

    void redirectIsNotFollowed()
    {
        TestHttpServer target;
        QVERIFY(target.start());
        m_receiver->status = 302;
        m_receiver->extraHeaders = "Location: " + target.url().toUtf8() + "\r\n";
        expectFailure(m_receiver->url(), QStringLiteral("webhook-redirect"), 302);
        QCOMPARE(target.requests.size(), 0);
    }

    void longAnswerIsCapped()
    {
        m_receiver->body = QByteArray(2 * 1024 * 1024, 'x');
        auto service = openService();
        const WebhookConfig config = waitFor(service->createConfig(m_receiver->url(), 0)).value();
        QVERIFY(waitUntil([&] { return finished(*service, config.id); }));
        QCOMPARE(toString(waitFor(service->config(config.id)).value().state),
                 toString(ConfigState::Valid));
        const auto recorded = attempts(*service, config.id);
        QCOMPARE(recorded.constFirst().responseBodyStart.size(),
                 DeliveryAttempt::ResponseBodyLimit);
    }

    void deactivatedDuringTestStaysDeactivated()
    {
        m_receiver->hold = true;
        auto service = openService();
        const WebhookConfig config = waitFor(service->createConfig(m_receiver->url(), 0)).value();
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 1; }));
        QCOMPARE(toString(onlyTask(*service, config.id).state), toString(TaskState::Processing));
        QVERIFY(waitFor(service->deactivateConfig(config.id)).ok());
        m_receiver->answerHeld(200);
        QVERIFY(waitUntil([&] { return finished(*service, config.id); }));
        QCOMPARE(toString(onlyTask(*service, config.id).state), toString(TaskState::Succeeded));
        QCOMPARE(toString(waitFor(service->config(config.id)).value().state),
                 toString(ConfigState::Deactivated));
    }

    void awaitAnswersWithTheFinalState()
    {
        auto service = openService();
        const auto created = waitFor(service->createConfig(m_receiver->url(), 5));
        QVERIFY(created.ok());
        QCOMPARE(toString(created.value().state), toString(ConfigState::Valid));

        m_receiver->status = 500;
        const auto tested = waitFor(service->testConfig(created.value().id, 5));
        QVERIFY(tested.ok());
        QCOMPARE(toString(tested.value().state), toString(TaskState::Failed));
        QCOMPARE(tested.value().error, QStringLiteral("webhook-rejected"));
        QCOMPARE(toString(waitFor(service->config(created.value().id)).value().state),
                 toString(ConfigState::Invalid));

        ConfigChanges changes;
        changes.state = ConfigState::New;
        m_receiver->status = 204;
        const auto updated = waitFor(service->updateConfig(created.value().id, changes, 5));
        QCOMPARE(toString(updated.value().state), toString(ConfigState::Valid));

        // The wait ends before the test does: the answer shows new, the task processing.
        m_receiver->hold = true;
        const auto held = waitFor(service->createConfig(m_receiver->url(), 1));
        QVERIFY(held.ok());
        QCOMPARE(toString(held.value().state), toString(ConfigState::New));
        QCOMPARE(toString(onlyTask(*service, held.value().id).state),
                 toString(TaskState::Processing));

        // Without a wait the answer comes at once.
        const auto quick = service->createConfig(m_receiver->url(), 0);
        QVERIFY(quick.isFinished());
        QCOMPARE(toString(quick.result().value().state), toString(ConfigState::New));
    }

    void atMostMaxConcurrentInFlight()
    {
        m_receiver->hold = true;
        auto service = openService(10000, 2);
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids << waitFor(service->createConfig(m_receiver->url(), 0)).value().id;
        // A delivery is marked processing as it starts, in the same pass as its create: two
        // started, the other two wait their turn.
        TaskFilter pending;
        pending.state = TaskState::Pending;
        TaskFilter processing;
        processing.state = TaskState::Processing;
        QCOMPARE(waitFor(service->listTasks(processing, {})).value().totalCount, 2);
        QCOMPARE(waitFor(service->listTasks(pending, {})).value().totalCount, 2);
        QVERIFY(waitUntil([&] { return m_receiver->heldCount() == 2; }));
        QCOMPARE(waitFor(service->listTasks(pending, {})).value().totalCount, 2);
        for (int answered = 0; answered < 4; ++answered) {
            QVERIFY(waitUntil([&] { return m_receiver->heldCount() > 0; }));
            QVERIFY(m_receiver->heldCount() <= 2);
            m_receiver->answerHeld(200);
        }
        for (const QString &id : std::as_const(ids))
            QVERIFY(waitUntil([&] { return finished(*service, id); }));
        QCOMPARE(m_receiver->requests.size(), 4);
    }

    void stalledReceiversHoldUpOnlyTheirOwnTests()
    {
        // 48 configs at one receiver that never answers, and two at each of 24 more such
        // receivers; then a config at a healthy one.
        auto service = openService(10000, 64);
        QVERIFY(service);
        TestHttpServer crowded;
        QVERIFY(crowded.start());
        crowded.hold = true;
        std::vector<std::unique_ptr<TestHttpServer>> silent;
        QStringList stalledIds;
        for (int i = 0; i < 48; ++i)
            stalledIds << waitFor(service->createConfig(crowded.url(), 0)).value().id;
        for (int i = 0; i < 24; ++i) {
            silent.push_back(std::make_unique<TestHttpServer>());
            QVERIFY(silent.back()->start());
            silent.back()->hold = true;
            for (int j = 0; j < 2; ++j)
                stalledIds << waitFor(service->createConfig(silent.back()->url(), 0)).value().id;
        }
        const QString healthy = waitFor(service->createConfig(m_receiver->url(), 0)).value().id;
        QVERIFY(waitUntil([&] {
            return toString(waitFor(service->config(healthy)).value().state)
                == QStringLiteral("valid");
        }));
        // ... while every stalled test is still waiting for its receiver (their 10 s are not
        // over): the healthy one did not wait for them.
        for (const QString &id : std::as_const(stalledIds))
            QVERIFY(!finished(*service, id));
        QCOMPARE(crowded.heldCount(), 4); // one receiver gets its share, not every slot
        QVERIFY(waitUntil([&] {
            return std::all_of(silent.cbegin(), silent.cend(),
                               [](const auto &r) { return r->heldCount() == 2; });
        }));
    }

    void resendDeliversTheSameEventFreshlySigned()
    {
        auto service = openService();
        const WebhookConfig config = waitFor(service->createConfig(m_receiver->url(), 5)).value();
        QCOMPARE(toString(config.state), toString(ConfigState::Valid));
        const DeliveryAttempt first = attempts(*service, config.id).constFirst();
        qint64 firstT = 0;
        QVERIFY(m_receiver->requests.at(0).signedWith(config.secret.toUtf8(), &firstT));

        m_clock.advance(2000); // the next signature is made in a later second
        m_receiver->status = 500; // a failed resend changes no config or task state
        const auto resent = waitFor(service->resendEvent(first.eventId));
        QVERIFY(resent.ok());
        QCOMPARE(resent.value().eventId, first.eventId);
        QVERIFY(resent.value().taskId.isEmpty());
        QCOMPARE(resent.value().responseStatus, 500);
        QCOMPARE(resent.value().error, QStringLiteral("webhook-rejected"));

        QCOMPARE(m_receiver->requests.size(), 2);
        const RecordedRequest &second = m_receiver->requests.at(1);
        QCOMPARE(second.body, m_receiver->requests.at(0).body);
        QCOMPARE(second.target, m_receiver->requests.at(0).target);
        qint64 secondT = 0;
        QVERIFY(second.signedWith(config.secret.toUtf8(), &secondT));
        QVERIFY(secondT > firstT);

        const auto all = attempts(*service, config.id);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, resent.value().id); // newest first
        QCOMPARE(toString(waitFor(service->config(config.id)).value().state),
                 toString(ConfigState::Valid));
        QCOMPARE(toString(onlyTask(*service, config.id).state), toString(TaskState::Succeeded));
        const Event event = waitFor(service->event(first.eventId)).value();
        QCOMPARE(event.retries, 1);
        QCOMPARE(toString(event.state), toString(EventState::Delivered)); // it was delivered once
    }

private:
    wa::test::TestClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_receiver;
};

QTEST_GUILESS_MAIN(TestDeliverer)
#include "tst_deliverer.moc"
