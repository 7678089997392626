// The console in German, as a person with LANGUAGE=de sees it: menus, toolbar, status bar, table
// headers, state names, test outcomes and a core error after a failed action, all German. The same
// window is first made in English, so that every visible text can be held against its source.
#include "elidedlabel.h"
#include "translations.h"
#include "windowfixture.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QWidgetAction>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

// Every text a person reads in the menus and the toolbar, by where it is ("menu 1/3 text").
QMap<QString, QString> visibleTexts(MainWindow *window)
{
    QMap<QString, QString> texts;
    const std::function<void(QMenu *, const QString &)> walk
        = [&](QMenu *menu, const QString &where) {
              texts.insert(where + u" title"_s, menu->title());
              const QList<QAction *> actions = menu->actions();
              for (qsizetype i = 0; i < actions.size(); ++i) {
                  QAction *action = actions.at(i);
                  const QString here = where + u'/' + QString::number(i);
                  if (action->menu())
                      walk(action->menu(), here);
                  else if (!action->isSeparator() && !action->text().isEmpty())
                      texts.insert(here + u" text"_s, action->text());
              }
          };
    const QList<QAction *> menus = window->menuBar()->actions();
    for (qsizetype i = 0; i < menus.size(); ++i)
        walk(menus.at(i)->menu(), u"menu "_s + QString::number(i));

    auto *toolbar = window->findChild<QToolBar *>(u"mainToolBar"_s);
    const QList<QAction *> tools = toolbar->actions();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        QAction *action = tools.at(i);
        const QString here = u"toolbar "_s + QString::number(i);
        if (auto *widget = qobject_cast<QWidgetAction *>(action)) {
            QWidget *shown = toolbar->widgetForAction(widget);
            if (!shown->toolTip().isEmpty())
                texts.insert(here + u" tip"_s, shown->toolTip());
            if (auto *combo = qobject_cast<QComboBox *>(shown)) {
                // The built-in profile; saved profiles are the user's own names.
                texts.insert(here + u" item 0"_s, combo->itemText(0));
                texts.insert(here + u" item 0 tip"_s,
                             combo->itemData(0, Qt::ToolTipRole).toString());
            }
            continue;
        }
        if (action->isSeparator())
            continue;
        texts.insert(here + u" text"_s, action->text());
        texts.insert(here + u" tip"_s, action->toolTip());
    }
    return texts;
}

// Words that are German as they are.
const QSet<QString> SameInGerman {u"ID"_s, u"Details"_s};

} // namespace

class TestGerman : public QObject, public WindowFixture
{
    Q_OBJECT

    QMap<QString, QString> m_english;

private slots:
    void initTestCase()
    {
        setUpTestCase(m_dir);
        // Widgets call tr() as they are made: the English window first, then German for all.
        setUpWindow();
        m_english = visibleTexts(m_window.get());
        tearDownWindow();
        QVERIFY(m_english.size() > 30);
        QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    }

    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void menusAndToolbarAreGerman()
    {
        const QMap<QString, QString> german = visibleTexts(m_window.get());
        QCOMPARE(german.keys(), m_english.keys());
        QStringList english;
        for (auto it = german.cbegin(); it != german.cend(); ++it) {
            const QString source = m_english.value(it.key());
            if (it.value() == source && !SameInGerman.contains(QString(source).remove(u'&')))
                english << u"%1: \"%2\""_s.arg(it.key(), source);
        }
        QVERIFY2(english.isEmpty(), qPrintable(u"still English:\n"_s + english.join(u'\n')));

        QStringList titles;
        for (QAction *menu : m_window->menuBar()->actions())
            titles << menu->text();
        QCOMPARE(titles,
                 QStringList({u"&Datei"_s, u"&Konfigurationen"_s, u"&Ansicht"_s, u"E&xtras"_s,
                              u"&Hilfe"_s}));
        QCOMPARE(m_window->windowTitle(), u"Lokal"_s);
        const QString status = child<ElidedLabel>(u"statusProfile"_s)->text();
        QVERIFY2(status.startsWith(u"Profil: Lokal · eingebetteter Dienst · Lokal ("_s),
                 qPrintable(status));
    }

    void tableHeadersStatesAndOutcomesAreGerman()
    {
        const auto header = [this](int column) {
            return model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        };
        QCOMPARE(header(ConfigTableModel::State), u"Status"_s);
        QCOMPARE(header(ConfigTableModel::Created), u"Erstellt"_s);
        QCOMPARE(header(ConfigTableModel::LastTest), u"Letzter Test"_s);

        const QString valid = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cell(valid, ConfigTableModel::State), u"Gültig"_s, TestTimeoutMs);
        QTRY_VERIFY(cell(valid, ConfigTableModel::LastTest).startsWith(u"gültig · HTTP 200, "_s));

        // The reason comes from core (TestOutcome): German too.
        const QString refused
            = createThroughDialog(u"http://127.0.0.1:%1/webhooks"_s.arg(closedPort()));
        QTRY_COMPARE_WITH_TIMEOUT(cell(refused, ConfigTableModel::State), u"Ungültig"_s,
                                  TestTimeoutMs);
        QTRY_COMPARE(cell(refused, ConfigTableModel::LastTest),
                     u"ungültig · Verbindung abgelehnt"_s);
    }

    // Serve on a port that is taken: the error is core's (LocalServer), shown in German.
    void aCoreErrorAfterAFailedActionIsGerman()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        QVERIFY(m_window->raisePanel(u"server"_s));
        auto *port = child<QSpinBox>(u"servePort"_s);
        port->setValue(taken.serverPort());
        auto *toggle = child<QAbstractButton>(u"serveToggle"_s);
        QTRY_VERIFY(toggle->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        auto *status = child<QLabel>(u"serveStatus"_s);
        const QString expected
            = u"Lauschen auf 127.0.0.1:%1 nicht möglich: "_s.arg(taken.serverPort());
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(expected), qPrintable(status->text()),
                                  TestTimeoutMs);
        QVERIFY2(!status->text().contains(u"Could not"_s), qPrintable(status->text()));
    }
};

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
