// Export, import and "Copy to Profile…" in the console (issue 12, part 3), on the real window
// with the file dialog replaced by the fixture's seam: export of the selected or of all configs
// (secrets only when asked, then the file is private), import into the current profile with a
// report (created, skipped, refused and why), a bad file refused whole naming the entry and the
// field, and a copy of a selection to another profile. Export then import round-trips: same
// URLs and states, new secrets.
#include "bulkfixture.h"
#include "copytoprofiledialog.h"
#include "errorbanner.h"
#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRadioButton>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

using Outcome = BulkItemResult::Outcome;

class TestTransfer : public QObject, public BulkFixture
{
    Q_OBJECT

    static QJsonObject readJson(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    // Where a person clicks a check box or radio button that spans a dialog's width: on its
    // mark (its middle may be past the end of its words, where a click does nothing).
    static QPoint onTheMark(QWidget *button) { return QPoint(8, button->height() / 2); }

    // Ctrl+E, then the dialog's choices, then Export: the file goes to m_chosenFile.
    void exportThroughDialog(bool all, bool secrets)
    {
        QFile::remove(m_chosenFile);
        key(table(), Qt::Key_E, Qt::ControlModifier);
        ExportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ExportDialog *>()));
        if (all) {
            auto *scope = dialog->findChild<QRadioButton *>(u"exportScopeAll"_s);
            QTest::mouseClick(scope, Qt::LeftButton, {}, onTheMark(scope));
            QVERIFY(scope->isChecked());
        }
        auto *withSecrets = dialog->findChild<QCheckBox *>(u"exportIncludeSecrets"_s);
        QVERIFY(!withSecrets->isChecked()); // never by default
        auto *warning = dialog->findChild<QLabel *>(u"exportSecretsWarning"_s);
        QVERIFY(!warning->isVisible());
        if (secrets) {
            QTest::mouseClick(withSecrets, Qt::LeftButton, {}, onTheMark(withSecrets));
            QVERIFY(withSecrets->isChecked());
            QVERIFY(warning->isVisible());
            QVERIFY(warning->text().contains(u"readable by you only (mode 0600)"_s));
        }
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"exportOk"_s), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(m_chosenFile));
        QCOMPARE(m_fileRequests.last().mode, FileRequest::Mode::Save);
    }

    // Ctrl+I with m_chosenFile; the question that follows a file that reads well is answered
    // with m_confirmAnswer.
    void importThroughShortcut()
    {
        const auto requests = m_fileRequests.size();
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(m_fileRequests.size(), requests + 1);
        QCOMPARE(m_fileRequests.last().mode, FileRequest::Mode::Open);
    }

    static QHash<QString, WebhookConfig> byUrl(const QHash<QString, WebhookConfig> &byId)
    {
        QHash<QString, WebhookConfig> result;
        for (const WebhookConfig &config : byId)
            result.insert(config.url, config);
        return result;
    }

    void deactivate(const QString &id)
    {
        auto future = m_window->service()->deactivateConfig(id);
        QTRY_VERIFY(future.isFinished());
        QTRY_COMPARE(stateOf(id), u"deactivated"_s);
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void exportSelectedWithoutSecrets()
    {
        createConfigs(
            {m_receiver->url(u"/a"_s), m_receiver->url(u"/b"_s), m_receiver->url(u"/c"_s)});
        const QStringList rows = shownIds();
        selectByMouse({rows.at(0), rows.at(2)});
        m_chosenFile = m_dir.filePath(u"selected.json"_s);
        exportThroughDialog(false, false);
        const QJsonObject list = readJson(m_chosenFile);
        QCOMPARE(list.value(u"resource"_s).toString(), u"list"_s);
        QCOMPARE(list.value(u"total_count"_s).toInt(), 2);
        const QJsonArray data = list.value(u"data"_s).toArray();
        QCOMPARE(data.size(), 2);
        QSet<QString> urls;
        for (const QJsonValue &entry : data) {
            QVERIFY(!entry.toObject().contains(u"secret"_s));
            urls.insert(entry.toObject().value(u"url"_s).toString());
        }
        QCOMPARE(urls,
                 (QSet<QString> {cell(rows.at(0), ConfigTableModel::Url),
                                 cell(rows.at(2), ConfigTableModel::Url)}));
        QTRY_VERIFY(statusBarText().startsWith(u"Exported 2 configs to "_s));
        // Cancelling the file dialog writes nothing.
        const QDateTime written = QFileInfo(m_chosenFile).lastModified();
        const QString chosen = m_chosenFile;
        m_chosenFile.clear();
        key(table(), Qt::Key_E, Qt::ControlModifier);
        ExportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ExportDialog *>()));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"exportOk"_s), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<ExportDialog *>());
        QCOMPARE(QFileInfo(chosen).lastModified(), written);
    }

    void exportAllWithSecretsIsPrivate()
    {
        const QStringList ids = createConfigs({m_receiver->url(u"/a"_s), m_receiver->url(u"/b"_s)});
        deactivate(ids.at(1));
        m_chosenFile = m_dir.filePath(u"all-with-secrets.json"_s);
        exportThroughDialog(true, true);
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(m_chosenFile) & others, QFile::Permissions());
        const QJsonArray data = readJson(m_chosenFile).value(u"data"_s).toArray();
        QCOMPARE(data.size(), 2); // the deactivated one too
        const auto stored = configsOf(m_window->service());
        for (const QJsonValue &entry : data) {
            const QJsonObject object = entry.toObject();
            const WebhookConfig config = stored.value(object.value(u"id"_s).toString());
            QCOMPARE(object.value(u"secret"_s).toString(), config.secret);
            QCOMPARE(object.value(u"state"_s).toString(), toString(config.state));
        }
        QTRY_VERIFY(statusBarText().contains(u"with their secrets"_s));
    }

    void exportThenImportRoundTrips()
    {
        const QString down = u"http://127.0.0.1:%1/webhooks/down"_s.arg(closedPort());
        const QStringList ids
            = createConfigs({m_receiver->url(u"/orders"_s), m_receiver->url(u"/billing"_s), down});
        deactivate(ids.at(1));
        m_chosenFile = m_dir.filePath(u"export.json"_s);
        exportThroughDialog(true, false);
        const auto local = byUrl(configsOf(m_window->service()));

        // Into another profile, with a database of its own.
        std::unique_ptr<TestServer> server;
        startStaging(server, false);
        switchAndWait(u"Staging"_s);
        QCOMPARE(model()->rowCount(), 0);
        const auto asked = m_questions.size();
        importThroughShortcut();
        QTRY_COMPARE(m_questions.size(), asked + 1);
        QVERIFY2(m_questions.last().startsWith(u"Create 3 configs from export.json in Staging?"_s),
                 qPrintable(m_questions.last()));
        BulkReport report = waitForRun();
        QCOMPARE(report.summary(),
                 u"3 created (1 valid, 1 invalid (connection refused: 1), 1 deactivated)."_s);
        QVERIFY(summaryBar()
                    ->findChild<QLabel *>(u"bulkSummaryText"_s)
                    ->text()
                    .startsWith(u"Import of export.json into Staging: "_s));
        // Same URLs and states; new IDs and secrets.
        const auto imported = byUrl(configsOf(server->service.get()));
        QCOMPARE(imported.size(), 3);
        for (const WebhookConfig &original : local) {
            const WebhookConfig copy = imported.value(original.url);
            QCOMPARE(copy.url, original.url);
            QCOMPARE(toString(copy.state), toString(original.state));
            QVERIFY(copy.id != original.id);
            QVERIFY(!copy.secret.isEmpty() && copy.secret != original.secret);
            // The table shows them as they are.
            QTRY_COMPARE(stateOf(copy.id), toString(original.state));
        }
        // Again: every URL is there already.
        importThroughShortcut();
        QTRY_COMPARE(m_questions.size(), asked + 2);
        report = waitForRun();
        QCOMPARE(report.count(Outcome::Skipped), 3);
        QCOMPARE(report.summary(), u"0 created, 3 skipped (already exists: 3)."_s);
        QCOMPARE(configsOf(server->service.get()).size(), 3);
    }

    void badFileIsRefusedWholeNamingEntryAndField()
    {
        createConfigs({m_receiver->url(u"/a"_s)});
        const int before = model()->rowCount();
        m_chosenFile = m_dir.filePath(u"bad.json"_s);
        {
            QFile file(m_chosenFile);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            // (No raw string literal: moc 6.4 may skip a file with one; see the README.)
            file.write("{\"resource\": \"list\", \"data\": [{\"url\": \"http://127.0.0.1:1/x\"}, "
                       "{\"state\": \"valid\"}]}");
        }
        const auto asked = m_questions.size();
        importThroughShortcut();
        auto *banner = child<ErrorBanner>(u"errorBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(
            banner->text().startsWith(u"Could not import bad.json: Entry 1 of the file: url"_s),
            qPrintable(banner->text()));
        QVERIFY(banner->text().contains(u"nothing was imported"_s));
        QCOMPARE(m_questions.size(), asked); // nothing to decide
        QVERIFY(!m_window->bulk()->isRunning());
        QCOMPARE(model()->rowCount(), before);
        QCOMPARE(configsOf(m_window->service()).size(), before);
        // Not JSON at all.
        {
            QFile file(m_chosenFile);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("url,state\nhttp://127.0.0.1:1/x,valid\n");
        }
        banner->dismiss();
        importThroughShortcut();
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"The file is not JSON"_s), qPrintable(banner->text()));
        QCOMPARE(configsOf(m_window->service()).size(), before);
    }

    void copyToAnotherProfile()
    {
        const QString down = u"http://127.0.0.1:%1/webhooks/down"_s.arg(closedPort());
        const QStringList ids
            = createConfigs({m_receiver->url(u"/one"_s), m_receiver->url(u"/two"_s), down});
        std::unique_ptr<TestServer> server;
        startStaging(server, false);
        // Two of the three, from the Configs menu (it is in the table's context menu too).
        const QStringList rows = shownIds();
        const QStringList picked {rows.at(0), rows.at(1)};
        selectByMouse(picked);
        auto *action = child<QAction>(u"actionCopyToProfile"_s);
        QVERIFY(action->isEnabled());
        action->trigger();
        CopyToProfileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CopyToProfileDialog *>()));
        auto *choice = dialog->findChild<QComboBox *>(u"copyToProfileChoice"_s);
        QCOMPARE(choice->count(), 1); // every profile but this one
        QCOMPARE(dialog->profile(), u"Staging"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"copyToProfileOk"_s), Qt::LeftButton);
        const BulkReport report = waitForRun();
        QCOMPARE(report.count(Outcome::Done) + report.count(Outcome::Failed), 2);
        QVERIFY(summaryBar()
                    ->findChild<QLabel *>(u"bulkSummaryText"_s)
                    ->text()
                    .startsWith(u"Copy of 2 configs to Staging: 2 created"_s));
        // There: the two URLs, new secrets; here: nothing changed.
        const auto copied = byUrl(configsOf(server->service.get()));
        QCOMPARE(copied.size(), 2);
        for (const QString &id : picked) {
            const QString url = cell(id, ConfigTableModel::Url);
            QVERIFY(copied.contains(url));
            QVERIFY(copied.value(url).id != id);
        }
        QCOMPARE(m_window->currentProfile(), localProfileName());
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(configsOf(m_window->service()).size(), 3);
    }
};

QTEST_MAIN(TestTransfer)
#include "tst_transfer.moc"
