// The real webhook-admin-cli binary: `sign` and `verify` against an independent HMAC (the openssl
// command line, `openssl dgst -sha256 -hmac <secret> -binary | base64`), and `listen` receiving
// real HTTP. Exact bytes in, exact verdicts out, exit codes as documented.
#include "signature.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace wa;
using namespace Qt::StringLiterals;

namespace {

const QString Cli = QStringLiteral(WA_CLI_PATH);
const QString OpenSsl = QStringLiteral(WA_OPENSSL_PATH);
const QString Base64 = QStringLiteral(WA_BASE64_PATH);

// Not valid UTF-8, has NUL, CR LF and trailing spaces: what a careless reader would change.
const QByteArray BinaryBody("{\"id\": \"b\"}\r\n\x00\xff\xfe  ", 19);

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(Cli, arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(20000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// The signature as openssl computes it: HMAC-SHA256(secret, "<t>." + body), base64.
QByteArray opensslSignature(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    QProcess openssl;
    QProcess base64;
    openssl.setStandardOutputProcess(&base64);
    openssl.start(OpenSsl,
                  {u"dgst"_s, u"-sha256"_s, u"-hmac"_s, QString::fromUtf8(secret), u"-binary"_s});
    base64.start(Base64, {u"-w"_s, u"0"_s});
    openssl.write(QByteArray::number(timestamp) + '.' + body);
    openssl.closeWriteChannel();
    openssl.waitForFinished(10000);
    base64.waitForFinished(10000);
    return base64.readAllStandardOutput().trimmed();
}

QByteArray opensslHeader(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    return "t=" + QByteArray::number(timestamp) + ",s=" + opensslSignature(secret, timestamp, body);
}

} // namespace

class TestSignatureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(Cli).isExecutable(), qPrintable(Cli));
        if (!QFileInfo(OpenSsl).isExecutable() || !QFileInfo(Base64).isExecutable())
            QSKIP("openssl and base64 are needed as the independent implementation");
        // The reference itself is right: API.md's worked example.
        // (No raw string inside a test macro: moc's preprocessor does not take it.)
        QCOMPARE(opensslSignature("secret", 1600000000, "{\"id\": \"x\"}"),
                 QByteArray("FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A="));
    }

    void signMatchesOpenssl_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("worked example") << QByteArray("secret") << QByteArray(R"({"id": "x"})");
        QTest::newRow("generated-style secret")
            << QByteArray("q8Zr1_-0xYvTQm2p3fB9sLkW7eRtUuA4cHdNj6oIgE5")
            << QByteArray(R"({"id":"6f1c","resource":"event","data":{"state":"new"}})");
        QTest::newRow("binary body") << QByteArray("k3y") << BinaryBody;
        QTest::newRow("empty body") << QByteArray("k3y") << QByteArray();
    }
    void signMatchesOpenssl()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, body);
        const Run sign = run({u"sign"_s, u"--secret"_s, QString::fromUtf8(secret), u"--timestamp"_s,
                              u"1700000000"_s},
                             body);
        QCOMPARE(sign.exitCode, 0);
        QCOMPARE(sign.out, opensslHeader(secret, 1700000000, body) + '\n');
    }

    void signDefaultsToNow()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const Run sign = run({u"sign"_s, u"--secret"_s, u"k"_s}, "{}");
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(sign.exitCode, 0);
        const auto match
            = QRegularExpression(u"^t=(\\d+),s=(.+)\n$"_s).match(QString::fromLatin1(sign.out));
        QVERIFY2(match.hasMatch(), sign.out.constData());
        const qint64 t = match.captured(1).toLongLong();
        QVERIFY(t >= before && t <= after);
        QCOMPARE(match.captured(2).toLatin1(), opensslSignature("k", t, "{}"));
    }

    void signUsage()
    {
        QCOMPARE(run({u"sign"_s}, "{}").exitCode, 2);
        QCOMPARE(
            run({u"sign"_s, u"--secret"_s, u"k"_s, u"--timestamp"_s, u"soon"_s}, "{}").exitCode, 2);
        QCOMPARE(run({u"sign"_s, u"--secret"_s, u"k"_s, u"extra"_s}, "{}").exitCode, 2);
        const Run help = run({u"sign"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--timestamp"));
    }

    void verifyAcceptsAnOpensslHeader_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json") << QByteArray(R"({"id": "x", "resource": "event"})");
        QTest::newRow("json with CRLF and unicode")
            << QByteArray("{\r\n  \"note\": \"na\xc3\xafve \xe2\x9c\x93\"\r\n}\r\n");
    }
    void verifyAcceptsAnOpensslHeader()
    {
        QFETCH(QByteArray, body);
        const QByteArray header = opensslHeader("s3cret", QDateTime::currentSecsSinceEpoch(), body);
        const Run verify = run(
            {u"verify"_s, u"--secret"_s, u"s3cret"_s, u"--header"_s, QString::fromLatin1(header)},
            body);
        QCOMPARE(verify.exitCode, 0);
        QVERIFY2(verify.out.startsWith("valid: "), verify.out.constData());
    }

    void verifyRejectsEachCase_data()
    {
        QTest::addColumn<QStringList>("headerArguments");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("verdict");
        QTest::addColumn<QByteArray>("explains");

        const QByteArray body = R"({"id": "x", "amount": 10})";
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto header = [](const QByteArray &value) {
            return QStringList {u"--header"_s, QString::fromLatin1(value)};
        };
        QTest::newRow("missing header") << QStringList() << body << QByteArray("missing-header")
                                        << QByteArray("no Ricloud-Signature header");
        QTest::newRow("empty header (absent in a script)")
            << header("") << body << QByteArray("missing-header") << QByteArray("no Ricloud");
        QTest::newRow("malformed: not t=,s=")
            << header("sha256=" + opensslSignature("s3cret", now, body)) << body
            << QByteArray("malformed-header") << QByteArray("malformed: ");
        QTest::newRow("malformed: timestamp not a number")
            << header("t=now,s=" + opensslSignature("s3cret", now, body)) << body
            << QByteArray("malformed-header") << QByteArray("malformed: ");
        QTest::newRow("mismatch: other secret")
            << header(opensslHeader("another", now, body)) << body << QByteArray("mismatch")
            << QByteArray("another secret");
        QTest::newRow("tampered body")
            << header(opensslHeader("s3cret", now, body))
            << QByteArray(R"({"id": "x", "amount": 99})") << QByteArray("mismatch")
            << QByteArray("body may have been altered");
        QTest::newRow("tampered body: newline added by echo")
            << header(opensslHeader("s3cret", now, body)) << body + '\n'
            << QByteArray("body-altered") << QByteArray("line break was added");
        QTest::newRow("too old") << header(opensslHeader("s3cret", now - 700, body)) << body
                                 << QByteArray("too-old") << QByteArray("past the 600 s window");
        QTest::newRow("too new") << header(opensslHeader("s3cret", now + 600, body)) << body
                                 << QByteArray("too-new") << QByteArray("in the future");
        QTest::newRow("not json") << header(opensslHeader("s3cret", now, "id=x"))
                                  << QByteArray("id=x") << QByteArray("not-json")
                                  << QByteArray("not JSON");
    }
    void verifyRejectsEachCase()
    {
        QFETCH(QStringList, headerArguments);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, verdict);
        QFETCH(QByteArray, explains);
        const Run verify
            = run(QStringList {u"verify"_s, u"--secret"_s, u"s3cret"_s} + headerArguments, body);
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.out.startsWith(QByteArray("invalid: " + verdict + ": ")),
                 verify.out.constData());
        QVERIFY2(verify.out.contains(explains), verify.out.constData());
    }

    void verifyWindowOption()
    {
        const QByteArray body = "{}";
        const QByteArray old = opensslHeader("k", QDateTime::currentSecsSinceEpoch() - 700, body);
        const QStringList base {u"verify"_s, u"--secret"_s, u"k"_s, u"--header"_s,
                                QString::fromLatin1(old)};
        QCOMPARE(run(base, body).exitCode, 1);
        QCOMPARE(run(base + QStringList {u"--window"_s, u"900"_s}, body).exitCode, 0);
    }

    void verifyJsonOutput()
    {
        const QByteArray body = "{}";
        const Run verify = run({u"verify"_s, u"--secret"_s, u"k"_s, u"--json"_s}, body);
        QCOMPARE(verify.exitCode, 1);
        const QJsonObject object = QJsonDocument::fromJson(verify.out).object();
        QCOMPARE(object.value(u"valid"_s).toBool(true), false);
        QCOMPARE(object.value(u"verdict"_s).toString(), u"missing-header"_s);
    }

    void verifyUsage()
    {
        QCOMPARE(run({u"verify"_s, u"--header"_s, u"t=1,s=x"_s}, "{}").exitCode, 2);
        QCOMPARE(run({u"verify"_s, u"--secret"_s, u"k"_s, u"--window"_s, u"long"_s}, "{}").exitCode,
                 2);
        QCOMPARE(run({u"verify"_s, u"--secret"_s, u"k"_s, u"--bogus"_s}, "{}").exitCode, 2);
    }

    void listenPrintsEachEventAsJson()
    {
        QProcess listen;
        listen.start(Cli,
                     {u"listen"_s, u"--port"_s, u"0"_s, u"--secret"_s, u"s3cret"_s, u"--json"_s});
        QVERIFY(listen.waitForStarted(10000));
        // The banner goes to stderr with --json, stdout carries events only.
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += listen.readAllStandardError()).contains("\n"), 10000);
        const auto match
            = QRegularExpression(u"Listening on (http://127\\.0\\.0\\.1:\\d+/webhooks)"_s)
                  .match(QString::fromUtf8(banner));
        QVERIFY2(match.hasMatch(), banner.constData());
        const QString base = match.captured(1);

        QNetworkAccessManager network;
        const QByteArray body = R"({"id": "ev-42", "resource": "event"})";
        QNetworkRequest request(QUrl(base + u"/ev-42"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Ricloud-Signature",
                             opensslHeader("s3cret", QDateTime::currentSecsSinceEpoch(), body));
        std::unique_ptr<QNetworkReply> reply(network.post(request, body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        QNetworkRequest unsigned_(QUrl(base + u"/ev-43"_s));

        unsigned_.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        std::unique_ptr<QNetworkReply> refused(network.post(unsigned_, QByteArray("{}")));
        QTRY_VERIFY_WITH_TIMEOUT(refused->isFinished(), 10000);
        QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);

        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += listen.readAllStandardOutput()).count('\n') >= 2, 10000);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(u"verdict"_s).toString(), u"valid"_s);
        QCOMPARE(first.value(u"event_id"_s).toString(), u"ev-42"_s);
        QCOMPARE(first.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(first.value(u"status"_s).toInt(), 200);
        QCOMPARE(first.value(u"body"_s).toString().toUtf8(), body);
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(u"verdict"_s).toString(), u"missing-header"_s);
        QCOMPARE(second.value(u"status"_s).toInt(), 400);

        listen.terminate(); // SIGTERM: a clean stop
        QVERIFY(listen.waitForFinished(10000));
        QCOMPARE(listen.exitStatus(), QProcess::NormalExit);
        QCOMPARE(listen.exitCode(), 0);
    }

    void listenRehearsesAFailingReceiver()
    {
        QProcess listen;
        listen.start(Cli, {u"listen"_s, u"--secret"_s, u"s3cret"_s, u"--respond"_s, u"500"_s});
        QVERIFY(listen.waitForStarted(10000));
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += listen.readAllStandardOutput()).contains("Ctrl+C"),
                                 10000);
        const auto match
            = QRegularExpression(u"Listening on (\\S+)"_s).match(QString::fromUtf8(banner));
        QVERIFY(match.hasMatch());

        QNetworkAccessManager network;
        const QByteArray body = "{}";
        QNetworkRequest request(QUrl(match.captured(1) + u"/e"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Ricloud-Signature",
                             opensslHeader("s3cret", QDateTime::currentSecsSinceEpoch(), body));
        std::unique_ptr<QNetworkReply> reply(network.post(request, body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);

        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += listen.readAllStandardOutput()).contains("\n"), 10000);
        QVERIFY2(out.contains("POST /webhooks/e") && out.contains("-> 500")
                     && out.contains("valid: "),
                 out.constData());

        listen.kill();
        listen.waitForFinished(10000);
    }

    void listenVerifiesWithTheSecretOfANamedConfig()
    {
        // A config in a local database (its own test fails: nothing listens at its URL yet).
        QTemporaryDir home;
        QString configId;
        QString secret;
        const QString database = home.filePath(u"local.sqlite"_s);
        {
            LocalService::Options options;
            options.databasePath = database;
            LocalService service(options);
            QVERIFY(service.open().ok());
            QString state;
            connect(&service, &WebhookService::configChanged, this,
                    [&state](const WebhookConfig &config) { state = toString(config.state); });
            const auto created
                = test::await(service.createConfig(u"http://127.0.0.1:9/webhooks"_s, 0));
            QVERIFY(created.ok());
            configId = created.value().id;
            secret = created.value().secret;
            QTRY_COMPARE_WITH_TIMEOUT(state, u"invalid"_s, 15000);
        }

        QProcess listen;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        listen.setProcessEnvironment(env);
        listen.start(Cli,
                     {u"listen"_s, u"--config"_s, configId, u"--local"_s, u"--database"_s, database,
                      u"--json"_s});
        QVERIFY(listen.waitForStarted(10000));
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += listen.readAllStandardError()).contains("Verifying"),
                                 10000);
        QVERIFY2(banner.contains(configId.toUtf8()), banner.constData());
        QVERIFY2(!banner.contains(secret.toUtf8()), "the secret is never printed");
        const auto match
            = QRegularExpression(u"Listening on (\\S+) "_s).match(QString::fromUtf8(banner));
        QVERIFY2(match.hasMatch(), banner.constData());

        QNetworkAccessManager network;
        const QByteArray body = R"({"id": "ev-7"})";
        QNetworkRequest request(QUrl(match.captured(1) + u"/ev-7"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader(
            "Ricloud-Signature",
            opensslHeader(secret.toUtf8(), QDateTime::currentSecsSinceEpoch(), body));
        std::unique_ptr<QNetworkReply> reply(network.post(request, body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += listen.readAllStandardOutput()).contains("\n"), 10000);
        QCOMPARE(QJsonDocument::fromJson(out).object().value(u"verdict"_s).toString(), u"valid"_s);

        listen.terminate();
        QVERIFY(listen.waitForFinished(10000));
        QCOMPARE(listen.exitCode(), 0);

        // An unknown config: the listener does not start, and says why.
        const Run unknown = run({u"listen"_s, u"--config"_s, u"no-such-config"_s, u"--local"_s,
                                 u"--database"_s, database});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no-such-config"), unknown.err.constData());
    }

    void listenUsage()
    {
        QCOMPARE(run({u"listen"_s, u"--port"_s, u"70000"_s}).exitCode, 2);
        QCOMPARE(run({u"listen"_s, u"--respond"_s, u"99"_s}).exitCode, 2);
        QCOMPARE(run({u"listen"_s, u"--secret"_s, u"a"_s, u"--config"_s, u"b"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSignatureCli)
#include "tst_signaturecli.moc"
