// Profiles and what outlives a switch (issue 11, defects 1, 3, 4, 7 and 13): the built-in
// receiver knows the secrets of every profile and never rewrites a verdict; its panel fits its
// dock; a remote test shows in the history without F5; ports are kept per profile and across a
// restart; a switch never blocks the GUI thread, and a dialog opened for the old profile saves
// nothing in the new one.
#include "attempthistory.h"
#include "attempthistorymodel.h"
#include "receivedrequestmodel.h"
#include "receiverpanel.h"
#include "serverpanel.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

class TestProfileSwitch : public QObject, public WindowFixture
{
    Q_OBJECT

    ReceiverPanel *receiverPanel() const { return child<ReceiverPanel>(u"receiverPanel"_s); }
    QString verdict(int row) const
    {
        return receiverPanel()
            ->model()
            ->index(row, ReceivedRequestModel::VerdictColumn)
            .data()
            .toString();
    }

    // Start the receiver from its panel, then "New Config Pointing Here" and Create.
    QString createPointingAtTheReceiver()
    {
        m_window->raisePanel(u"receiver"_s);
        ReceiverPanel *panel = receiverPanel();
        if (!panel->receiver()->isListening())
            QTest::mouseClick(panel->findChild<QPushButton *>(u"startStopButton"_s),
                              Qt::LeftButton);
        [&] { QVERIFY(panel->receiver()->isListening()); }();
        const int before = model()->rowCount();
        QTest::mouseClick(panel->findChild<QPushButton *>(u"newConfigButton"_s), Qt::LeftButton);
        ConfigEditorDialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>())); }();
        if (!dialog)
            return {};
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        [&] { QTRY_COMPARE(model()->rowCount(), before + 1); }();
        return m_window->selectedConfig() ? m_window->selectedConfig()->id : QString();
    }

    void startStaging(std::unique_ptr<TestServer> &server)
    {
        server = std::make_unique<TestServer>();
        QVERIFY(server->start(LocalService::Options {localDatabase()}));
        saveRemoteProfile(u"Staging"_s, server->url, server->token);
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup()
    {
        tearDownWindow();
        QSettings().clear();
    }

    void receiverKnowsEveryProfileAndVerdictsStay()
    {
        std::unique_ptr<TestServer> server;
        startStaging(server);
        switchAndWait(u"Staging"_s);
        // Made on the remote profile: the receiver knows its secret at once.
        const QString id = createPointingAtTheReceiver();
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(receiverPanel()->model()->rowCount(), 1, TestTimeoutMs);
        QCOMPARE(verdict(0), u"Valid"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        // Another profile: the verdict given stays, also when verified again.
        switchAndWait(localProfileName());
        QCOMPARE(verdict(0), u"Valid"_s);
        QTest::mouseClick(receiverPanel()->findChild<QPushButton *>(u"recheckButton"_s),
                          Qt::LeftButton);
        QCOMPARE(verdict(0), u"Valid"_s);
        // Tested from this profile, its event is verified too.
        clickRow(id);
        key(table(), Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(receiverPanel()->model()->rowCount(), 2, TestTimeoutMs);
        QCOMPARE(verdict(1), u"Valid"_s);
        switchAndWait(u"Staging"_s);
        QCOMPARE(verdict(0), u"Valid"_s);
        QCOMPARE(verdict(1), u"Valid"_s);
    }

    void receiverPanelFitsItsDockAt1280()
    {
        QCOMPARE(m_window->size(), QSize(1280, 800));
        m_window->raisePanel(u"receiver"_s);
        ReceiverPanel *panel = receiverPanel();
        QTRY_VERIFY(panel->isVisible());
        QTest::mouseClick(panel->findChild<QPushButton *>(u"startStopButton"_s), Qt::LeftButton);
        auto *area = qobject_cast<QScrollArea *>(panel->parentWidget()->parentWidget());
        QVERIFY(area);
        QTRY_VERIFY(!area->horizontalScrollBar()->isVisible());
        QVERIFY(!area->verticalScrollBar()->isVisible());
        QVERIFY2(
            panel->minimumSizeHint().width() <= area->viewport()->width(),
            qPrintable(
                u"%1 > %2"_s.arg(panel->minimumSizeHint().width()).arg(area->viewport()->width())));
        QVERIFY(panel->minimumSizeHint().height() <= area->viewport()->height());
        // Every control inside the dock, none past its edge.
        for (QPushButton *control : panel->findChildren<QPushButton *>()) {
            if (!control->isVisible())
                continue;
            const QRect inArea(control->mapTo(area->viewport(), QPoint(0, 0)), control->size());
            QVERIFY2(area->viewport()->rect().contains(inArea), qPrintable(control->text()));
        }
    }

    void remoteHistoryFollowsATest()
    {
        const QString id = createThroughDialog(m_receiver->url(u"/orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        std::unique_ptr<TestServer> server;
        startStaging(server);
        switchAndWait(u"Staging"_s);
        clickRow(id);
        auto *history = m_window->findChild<AttemptHistory *>()->model();
        QTRY_COMPARE(history->rowCount(), 1);
        key(table(), Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, TestTimeoutMs); // no F5
        QTRY_VERIFY(cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s));
    }

    void portsAreKeptPerProfileAndAcrossARestart()
    {
        closeWindow();
        QSettings().clear();
        openWindow(true);
        // Serve, on a free port; the field keeps the port taken.
        m_window->raisePanel(u"server"_s);
        auto *serve = child<QCheckBox>(u"serveToggle"_s);
        QTRY_VERIFY(serve->isEnabled());
        QTest::mouseClick(serve, Qt::LeftButton);
        auto *servePort = child<QSpinBox>(u"servePort"_s);
        QTRY_VERIFY(child<ServerPanel>(u"serverPanel"_s)->isServing());
        const int port = servePort->value();
        QVERIFY(port > 0);
        // The receiver, and a config pointing at it.
        const QString id = createPointingAtTheReceiver();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs);
        const quint16 receiverPort = receiverPanel()->receiver()->port();
        QCOMPARE(receiverPanel()->port(), receiverPort);

        // Away and back: serving again, on the same port.
        std::unique_ptr<TestServer> server;
        startStaging(server);
        switchAndWait(u"Staging"_s);
        QVERIFY(!child<ServerPanel>(u"serverPanel"_s)->isServing());
        switchAndWait(localProfileName());
        QTRY_VERIFY(child<ServerPanel>(u"serverPanel"_s)->isServing());
        QCOMPARE(servePort->value(), port);

        // A restart: both ports as they were, the receiver listening, the config still valid.
        server.reset();
        closeWindow();
        openWindow(true);
        QTRY_VERIFY(child<ServerPanel>(u"serverPanel"_s)->isServing());
        QCOMPARE(child<QSpinBox>(u"servePort"_s)->value(), port);
        QVERIFY(child<ServerPanel>(u"serverPanel"_s)
                    ->endpoint()
                    ->url.toString()
                    .contains(QString::number(port)));
        QVERIFY(receiverPanel()->receiver()->isListening());
        QCOMPARE(receiverPanel()->receiver()->port(), receiverPort);
        clickRow(id);
        key(table(), Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(receiverPanel()->model()->rowCount(), 1, TestTimeoutMs);
        QCOMPARE(verdict(0), u"Valid"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(id, ConfigTableModel::LastTest).startsWith(u"valid · HTTP 200"_s), TestTimeoutMs);
    }

    void aSwitchNeverBlocks()
    {
        std::unique_ptr<TestServer> server;
        startStaging(server);
        // The local service is busy for a while (a slow disk, a long delivery to tear down).
        WebhookService *service = m_window->service();
        QMetaObject::invokeMethod(service, [] { QThread::msleep(1500); });
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longest = 0;
        QTimer beat;
        beat.setInterval(10);
        QObject::connect(&beat, &QTimer::timeout, &beat, [&] {
            longest = std::max(longest, clock.elapsed() - last);
            last = clock.elapsed();
        });
        clock.start();
        beat.start();
        switchAndWait(u"Staging"_s);
        QTest::qWait(200);
        beat.stop();
        QVERIFY2(longest < 400, qPrintable(u"the GUI thread stood still for %1 ms"_s.arg(longest)));
    }

    void aDialogOfTheOldProfileSavesNothing()
    {
        std::unique_ptr<TestServer> server;
        startStaging(server);
        m_remoteOpenDelayMs = 800;
        // A switch under way; meanwhile the New dialog opens for the profile still shown.
        chooseProfile(u"Staging"_s);
        key(table(), Qt::Key_N, Qt::ControlModifier);
        ConfigEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>()));
        QCOMPARE(m_window->currentProfile(), localProfileName());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProfile(), u"Staging"_s, TestTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLoaded(), TestTimeoutMs);
        // The local service it was opened for is gone: Create says so, and makes nothing.
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"configUrlEdit"_s), m_receiver->url());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        auto *problem = dialog->findChild<QLabel *>(u"configUrlProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"profile was switched"_s), qPrintable(problem->text()));
        QCOMPARE(model()->rowCount(), 0);
        auto listed = server->service->listConfigs({}, {});
        QTRY_VERIFY(listed.isFinished());
        QCOMPARE(listed.result().value().totalCount, 0);
        dialog->close();
    }
};

QTEST_MAIN(TestProfileSwitch)
#include "tst_profileswitch.moc"
