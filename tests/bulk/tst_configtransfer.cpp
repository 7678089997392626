// Export, import, promote and "copy as curl" as a user meets them: an export in the API's own
// shape that import reads back (same URLs and states, new secrets), files refused whole with
// the entry and field named, a secret-bearing file only its owner can read, and a copied curl
// command that a real receiver verifies.

#include "bulktestsupport.h"
#include "configexport.h"
#include "configimport.h"
#include "configimportfile.h"
#include "curlcommand.h"
#include "remoteservice.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using namespace wa::test;
using Outcome = BulkItemResult::Outcome;

namespace {

ConfigFilter everyState()
{
    ConfigFilter filter;
    filter.states
        = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};
    return filter;
}

// url -> state name, over every config of a service.
QMap<QString, QString> statesByUrl(WebhookService &service)
{
    QMap<QString, QString> states;
    const auto configs = await(service.listAllConfigs(everyState()));
    if (configs.ok()) {
        for (const WebhookConfig &config : configs.value())
            states.insert(config.url, toString(config.state));
    }
    return states;
}

QByteArray shellOutput(const QString &command, const QByteArray &input = {})
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    shell.write(input);
    shell.closeWriteChannel();
    if (!shell.waitForFinished(20000))
        return "<timeout>";
    return shell.readAllStandardOutput();
}

} // namespace

