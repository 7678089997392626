// The whole loop on one machine, no mock: the local service (a real SQLite file) tests a config
// whose URL points at the built-in receiver; the receiver verifies the signed event; the
// config's state and the delivery log show the outcome.
#include "configsecretindex.h"
#include "receiver.h"
#include "signature.h"
#include "testsupport.h"

#include <QHash>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

// Follows configChanged, so that a test can wait for the state a person would see.
class StateWatch
{
public:
    explicit StateWatch(WebhookService *service, QObject *context)
    {
        QObject::connect(service, &WebhookService::configChanged, context,
                         [this](const WebhookConfig &config) { states[config.id] = config.state; });
    }
    QHash<QString, ConfigState> states;
};

QList<DeliveryAttempt> attemptsOf(LocalService &service, const QString &configId)
{
    const auto page = await(service.listAttempts(configId, PageRequest {}));
    return page.ok() ? page.value().data : QList<DeliveryAttempt>();
}

} // namespace

class TestReceiverLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_local = std::make_unique<LocalFixture>();
        QVERIFY2(m_local->opened.ok(), why(m_local->opened).constData());
        m_receiver = std::make_unique<Receiver>();
        QVERIFY(m_receiver->start().ok());
        m_index = std::make_unique<ConfigSecretIndex>(m_local->service.get());
        m_index->setPort(m_receiver->port());
        m_receiver->setSecretResolver(m_index->resolver());
        m_watch = std::make_unique<StateWatch>(m_local->service.get(), this);
    }

    void cleanup()
    {
        m_watch.reset();
        m_index.reset();
        m_receiver.reset();
        m_local.reset();
    }

    void validEventMakesTheConfigValid()
    {
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY2(created.ok(), why(created).constData());
        const WebhookConfig config = created.value();
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(config.id)), u"valid"_s, 15000);

        // The receiver saw the event at <config url>/<event id> and verified it.
        const QList<ReceivedRequest> requests = m_receiver->requests();
        QCOMPARE(requests.size(), 1);
        const ReceivedRequest &request = requests.constFirst();
        QCOMPARE(request.basePath, QUrl(config.url).path());
        QVERIFY2(request.verdict.valid(), qPrintable(request.verdict.detail));
        QCOMPARE(request.responseStatus, 200);
        QVERIFY(request.header("User-Agent").has_value());
        QCOMPARE(request.header("Content-Type"), std::optional<QByteArray>("application/json"));
        QVERIFY(request.verdict.bodyIsJson);

        // The delivery log agrees: one attempt, 200, same event.
        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, config.id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().responseStatus, 200);
        QVERIFY(attempts.constFirst().succeeded());
        QCOMPARE(attempts.constFirst().eventId, request.eventId);
        QCOMPARE(attempts.constFirst().requestBody, request.body);
        QVERIFY(!request.body.contains(config.secret.toUtf8())); // the event never carries it
    }

    void receiverAnswering500MakesTheConfigInvalid()
    {
        m_receiver->setBehaviour({500, 0, {}});
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"invalid"_s, 15000);

        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().responseStatus, 500);
        QCOMPARE(attempts.constFirst().error, QString::fromLatin1(TaskError::Rejected));
        // The receiver still found the signature valid: the failure was rehearsed.
        QVERIFY(m_receiver->requests().constFirst().verdict.valid());
    }

    void wrongSecretIsRejectedAndTheLogSaysWhy()
    {
        m_receiver->setSecret(u"not the config's secret"_s);
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"invalid"_s, 15000);

        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().responseStatus, 400);
        // The receiver's answer names the verdict: the person reading the log sees why.
        QVERIFY2(attempts.constFirst().responseBodyStart.contains("mismatch"),
                 attempts.constFirst().responseBodyStart.constData());
        QCOMPARE(m_receiver->requests().constFirst().verdict.name(), u"mismatch"_s);
    }

    void redirectIsNotFollowed()
    {
        m_receiver->setBehaviour({302, 0, {}});
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"invalid"_s, 15000);
        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().responseStatus, 302);
        QCOMPARE(attempts.constFirst().error, QString::fromLatin1(TaskError::Redirect));
        QCOMPARE(m_receiver->requests().size(), 1); // nothing came to the redirect target
    }

    void delayPastTheTimeoutIsATimeout()
    {
        // A service with a short delivery timeout, so that the rehearsal is quick.
        m_watch.reset();
        m_index.reset();
        m_local = std::make_unique<LocalFixture>(/*deliveryTimeoutMs=*/400);
        QVERIFY(m_local->opened.ok());
        m_index = std::make_unique<ConfigSecretIndex>(m_local->service.get());
        m_receiver->setSecretResolver(m_index->resolver());
        m_watch = std::make_unique<StateWatch>(m_local->service.get(), this);
        m_receiver->setBehaviour({0, 1500, {}});

        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"invalid"_s, 15000);
        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().error, QString::fromLatin1(TaskError::Timeout));
        QCOMPARE(attempts.constFirst().responseStatus, 0);
        QVERIFY(m_receiver->requests().constFirst().verdict.valid());
        QVERIFY(!m_receiver->requests().constFirst().answered);
    }

    void resendIsASecondAttemptOfTheSameEventFreshlySigned()
    {
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"valid"_s, 15000);
        QCOMPARE(m_receiver->requests().size(), 1);
        const ReceivedRequest first = m_receiver->requests().constFirst();
        QVERIFY(first.verdict.timestamp.has_value());

        // Signatures carry whole seconds: let the clock move past the first one.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() > *first.verdict.timestamp,
                                 3000);
        const auto resent = await(m_local->service->resendEvent(first.eventId));
        QVERIFY2(resent.ok(), why(resent).constData());
        QCOMPARE(resent.value().eventId, first.eventId);
        QCOMPARE(resent.value().responseStatus, 200);

        QTRY_COMPARE(m_receiver->requests().size(), 2);
        const ReceivedRequest second = m_receiver->requests().at(1);
        QCOMPARE(second.eventId, first.eventId);
        QCOMPARE(second.path, first.path);
        QCOMPARE(second.body, first.body);
        QVERIFY2(second.verdict.valid(), qPrintable(second.verdict.detail));
        QVERIFY(*second.verdict.timestamp > *first.verdict.timestamp);
        QVERIFY(second.header(Signature::HeaderName) != first.header(Signature::HeaderName));

        const QList<DeliveryAttempt> attempts = attemptsOf(*m_local->service, id);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).eventId, first.eventId);
        QCOMPARE(attempts.at(1).eventId, first.eventId);
        QVERIFY(attempts.at(0).id != attempts.at(1).id);
    }

    void retestAfterFixingTheReceiverMakesTheConfigValid()
    {
        m_receiver->setBehaviour({500, 0, {}});
        const auto created
            = await(m_local->service->createConfig(m_receiver->freshConfigUrl().toString(), 0));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"invalid"_s, 15000);

        m_receiver->setBehaviour({});
        const auto task = await(m_local->service->testConfig(id, 0));
        QVERIFY2(task.ok(), why(task).constData());
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_watch->states.value(id)), u"valid"_s, 15000);
        QCOMPARE(m_receiver->requests().size(), 2);
        QVERIFY(m_receiver->requests().at(0).eventId != m_receiver->requests().at(1).eventId);
    }

private:
    std::unique_ptr<LocalFixture> m_local;
    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<ConfigSecretIndex> m_index;
    std::unique_ptr<StateWatch> m_watch;
};

QTEST_GUILESS_MAIN(TestReceiverLoop)
#include "tst_receiverloop.moc"
