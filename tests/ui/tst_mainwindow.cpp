// The real MainWindow, driven as a person would: shortcuts, clicks and typing, offscreen, over
// a real LocalService (in its own thread, as in the app) with real test deliveries to a tiny
// receiver started here; the remote profile is the embedded server on port 0 behind a real
// RemoteService.
#include "attempthistory.h"
#include "attempthistorymodel.h"
#include "elidedlabel.h"
#include "emptystate.h"
#include "profiledialog.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QSettings>
#include <QToolButton>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject, public WindowFixture
{
    Q_OBJECT

    bool isDefault(const QString &id) const
    {
        const int row = rowOf(id);
        return row >= 0
            && model()
                   ->index(row, ConfigTableModel::Default)
                   .data(ConfigTableModel::IsDefaultRole)
                   .toBool();
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init()
    {
        setUpWindow();
        new QAbstractItemModelTester(m_window->findChild<AttemptHistory *>()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_window.get());
    }
    void cleanup() { tearDownWindow(); }

    void newcomerSeesAGuideNotAWarning()
    {
        QCOMPARE(model()->rowCount(), 0);
        // No red "no valid config" before there is any config: a guide with two ways to start.
        QVERIFY(noWarning());
        auto *guide = child<EmptyState>(u"emptyState"_s);
        QVERIFY(guide->isVisible());
        QVERIFY(!table()->isVisible());
        QVERIFY(child<QPushButton>(u"emptyStateCreate"_s)->isVisible());
        QVERIFY(child<QPushButton>(u"emptyStateReceiver"_s)->isVisible());
        QVERIFY(!child<QAction>(u"actionTest"_s)->isEnabled()); // nothing selected
        QVERIFY(child<QAction>(u"actionNew"_s)->isEnabled());
        QVERIFY(child<ElidedLabel>(u"statusProfile"_s)->text().contains(u"embedded"_s));
        // "Create a Config…" opens the editor; the first config replaces the guide.
        QTest::mouseClick(child<QPushButton>(u"emptyStateCreate"_s), Qt::LeftButton);
        ConfigEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"configUrlEdit"_s), m_receiver->url());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        QTRY_COMPARE(model()->rowCount(), 1);
        QTRY_VERIFY(table()->isVisible());
        QVERIFY(!guide->isVisible());
    }

    void invalidUrlIsRefusedInline()
    {
        key(table(), Qt::Key_N, Qt::ControlModifier);
        ConfigEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>()));
        auto *edit = dialog->findChild<QLineEdit *>(u"configUrlEdit"_s);
        auto *ok = dialog->findChild<QPushButton *>(u"configEditorOk"_s);
        auto *problem = dialog->findChild<QLabel *>(u"configUrlProblem"_s);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(edit, u"ftp://example.com/hooks"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(u"http or https"_s), qPrintable(problem->text()));
        edit->clear();
        QTest::keyClicks(edit, m_receiver->url());
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->isHidden());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorCancel"_s),
                          Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 0); // nothing sent
    }

    void createdConfigBecomesValid()
    {
        m_receiver->delayMs = 600; // long enough to see the test running
        const QString id = createThroughDialog(m_receiver->url());
        QVERIFY(!id.isEmpty());
        // At once: in state new, selected, its automatic test shown running.
        QCOMPARE(stateOf(id), u"new"_s);
        QCOMPARE(cell(id, ConfigTableModel::State), u"New"_s);
        QCOMPARE(cell(id, ConfigTableModel::LastTest), u"testing…"_s);
        QCOMPARE(m_window->selectedConfig()->id, id);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        QCOMPARE(cell(id, ConfigTableModel::State), u"Valid"_s);
        QTRY_VERIFY(cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200, "_s));
        QVERIFY(cell(id, ConfigTableModel::LastTest).endsWith(u" ms"_s));
        QCOMPARE(m_receiver->received, 1);
        // The details panel follows the selection: every field, the secret masked.
        QCOMPARE(child<QLabel>(u"detailsId"_s)->text(), id);
        QCOMPARE(child<QLabel>(u"detailsUrl"_s)->text(), m_receiver->url());
        QVERIFY(child<QLabel>(u"detailsState"_s)->text().startsWith(u"Valid"_s));
        auto *secret = child<QLineEdit>(u"detailsSecret"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(secret->text().size() >= 43);
        QTest::mouseClick(child<QToolButton>(u"detailsRevealSecret"_s), Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        // The test history lists the attempt.
        auto *history = m_window->findChild<AttemptHistory *>()->model();
        QTRY_COMPARE(history->rowCount(), 1);
        QCOMPARE(history->index(0, AttemptHistoryModel::HttpStatus).data().toString(), u"200"_s);
        QVERIFY(history->index(0, AttemptHistoryModel::Response)
                    .data()
                    .toString()
                    .contains(u"received"_s));
        // The organisation is usable now; the warning turns to the missing default.
        QTRY_VERIFY(!warningShown(u"cannot be used"_s));
    }

    void refusedConfigBecomesInvalid()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const QString id = createThroughDialog(u"http://127.0.0.1:%1/webhooks"_s.arg(port));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"invalid"_s, TestTimeoutMs);
        QTRY_COMPARE(cell(id, ConfigTableModel::LastTest), u"invalid · connection refused"_s);
        QTRY_VERIFY(child<QLabel>(u"detailsLastTest"_s)
                        ->text()
                        .startsWith(u"Failed: connection refused"_s));
        auto *history = m_window->findChild<AttemptHistory *>()->model();
        QTRY_COMPARE(history->rowCount(), 1);
        QCOMPARE(history->index(0, AttemptHistoryModel::Error).data().toString(),
                 u"connection refused"_s);
        QVERIFY(warningShown(u"No valid webhook config"_s));
    }

    void receiverErrorIsNamed()
    {
        m_receiver->status = 500;
        const QString id = createThroughDialog(m_receiver->url());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"invalid"_s, TestTimeoutMs);
        QTRY_COMPARE(cell(id, ConfigTableModel::LastTest), u"invalid · HTTP 500 from receiver"_s);
        // Fix the receiver and test again with Ctrl+T.
        m_receiver->status = 200;
        clickRow(id);
        key(table(), Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        QTRY_VERIFY(cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s));
    }

    void filterByTextAndState()
    {
        const QString a = createThroughDialog(m_receiver->url(u"/alpha"_s));
        const QString b = createThroughDialog(m_receiver->url(u"/beta"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(a), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(b), u"valid"_s, TestTimeoutMs);
        m_receiver->status = 500;
        const QString c = createThroughDialog(m_receiver->url(u"/alphabet"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(c), u"invalid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(a), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(b), u"valid"_s, TestTimeoutMs);
        auto *count = child<QLabel>(u"filterCount"_s);
        QCOMPARE(count->text(), u"3 of 3 configs"_s);

        key(table(), Qt::Key_F, Qt::ControlModifier); // Ctrl+F focuses the filter
        auto *text = child<QLineEdit>(u"filterText"_s);
        QTRY_VERIFY(text->hasFocus());
        QTest::keyClicks(text, u"alpha"_s);
        QCOMPARE(m_window->proxy()->rowCount(), 2);
        QVERIFY(shown(a) && !shown(b) && shown(c));
        QCOMPARE(count->text(), u"2 of 3 configs"_s);
        // By ID, case-insensitively.
        text->clear();
        QTest::keyClicks(text, b.left(8).toUpper());
        QVERIFY(shown(b));
        text->clear();
        // By state: hide the valid ones.
        QTest::mouseClick(child<QToolButton>(u"filterStateValid"_s), Qt::LeftButton);
        QCOMPARE(m_window->proxy()->rowCount(), 1);
        QVERIFY(shown(c));
        QCOMPARE(count->text(), u"1 of 3 configs"_s);
        QTest::mouseClick(child<QToolButton>(u"filterStateValid"_s), Qt::LeftButton);
        QCOMPARE(m_window->proxy()->rowCount(), 3);
    }

    void deactivateHidesAndReactivateBringsBack()
    {
        m_receiver->delayMs = 800;
        const QString id = createThroughDialog(m_receiver->url());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        clickRow(id);
        // Declined: nothing happens.
        m_confirmAnswer = false;
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(m_receiver->url()));
        QVERIFY(shown(id));
        // Confirmed: deactivated and hidden, as the API hides it.
        m_confirmAnswer = true;
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), 2);
        QTRY_COMPARE(stateOf(id), u"deactivated"_s);
        QVERIFY(!shown(id));
        QCOMPARE(child<QLabel>(u"filterCount"_s)->text(), u"0 of 1 configs"_s);
        // Show deactivated ones, select it, reactivate: back as new, then tested again.
        QTest::mouseClick(child<QToolButton>(u"filterStateDeactivated"_s), Qt::LeftButton);
        QVERIFY(shown(id));
        clickRow(id);
        QCOMPARE(cell(id, ConfigTableModel::State), u"Deactivated"_s);
        QVERIFY(!child<QAction>(u"actionTest"_s)->isEnabled());
        QVERIFY(!child<QAction>(u"actionDeactivate"_s)->isEnabled());
        clickAction(u"actionReactivate"_s);
        QTRY_COMPARE(stateOf(id), u"new"_s);
        QCOMPARE(cell(id, ConfigTableModel::LastTest), u"testing…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        QCOMPARE(m_window->selectedConfig()->id, id); // selection kept through live updates
    }

    void setDefaultMovesMarkAndClearsWarning()
    {
        const QString first = createThroughDialog(m_receiver->url(u"/one"_s));
        const QString second = createThroughDialog(m_receiver->url(u"/two"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(second), u"valid"_s, TestTimeoutMs);
        QTRY_VERIFY(warningShown(u"No default webhook config"_s));
        clickRow(first);
        clickAction(u"actionSetDefault"_s);
        QTRY_VERIFY(isDefault(first));
        QVERIFY(noWarning());
        QVERIFY(!child<QAction>(u"actionSetDefault"_s)->isEnabled()); // already the default
        clickRow(second);
        clickAction(u"actionSetDefault"_s);
        QTRY_VERIFY(isDefault(second));
        QVERIFY(!isDefault(first));
        QVERIFY(child<QLabel>(u"detailsDefault"_s)->text().startsWith(u"Yes"_s));
        // Deactivating the default clears it (the question says so): the warning is back.
        QCOMPARE(m_window->selectedConfig()->id, second);
        key(table(), Qt::Key_Delete);
        QTRY_COMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(u"default"_s));
        QTRY_COMPARE(stateOf(second), u"deactivated"_s);
        QTRY_VERIFY(warningShown(u"No default webhook config"_s));
    }

    void liveChangeFromAnotherClientShowsInRow()
    {
        const QString id = createThroughDialog(m_receiver->url());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        clickRow(id);
        // Someone else (a REST client, say) changes the URL through the service.
        ConfigChanges changes;
        changes.url = m_receiver->url(u"/moved"_s);
        m_window->service()->updateConfig(id, changes);
        QTRY_COMPARE(cell(id, ConfigTableModel::Url), m_receiver->url(u"/moved"_s));
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(m_window->selectedConfig()->id, id);
        QTRY_COMPARE(child<QLabel>(u"detailsUrl"_s)->text(), m_receiver->url(u"/moved"_s));
    }

    void remoteProfileShowsTheSameConfigs()
    {
        const QString valid = createThroughDialog(m_receiver->url(u"/ok"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(valid), u"valid"_s, TestTimeoutMs);
        m_receiver->status = 500;
        const QString invalid = createThroughDialog(m_receiver->url(u"/fails"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(valid), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(invalid), u"invalid"_s, TestTimeoutMs);

        // The embedded server on port 0, over the same database, is the remote.
        test::TestServer server;
        LocalService::Options options;
        options.databasePath = localDatabase();
        QVERIFY2(server.start(options), qPrintable(server.error));

        // Add the profile through the dialog.
        clickAction(u"actionProfiles"_s);
        ProfileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ProfileDialog *>()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileName"_s), u"Staging"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileUrl"_s), server.url.toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileToken"_s), server.token);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"profileSave"_s), Qt::LeftButton);
        QVERIFY(dialog->findChild<QLabel *>(u"profileProblem"_s)->isHidden());
        QVERIFY(m_profiles->profile(u"Staging"_s).has_value());
        QTRY_VERIFY(!dialog->findChild<QLabel *>(u"profileTokenWarning"_s)->isHidden());
        dialog->close();

        // Pick it in the switcher.
        auto *switcher = child<ProfileSwitcher>(u"profileSwitcher"_s);
        QCOMPARE(switcher->count(), 2);
        switcher->setFocus();
        key(switcher, Qt::Key_Down);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProfile(), u"Staging"_s, TestTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLoaded(), TestTimeoutMs);
        QVERIFY(child<ElidedLabel>(u"statusProfile"_s)->text().contains(u"remote API"_s));
        QCOMPARE(model()->rowCount(), 2);
        QCOMPARE(stateOf(valid), u"valid"_s);
        QCOMPARE(stateOf(invalid), u"invalid"_s);
        QCOMPARE(cell(valid, ConfigTableModel::Url), m_receiver->url(u"/ok"_s));
        QVERIFY(!child<QWidget>(u"serveToggle"_s)->isEnabled()); // local mode only

        // Actions work the same: deactivate through the remote.
        clickRow(invalid);
        key(table(), Qt::Key_Delete);
        QTRY_COMPARE(stateOf(invalid), u"deactivated"_s);
        QVERIFY(!shown(invalid));

        // And back to local.
        key(switcher, Qt::Key_Up);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProfile(), localProfileName(), TestTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLoaded(), TestTimeoutMs);
        QCOMPARE(model()->rowCount(), 2);
    }

    void filterAndColumnsPersistAcrossRestarts()
    {
        // The fixture's window keeps nothing; these two keep their state as the app's do,
        // starting from none (test-mode settings, left by earlier runs).
        QSettings().clear();
        MainWindow::Dependencies deps = dependencies(true);
        {
            MainWindow first(deps);
            first.show();
            auto *filter = first.findChild<QLineEdit *>(u"filterText"_s);
            filter->clear(); // an earlier run's filter may have been restored
            QTest::keyClicks(filter, u"orders"_s);
            // The ID column, hidden at first, shown through the column chooser.
            QHeaderView *header = first.table()->horizontalHeader();
            QVERIFY(header->isSectionHidden(ConfigTableModel::Id));
            auto *showId
                = first.findChild<QAction *>(u"actionColumn%1"_s.arg(int(ConfigTableModel::Id)));
            QVERIFY(showId);
            showId->trigger();
            QVERIFY(!header->isSectionHidden(ConfigTableModel::Id));
            header->resizeSection(ConfigTableModel::Id, 333);
            first.close();
        }
        MainWindow second(deps);
        second.show();
        QCOMPARE(second.findChild<QLineEdit *>(u"filterText"_s)->text(), u"orders"_s);
        QHeaderView *header = second.table()->horizontalHeader();
        QVERIFY(!header->isSectionHidden(ConfigTableModel::Id));
        QCOMPARE(header->sectionSize(ConfigTableModel::Id), 333);
        QVERIFY(second.findChild<QAction *>(u"actionColumn%1"_s.arg(int(ConfigTableModel::Id)))
                    ->isChecked());
        second.close();
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