class TestConfigTransfer final : public QObject
{
    Q_OBJECT

private:
    AcceptingReceiver m_receiver;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_receiver.started); }

    void exportThenImportRoundTrips()
    {
        LocalFixture source;
        QVERIFY(source.opened.ok());
        const QString valid = source.create(m_receiver.url(1));
        source.create(RefusingUrl);
        const QString retired = source.create(m_receiver.url(2));
        QVERIFY(await(source.service->deactivateConfig(retired)).ok());
        const auto configs = await(source.service->listAllConfigs(everyState()));
        QVERIFY(configs.ok());
        QCOMPARE(configs.value().size(), 3);

        const QByteArray exported = ConfigExport::toJson(configs.value(), JsonCodec::Secret::Omit);
        QVERIFY(!exported.contains("\"secret\""));
        // The API's own list shape: what GET /configs/webhook answers, so the codec reads it.
        const auto page = JsonCodec::configPageFromJson(QJsonDocument::fromJson(exported).object());
        QVERIFY(page.ok());
        QCOMPARE(page.value().totalCount, 3);

        const auto entries = ConfigImportFile::parse(exported);
        QVERIFY2(entries.ok(), entries.ok() ? "" : qPrintable(entries.error().describe()));
        LocalFixture target;
        QVERIFY(target.opened.ok());
        BulkRunner runner;
        ConfigImport::start(runner, target.service.get(), entries.value(), true);
        BulkReport report = awaitReport(runner);
        QCOMPARE(report.summary(),
                 QStringLiteral(
                     "3 created (1 valid, 1 invalid (connection refused: 1), 1 deactivated)."));
        QCOMPARE(statesByUrl(*target.service), statesByUrl(*source.service));
        // New configs: new IDs, new secrets.
        const auto copied = await(target.service->listAllConfigs(everyState()));
        for (const WebhookConfig &config : copied.value()) {
            for (const WebhookConfig &original : configs.value()) {
                QVERIFY(config.id != original.id);
                QVERIFY(config.secret != original.secret);
            }
        }
        Q_UNUSED(valid)

        // Again: every URL is there already, nothing is created twice.
        ConfigImport::start(runner, target.service.get(), entries.value(), true);
        report = awaitReport(runner);
        QCOMPARE(report.summary(), QStringLiteral("0 created, 3 skipped (already exists: 3)."));
        QCOMPARE(await(target.service->listAllConfigs(everyState())).value().size(), 3);
    }

    void badFilesAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{\"data\": [") << QString()
                                  << QStringLiteral("not JSON");
        QTest::newRow("a bare list")
            << QByteArray("[{\"url\": \"http://a/\"}]") << QStringLiteral("resource")
            << QStringLiteral("not a list object");
        QTest::newRow("another resource")
            << QByteArray("{\"resource\": \"webhook_config\", \"url\": \"http://a/\"}")
            << QStringLiteral("resource") << QStringLiteral("is not \"list\"");
        QTest::newRow("no data") << QByteArray("{\"resource\": \"list\"}") << QStringLiteral("data")
                                 << QStringLiteral("no \"data\" list");
        QTest::newRow("entry not an object")
            << QByteArray("{\"data\": [{\"url\": \"http://a/\"}, 7]}") << QStringLiteral("data[1]")
            << QStringLiteral("Entry 1 of the file is a number, not an object");
        QTest::newRow("url missing")
            << QByteArray("{\"data\": [{\"url\": \"http://a/\"}, {\"url\": \"http://b/\"}, "
                          "{\"state\": \"valid\"}]}")
            << QStringLiteral("data[2].url")
            << QStringLiteral("Entry 2 of the file: url is missing");
        QTest::newRow("url a number")
            << QByteArray("{\"data\": [{\"url\": 5}]}") << QStringLiteral("data[0].url")
            << QStringLiteral("Entry 0 of the file: url is a number, not a string");
        QTest::newRow("unknown state")
            << QByteArray("{\"data\": [{\"url\": \"http://a/\", \"state\": \"asleep\"}]}")
            << QStringLiteral("data[0].state") << QStringLiteral("state is not one of");
    }

    void badFilesAreRefusedWhole()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const auto parsed = ConfigImportFile::parse(file);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("nothing was imported")),
                 qPrintable(parsed.error().message));
        if (!field.isEmpty())
            QVERIFY2(parsed.error().params.contains(field), qPrintable(parsed.error().describe()));
    }

    void entriesRefusedByTheServiceAreReportedAndTheRestCreated()
    {
        LocalFixture target;
        QVERIFY(target.opened.ok());
        const auto entries = ConfigImportFile::parse(
            QStringLiteral("{\"data\": [{\"url\": \"%1\"}, {\"url\": \"ftp://example.com/\"}, "
                           "{\"url\": \"%1\"}]}")
                .arg(m_receiver.url(7))
                .toUtf8());
        QVERIFY(entries.ok());
        BulkRunner runner;
        ConfigImport::start(runner, target.service.get(), entries.value(), false);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.results.at(0).outcome, Outcome::Done);
        QCOMPARE(report.results.at(1).outcome, Outcome::Refused);
        QCOMPARE(report.results.at(1).reason, QStringLiteral("invalid-parameter"));
        QCOMPARE(report.results.at(2).outcome, Outcome::Skipped);
        QCOMPARE(report.results.at(2).reason, QStringLiteral("duplicate"));
        QVERIFY2(report.text().contains(QStringLiteral("entry 1 (ftp://example.com/): refused")),
                 qPrintable(report.text()));
        QCOMPARE(await(target.service->listAllConfigs(everyState())).value().size(), 1);
    }

    void promoteCopiesToARemote()
    {
        LocalFixture source;
        QVERIFY(source.opened.ok());
        const QString a = source.create(m_receiver.url(11));
        const QString b = source.create(m_receiver.url(12));
        QVERIFY(await(source.service->deactivateConfig(b)).ok());
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        RemoteService::Options options;
        options.baseUrl = server.url;
        options.token = server.token;
        RemoteService remote(options);

        BulkRunner runner;
        ConfigImport::promote(runner, source.service.get(), &remote,
                              {a, b, QStringLiteral("no-such-config")}, true);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.summary(),
                 QStringLiteral(
                     "2 created (1 valid, 0 invalid, 1 deactivated), 1 refused (not found: 1)."));
        QCOMPARE(statesByUrl(*server.service), statesByUrl(*source.service));
    }

    void secretsAreWrittenOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.json"));
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        existing.close();
        WebhookConfig config;
        config.id = QStringLiteral("c1");
        config.url = QStringLiteral("http://127.0.0.1:9/h");
        config.secret = QStringLiteral("top-secret-value");
        const QByteArray bytes = ConfigExport::toJson({config}, JsonCodec::Secret::Include);
        QVERIFY(bytes.contains("top-secret-value"));
        QVERIFY(ConfigExport::writeFile(path, bytes, true).ok());
        QCOMPARE(QFile::permissions(path)
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), bytes);
        QVERIFY(!ConfigExport::writeFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), bytes,
                                         true)
                     .ok());
    }

    void printfFormatCarriesEveryByte()
    {
        QByteArray every;
        for (int i = 0; i < 256; ++i)
            every.append(char(i));
        every += "%s %% \\n '\"' 0123";
        QCOMPARE(shellOutput(QStringLiteral("printf ") + CurlCommand::printfFormat(every)), every);
        QCOMPARE(shellOutput(QStringLiteral("printf '%s' ")
                             + CurlCommand::shellQuoted(QStringLiteral("it's $HOME `x`"))),
                 QByteArray("it's $HOME `x`"));
    }

    void copiedCurlPassesARealReceiversVerification()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        LocalFixture local;
        QVERIFY(local.opened.ok());
        // A body that is not plain ASCII, to prove the bytes travel exactly.
        const QString id = local.create(m_receiver.url(20) + QStringLiteral("/caf%C3%A9?x='1'"));
        QVERIFY(!id.isEmpty());
        const auto attempts = await(local.service->listAttempts(id, {}));
        QVERIFY(attempts.ok() && !attempts.value().data.isEmpty());
        const DeliveryAttempt attempt = attempts.value().data.constFirst();
        const auto config = await(local.service->config(id));

        Receiver verifying;
        verifying.setSecret(config.value().secret);
        QVERIFY(verifying.start().ok());
        DeliveryAttempt replay = attempt;
        // Same request, sent to the verifying receiver instead.
        replay.requestUrl.replace(
            QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+")),
            QStringLiteral("http://127.0.0.1:%1").arg(verifying.port()));
        const QString command = CurlCommand::fromAttempt(replay);
        QSignalSpy received(&verifying, &Receiver::requestReceived);
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(QTest::qWaitFor([&] { return shell.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(shell.exitCode(), 0);
        QCOMPARE(received.size(), 1);
        const auto request = received.at(0).at(0).value<ReceivedRequest>();
        QVERIFY2(request.verdict.valid(), qPrintable(request.verdict.detail));
        QCOMPARE(request.body, attempt.requestBody);
        QByteArray recorded;
        for (const auto &[name, value] : attempt.requestHeaders) {
            if (name == "Ricloud-Signature")
                recorded = value;
        }
        QVERIFY(!recorded.isEmpty());
        QCOMPARE(request.header("Ricloud-Signature").value_or(QByteArray()), recorded);
        QVERIFY(!request.header("Expect"));
    }
};

QTEST_GUILESS_MAIN(TestConfigTransfer)
#include "tst_configtransfer.moc"
