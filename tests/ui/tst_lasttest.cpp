// "Why is a config invalid, at a glance": every row of the real window shows its last test's
// outcome and reason, on load and after a restart, readable at 1280 px; looked up for the rows
// on screen only; a test that cannot start keeps the earlier outcome; a config made and tested
// by another process on the same database file shows up with its outcome within a second.
#include "configdetailspanel.h"
#include "errorbanner.h"
#include "lasttestloader.h"
#include "store.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QUuid>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

class TestLastTest : public QObject, public WindowFixture
{
    Q_OBJECT

    LastTestLoader *loader() const { return m_window->findChild<LastTestLoader *>(); }

    // `count` configs, written straight into the local database before the window opens.
    void seed(int count, const QString &urlPattern = u"https://seeded-%1.example.com/hooks"_s)
    {
        QString organisation;
        {
            LocalService service({localDatabase()});
            QVERIFY(service.open());
            auto org = service.organisation();
            QTRY_VERIFY(org.isFinished());
            organisation = org.result().value().id;
        }
        Store store(localDatabase());
        QVERIFY(store.open());
        QVERIFY(store.begin(Store::Durability::Relaxed));
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-10);
        for (int i = 0; i < count; ++i) {
            WebhookConfig config;
            config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            config.organisation = organisation;
            config.url = urlPattern.arg(i);
            config.secret = u"secret-%1"_s.arg(i);
            config.state = ConfigState::New;
            config.dateCreated = base.addSecs(i);
            QVERIFY(store.insertConfig(Store::ConfigRow {config, 1, 1}));
        }
        QVERIFY(store.commit());
    }

    // How many rows show something in "Last test" (looked up), and how many do not (yet).
    QPair<int, int> lookedUp() const
    {
        int known = 0;
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->index(row, 0).data(ConfigTableModel::TestPhaseRole).toInt()
                != int(TestStatus::Phase::None))
                ++known;
        }
        return {known, model()->rowCount() - known};
    }

    void checkReadableAt1280()
    {
        QCOMPARE(m_window->size(), QSize(1280, 800));
        QHeaderView *header = table()->horizontalHeader();
        // No sideways scrolling: the columns fit the table.
        QVERIFY2(header->length() <= table()->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(header->length()).arg(table()->viewport()->width())));
        // "Last test" shows each row's words whole (fitted a moment after they change).
        const QFontMetrics fm(table()->font());
        auto widest = [&] {
            int wanted = 0;
            for (int row = 0; row < m_window->proxy()->rowCount(); ++row) {
                const QString text
                    = m_window->proxy()->index(row, ConfigTableModel::LastTest).data().toString();
                wanted = std::max(wanted, fm.horizontalAdvance(text) + 8);
            }
            return wanted;
        };
        QTRY_VERIFY2(widest() <= header->sectionSize(ConfigTableModel::LastTest),
                     qPrintable(u"%1 px wanted, %2 px given"_s.arg(widest()).arg(
                         header->sectionSize(ConfigTableModel::LastTest))));
        const int width = header->sectionSize(ConfigTableModel::LastTest);
        QVERIFY(!header->isSectionHidden(ConfigTableModel::LastTest));
        QVERIFY(header->sectionViewportPosition(ConfigTableModel::LastTest) + width
                <= table()->viewport()->width());
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void outcomeAndReasonOnLoadAndAfterRestart()
    {
        const QString valid = createThroughDialog(m_receiver->url(u"/orders"_s));
        const QString refused
            = createThroughDialog(u"http://127.0.0.1:%1/webhooks"_s.arg(closedPort()));
        m_receiver->status = 500;
        const QString rejected = createThroughDialog(m_receiver->url(u"/crm"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(valid, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200, "_s),
            TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(refused, ConfigTableModel::LastTest),
                                  u"invalid · connection refused"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(rejected, ConfigTableModel::LastTest),
                                  u"invalid · HTTP 500 from receiver"_s, TestTimeoutMs);
        checkReadableAt1280();
        const int delivered = m_receiver->received;

        // A restart: a new window on the same database shows the same, without testing again.
        closeWindow();
        openWindow();
        QTRY_VERIFY(cell(valid, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200, "_s));
        QTRY_COMPARE(cell(refused, ConfigTableModel::LastTest), u"invalid · connection refused"_s);
        QTRY_COMPARE(cell(rejected, ConfigTableModel::LastTest),
                     u"invalid · HTTP 500 from receiver"_s);
        QCOMPARE(m_receiver->received, delivered);
        // The tooltip says when; the details say the same as the history below them.
        QVERIFY(model()
                    ->index(rowOf(refused), ConfigTableModel::LastTest)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"Failed: connection refused ("_s));
        clickRow(refused);
        QTRY_VERIFY(child<QLabel>(u"detailsLastTest"_s)
                        ->text()
                        .startsWith(u"Failed: connection refused"_s));
        checkReadableAt1280();
        // One lookup for the screenful, not one per row.
        QCOMPARE(loader()->callCount(), 1);
    }

    void lookedUpForTheRowsOnScreenOnly()
    {
        closeWindow();
        seed(300);
        openWindow();
        QCOMPARE(model()->rowCount(), 300);
        // The rows on screen get theirs (never tested: they say so); the others wait.
        QTRY_VERIFY(lookedUp().first > 0);
        const auto first = lookedUp();
        QVERIFY2(first.first < 60, qPrintable(QString::number(first.first)));
        QCOMPARE(first.first, loader()->visibleIds().size());
        QCOMPARE(cell(loader()->visibleIds().constFirst(), ConfigTableModel::LastTest),
                 u"not tested"_s);
        QCOMPARE(loader()->callCount(), 1);
        // Scroll a page down as a person does: that page is looked up, in one call.
        table()->setFocus();
        key(table(), Qt::Key_PageDown);
        QTRY_VERIFY(lookedUp().first > first.first);
        QTRY_COMPARE(loader()->callCount(), 2);
        // And back up: known already, no new call.
        key(table(), Qt::Key_Home);
        QTest::qWait(LastTestLoader::SettleMs * 3); // give a wrong extra call its chance
        QCOMPARE(loader()->callCount(), 2);
        QVERIFY(lookedUp().second > 200);
    }

    void remoteLooksUpRowsOnScreenAndCaches()
    {
        const QString valid = createThroughDialog(m_receiver->url(u"/orders"_s));
        const QString refused
            = createThroughDialog(u"http://127.0.0.1:%1/webhooks"_s.arg(closedPort()));
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(valid, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s),
            TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(refused, ConfigTableModel::LastTest),
                                  u"invalid · connection refused"_s, TestTimeoutMs);
        TestServer server;
        QVERIFY(server.start(LocalService::Options {localDatabase()}));
        saveRemoteProfile(u"Staging"_s, server.url, server.token);
        switchAndWait(u"Staging"_s);
        // Fetched over HTTP for the rows on screen, with the same words.
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(valid, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200, "_s),
            TestTimeoutMs);
        QTRY_COMPARE(cell(refused, ConfigTableModel::LastTest), u"invalid · connection refused"_s);
        const int calls = loader()->callCount();
        // A change of the filter re-shows the same rows: cached, no request.
        auto *filter = child<QLineEdit>(u"filterText"_s);
        QTest::keyClicks(filter, u"orders"_s);
        QTest::keyClick(filter, Qt::Key_Escape);
        QTest::qWait(LastTestLoader::SettleMs * 3);
        QCOMPARE(loader()->callCount(), calls);
        QCOMPARE(cell(refused, ConfigTableModel::LastTest), u"invalid · connection refused"_s);
        checkReadableAt1280();
    }

    void aTestThatCannotStartKeepsTheEarlierOutcome()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s), TestTimeoutMs);
        auto server = std::make_unique<TestServer>();
        QVERIFY(server->start(LocalService::Options {localDatabase()}));
        saveRemoteProfile(u"Staging"_s, server->url, server->token);
        switchAndWait(u"Staging"_s);
        QTRY_VERIFY(cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s));
        const QString before = cell(id, ConfigTableModel::LastTest);
        // The server goes down; Test cannot even start.
        server.reset();
        clickRow(id);
        key(table(), Qt::Key_T, Qt::ControlModifier);
        auto *banner = child<ErrorBanner>(u"errorBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), TestTimeoutMs);
        QVERIFY2(banner->text().contains(m_receiver->url(u"/orders"_s)),
                 qPrintable(banner->text()));
        QVERIFY(banner->canRetry());
        QCOMPARE(cell(id, ConfigTableModel::LastTest), before); // not wiped
        QVERIFY(child<QAction>(u"actionTest"_s)->isEnabled());
    }

    void configMadeByAnotherClientShowsUpWithItsOutcome()
    {
        const QString mine = createThroughDialog(m_receiver->url(u"/mine"_s));
        QTRY_VERIFY_WITH_TIMEOUT(cell(mine, ConfigTableModel::LastTest).startsWith(u"valid"_s),
                                 TestTimeoutMs);
        clickRow(mine);
        // Another process on the same database file creates and tests a config...
        LocalService other({localDatabase()});
        QVERIFY(other.open());
        auto created = other.createConfig(m_receiver->url(u"/theirs"_s), 5);
        QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), TestTimeoutMs);
        const WebhookConfig theirs = created.result().value();
        QCOMPARE(toString(theirs.state), u"valid"_s);
        // ...and the window shows it within a second, by itself: its service reads what others
        // commit to the file.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(theirs.id) >= 0, 1000);
        QTRY_VERIFY(cell(theirs.id, ConfigTableModel::LastTest).startsWith(u"valid"_s));
        QCOMPARE(m_window->selectedConfig()->id, mine); // the selection stays
        QCOMPARE(child<ConfigDetailsPanel>(u"detailsPanel"_s)->configId(), mine);
        // The other process changes the selected config's URL: its row follows, still selected.
        ConfigChanges moved;
        moved.url = m_receiver->url(u"/moved"_s);
        auto updated = other.updateConfig(mine, moved, 5);
        QTRY_VERIFY_WITH_TIMEOUT(updated.isFinished(), TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(mine, ConfigTableModel::Url), *moved.url, 1000);
        QCOMPARE(m_window->selectedConfig()->id, mine);
    }
};

QTEST_MAIN(TestLastTest)
#include "tst_lasttest.moc"
