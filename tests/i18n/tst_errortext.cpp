// Core's words in a process that speaks German, as the console does: what goes over the wire
// (the embedded REST server's answers, the receiver's) stays English, what the console shows
// (ApiError::localizedMessage(), a verdict's localizedDetail()) is German.

#include "await.h"
#include "httptestclient.h"
#include "localservicethread.h"
#include "receiver.h"
#include "testhttpserver.h"
#include "testserver.h"
#include "translations.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

class TestErrorText final : public QObject
{
    Q_OBJECT

    TestServer m_server;

    // Qt's own German (qtbase_de, Debian's qt6-translations-l10n) is installed.
    static bool qtSpeaksGerman()
    {
        return QCoreApplication::translate("QJsonParseError", "unterminated object")
            != u"unterminated object"_s;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QVERIFY2(m_server.start(), qPrintable(m_server.error));
    }

    void aRefusedUrlIsEnglishOnTheWireAndGermanOnScreen()
    {
        const auto created = await(m_server.service->createConfig(u"ftp://example.com/hook"_s, 0));
        QVERIFY(!created.ok());
        const ApiError &error = created.error();
        QCOMPARE(error.kind, ApiError::Kind::InvalidParameter);
        QCOMPARE(error.message, u"Invalid parameter (url: must use http or https, not ftp)."_s);
        QCOMPARE(error.params.value(u"url"_s), u"must use http or https, not ftp"_s);
        QCOMPARE(error.localizedMessage(),
                 u"Ungültiger Parameter (url: muss http oder https verwenden, nicht ftp)."_s);
        QCOMPARE(error.localizedParam(u"url"_s), u"muss http oder https verwenden, nicht ftp"_s);

        // The same refusal through the REST API of the same process: English.
        HttpTestClient client(&m_server);
        const HttpResult answer
            = client.post(u"/configs/webhook"_s, "{\"url\": \"ftp://example.com/hook\"}");
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.error(), u"invalid-parameter"_s);
        QCOMPARE(answer.message(), error.message);
        QCOMPARE(answer.params().value(u"url"_s).toString(), u"must use http or https, not ftp"_s);
    }

    void notFoundIsEnglishOnTheWireAndGermanOnScreen()
    {
        const auto found = await(m_server.service->config(u"nope"_s));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(found.error().message, u"No webhook config with id nope."_s);
        QCOMPARE(found.error().localizedMessage(),
                 u"Keine Webhook-Konfiguration mit der ID nope."_s);

        HttpTestClient client(&m_server);
        const HttpResult answer = client.get(u"/configs/webhook/nope"_s);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.error(), u"not-found"_s);
        QCOMPARE(answer.message(), u"No webhook config with id nope."_s);
    }

    // The receiver answers the sender in English and tells the console's user in German.
    void aReceiverVerdictIsEnglishOnTheWireAndGermanOnScreen()
    {
        Receiver receiver;
        QVERIFY(receiver.start().ok());
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(receiver.freshConfigUrl().toString() + u"/evt-1"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = network.post(request, QByteArray("{\"id\": \"evt-1\"}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(15000));
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(body.value(u"verdict"_s).toString(), u"missing-header"_s);
        const QString english = u"The request has no Ricloud-Signature header, so nothing proves "
                                "who sent it."_s;
        QCOMPARE(body.value(u"detail"_s).toString(), english);

        QTRY_COMPARE(receiver.requests().size(), 1);
        const EventVerdict verdict = receiver.requests().constFirst().verdict;
        QCOMPARE(verdict.detail, english);
        QCOMPARE(verdict.localizedTitle(), u"Kein Signatur-Header"_s);
        QVERIFY2(verdict.localizedDetail().startsWith(u"Die Anfrage hat keinen"_s),
                 qPrintable(verdict.localizedDetail()));
    }

    // Qt's words inside ours: its German is for the console's widgets, never for the wire.
    void qtWordsOnTheWireStayEnglish()
    {
        if (!qtSpeaksGerman())
            QSKIP("Qt's German (qt6-translations-l10n) is not installed");
        HttpTestClient client(&m_server);
        const HttpResult answer = client.post(u"/configs/webhook"_s, "{\"url\": \"http://x\"");
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.message().startsWith(
                     u"The body is not valid JSON: unterminated string at character "_s),
                 qPrintable(answer.message()));
    }

    // The console's local service delivers in its own thread: what a delivery records (stored,
    // served by the REST API, matched on) keeps Qt's English.
    void aDeliveryRecordsQtsEnglish()
    {
        if (!qtSpeaksGerman())
            QSKIP("Qt's German (qt6-translations-l10n) is not installed");
        QCOMPARE(QCoreApplication::translate("QHttp", "Connection refused"),
                 u"Verbindung verweigert"_s);
        QTemporaryDir dir;
        LocalService::Options options;
        options.databasePath = dir.filePath(u"console.sqlite"_s);
        LocalServiceThread thread(options);
        QVERIFY(await(thread.start()).ok());
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QString url = u"http://127.0.0.1:%1/hooks"_s.arg(closed.serverPort());
        closed.close();
        const auto created = await(thread.service()->createConfig(url, 5));
        QVERIFY(created.ok());
        const auto attempts
            = await(thread.service()->listAttempts(created.value().id, PageRequest {}));
        QVERIFY(attempts.ok());
        QCOMPARE(attempts.value().data.size(), 1);
        QCOMPARE(attempts.value().data.constFirst().errorDetail, u"Connection refused"_s);
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
