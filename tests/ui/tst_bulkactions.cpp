// Bulk actions in the console (issue 12, part 1), on the real window: rows selected with the
// mouse (Ctrl, Shift) and the keyboard (Shift+Down, Ctrl+A); Test, Deactivate, Reactivate and
// Copy IDs on every selected row, against the local service and against `serve` as a remote;
// the run's progress, Cancel half-way (the report and the database agree), a backend that goes
// away mid-run, and the summary that can be read and copied.
#include "bulkfixture.h"
#include "bulkprogress.h"
#include "bulkreportdialog.h"
#include "configdetailspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

using Outcome = BulkItemResult::Outcome;

class TestBulkActions : public QObject, public BulkFixture
{
    Q_OBJECT

    QStringList receiverUrls(int count, const QString &prefix = u"/hooks"_s) const
    {
        QStringList urls;
        for (int i = 0; i < count; ++i)
            urls << m_receiver->url(u"%1/%2"_s.arg(prefix).arg(i));
        return urls;
    }

    bool enabled(const QString &action) const { return child<QAction>(action)->isEnabled(); }

    // Clicks the status bar's Cancel once `finished` items of the run under way are done.
    void cancelAfter(int finished)
    {
        BulkRunner *runner = m_window->bulk()->runner();
        QVERIFY(runner);
        connect(runner, &BulkRunner::progress, this, [this, finished](int done, int) {
            auto *cancel = child<QToolButton>(u"bulkCancel"_s);
            if (done >= finished && cancel->isEnabled() && cancel->isVisible())
                QTest::mouseClick(cancel, Qt::LeftButton);
        });
    }

