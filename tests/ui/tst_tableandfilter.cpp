// The table and the filter as a newcomer meets them (issue 11, defects 2, 8, 9, 10 and the
// Escape key of 12): selection, details and actions agree when the filter hides the selected
// row; nothing is cut at 1280x800 and the URL takes the spare width at 1920x1080; the state
// toggles look different on and off; empty states say why and offer the way out; no verdict on
// the organisation while the server cannot be reached.
#include "attempthistory.h"
#include "configdetailspanel.h"
#include "elidedlabel.h"
#include "emptystate.h"
#include "errorbanner.h"
#include "statebadgedelegate.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QScrollBar>
#include <QStatusBar>
#include <QToolButton>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

// The colour of a widget's background as drawn: a pixel inside its frame, left of its text.
QColor background(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    return image.pixelColor(4, image.height() / 2);
}

int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue());
}

} // namespace

class TestTableAndFilter : public QObject, public WindowFixture
{
    Q_OBJECT

    QString detailsId() const { return child<QLabel>(u"detailsId"_s)->text(); }
    QLineEdit *filterText() const { return child<QLineEdit>(u"filterText"_s); }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void selectionDetailsAndActionsAgreeUnderAFilter()
    {
        const QString alpha = createThroughDialog(m_receiver->url(u"/alpha"_s));
        const QString beta = createThroughDialog(m_receiver->url(u"/beta"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(alpha), u"valid"_s, TestTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(beta), u"valid"_s, TestTimeoutMs);
        clickRow(alpha);
        QCOMPARE(detailsId(), alpha);
        QVERIFY(child<QAction>(u"actionDeactivate"_s)->isEnabled());

        // The filter hides the selected row: nothing is selected any more, and everything
        // says so.
        QTest::keyClicks(filterText(), u"beta"_s);
        QVERIFY(!shown(alpha));
        QVERIFY(!m_window->selectedConfig());
        QCOMPARE(detailsId(), u"–"_s);
        for (const QString &action : {u"actionEdit"_s, u"actionTest"_s, u"actionDeactivate"_s})
            QVERIFY2(!child<QAction>(action)->isEnabled(), qPrintable(action));
        key(table(), Qt::Key_Delete);
        QVERIFY(m_questions.isEmpty()); // Del does nothing, as its action says

        // Escape clears the filter: the rows are back, still nothing selected, details empty.
        QTest::keyClick(filterText(), Qt::Key_Escape);
        QCOMPARE(filterText()->text(), QString());
        QVERIFY(shown(alpha));
        QVERIFY(table()->selectionModel()->selectedRows().isEmpty());
        QCOMPARE(detailsId(), u"–"_s);
        QVERIFY(!child<QAction>(u"actionDeactivate"_s)->isEnabled());

        // A click selects, and details and actions follow.
        clickRow(beta);
        QCOMPARE(detailsId(), beta);
        QVERIFY(child<QAction>(u"actionDeactivate"_s)->isEnabled());
        key(table(), Qt::Key_Delete);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(m_receiver->url(u"/beta"_s)));
    }

