// Feedback and polish (issue 11, defects 5, 6, 11 and 12): the New config dialog shows its
// whole error; the Signature Tools' labels are mnemonics, not "&Secret:"; what an action did is
// said, by URL, with Undo for a deactivation; the window title, menus, Help and the Profiles
// dialog read as a person expects.
#include "shortcutsdialog.h"
#include "windowfixture.h"

#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableWidget>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

class TestFeedback : public QObject, public WindowFixture
{
    Q_OBJECT

    QString statusMessage() const { return m_window->statusBar()->currentMessage(); }

    QMenu *menu(const QString &title) const
    {
        for (QAction *action : m_window->menuBar()->actions()) {
            if (action->text().remove(u'&') == title)
                return action->menu();
        }
        return nullptr;
    }

    // Opens the dialog a menu action opens, by clicking the menu as a person does.
    void triggerFromMenu(const QString &menuTitle, const QString &actionName)
    {
        QMenu *m = menu(menuTitle);
        QVERIFY2(m, qPrintable(menuTitle));
        auto *action = m_window->findChild<QAction *>(actionName);
        QVERIFY2(action && m->actions().contains(action), qPrintable(actionName));
        activate();
        m->popup(m_window->mapToGlobal(QPoint(10, 10)));
        QTRY_VERIFY(m->isVisible());
        QTest::mouseClick(m, Qt::LeftButton, {}, m->actionGeometry(action).center());
        QTRY_VERIFY(!m->isVisible());
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void createErrorIsShownWhole()
    {
        auto server = std::make_unique<TestServer>();
        QVERIFY(server->start(LocalService::Options {localDatabase()}));
        saveRemoteProfile(u"Staging"_s, server->url, server->token);
        switchAndWait(u"Staging"_s);
        server.reset(); // the server is down
        key(table(), Qt::Key_N, Qt::ControlModifier);
        ConfigEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"configUrlEdit"_s), m_receiver->url());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        auto *problem = dialog->findChild<QLabel *>(u"configUrlProblem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), TestTimeoutMs);
        QVERIFY2(problem->text().contains(u"connect"_s), qPrintable(problem->text()));
        // Every line of it inside the dialog.
        QVERIFY(problem->height() >= problem->heightForWidth(problem->width()));
        const QRect inDialog(problem->mapTo(dialog, QPoint(0, 0)), problem->size());
        QVERIFY(dialog->rect().contains(inDialog));
        auto *ok = dialog->findChild<QPushButton *>(u"configEditorOk"_s);
        QVERIFY(dialog->rect().contains(QRect(ok->mapTo(dialog, QPoint(0, 0)), ok->size())));
        QVERIFY(ok->isEnabled()); // try again once the server is back
    }

