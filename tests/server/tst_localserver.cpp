// Every endpoint of API.md over real HTTP on 127.0.0.1: a LocalService on a fresh SQLite file
// behind a LocalServer, driven with QNetworkAccessManager (and a raw socket where QNAM would
// not send what ricloud-py sends).

#include "await.h"
#include "httptestclient.h"
#include "testhttpserver.h"
#include "testserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wa::test;

class TestLocalServer : public QObject
{
    Q_OBJECT

private:
    // Creates a config whose test is refused at once; returns its JSON.
    QJsonObject createConfig() { return createConfig(TestHttpServer::closedPortUrl()); }
    QJsonObject createConfig(const QUrl &url)
    {
        const HttpResult created
            = m_client->post(u"/configs/webhook"_s,
                             QJsonDocument(QJsonObject {{u"url"_s, url.toString()}}).toJson());
        if (created.status != 201)
            qWarning() << "create failed" << created.status << created.body;
        return created.json;
    }
    // Waits until the config's latest test task has finished (QTRY inside callers).
    QString taskState(const QString &taskId)
    {
        return m_client->get(u"/tasks/"_s + taskId).string("state");
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_client;
    TestHttpServer m_receiver; // answers 200

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_receiver.start());
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        wa::LocalService::Options options;
        options.deliveryTimeoutMs = 3000;
        options.groupCommits = true; // as `serve` runs it: creates answer on a later pass
        QVERIFY2(m_server->start(options), qPrintable(m_server->error));
        QVERIFY(m_server->url.host() == u"127.0.0.1"_s);
        QVERIFY(m_server->url.port() > 0);
        m_client = std::make_unique<HttpTestClient>(m_server.get());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void createAnswers201WithNewConfigAndSecret()
    {
        const HttpResult created = m_client->post(
            u"/configs/webhook"_s, "{\"url\": \"https://www.mywebhook.com/webhooks/\"}");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(created.isJson);
        QCOMPARE(created.string("resource"), u"webhook_config"_s);
        QCOMPARE(created.string("url"), u"https://www.mywebhook.com/webhooks/"_s);
        QCOMPARE(created.string("state"), u"new"_s);
        QVERIFY(!created.id().isEmpty());
        QVERIFY(created.string("secret").size() >= 43); // 32 bytes of URL-safe base64
        QVERIFY(created.string("date_created").endsWith(u'Z'));

        const HttpResult fetched = m_client->get(u"/configs/webhook/"_s + created.id());
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.id(), created.id());
        QCOMPARE(fetched.string("url"), created.string("url"));
        QCOMPARE(fetched.string("secret"), created.string("secret"));