    void nothingIsCutAt1280()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        m_receiver->status = 500;
        const QString failing = createThroughDialog(m_receiver->url(u"/crm"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(failing), u"invalid"_s, TestTimeoutMs);
        QCOMPARE(m_window->size(), QSize(1280, 800));

        // The widest badge fits its column.
        QTest::mouseClick(child<QToolButton>(u"filterStateDeactivated"_s), Qt::LeftButton);
        const int badge = StateBadgeDelegate::badgeWidth(
            table()->font(), ConfigTableModel::stateText(ConfigState::Deactivated));
        QVERIFY(table()->horizontalHeader()->sectionSize(ConfigTableModel::State) >= badge);

        // The profile's name, whole.
        auto *switcher = child<QWidget>(u"profileSwitcher"_s);
        QVERIFY(switcher->width() >= switcher->sizeHint().width());

        // The status bar: the warning whole; the profile's path cut in the middle at most,
        // whole in its tooltip.
        QTRY_VERIFY(warningShown(u"No default"_s));
        auto *warning = child<QLabel>(u"statusWarning"_s);
        QTRY_VERIFY(warning->isVisible());
        QVERIFY(warning->width() >= warning->sizeHint().width());
        auto *profile = child<ElidedLabel>(u"statusProfile"_s);
        QVERIFY(profile->toolTip().contains(localDatabase()));
        const QString shownText = profile->shownText();
        QVERIFY2(shownText == profile->text() || shownText.contains(u'…'), qPrintable(shownText));
        QVERIFY(shownText.endsWith(u"local.sqlite)"_s));

        // The details: the secret whole, masked and revealed; the history without sideways
        // scrolling.
        clickRow(id);
        auto *secret = child<QLineEdit>(u"detailsSecret"_s);
        const QString value = secret->text();
        QVERIFY(value.size() >= 43);
        const int room = secret->width() - 12; // frame and text margins
        QVERIFY2(QFontMetrics(secret->font()).horizontalAdvance(value) <= room,
                 qPrintable(u"%1 px of text in %2 px"_s
                                .arg(QFontMetrics(secret->font()).horizontalAdvance(value))
                                .arg(room)));
        const QChar dot(secret->style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter));
        QVERIFY(QFontMetrics(secret->font()).horizontalAdvance(QString(value.size(), dot)) <= room);
        auto *history = m_window->findChild<AttemptHistory *>()->view();
        // (The history of the config selected before may show for a moment.)
        QTRY_VERIFY(
            history->model()->rowCount() == 1
            && history->model()->index(0, 1).data().toString().startsWith(u"valid · HTTP 200"_s));
        QVERIFY2(history->horizontalHeader()->length() <= history->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(history->horizontalHeader()->length())
                                .arg(history->viewport()->width())));
    }

    void theUrlTakesTheSpareWidthAt1920()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        QHeaderView *header = table()->horizontalHeader();
        const int urlAt1280 = header->sectionSize(ConfigTableModel::Url);
        m_window->resize(1920, 1080);
        QTRY_VERIFY(header->sectionSize(ConfigTableModel::Url) > urlAt1280 + 400);
        QTRY_VERIFY(header->sectionSize(ConfigTableModel::LastTest)
                    < header->sectionSize(ConfigTableModel::Url));
        QVERIFY(header->length() <= table()->viewport()->width());
    }

    void stateTogglesLookDifferentOnAndOff()
    {
        auto *valid = child<QToolButton>(u"filterStateValid"_s);
        QVERIFY(valid->isChecked());
        const QString onText = valid->text();
        const QColor on = background(valid);
        QTest::mouseClick(valid, Qt::LeftButton);
        QVERIFY(!valid->isChecked());
        const QColor off = background(valid);
        // Not colour alone: the words change too; and not a faint shade: the colour does.
        QVERIFY(onText.startsWith(u"✓"_s));
        QVERIFY(!valid->text().startsWith(u"✓"_s));
        QVERIFY2(distance(on, off) > 120,
                 qPrintable(u"on %1, off %2"_s.arg(on.name(), off.name())));
        QVERIFY(distance(on, StateBadgeDelegate::badgeColor(ConfigState::Valid)) < 120);
    }

    void whenTheFilterHidesEverythingItSaysSo()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        auto *empty = child<EmptyState>(u"emptyState"_s);
        QTest::keyClicks(filterText(), u"no-such-thing"_s);
        QVERIFY(empty->isVisible());
        QCOMPARE(child<QLabel>(u"emptyStateTitle"_s)->text(), u"No config matches"_s);
        QVERIFY(child<QLabel>(u"emptyStateText"_s)->text().contains(u"no-such-thing"_s));
        QTest::mouseClick(child<QPushButton>(u"emptyStateClearFilters"_s), Qt::LeftButton);
        QCOMPARE(filterText()->text(), QString());
        QVERIFY(table()->isVisible());
        QVERIFY(shown(id));

        // A "from" after the "to" is marked, and the empty table says why.
        QTest::mouseClick(child<QCheckBox>(u"filterFromEnabled"_s), Qt::LeftButton);
        QTest::mouseClick(child<QCheckBox>(u"filterToEnabled"_s), Qt::LeftButton);
        auto *from = child<QDateEdit>(u"filterFrom"_s);
        auto *to = child<QDateEdit>(u"filterTo"_s);
        auto *problem = child<QLabel>(u"filterDateProblem"_s);
        QVERIFY(problem->isHidden());
        from->setFocus();
        from->setDate(to->date().addDays(2));
        QVERIFY(problem->isVisible());
        QVERIFY(!from->styleSheet().isEmpty());
        QVERIFY(empty->isVisible());
        QVERIFY(child<QLabel>(u"emptyStateText"_s)->text().contains(u"after"_s));
        from->setDate(to->date().addDays(-2));
        QVERIFY(problem->isHidden());
        QVERIFY(from->styleSheet().isEmpty());
        QVERIFY(table()->isVisible());
    }

    void noVerdictWhileTheServerCannotBeReached()
    {
        m_receiver->status = 500;
        const QString id = createThroughDialog(m_receiver->url(u"/crm"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"invalid"_s, TestTimeoutMs);
        auto server = std::make_unique<TestServer>();
        QVERIFY(server->start(LocalService::Options {localDatabase()}));
        const quint16 port = server->url.port();
        saveRemoteProfile(u"Staging"_s, server->url, server->token);
        switchAndWait(u"Staging"_s);
        QTRY_VERIFY(warningShown(u"No valid webhook config"_s));

        // The server goes away; a refresh fails: an error with Retry, and no verdict.
        server.reset();
        key(table(), Qt::Key_F5);
        auto *banner = child<ErrorBanner>(u"errorBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), TestTimeoutMs);
        QVERIFY(banner->canRetry());
        QVERIFY(noWarning());
        QVERIFY(!m_window->isLoaded());

        // Back on its port: Retry loads, and the verdict returns.
        LocalService service({localDatabase()});
        QVERIFY(service.open());
        LocalServer back(&service);
        QVERIFY(back.listen(QHostAddress(QHostAddress::LocalHost), port));
        QTest::mouseClick(banner->findChild<QPushButton *>(u"errorBannerRetry"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(m_window->isLoaded(), qPrintable(banner->text()), TestTimeoutMs);
        QVERIFY(banner->isHidden());
        QTRY_VERIFY(warningShown(u"No valid webhook config"_s));
    }
};

QTEST_MAIN(TestTableAndFilter)
#include "tst_tableandfilter.moc"