    void signatureToolsLabelsAreMnemonics()
    {
        triggerFromMenu(u"Tools"_s, u"actionSignatureTools"_s);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"signatureDialog"_s)));
        QTRY_VERIFY(dialog->isVisible());
        int mnemonics = 0;
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (!label->text().contains(u'&') || label->textFormat() == Qt::RichText)
                continue;
            ++mnemonics;
            // Without a buddy a label shows its "&" as it is: it would be as wide as this one.
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            QLabel literal(label->text());
            literal.setFont(label->font());
            QVERIFY2(label->sizeHint().width() < literal.sizeHint().width(),
                     qPrintable(label->text()));
        }
        QVERIFY(mnemonics >= 5); // Secret, Body, Timestamp, Header, Window
        auto *secret = dialog->findChild<QLineEdit *>(u"secretEdit"_s);
        auto *timestamp = dialog->findChild<QLineEdit *>(u"timestampEdit"_s);
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->text() == u"&Secret:"_s)
                QCOMPARE(label->buddy(), secret);
            if (label->text() == u"&Timestamp:"_s)
                QCOMPARE(label->buddy(), timestamp);
        }
        dialog->close();
    }

    void actionsSayWhatTheyDidByUrl()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QVERIFY(statusMessage().contains(m_receiver->url(u"/orders"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        clickRow(id);
        // Edit URL: said, with the new URL.
        key(table(), Qt::Key_F2);
        ConfigEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>()));
        auto *edit = dialog->findChild<QLineEdit *>(u"configUrlEdit"_s);
        edit->selectAll();
        QTest::keyClicks(edit, m_receiver->url(u"/orders-v2"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        QTRY_COMPARE(cell(id, ConfigTableModel::Url), m_receiver->url(u"/orders-v2"_s));
        QVERIFY2(statusMessage().contains(m_receiver->url(u"/orders-v2"_s)),
                 qPrintable(statusMessage()));
        QVERIFY(!statusMessage().contains(id)); // by its URL, not its UUID
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);

        // Deactivate: said, with Undo, which brings it back.
        activate();
        key(table(), Qt::Key_Delete);
        QTRY_COMPARE(stateOf(id), u"deactivated"_s);
        QVERIFY(statusMessage().contains(m_receiver->url(u"/orders-v2"_s)));
        auto *undo = child<QPushButton>(u"statusUndo"_s);
        QVERIFY(undo->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY(stateOf(id) == u"new"_s || stateOf(id) == u"valid"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        QVERIFY(shown(id));
        QVERIFY(undo->isHidden());
    }

    void titleMenusAndHelpReadWell()
    {
        // "Local — Webhook Admin": the platform adds the application's name once.
        QCOMPARE(m_window->windowTitle(), u"Local"_s);
        QCOMPARE(QGuiApplication::applicationDisplayName(), u"Webhook Admin"_s);

        QMenu *view = menu(u"View"_s);
        QMenu *tools = menu(u"Tools"_s);
        QStringList viewTexts;
        for (QAction *action : view->actions())
            viewTexts << action->text().remove(u'&');
        QVERIFY2(viewTexts.contains(u"Toolbar"_s), qPrintable(viewTexts.join(u", "_s)));
        QVERIFY(!viewTexts.contains(u"Main"_s));
        QVERIFY(viewTexts.contains(u"Receiver"_s));
        QVERIFY(viewTexts.contains(u"Columns"_s));
        for (QAction *action : tools->actions())
            QVERIFY(action->text() != u"Receiver"_s); // listed once, in View

        // Help > Keyboard Shortcuts lists the shortcuts as the platform writes them.
        triggerFromMenu(u"Help"_s, u"actionShortcuts"_s);
        ShortcutsDialog *shortcuts = nullptr;
        QTRY_VERIFY((shortcuts = m_window->findChild<ShortcutsDialog *>()));
        auto *list = shortcuts->findChild<QTableWidget *>(u"shortcutsTable"_s);
        QStringList rows;
        for (int row = 0; row < list->rowCount(); ++row)
            rows << list->item(row, 0)->text() + u" = "_s + list->item(row, 1)->text();
        const QString all = rows.join(u'\n');
        QVERIFY2(all.contains(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)
                              + u" = New"_s),
                 qPrintable(all));
        QVERIFY(all.contains(u"Esc"_s));
        QVERIFY(all.contains(u"Test"_s));
        shortcuts->close();
    }

    void profilesDialogListsLocalAndTestsConnections()
    {
        TestServer server;
        QVERIFY(server.start(LocalService::Options {localDatabase()}));
        clickAction(u"actionProfiles"_s);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"profileDialog"_s)));
        auto *list = dialog->findChild<QListWidget *>(u"profileList"_s);
        QCOMPARE(list->item(0)->text(), u"Local (embedded service)"_s);
        // Local: shown, not editable.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(0)).center());
        QVERIFY(dialog->findChild<QLabel *>(u"profileLocalNote"_s)->isVisible());
        QVERIFY(!dialog->findChild<QLineEdit *>(u"profileUrl"_s)->isEnabled());
        QVERIFY(!dialog->findChild<QPushButton *>(u"profileRemove"_s)->isEnabled());
        // A new profile, tested before it is saved: a wrong token, then the right one.
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"profileNew"_s), Qt::LeftButton);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileName"_s), u"Staging"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileUrl"_s), server.url.toString());
        auto *token = dialog->findChild<QLineEdit *>(u"profileToken"_s);
        QTest::keyClicks(token, u"wrong"_s);
        auto *test = dialog->findChild<QPushButton *>(u"profileTest"_s);
        auto *result = dialog->findChild<QLabel *>(u"profileTestResult"_s);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Could not connect"_s), TestTimeoutMs);
        token->clear();
        QTest::keyClicks(token, server.token);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), TestTimeoutMs);
        QVERIFY(!m_profiles->profile(u"Staging"_s)); // nothing saved by a test
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"profileSave"_s), Qt::LeftButton);
        QVERIFY(m_profiles->profile(u"Staging"_s));
        // Where no keychain runs, the dialog says so in plain words; the library's own words
        // stay in the tooltip.
        auto *warning = dialog->findChild<QLabel *>(u"profileTokenWarning"_s);
        QTRY_VERIFY(warning->isVisible());
        QVERIFY(warning->text().startsWith(u"No keychain service is running"_s));
        QVERIFY(!warning->text().contains(u"dbus"_s, Qt::CaseInsensitive));
        QVERIFY(!warning->text().contains(m_tokens->fallbackWarning()));
        dialog->close();
    }
};

QTEST_MAIN(TestFeedback)
#include "tst_feedback.moc"