    // How many test tasks each config has, in the service's own words.
    static QHash<QString, int> testCounts(WebhookService *service, const QStringList &ids)
    {
        QHash<QString, int> counts;
        for (const QString &id : ids) {
            TaskFilter filter;
            filter.target = id;
            PageRequest page;
            page.limit = 100;
            auto tasks = service->listTasks(filter, page);
            [&] { QTRY_VERIFY_WITH_TIMEOUT(tasks.isFinished(), TestTimeoutMs); }();
            counts.insert(id, tasks.result().ok() ? tasks.result().value().totalCount : -1);
        }
        return counts;
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void selectWithMouseAndKeyboard()
    {
        createConfigs(receiverUrls(5));
        const QStringList rows = shownIds();
        QCOMPARE(rows.size(), 5);

        // A click, then Shift+click two rows down: three rows.
        clickRow(rows.at(0));
        clickWith(rows.at(2), Qt::ShiftModifier);
        QCOMPARE(selectedIds(), rows.mid(0, 3));
        QVERIFY(!m_window->selectedConfig()); // not one config any more
        auto *details = m_window->findChild<ConfigDetailsPanel *>();
        QTRY_VERIFY(details->selectionText().startsWith(u"3 configs selected: 3 Valid"_s));
        QVERIFY(!child<QWidget>(u"detailsSecret"_s)->isVisible());
        // What applies to several is enabled; what needs one config is not.
        QVERIFY(enabled(u"actionTest"_s));
        QVERIFY(enabled(u"actionDeactivate"_s));
        QVERIFY(!enabled(u"actionReactivate"_s)); // none is deactivated
        QVERIFY(enabled(u"actionCopyId"_s));
        QVERIFY(enabled(u"actionExportSelected"_s));
        QVERIFY(!enabled(u"actionCopyToProfile"_s)); // there is no other profile yet
        QVERIFY(!enabled(u"actionEdit"_s));
        QVERIFY(!enabled(u"actionSetDefault"_s));
        QVERIFY(!enabled(u"actionCopySecret"_s));

        // Ctrl+click adds a row, and takes one away.
        clickWith(rows.at(4), Qt::ControlModifier);
        QCOMPARE(selectedIds(), (QStringList {rows.at(0), rows.at(1), rows.at(2), rows.at(4)}));
        clickWith(rows.at(0), Qt::ControlModifier);
        QCOMPARE(selectedIds(), (QStringList {rows.at(1), rows.at(2), rows.at(4)}));

        // The keyboard: a click, then Shift+Down twice.
        clickRow(rows.at(1));
        key(table(), Qt::Key_Down, Qt::ShiftModifier);
        key(table(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(selectedIds(), rows.mid(1, 3));
        // Ctrl+A in the filter box selects its text, not the rows.
        auto *filter = child<QLineEdit>(u"filterText"_s);
        filter->setFocus();
        QTest::keyClicks(filter, u"hooks"_s);
        key(filter, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(filter->selectedText(), u"hooks"_s);
        QCOMPARE(selectedIds(), rows.mid(1, 3));
        // Ctrl+A in the table: every row shown.
        key(table(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(selectedIds(), rows);
        QTRY_VERIFY(details->selectionText().startsWith(u"5 configs selected"_s));
        // Ctrl+C copies every selected ID, one a line, in the table's order.
        QApplication::clipboard()->clear();
        key(table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), rows.join(u'\n'));

        // One row again: its fields, and the one-config actions.
        clickRow(rows.at(3));
        QVERIFY(details->selectionText().isEmpty());
        QCOMPARE(child<QLabel>(u"detailsId"_s)->text(), rows.at(3));
        QVERIFY(enabled(u"actionEdit"_s));
        QVERIFY(enabled(u"actionCopySecret"_s));
    }

    void bulkTestOnTheLocalService()
    {
        QStringList urls = receiverUrls(3);
        urls << u"http://127.0.0.1:%1/webhooks/down"_s.arg(closedPort());
        const QStringList ids = createConfigs(urls);
        QCOMPARE(ids.size(), 4);
        const int received = m_receiver->received;
        key(table(), Qt::Key_A, Qt::ControlModifier);
        m_receiver->delayMs = 200; // long enough to see the run under way
        clickAction(u"actionTest"_s);
        // Under way: progress in the status bar, the rows testing, no second run.
        auto *progress = child<BulkProgress>(u"bulkProgress"_s);
        QTRY_VERIFY(progress->isVisible());
        QVERIFY(progress->text().startsWith(u"Testing "_s));
        QVERIFY(!enabled(u"actionTest"_s));
        QVERIFY(!enabled(u"actionImport"_s));
        QTRY_COMPARE(cell(ids.first(), ConfigTableModel::LastTest), u"testing…"_s);
        const BulkReport report = waitForRun();
        QCOMPARE(report.summary(), u"4 tested: 3 valid, 1 invalid (connection refused: 1)."_s);
        QCOMPARE(summaryBar()->findChild<QLabel *>(u"bulkSummaryText"_s)->text(),
                 u"Test of 4 configs: 4 tested: 3 valid, 1 invalid (connection refused: 1)."_s);
        QVERIFY(!progress->isVisible());
        QCOMPARE(m_receiver->received, received + 3);
        // Each row says its outcome, and the actions are back.
        QTRY_VERIFY(
            cell(ids.first(), ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s));
        QTRY_COMPARE(cell(ids.last(), ConfigTableModel::LastTest),
                     u"invalid · connection refused"_s);
        QTRY_VERIFY(enabled(u"actionTest"_s));

        // The summary can be copied, and read in full.
        QApplication::clipboard()->clear();
        QTest::mouseClick(summaryBar()->findChild<QPushButton *>(u"bulkSummaryCopy"_s),
                          Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), report.text());
        QVERIFY(report.text().contains(ids.last() + u": invalid: connection refused"_s));
        QTest::mouseClick(summaryBar()->findChild<QPushButton *>(u"bulkSummaryDetails"_s),
                          Qt::LeftButton);
        BulkReportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<BulkReportDialog *>()));
        QCOMPARE(dialog->text(), report.text());
        dialog->close();
    }

    void deactivatingManyAsksOnceThenReactivate()
    {
        const QStringList ids = createConfigs(receiverUrls(3));
        key(table(), Qt::Key_A, Qt::ControlModifier);
        // Declined: nothing happens.
        m_confirmAnswer = false;
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().startsWith(u"Deactivate 3 webhook configs?"_s),
                 qPrintable(m_questions.first()));
        QVERIFY(!m_window->bulk()->isRunning());
        for (const QString &id : ids)
            QCOMPARE(stateOf(id), u"valid"_s);
        // Accepted: one question, every one deactivated.
        m_confirmAnswer = true;
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), 2);
        QCOMPARE(waitForRun().summary(), u"3 deactivated."_s);
        for (const QString &id : ids) {
            QTRY_COMPARE(stateOf(id), u"deactivated"_s);
            QVERIFY(!shown(id));
        }
        // Show them, select them all: only Reactivate applies.
        QTest::mouseClick(child<QToolButton>(u"filterStateDeactivated"_s), Qt::LeftButton);
        selectByMouse(ids);
        QVERIFY(!enabled(u"actionTest"_s));
        QVERIFY(!enabled(u"actionDeactivate"_s));
        QVERIFY(enabled(u"actionReactivate"_s));
        clickAction(u"actionReactivate"_s);
        QCOMPARE(waitForRun().summary(), u"3 reactivated."_s);
        QCOMPARE(m_questions.size(), 2); // reactivating asks nothing
        waitTested(ids);
        for (const QString &id : ids)
            QCOMPARE(stateOf(id), u"valid"_s);
    }

    void eachBulkActionOnServeAsRemote()
    {
        QStringList urls = receiverUrls(3);
        urls << u"http://127.0.0.1:%1/webhooks/down"_s.arg(closedPort());
        const QStringList ids = createConfigs(urls);
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        QCOMPARE(model()->rowCount(), 4);

        key(table(), Qt::Key_A, Qt::ControlModifier);
        clickAction(u"actionTest"_s);
        QCOMPARE(waitForRun().summary(),
                 u"4 tested: 3 valid, 1 invalid (connection refused: 1)."_s);
        // The remote sends no signals: the rows learnt their outcome all the same.
        QTRY_VERIFY(
            cell(ids.first(), ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s));
        QTRY_COMPARE(cell(ids.last(), ConfigTableModel::LastTest),
                     u"invalid · connection refused"_s);

        const auto asked = m_questions.size();
        key(table(), Qt::Key_A, Qt::ControlModifier);
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), asked + 1);
        QVERIFY(m_questions.last().startsWith(u"Deactivate 4 webhook configs?"_s));
        QCOMPARE(waitForRun().summary(), u"4 deactivated."_s);
        const auto stored = configsOf(server->service.get());
        for (const QString &id : ids) {
            QCOMPARE(stateOf(id), u"deactivated"_s);
            QVERIFY(stored.value(id).state == ConfigState::Deactivated);
        }

        QTest::mouseClick(child<QToolButton>(u"filterStateDeactivated"_s), Qt::LeftButton);
        key(table(), Qt::Key_A, Qt::ControlModifier);
        clickAction(u"actionReactivate"_s);
        QCOMPARE(waitForRun().summary(), u"4 reactivated."_s);
        // Followed to their tests' end, as a single reactivation is.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.first()), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.last()), u"invalid"_s, TestTimeoutMs);
    }

    void cancelHalfWayReportAndDatabaseAgree()
    {
        // A remote runs four at a time: twelve deactivations, cancelled after the first four.
        const QStringList ids = createConfigs(receiverUrls(12));
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        key(table(), Qt::Key_A, Qt::ControlModifier);
        key(table(), Qt::Key_Delete);
        QTRY_VERIFY(m_window->bulk()->runner());
        cancelAfter(4);
        const BulkReport report = waitForRun();
        QCOMPARE(report.ending, BulkReport::Ending::Cancelled);
        const int done = report.count(Outcome::Done);
        QVERIFY2(done >= 4 && done < 12, qPrintable(report.summary()));
        QCOMPARE(report.count(Outcome::NotDone), 12 - done);
        QVERIFY2(report.summary().startsWith(u"Cancelled after %1 of 12: %1 deactivated, %2 not "
                                             "done."_s.arg(done)
                                                 .arg(12 - done)),
                 qPrintable(report.summary()));
        // What the report says is what the database holds, and what the table shows.
        const auto stored = configsOf(server->service.get());
        for (const BulkItemResult &result : report.results) {
            const bool deactivated = result.outcome == Outcome::Done;
            QCOMPARE(stored.value(result.item.id).state == ConfigState::Deactivated, deactivated);
            QTRY_COMPARE(stateOf(result.item.id) == u"deactivated"_s, deactivated);
        }
    }

    void cancelledTestRunStartsNothingMore()
    {
        // Tests awaited four at a time against a slow receiver; cancelled after four.
        const QStringList ids = createConfigs(receiverUrls(12));
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        const auto before = testCounts(server->service.get(), ids);
        m_receiver->delayMs = 150;
        key(table(), Qt::Key_A, Qt::ControlModifier);
        clickAction(u"actionTest"_s);
        QTRY_VERIFY(m_window->bulk()->runner());
        cancelAfter(4);
        const BulkReport report = waitForRun();
        QCOMPARE(report.ending, BulkReport::Ending::Cancelled);
        QVERIFY(report.count(Outcome::NotDone) > 0);
        // Exactly the items the report says were started have a new test in the database.
        const auto after = testCounts(server->service.get(), ids);
        for (const BulkItemResult &result : report.results) {
            const int added = after.value(result.item.id) - before.value(result.item.id);
            QCOMPARE(added, result.outcome == Outcome::NotDone ? 0 : 1);
        }
        // No row is left saying "testing…" for a test that never started.
        for (const BulkItemResult &result : report.results) {
            if (result.outcome == Outcome::NotDone)
                QVERIFY(cell(result.item.id, ConfigTableModel::LastTest) != u"testing…"_s);
        }
    }

    void switchingProfileMidRunCancelsIt()
    {
        createConfigs(receiverUrls(12));
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        m_receiver->delayMs = 300;
        key(table(), Qt::Key_A, Qt::ControlModifier);
        clickAction(u"actionTest"_s);
        QTRY_VERIFY(m_window->bulk()->isRunning());
        // Another profile: the run stops; what it had started ends, nothing more starts.
        switchAndWait(localProfileName());
        const BulkReport report = waitForRun();
        QCOMPARE(report.ending, BulkReport::Ending::Cancelled);
        QVERIFY(report.count(Outcome::NotDone) > 0);
        QVERIFY(!child<BulkProgress>(u"bulkProgress"_s)->isVisible());
        key(table(), Qt::Key_A, Qt::ControlModifier);
        QTRY_VERIFY(enabled(u"actionTest"_s)); // a new run may start, in this profile
    }

    void backendGoneMidRunStopsAndSaysSo()
    {
        const QStringList ids = createConfigs(receiverUrls(12));
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        key(table(), Qt::Key_A, Qt::ControlModifier);
        key(table(), Qt::Key_Delete);
        QTRY_VERIFY(m_window->bulk()->runner());
        // The server goes away after the first answers.
        connect(m_window->bulk()->runner(), &BulkRunner::progress, this, [&server](int done, int) {
            if (done >= 2 && server && server->server)
                server->server.reset();
        });
        const BulkReport report = waitForRun();
        QCOMPARE(report.ending, BulkReport::Ending::BackendGone);
        QVERIFY2(report.summary().startsWith(u"Stopped after "_s), qPrintable(report.summary()));
        QVERIFY(report.count(Outcome::NotDone) > 0);
        // The rows say what the service answered before it went, nothing more.
        const auto stored = configsOf(server->service.get());
        for (const BulkItemResult &result : report.results) {
            const bool deactivated = stored.value(result.item.id).state == ConfigState::Deactivated;
            if (result.outcome == Outcome::Done)
                QVERIFY(deactivated);
            if (result.outcome == Outcome::NotDone)
                QVERIFY(!deactivated);
        }
    }
};

QTEST_MAIN(TestBulkActions)
#include "tst_bulkactions.moc"
