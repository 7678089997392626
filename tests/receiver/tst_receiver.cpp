// The receiver on its own, driven over real HTTP on 127.0.0.1: what it keeps, what it answers,
// how a person rehearses a failing receiver, and its model (QAbstractItemModelTester).
#include "configsecretindex.h"
#include "manualclock.h"
#include "receivedrequestmodel.h"
#include "receiver.h"
#include "signature.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace wa;
using namespace Qt::StringLiterals;
using wa::test::ManualClock;

namespace {

const QString Secret = QStringLiteral("s3cr3t-for-tests");
using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray location;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

class Client
{
public:
    Answer post(const QUrl &url, const QByteArray &body,
                const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs = 10000,
                const QByteArray &verb = "POST")
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        request.setTransferTimeout(timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
        [[maybe_unused]] const bool finished
            = QTest::qWaitFor([&reply] { return reply->isFinished(); }, timeoutMs + 5000);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            answer.body = reply->readAll();
        answer.location = reply->rawHeader("Location");
        answer.error = reply->error();
        return answer;
    }

    Answer postSigned(const QUrl &url, const QByteArray &body, const QString &secret = Secret)
    {
        return post(
            url, body,
            {{"Ricloud-Signature",
              Signature::header(secret.toUtf8(), QDateTime::currentSecsSinceEpoch(), body)}});
    }

private:
    QNetworkAccessManager m_network;
};

QUrl eventUrl(const QUrl &base, const QString &eventId)
{
    QUrl url = base;
    url.setPath(base.path() + u'/' + eventId);
    return url;
}

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

class TestReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listensOnLoopbackOnly()
    {
        Receiver receiver;
        QSignalSpy listening(&receiver, &Receiver::listeningChanged);
        QVERIFY(receiver.start().ok());
        QVERIFY(receiver.isListening());
        QVERIFY(receiver.port() != 0);
        QCOMPARE(receiver.url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(receiver.url().path(), QStringLiteral("/webhooks"));
        QCOMPARE(listening.size(), 1);
        receiver.stop();
        QVERIFY(!receiver.isListening());
        QVERIFY(receiver.url().isEmpty());
        QCOMPARE(listening.size(), 2);
    }

