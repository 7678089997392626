// The config table's model and proxy on their own: rows, live updates one row at a time,
// coalesced bursts, sorting, filtering through wa::ConfigFilter; each under
// QAbstractItemModelTester.
#include "configfilterproxy.h"
#include "configtablemodel.h"
#include "filterbar.h"
#include "statebadgedelegate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace wa;
using namespace Qt::StringLiterals;

namespace {
WebhookConfig makeConfig(int n, ConfigState state, const QString &host = QStringLiteral("example"))
{
    WebhookConfig c;
    c.id = QStringLiteral("cfg-%1").arg(n, 4, 10, QLatin1Char('0'));
    c.organisation = QStringLiteral("org");
    c.url = QStringLiteral("https://%1.test/hooks/%2").arg(host).arg(n);
    c.secret = QStringLiteral("secret-%1").arg(n);
    c.state = state;
    c.dateCreated = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 60);
    return c;
}
} // namespace

class TestConfigTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rowsAndColumns()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(1, ConfigState::Valid), makeConfig(2, ConfigState::New)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConfigTableModel::ColumnCount));
        QCOMPARE(model.index(0, ConfigTableModel::State).data().toString(), u"Valid"_s);
        QCOMPARE(model.index(1, ConfigTableModel::Url).data().toString(),
                 u"https://example.test/hooks/2"_s);
        QCOMPARE(model.index(1, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0002"_s);
        QVERIFY(model.hasValidConfig());
        QCOMPARE(model.headerData(ConfigTableModel::Created, Qt::Horizontal).toString(),
                 u"Created"_s);
    }

    void liveChangeTouchesOneRow()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<WebhookConfig> configs;
        for (int i = 0; i < 50; ++i)
            configs << makeConfig(i, ConfigState::New);
        model.setConfigs(configs);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        WebhookConfig tested = configs.at(17);
        tested.state = ConfigState::Valid;
        model.upsert(tested);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 17);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 17);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(17, 0).data().toString(), u"Valid"_s);
        // The same value again is no change at all.
        model.upsert(tested);
        QCOMPARE(changed.size(), 1);
    }

    void burstIsCoalesced()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(1, ConfigState::New)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 2; i <= 101; ++i)
            model.upsertLater(makeConfig(i, ConfigState::New));
        WebhookConfig first = makeConfig(1, ConfigState::Invalid);
        model.upsertLater(makeConfig(1, ConfigState::Valid));
        model.upsertLater(first); // the latest wins
        QCOMPARE(model.rowCount(), 1); // nothing applied yet
        QTRY_COMPARE(model.rowCount(), 101);
        QCOMPARE(inserted.size(), 1); // one insert for the whole burst
        QCOMPARE(changed.size(), 1); // one change for row 0, not two
        QVERIFY(model.configAt(0).state == ConfigState::Invalid);
        QCOMPARE(model.rowOf(u"cfg-0101"_s), 100);
    }

    void proxyFiltersThroughConfigFilter()
    {
        ConfigTableModel model;
        ConfigFilterProxy proxy;
        proxy.setConfigModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(1, ConfigState::Valid, u"alpha"_s),
                          makeConfig(2, ConfigState::Invalid, u"beta"_s),
                          makeConfig(3, ConfigState::Deactivated, u"alpha"_s),
                          makeConfig(4, ConfigState::New, u"gamma"_s)});
        QCOMPARE(proxy.rowCount(), 3); // deactivated hidden by default, as the API does
        ConfigFilter filter;
        filter.text = u"ALPHA"_s;
        proxy.setFilter(filter);
        QCOMPARE(proxy.rowCount(), 1);
        filter.states = {ConfigState::Valid, ConfigState::Deactivated};
        proxy.setFilter(filter);
        QCOMPARE(proxy.rowCount(), 2);
        filter.text = u"cfg-0004"_s; // by ID
        filter.states.clear();
        proxy.setFilter(filter);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0004"_s);
        // A live change that makes a row match shows it without a new filter.
        filter.text.clear();
        filter.states = {ConfigState::Valid};
        proxy.setFilter(filter);
        QCOMPARE(proxy.rowCount(), 1);
        model.upsert(makeConfig(4, ConfigState::Valid, u"gamma"_s));
        QCOMPARE(proxy.rowCount(), 2);
    }

    void proxyRemembersWhatItAcceptedBetweenKeystrokes()
    {
        ConfigTableModel model;
        ConfigFilterProxy proxy;
        proxy.setConfigModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<WebhookConfig> configs;
        for (int i = 1; i <= 30; ++i)
            configs << makeConfig(i, ConfigState::Valid, i % 3 == 0 ? u"shop"_s : u"shed"_s);
        model.setConfigs(configs);
        QSignalSpy remapped(&proxy, &QAbstractItemModel::layoutChanged);
        auto type = [&](const QString &text) {
            ConfigFilter filter;
            filter.text = text;
            proxy.setFilter(filter);
            // Whatever the shortcut, the same rows as asking every one.
            int expected = 0;
            for (int row = 0; row < model.rowCount(); ++row)
                expected += filter.matches(model.configAt(row)) ? 1 : 0;
            return expected == proxy.rowCount() ? proxy.rowCount() : -1;
        };
        QCOMPARE(type(u"s"_s), 30);
        QCOMPARE(type(u"sh"_s), 30);
        const int before = int(remapped.size());
        QCOMPARE(type(u"SH"_s), 30); // the same rows: nothing re-mapped
        QCOMPARE(int(remapped.size()), before);
        QCOMPARE(type(u"sho"_s), 10); // narrowing
        QCOMPARE(type(u"shop.test/hooks/3"_s), 2); // 3 and 30
        QCOMPARE(type(u"sho"_s), 10); // widening
        QCOMPARE(type(QString()), 30);
        // A row that changes is asked about again, not taken from memory.
        QCOMPARE(type(u"shop"_s), 10);
        model.upsert(makeConfig(1, ConfigState::Valid, u"shop"_s));
        QCOMPARE(proxy.rowCount(), 11);
        QCOMPARE(type(u"shop.test"_s), 11);
        model.upsert(makeConfig(31, ConfigState::Valid, u"shop"_s)); // a new row
        QCOMPARE(type(u"shop.tes"_s), 12);
        QCOMPARE(type(u"x"_s), 0);
        QCOMPARE(type(QString()), 31);
    }

    void proxySortsEveryColumn()
    {
        ConfigTableModel model;
        ConfigFilterProxy proxy;
        proxy.setConfigModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(2, ConfigState::Invalid, u"b"_s),
                          makeConfig(3, ConfigState::New, u"a"_s),
                          makeConfig(1, ConfigState::Valid, u"c"_s)});
        model.setDefaultConfigId(u"cfg-0002"_s);
        proxy.sort(ConfigTableModel::Created, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0003"_s);
        proxy.sort(ConfigTableModel::Url, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0003"_s);
        proxy.sort(ConfigTableModel::State, Qt::AscendingOrder); // new, valid, invalid
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0003"_s);
        QCOMPARE(proxy.index(2, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0002"_s);
        proxy.sort(ConfigTableModel::Default, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0002"_s);
        QVERIFY(proxy.index(0, ConfigTableModel::Default)
                    .data(ConfigTableModel::IsDefaultRole)
                    .toBool());
        proxy.sort(ConfigTableModel::Id, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ConfigTableModel::IdRole).toString(), u"cfg-0001"_s);
    }

    void sortedModelKeepsOrderOnLiveChanges()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(1, ConfigState::Valid, u"c"_s),
                          makeConfig(2, ConfigState::Valid, u"a"_s),
                          makeConfig(3, ConfigState::Valid, u"e"_s)});
        model.sort(ConfigTableModel::Url, Qt::AscendingOrder); // a, c, e
        auto order = [&model] {
            QStringList ids;
            for (int row = 0; row < model.rowCount(); ++row)
                ids << model.configAt(row).id;
            return ids;
        };
        QCOMPARE(order(), QStringList({u"cfg-0002"_s, u"cfg-0001"_s, u"cfg-0003"_s}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        model.upsert(makeConfig(4, ConfigState::New, u"d"_s)); // goes to its place: a c d e
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(order(),
                 QStringList({u"cfg-0002"_s, u"cfg-0001"_s, u"cfg-0004"_s, u"cfg-0003"_s}));
        WebhookConfig changed = makeConfig(2, ConfigState::Valid, u"z"_s); // a -> z moves last
        model.upsert(changed);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(order(),
                 QStringList({u"cfg-0001"_s, u"cfg-0004"_s, u"cfg-0003"_s, u"cfg-0002"_s}));
        QCOMPARE(model.rowOf(u"cfg-0002"_s), 3);
        model.sort(ConfigTableModel::Url, Qt::DescendingOrder);
        QCOMPARE(order(),
                 QStringList({u"cfg-0002"_s, u"cfg-0003"_s, u"cfg-0004"_s, u"cfg-0001"_s}));
    }

    void defaultMarkMoves()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs({makeConfig(1, ConfigState::Valid), makeConfig(2, ConfigState::Valid)});
        model.setDefaultConfigId(u"cfg-0001"_s);
        auto isDefault = [&](int row) {
            return model.index(row, ConfigTableModel::Default)
                .data(ConfigTableModel::IsDefaultRole)
                .toBool();
        };
        QVERIFY(isDefault(0));
        // A star, named for screen readers and in its tooltip.
        QVERIFY(!model.index(0, ConfigTableModel::Default).data(Qt::DecorationRole).isNull());
        QCOMPARE(model.index(0, ConfigTableModel::Default).data(Qt::AccessibleTextRole).toString(),
                 u"Default"_s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDefaultConfigId(u"cfg-0002"_s);
        QCOMPARE(changed.size(), 2); // the old row and the new row, nothing else
        QVERIFY(!isDefault(0));
        QVERIFY(isDefault(1));
    }

    void testStatusShowsProgressThenOutcome()
    {
        ConfigTableModel model;
        model.setConfigs({makeConfig(1, ConfigState::New)});
        TestStatus running;
        running.phase = TestStatus::Phase::Running;
        running.started = QDateTime::currentDateTimeUtc();
        model.setTestStatus(u"cfg-0001"_s, running);
        const QModelIndex cell = model.index(0, ConfigTableModel::LastTest);
        QCOMPARE(cell.data().toString(), u"testing…"_s);
        QVERIFY(cell.data(ConfigTableModel::TestProgressRole).toInt() >= 0);
        DeliveryAttempt attempt;
        attempt.error = QString::fromLatin1(TaskError::Rejected);
        attempt.responseStatus = 500;
        TestStatus failed;
        failed.phase = TestStatus::Phase::Failed;
        failed.reason = TestOutcome::describeAttempt(attempt).english();
        failed.finished = QDateTime::currentDateTimeUtc();
        model.setTestStatus(u"cfg-0001"_s, failed);
        QCOMPARE(cell.data().toString(), u"invalid · HTTP 500 from receiver"_s);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(u"Failed: HTTP 500"_s));
        QCOMPARE(cell.data(ConfigTableModel::TestProgressRole).toInt(), -1);
        // From a looked-up outcome: what passed says how fast.
        Task task;
        task.id = u"t1"_s;
        task.target = u"cfg-0001"_s;
        task.state = TaskState::Succeeded;
        task.dateCompleted = QDateTime::currentDateTimeUtc();
        DeliveryAttempt ok;
        ok.taskId = task.id;
        ok.responseStatus = 200;
        ok.latencyMs = 35;
        model.setTestStatus(u"cfg-0001"_s,
                            TestStatus::fromOutcome(TestOutcome::fromTask(task, &ok)));
        QCOMPARE(cell.data().toString(), u"valid · HTTP 200, 35 ms"_s);
    }

    void selectionSurvivesLiveUpdates()
    {
        ConfigTableModel model;
        ConfigFilterProxy proxy;
        proxy.setConfigModel(&model);
        QTableView view;
        view.setModel(&proxy);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSortingEnabled(true);
        view.sortByColumn(ConfigTableModel::Created, Qt::DescendingOrder);
        model.setConfigs({makeConfig(1, ConfigState::New), makeConfig(2, ConfigState::New)});
        const QModelIndex second = proxy.mapFromSource(model.index(model.rowOf(u"cfg-0002"_s), 0));
        view.selectionModel()->select(
            second, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        model.upsert(makeConfig(2, ConfigState::Valid));
        model.upsert(makeConfig(3, ConfigState::New)); // a new row sorts in above
        const QModelIndexList rows = view.selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(ConfigTableModel::IdRole).toString(), u"cfg-0002"_s);
        QCOMPARE(rows.first().data().toString(), u"Valid"_s);
    }

    void filterBarEmitsOnTypingAndCounts()
    {
        FilterBar bar;
        QSignalSpy spy(&bar, &FilterBar::filterChanged);
        auto *text = bar.findChild<QLineEdit *>(u"filterText"_s);
        QVERIFY(text);
        QTest::keyClicks(text, u"abc"_s);
        QCOMPARE(spy.size(), 3); // one per keystroke: instant
        QCOMPARE(spy.last().first().value<ConfigFilter>().text, u"abc"_s);
        auto *deactivated = bar.findChild<QToolButton *>(u"filterStateDeactivated"_s);
        QVERIFY(!deactivated->isChecked()); // hidden by default, as the API does
        QTest::mouseClick(deactivated, Qt::LeftButton);
        QVERIFY(spy.last().first().value<ConfigFilter>().states.contains(ConfigState::Deactivated));
        bar.setCounts(12, 100000);
        QCOMPARE(bar.findChild<QLabel *>(u"filterCount"_s)->text(),
                 QStringLiteral("12 of %1 configs").arg(QLocale().toString(100000)));
    }

    void badgeColorsAreDistinctAndReadable()
    {
        QSet<QRgb> colors;
        for (auto state : {ConfigState::New, ConfigState::Valid, ConfigState::Invalid,
                           ConfigState::Deactivated}) {
            const QColor c = StateBadgeDelegate::badgeColor(state);
            colors.insert(c.rgb());
            // White text needs a dark enough badge (WCAG relative luminance <= 0.18 gives a
            // contrast of at least 4.5:1).
            auto channel = [](double v) {
                v /= 255.0;
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            const double luminance = 0.2126 * channel(c.red()) + 0.7152 * channel(c.green())
                + 0.0722 * channel(c.blue());
            QVERIFY2(luminance <= 0.18, qPrintable(c.name()));
        }
        QCOMPARE(colors.size(), 4);
    }
};

QTEST_MAIN(TestConfigTableModel)
#include "tst_configtablemodel.moc"