        // It started a test task for the config.
        const HttpResult tasks = m_client->get(u"/tasks?target="_s + created.id());
        QCOMPARE(tasks.status, 200);
        QCOMPARE(tasks.totalCount(), 1);
        const QJsonObject task = tasks.json.value(u"data"_s).toArray().at(0).toObject();
        QCOMPARE(task.value(u"type"_s).toString(), u"webhook_config.test"_s);
        QCOMPARE(task.value(u"target"_s).toString(), created.id());
    }

    void createWithAwaitAnswersTestedConfig()
    {
        const int before = m_receiver.received;
        const HttpResult valid
            = m_client->post(u"/configs/webhook"_s,
                             QJsonDocument(QJsonObject {{u"url"_s, m_receiver.url()}}).toJson(),
                             {{"Ricloud-Await", "10"}});
        QCOMPARE(valid.status, 201);
        QCOMPARE(valid.string("state"), u"valid"_s);
        QCOMPARE(m_receiver.received, before + 1);
        // The event went to <url>/<event id>.
        QVERIFY(m_receiver.requests.constLast().target.startsWith("/webhooks/"));

        const HttpResult refused = m_client->post(
            u"/configs/webhook"_s,
            QJsonDocument(QJsonObject {{u"url"_s, TestHttpServer::closedPortUrl().toString()}})
                .toJson(),
            {{"Ricloud-Await", "10"}});
        QCOMPARE(refused.status, 201);
        QCOMPARE(refused.string("state"), u"invalid"_s);
    }

    void listIsNewestFirstWithPaging()
    {
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.prepend(createConfig().value(u"id"_s).toString());

        const HttpResult all = m_client->get(u"/configs/webhook"_s);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.string("resource"), u"list"_s);
        QCOMPARE(all.string("url"), u"/configs/webhook"_s);
        QCOMPARE(all.totalCount(), 3);
        QCOMPARE(all.json.value(u"has_more"_s).toBool(), false);
        const QJsonArray data = all.json.value(u"data"_s).toArray();
        QCOMPARE(data.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(data.at(i).toObject().value(u"id"_s).toString(), ids.at(i));

        const HttpResult first = m_client->get(u"/configs/webhook?limit=1"_s);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(u"data"_s).toArray().size(), 1);
        QCOMPARE(first.json.value(u"has_more"_s).toBool(), true);
        QCOMPARE(first.totalCount(), 3);

        const HttpResult next = m_client->get(u"/configs/webhook?limit=1&after_id="_s + ids.at(0));
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json.value(u"data"_s).toArray().at(0).toObject().value(u"id"_s).toString(),
                 ids.at(1));

        // A trailing slash is the same path.
        const HttpResult slash = m_client->get(u"/configs/webhook/"_s);
        QCOMPARE(slash.status, 200);
        QCOMPARE(slash.totalCount(), 3);
    }

    void listFiltersByStateAndDate()
    {
        const QJsonObject config = createConfig();
        const QString id = config.value(u"id"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(u"/configs/webhook/"_s + id).string("state"),
                                  u"invalid"_s, 10000);
        createConfig(QUrl(m_receiver.url()));

        QCOMPARE(m_client->get(u"/configs/webhook?state=invalid"_s).totalCount(), 1);
        QCOMPARE(m_client->get(u"/configs/webhook?state=invalid,new,valid"_s).totalCount(), 2);

        const QString created = config.value(u"date_created"_s).toString();
        QCOMPARE(m_client->get(u"/configs/webhook?date_created="_s + created).totalCount(), 1);
        QCOMPARE(m_client->get(u"/configs/webhook?date_created__gte="_s + created).totalCount(), 2);
        QCOMPARE(m_client->get(u"/configs/webhook?date_created__lt="_s + created).totalCount(), 0);
        QCOMPARE(
            m_client->get(u"/configs/webhook?date_created[gt]=2000-01-01T00:00:00Z"_s).totalCount(),
            2);
    }

    void updateChangesUrlAndState()
    {
        const QString id = createConfig().value(u"id"_s).toString();
        const HttpResult updated
            = m_client->post(u"/configs/webhook/"_s + id,
                             QJsonDocument(QJsonObject {{u"url"_s, m_receiver.url()}}).toJson(),
                             {{"Ricloud-Await", "10"}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.string("url"), m_receiver.url());
        QCOMPARE(updated.string("state"), u"valid"_s);

        const HttpResult deactivated
            = m_client->post(u"/configs/webhook/"_s + id, "{\"state\": \"deactivated\"}");
        QCOMPARE(deactivated.status, 200);
        QCOMPARE(deactivated.string("state"), u"deactivated"_s);
        QCOMPARE(m_client->get(u"/configs/webhook/"_s + id).string("state"), u"deactivated"_s);

        // The reference's update example, without its trailing comma, and ID in the path with a
        // trailing slash.
        const HttpResult again
            = m_client->post(u"/configs/webhook/"_s + id + u'/',
                             "{\n    \"url\": \"https://www.myupdatedwebhook.com/webhooks/\"\n}");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.string("url"), u"https://www.myupdatedwebhook.com/webhooks/"_s);
        QCOMPARE(again.string("state"), u"deactivated"_s);
    }

    void deleteDeactivatesAndListLeavesItOut()
    {
        const QString id = createConfig().value(u"id"_s).toString();
        createConfig();
        QCOMPARE(m_client->get(u"/configs/webhook"_s).totalCount(), 2);

        const HttpResult deleted = m_client->send("DELETE", u"/configs/webhook/"_s + id);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.id(), id);
        QCOMPARE(deleted.string("state"), u"deactivated"_s);

        QCOMPARE(m_client->get(u"/configs/webhook"_s).totalCount(), 1);
        QCOMPARE(m_client->get(u"/configs/webhook?state=deactivated"_s).totalCount(), 1);
        // Soft delete: still there.
        QCOMPARE(m_client->get(u"/configs/webhook/"_s + id).status, 200);
    }

    void testByGetAndPostAnswers201WithTask()
    {
        const QString id = createConfig(QUrl(m_receiver.url())).value(u"id"_s).toString();

        const HttpResult byGet = m_client->get(u"/configs/webhook/"_s + id + u"/test"_s);
        QCOMPARE(byGet.status, 201);
        QCOMPARE(byGet.string("resource"), u"task"_s);
        QCOMPARE(byGet.string("type"), u"webhook_config.test"_s);
        QCOMPARE(byGet.string("target"), id);

        const HttpResult byPost = m_client->post(u"/configs/webhook/"_s + id + u"/test"_s, "null",
                                                 {{"Ricloud-Await", "10"}});
        QCOMPARE(byPost.status, 201);
        QCOMPARE(byPost.string("state"), u"succeeded"_s);
        QCOMPARE(m_client->get(u"/configs/webhook/"_s + id).string("state"), u"valid"_s);

        const HttpResult task = m_client->get(u"/tasks/"_s + byGet.id());
        QCOMPARE(task.status, 200);
        QCOMPARE(task.id(), byGet.id());
        QCOMPARE(m_client->get(u"/tasks?target="_s + id).totalCount(), 3); // create + 2 tests
    }

    void ricloudPyRequestsWithoutContentType()
    {
        // ricloud-py: no Content-Type, JSON body; and the literal `null` for actions.
        const QByteArray body = "{\"url\": \"http://127.0.0.1:9/webhooks\"}";
        const HttpResult created
            = m_client->raw("POST /configs/webhook HTTP/1.1\r\nHost: x\r\nAuthorization: "
                            + m_server->authorization() + "\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.string("state"), u"new"_s);

        const HttpResult tested
            = m_client->raw("POST /configs/webhook/" + created.id().toUtf8()
                            + "/test HTTP/1.1\r\nHost: x\r\n"
                              "Authorization: "
                            + m_server->authorization() + "\r\nContent-Length: 4\r\n\r\nnull");
        QCOMPARE(tested.status, 201);
        QCOMPARE(tested.string("target"), created.id());

        const HttpResult deleted
            = m_client->raw("DELETE /configs/webhook/" + created.id().toUtf8()
                            + " HTTP/1.1\r\nHost: x\r\n"
                              "Authorization: "
                            + m_server->authorization() + "\r\nContent-Length: 4\r\n\r\nnull");
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.string("state"), u"deactivated"_s);
    }

    void eventsAttemptsAndResend()
    {
        const int before = m_receiver.received;
        const HttpResult created
            = m_client->post(u"/configs/webhook"_s,
                             QJsonDocument(QJsonObject {{u"url"_s, m_receiver.url()}}).toJson(),
                             {{"Ricloud-Await", "10"}});
        QCOMPARE(created.string("state"), u"valid"_s);

        const HttpResult events = m_client->get(u"/events"_s);
        QCOMPARE(events.status, 200);
        QCOMPARE(events.string("resource"), u"list"_s);
        QCOMPARE(events.totalCount(), 1);
        const QString eventId
            = events.json.value(u"data"_s).toArray().at(0).toObject().value(u"id"_s).toString();

        const HttpResult event = m_client->get(u"/events/"_s + eventId);
        QCOMPARE(event.status, 200);
        QCOMPARE(event.string("resource"), u"event"_s);
        QCOMPARE(event.string("type"), u"webhook_config"_s);
        QCOMPARE(event.string("action"), u"test"_s);
        const QJsonObject data = event.json.value(u"data"_s).toObject();
        QCOMPARE(data.value(u"id"_s).toString(), created.id());
        QVERIFY(!data.contains(u"secret"_s)); // the event never carries the secret

        const HttpResult attempts
            = m_client->get(u"/configs/webhook/"_s + created.id() + u"/attempts"_s);
        QCOMPARE(attempts.status, 200);
        QCOMPARE(attempts.string("resource"), u"list"_s);
        QCOMPARE(attempts.totalCount(), 1);

        const HttpResult resent = m_client->post(u"/events/"_s + eventId + u"/resend"_s, {});
        QCOMPARE(resent.status, 200);
        QVERIFY(resent.isJson);
        QTRY_COMPARE(m_receiver.received, before + 2);
        QTRY_COMPARE(
            m_client->get(u"/configs/webhook/"_s + created.id() + u"/attempts"_s).totalCount(), 2);
    }

    void organisationDefaultConfig()
    {
        const HttpResult organisation = m_client->get(u"/organisation"_s);
        QCOMPARE(organisation.status, 200);
        QCOMPARE(organisation.string("resource"), u"organisation"_s);
        QVERIFY(organisation.json.value(u"webhook_config_default"_s).isNull());

        const QString id = createConfig().value(u"id"_s).toString();
        const HttpResult set = m_client->post(
            u"/organisation"_s,
            QJsonDocument(QJsonObject {{u"webhook_config_default"_s, id}}).toJson());
        QCOMPARE(set.status, 200);
        QCOMPARE(set.string("webhook_config_default"), id);
        QCOMPARE(set.json.value(u"webhook_configs"_s).toObject().value(u"total_count"_s).toInt(),
                 1);
        QCOMPARE(m_client->get(u"/organisation"_s).string("webhook_config_default"), id);

        const HttpResult cleared
            = m_client->post(u"/organisation"_s, "{\"webhook_config_default\": null}");
        QCOMPARE(cleared.status, 200);
        QVERIFY(cleared.json.value(u"webhook_config_default"_s).isNull());

        const HttpResult unknown = m_client->post(
            u"/organisation"_s, "{\"webhook_config_default\": \"no-such-config\"}");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.error(), u"invalid-parameter"_s);
        QVERIFY(unknown.params().contains(u"webhook_config_default"_s));
    }

    void keyAndItsConfig()
    {
        const HttpResult key = m_client->get(u"/key"_s);
        QCOMPARE(key.status, 200);
        QCOMPARE(key.string("resource"), u"key"_s);
        QVERIFY(!key.id().isEmpty());
        QVERIFY(!key.body.contains(m_server->token.toUtf8())); // never its token

        const QString id = createConfig().value(u"id"_s).toString();
        const HttpResult set
            = m_client->post(u"/keys/"_s + key.id(),
                             QJsonDocument(QJsonObject {{u"webhook_config"_s, id}}).toJson());
        QCOMPARE(set.status, 200);
        QCOMPARE(set.string("webhook_config"), id);
        QCOMPARE(m_client->get(u"/key"_s).string("webhook_config"), id);

        const HttpResult other
            = m_client->post(u"/keys/someone-elses-key"_s, "{\"webhook_config\": null}");
        QCOMPARE(other.status, 404);
        QCOMPARE(other.error(), u"not-found"_s);
    }

    void headIsRefusedWithoutBodyAndConnectionStaysUsable()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url.port()));
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QVERIFY(connected.wait(5000));
        socket.write("HEAD /configs/webhook HTTP/1.1\r\nHost: x\r\nAuthorization: "
                     + m_server->authorization() + "\r\n\r\n");
        const HttpResult head = HttpTestClient::readAnswer(&socket, false);
        QCOMPARE(head.status, 405);
        QCOMPARE(head.header("Allow"), QByteArray("GET, POST"));
        // The next request on the same connection is read cleanly: no stray body in between.
        socket.write("GET /configs/webhook HTTP/1.1\r\nHost: x\r\nAuthorization: "
                     + m_server->authorization() + "\r\n\r\n");
        const HttpResult get = HttpTestClient::readAnswer(&socket);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.string("resource"), u"list"_s);
    }

    void pipelinedAnswersComeInRequestOrder_data()
    {
        QTest::addColumn<bool>("together");
        QTest::newRow("second request after the first is held") << false;
        QTest::newRow("both requests in one write") << true;
    }
    void pipelinedAnswersComeInRequestOrder()
    {
        // A create (answered on a later pass: creates are batched) followed on the same
        // connection by a read that is ready at once: the answers keep the requests' order.
        QFETCH(bool, together);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url.port()));
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QVERIFY(connected.wait(5000));
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"url"_s, TestHttpServer::closedPortUrl().toString()}})
                  .toJson();
        const QByteArray create = "POST /configs/webhook HTTP/1.1\r\nHost: x\r\nAuthorization: "
            + m_server->authorization() + "\r\nRicloud-Await: 10\r\n"
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const QByteArray read = "GET /key HTTP/1.1\r\nHost: x\r\nAuthorization: "
            + m_server->authorization() + "\r\n\r\n";
        if (together) {
            socket.write(create + read);
        } else {
            socket.write(create);
            QTRY_COMPARE(m_server->server->pendingReplies(), 1);
            socket.write(read);
        }
        const HttpResult first = HttpTestClient::readAnswer(&socket);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.string("resource"), u"webhook_config"_s);
        QCOMPARE(first.string("state"), u"invalid"_s); // held until its test failed
        const HttpResult second = HttpTestClient::readAnswer(&socket);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.string("resource"), u"key"_s);
        QTRY_COMPARE(m_server->server->pendingReplies(), 0);
    }

    void serverGoingAwayWhileAnswersWaitClosesTheirConnections()
    {
        // The console stops its server on a profile switch while requests wait for their
        // answers (an awaited create here): their connections close and nothing aborts.
        TestHttpServer silent;
        QVERIFY(silent.start());
        silent.hold = true; // never answers: the create waits
        const QByteArray body = QJsonDocument(QJsonObject {{u"url"_s, silent.url()}}).toJson();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url.port()));
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QVERIFY(connected.wait(5000));
        socket.write("POST /configs/webhook HTTP/1.1\r\nHost: x\r\nAuthorization: "
                     + m_server->authorization() + "\r\nRicloud-Await: 10\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE(m_server->server->pendingReplies(), 1);
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        m_server->server.reset();
        QVERIFY(closed.wait(5000));
        // The service itself goes on.
        QVERIFY(wa::test::await(m_server->service->listConfigs({}, {})).ok());
    }

    void clientHangingUpDuringAwaitDoesNotHurtServer()
    {
        TestHttpServer silent;
        QVERIFY(silent.start());
        silent.hold = true; // never answers: the delivery times out
        const QByteArray body = QJsonDocument(QJsonObject {{u"url"_s, silent.url()}}).toJson();
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url.port()));
            QSignalSpy connected(&socket, &QTcpSocket::connected);
            QVERIFY(connected.wait(5000));
            socket.write("POST /configs/webhook HTTP/1.1\r\nHost: x\r\nRicloud-Await: 10\r\n"
                         "Authorization: "
                         + m_server->authorization() + "\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QTRY_COMPARE(m_server->server->pendingReplies(), 1);
            socket.abort(); // gone before the answer
        }
        // The held answer is dropped when the test times out; the server goes on answering.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server->pendingReplies(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(u"/configs/webhook?state=invalid"_s).totalCount(),
                                  1, 10000);
    }

    void closeStopsAcceptingButAnswersHeldRequests()
    {
        const int port = m_server->url.port();
        QVERIFY(m_server->server->isListening());
        m_server->server->close();
        QVERIFY(!m_server->server->isListening());
        QTcpSocket socket;
        QSignalSpy errored(&socket, &QTcpSocket::errorOccurred);
        socket.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY(errored.wait(5000));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void listensAgainAfterClose()
    {
        m_server->server->close();
        QVERIFY(!m_server->server->isListening());
        QVERIFY(m_server->server->listen().ok());
        QVERIFY(m_server->server->isListening());
        m_server->url = m_server->server->url();
        QCOMPARE(m_client->get(u"/key"_s).status, 200);
        QVERIFY(!m_server->server->listen().ok()); // already listening
    }

    void listenOnBusyPortFails()
    {
        wa::LocalServer second(m_server->service.get());
        const auto result
            = second.listen(QHostAddress(QHostAddress::LocalHost), quint16(m_server->url.port()));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QString::number(m_server->url.port())));
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