    void busyPortIsAnErrorThatNamesIt()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        Receiver receiver;
        const auto started = receiver.start(taken.serverPort());
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QString::number(taken.serverPort())),
                 qPrintable(started.error().message));
        QVERIFY(!receiver.isListening());
    }

    void keepsTheExactRequestAndAnswers200WhenValid()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        QVERIFY(receiver.start().ok());
        QSignalSpy received(&receiver, &Receiver::requestReceived);

        const QByteArray body = "{\"id\": \"ev-1\",\r\n \"note\": \"caf\xc3\xa9\"}";
        Client client;
        const Answer answer = client.postSigned(eventUrl(receiver.url(), u"ev-1"_s), body);
        QCOMPARE(answer.status, 200);
        QCOMPARE(json(answer.body).value(u"verdict"_s).toString(), u"valid"_s);

        QCOMPARE(received.size(), 1);
        const QList<ReceivedRequest> requests = receiver.requests();
        QCOMPARE(requests.size(), 1);
        const ReceivedRequest &request = requests.constFirst();
        QCOMPARE(request.method, u"POST"_s);
        QCOMPARE(request.path, u"/webhooks/ev-1"_s);
        QCOMPARE(request.basePath, u"/webhooks"_s);
        QCOMPARE(request.eventId, u"ev-1"_s);
        QCOMPARE(request.body, body); // byte for byte, CR LF and UTF-8 included
        QVERIFY(request.header("ricloud-signature").has_value());
        QCOMPARE(request.header("Content-Type"), std::optional<QByteArray>("application/json"));
        QVERIFY(request.verdict.valid());
        QCOMPARE(request.responseStatus, 200);
        QVERIFY(request.answered);
        QVERIFY(request.receivedAt.isValid());
    }

    void invalidEventsAre400WithTheVerdict_data()
    {
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QString>("verdict");
        const QByteArray body = R"({"id":"e"})";
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QTest::newRow("no header") << Headers {} << u"missing-header"_s;
        QTest::newRow("malformed")
            << Headers {{"Ricloud-Signature", "v1=abc"}} << u"malformed-header"_s;
        QTest::newRow("wrong secret")
            << Headers {{"Ricloud-Signature", Signature::header("other", now, body)}}
            << u"mismatch"_s;
        QTest::newRow("too old") << Headers {{"Ricloud-Signature",
                                              Signature::header(Secret.toUtf8(), now - 4000, body)}}
                                 << u"too-old"_s;
        QTest::newRow("too new") << Headers {{"Ricloud-Signature",
                                              Signature::header(Secret.toUtf8(), now + 4000, body)}}
                                 << u"too-new"_s;
    }
    void invalidEventsAre400WithTheVerdict()
    {
        QFETCH(Headers, headers);
        QFETCH(QString, verdict);
        Receiver receiver;
        receiver.setSecret(Secret);
        QVERIFY(receiver.start().ok());
        Client client;
        const Answer answer
            = client.post(eventUrl(receiver.url(), u"e"_s), R"({"id":"e"})", headers);
        QCOMPARE(answer.status, 400);
        const QJsonObject reply = json(answer.body);
        QCOMPARE(reply.value(u"verdict"_s).toString(), verdict);
        QVERIFY(!reply.value(u"detail"_s).toString().isEmpty());
        QCOMPARE(receiver.requests().constFirst().verdict.name(), verdict);
    }

    void bodyNotJson()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        QVERIFY(receiver.start().ok());
        Client client;
        const Answer answer = client.postSigned(eventUrl(receiver.url(), u"e"_s), "id=e");
        QCOMPARE(answer.status, 400);
        QCOMPARE(json(answer.body).value(u"verdict"_s).toString(), u"not-json"_s);
    }

    void rehearsesAFailingReceiver_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
        QTest::newRow("302 redirect") << 302;
        QTest::newRow("201") << 201;
    }
    void rehearsesAFailingReceiver()
    {
        QFETCH(int, status);
        Receiver receiver;
        receiver.setSecret(Secret);
        receiver.setBehaviour({status, 0, {}});
        QVERIFY(receiver.start().ok());
        Client client;
        const Answer answer = client.postSigned(eventUrl(receiver.url(), u"e"_s), "{}");
        QCOMPARE(answer.status, status);
        if (status == 302)
            QVERIFY(answer.location.startsWith(receiver.url().toEncoded()));
        // The verdict is still the signature's own.
        QCOMPARE(receiver.requests().constFirst().verdict.name(), u"valid"_s);
        QCOMPARE(receiver.requests().constFirst().responseStatus, status);
    }

    void delayHoldsTheAnswerBack()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        receiver.setBehaviour({0, 300, {}});
        QVERIFY(receiver.start().ok());
        QSignalSpy received(&receiver, &Receiver::requestReceived);
        QSignalSpy updated(&receiver, &Receiver::requestUpdated);

        Client client;
        const Answer answer = client.postSigned(eventUrl(receiver.url(), u"e"_s), "{}");
        QCOMPARE(answer.status, 200);
        QCOMPARE(received.size(), 1);
        // Received (and shown) first, answered later.
        QVERIFY(!received.constFirst().constFirst().value<ReceivedRequest>().answered);
        QCOMPARE(received.constFirst().constFirst().value<ReceivedRequest>().delayMs, 300);
        QCOMPARE(updated.size(), 1);
        QVERIFY(updated.constFirst().constFirst().value<ReceivedRequest>().answered);
    }

    void senderThatGivesUpLeavesTheAnswerUnsent()
    {
        ManualClock clock;
        Receiver receiver;
        receiver.setClock(&clock);
        receiver.setSecret(Secret);
        receiver.setBehaviour({0, 1500, {}});
        QVERIFY(receiver.start().ok());
        Client client;
        const Answer answer
            = client.post(eventUrl(receiver.url(), u"e"_s), "{}", {}, /*timeoutMs=*/200);
        QCOMPARE(answer.status, 0);
        QVERIFY(answer.error != QNetworkReply::NoError);
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(clock.pending(), 1); // the answer is held
        // Let the receiver see the hang-up (a socket event, not the delay), then bring the
        // answer's moment: it finds its connection gone. No crash, nothing sent.
        QTest::qWait(50);
        clock.advance(1500);
        QCOMPARE(clock.pending(), 0);
        QVERIFY(!receiver.requests().constFirst().answered);
    }

    void heldAnswerGoesOutWhenItsMomentComes()
    {
        ManualClock clock;
        Receiver receiver;
        receiver.setClock(&clock);
        receiver.setSecret(Secret);
        receiver.setBehaviour({0, 60000, {}});
        QVERIFY(receiver.start().ok());
        QSignalSpy updated(&receiver, &Receiver::requestUpdated);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, receiver.port());
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QVERIFY(connected.wait(5000));
        socket.write("POST /webhooks/e HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        QTRY_COMPARE(receiver.requests().size(), 1);
        // A minute's hold, without waiting a minute; the arrival time comes from the clock too.
        QCOMPARE(receiver.requests().constFirst().receivedAt, clock.now());
        clock.advance(59999);
        QVERIFY(!receiver.requests().constFirst().answered);
        clock.advance(1);
        QVERIFY(receiver.requests().constFirst().answered);
        QCOMPARE(updated.size(), 1);
        QTRY_VERIFY(socket.bytesAvailable() > 0);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 400"));
    }

    void otherMethodsAre405ButKept()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        QVERIFY(receiver.start().ok());
        Client client;
        const Answer answer = client.post(eventUrl(receiver.url(), u"e"_s), {}, {}, 10000, "GET");
        QCOMPARE(answer.status, 405);
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(receiver.requests().constFirst().method, u"GET"_s);
    }

    void resolverPicksTheSecretByPath()
    {
        Receiver receiver;
        receiver.setSecretResolver([](const QString &path) {
            if (path == u"/webhooks/a")
                return u"secret-a"_s;
            if (path == u"/webhooks/b")
                return u"secret-b"_s;
            return QString();
        });
        QVERIFY(receiver.start().ok());
        QUrl base = receiver.url();
        Client client;
        QCOMPARE(client.postSigned(eventUrl(base, u"a/1"_s), "{}", u"secret-a"_s).status, 200);
        QCOMPARE(client.postSigned(eventUrl(base, u"b/2"_s), "{}", u"secret-b"_s).status, 200);
        const Answer crossed = client.postSigned(eventUrl(base, u"b/3"_s), "{}", u"secret-a"_s);
        QCOMPARE(crossed.status, 400);
        QCOMPARE(json(crossed.body).value(u"verdict"_s).toString(), u"mismatch"_s);
        const Answer unknown = client.postSigned(eventUrl(base, u"c/4"_s), "{}", u"secret-a"_s);
        QCOMPARE(json(unknown.body).value(u"verdict"_s).toString(), u"no-secret"_s);
    }

    void freshConfigUrlsAreDistinctPathsOnTheReceiver()
    {
        Receiver receiver;
        QVERIFY(receiver.freshConfigUrl().isEmpty());
        QVERIFY(receiver.start().ok());
        const QUrl a = receiver.freshConfigUrl();
        const QUrl b = receiver.freshConfigUrl();
        QVERIFY(a != b);
        QCOMPARE(a.port(), int(receiver.port()));
        QVERIFY(a.path().startsWith(u"/webhooks/"_s));
    }

    void recheckUsesSecretsLearntLater()
    {
        QString known;
        Receiver receiver;
        receiver.setSecretResolver([&known](const QString &) { return known; });
        QVERIFY(receiver.start().ok());
        Client client;
        QCOMPARE(client.postSigned(eventUrl(receiver.url(), u"e"_s), "{}").status, 400);
        QCOMPARE(receiver.requests().constFirst().verdict.name(), u"no-secret"_s);

        QSignalSpy updated(&receiver, &Receiver::requestUpdated);
        known = Secret;
        receiver.recheck();
        QCOMPARE(updated.size(), 1);
        QVERIFY(receiver.requests().constFirst().verdict.valid());
    }

    void aReplayWithOtherBytesSaysWhereTheyDiffer()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        QVERIFY(receiver.start().ok());
        const QByteArray original = R"({"id":"e","amount":10})";
        const QByteArray header
            = Signature::header(Secret.toUtf8(), QDateTime::currentSecsSinceEpoch(), original);
        Client client;
        QCOMPARE(
            client.post(eventUrl(receiver.url(), u"e"_s), original, {{"Ricloud-Signature", header}})
                .status,
            200);
        const Answer tampered
            = client.post(eventUrl(receiver.url(), u"e"_s), R"({"id":"e","amount":99})",
                          {{"Ricloud-Signature", header}});
        QCOMPARE(tampered.status, 400);
        const QJsonObject reply = json(tampered.body);
        QCOMPARE(reply.value(u"verdict"_s).toString(), u"body-altered"_s);
        QVERIFY(reply.value(u"detail"_s).toString().contains(u"first difference at byte 19"_s));
    }

    void configSecretIndexFollowsLoopbackConfigs()
    {
        ConfigSecretIndex index(nullptr);
        index.setPort(4567);
        WebhookConfig mine {u"c1"_s,       u"o"_s,           u"http://127.0.0.1:4567/webhooks/x"_s,
                            u"secret-1"_s, ConfigState::New, {}};
        WebhookConfig elsewhere {
            u"c2"_s, u"o"_s, u"https://example.com/webhooks/x"_s, u"secret-2"_s, ConfigState::Valid,
            {}};
        WebhookConfig otherPort {u"c3"_s,
                                 u"o"_s,
                                 u"http://127.0.0.1:9999/webhooks/x"_s,
                                 u"secret-3"_s,
                                 ConfigState::Valid,
                                 {}};
        index.addConfig(mine);
        index.addConfig(elsewhere);
        index.addConfig(otherPort);
        QCOMPARE(index.secretFor(u"/webhooks/x"_s), u"secret-1"_s);
        QCOMPARE(index.resolver()(u"/webhooks/x/"_s), u"secret-1"_s);
        QCOMPARE(index.secretFor(u"/webhooks/y"_s), QString());
        // Nothing is forgotten, so that verifying an event again gives the verdict it got: a
        // config deactivated, or moved elsewhere, still answers for where it pointed.
        mine.state = ConfigState::Deactivated;
        index.addConfig(mine);
        QCOMPARE(index.secretFor(u"/webhooks/x"_s), u"secret-1"_s);
        mine.url = u"http://127.0.0.1:4567/webhooks/moved"_s;
        index.addConfig(mine);
        QCOMPARE(index.secretFor(u"/webhooks/x"_s), u"secret-1"_s);
        QCOMPARE(index.secretFor(u"/webhooks/moved"_s), u"secret-1"_s);
        // On another port, only when none on the receiver's port claims the path.
        QCOMPARE(index.secretFor(u"/webhooks/other"_s), QString());
        WebhookConfig elsewherePort {u"c4"_s,
                                     u"o"_s,
                                     u"http://localhost:9999/webhooks/other"_s,
                                     u"secret-4"_s,
                                     ConfigState::Valid,
                                     {}};
        index.addConfig(elsewherePort);
        QCOMPARE(index.secretFor(u"/webhooks/other"_s), u"secret-4"_s);
        QCOMPARE(index.size(), 4);
    }

    void modelFollowsTheReceiver()
    {
        Receiver receiver;
        receiver.setSecret(Secret);
        receiver.setBehaviour({0, 100, {}});
        ReceivedRequestModel model(&receiver);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(receiver.start().ok());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Client client;
        QCOMPARE(client.postSigned(eventUrl(receiver.url(), u"one"_s), "{}").status, 200);
        QCOMPARE(client.post(eventUrl(receiver.url(), u"two"_s), "{}", {}).status, 400);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ReceivedRequestModel::ColumnCount));
        QCOMPARE(model.index(0, ReceivedRequestModel::PathColumn).data().toString(),
                 u"/webhooks/one"_s);
        QCOMPARE(model.index(0, ReceivedRequestModel::VerdictColumn).data().toString(), u"Valid"_s);
        QCOMPARE(model.index(1, ReceivedRequestModel::VerdictColumn).data().toString(),
                 u"No signature header"_s);
        QCOMPARE(model.index(1, 0).data(ReceivedRequestModel::VerdictCodeRole).toString(),
                 u"missing-header"_s);
        QCOMPARE(model.index(1, ReceivedRequestModel::StatusColumn).data().toString(), u"400"_s);
        QCOMPARE(model.index(1, 0).data(ReceivedRequestModel::SequenceRole).toInt(), 2);
        QVERIFY(!model.index(1, ReceivedRequestModel::VerdictColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QVERIFY(changed.size() >= 2); // each held answer, when it went out
        QCOMPARE(model.rowOfSequence(2), 1);

        receiver.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReceiver)
#include "tst_receiver.moc"
