// The delivery log in full (issue 12, part 2): each attempt of the details' test history opens
// to show the request as sent (URL, headers, the body byte for byte, the signature) and the
// answer; Resend delivers the same event again with a fresh signature (local service and `serve`
// as a remote); Copy as curl gives a command that, run by a shell, passes a real receiver's
// verification; a backend that cannot resend says so on the button.
//
// The receiver is the console's own (the Receiver dock), which verifies every event with the
// secret of the config it was made for.
#include "attemptdialog.h"
#include "attempthistory.h"
#include "attempthistorymodel.h"
#include "bulkfixture.h"
#include "receiver.h"
#include "receiverpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QProcess>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

// A backend that keeps a delivery log but cannot resend (as the hosted API answers: not
// offered). Everything else is not offered either.
class NoResendService final : public WebhookService
{
public:
    DeliveryAttempt attempt;

    template<typename T> static QFuture<Result<T>> no()
    {
        return QtFuture::makeReadyFuture(Result<T>(ApiError::unsupported(u"this"_s)));
    }
    QString describe() const override { return u"hosted"_s; }
    QFuture<Result<ListPage<WebhookConfig>>> listConfigs(const ConfigFilter &,
                                                         const PageRequest &) override
    {
        return no<ListPage<WebhookConfig>>();
    }
    QFuture<Result<QList<WebhookConfig>>> listAllConfigs(const ConfigFilter &) override
    {
        return no<QList<WebhookConfig>>();
    }
    QFuture<Result<WebhookConfig>> config(const QString &) override { return no<WebhookConfig>(); }
    QFuture<Result<WebhookConfig>> createConfig(const QString &, int) override
    {
        return no<WebhookConfig>();
    }
    QFuture<Result<WebhookConfig>> updateConfig(const QString &, const ConfigChanges &,
                                                int) override
    {
        return no<WebhookConfig>();
    }
    QFuture<Result<WebhookConfig>> deactivateConfig(const QString &) override
    {
        return no<WebhookConfig>();
    }
    QFuture<Result<Task>> testConfig(const QString &, int) override { return no<Task>(); }
    QFuture<Result<Task>> task(const QString &) override { return no<Task>(); }
    QFuture<Result<ListPage<Task>>> listTasks(const TaskFilter &, const PageRequest &) override
    {
        return no<ListPage<Task>>();
    }
    QFuture<Result<Event>> event(const QString &) override { return no<Event>(); }
    QFuture<Result<ListPage<Event>>> listEvents(const PageRequest &) override
    {
        return no<ListPage<Event>>();
    }
    QFuture<Result<Organisation>> organisation() override { return no<Organisation>(); }
    QFuture<Result<Organisation>> setDefaultConfig(const QString &) override
    {
        return no<Organisation>();
    }
    QFuture<Result<Key>> key() override { return no<Key>(); }
    QFuture<Result<Key>> setKeyConfig(const QString &, const QString &) override
    {
        return no<Key>();
    }
    QFuture<Result<ListPage<DeliveryAttempt>>> listAttempts(const QString &,
                                                            const PageRequest &) override
    {
        ListPage<DeliveryAttempt> page;
        page.data = {attempt};
        page.totalCount = 1;
        return QtFuture::makeReadyFuture(Result<ListPage<DeliveryAttempt>>(page));
    }
    QFuture<Result<DeliveryAttempt>> resendEvent(const QString &) override
    {
        return no<DeliveryAttempt>();
    }
};

class NoResendBackend final : public Backend
{
public:
    WebhookService *service() const override { return const_cast<NoResendService *>(&m_service); }
    bool isLocal() const override { return false; }
    NoResendService &fake() { return m_service; }

private:
    NoResendService m_service;
};

} // namespace

class TestAttemptView : public QObject, public BulkFixture
{
    Q_OBJECT

    Receiver *receiver() const { return child<ReceiverPanel>(u"receiverPanel"_s)->receiver(); }
    AttemptHistory *history() const { return m_window->findChild<AttemptHistory *>(); }

    // Starts the console's receiver, makes a config pointing at it (the New Config dialog with
    // the receiver's URL) and waits for its first test to pass.
    QString createForReceiver()
    {
        m_window->raisePanel(u"receiver"_s);
        auto *panel = child<ReceiverPanel>(u"receiverPanel"_s);
        if (!panel->receiver()->isListening())
            QTest::mouseClick(panel->findChild<QPushButton *>(u"startStopButton"_s),
                              Qt::LeftButton);
        [&] { QVERIFY(panel->receiver()->isListening()); }();
        const QString id = createThroughDialog(panel->receiver()->freshConfigUrl().toString());
        [&] { QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"valid"_s, TestTimeoutMs); }();
        m_window->raisePanel(u"details"_s);
        return id;
    }

    // Double-clicks the newest attempt in the details' history.
    AttemptDialog *openNewestAttempt(int attempts = 1)
    {
        AttemptHistory *panel = history();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), attempts, TestTimeoutMs); }();
        QTableView *view = panel->view();
        [&] { QTRY_VERIFY(view->isVisible()); }();
        const QRect cell = view->visualRect(panel->model()->index(0, AttemptHistoryModel::Outcome));
        // A person's double-click: a click, then the second press that the system reports as a
        // double-click (QTest's mouseDClick sends only that second half).
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        AttemptDialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_window->findChild<AttemptDialog *>())); }();
        return dialog;
    }

    template<typename T> static T *in(QWidget *dialog, const QString &name)
    {
        return dialog->findChild<T *>(name);
    }

    static QByteArray signatureOf(const ReceivedRequest &request)
    {
        return request.header("Ricloud-Signature").value_or(QByteArray());
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(m_dir); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void attemptShowsTheRequestAsSentAndTheAnswer()
    {
        const QString id = createForReceiver();
        clickRow(id);
        AttemptDialog *dialog = openNewestAttempt();
        QTRY_COMPARE(receiver()->requests().size(), 1);
        const ReceivedRequest sent = receiver()->requests().constFirst();
        const DeliveryAttempt &attempt = dialog->attempt();
        QCOMPARE(attempt.configId, id);
        QVERIFY(
            in<QLabel>(dialog, u"attemptOutcome"_s)->text().startsWith(u"Valid · HTTP 200, "_s));
        // The request: where it went, its headers, its body byte for byte and its signature.
        QCOMPARE(in<QLabel>(dialog, u"attemptUrl"_s)->text(), attempt.requestUrl);
        QCOMPARE(QUrl(attempt.requestUrl).path(), sent.path);
        QCOMPARE(in<QPlainTextEdit>(dialog, u"attemptBody"_s)->toPlainText().toUtf8(), sent.body);
        QVERIFY(in<QLabel>(dialog, u"attemptBodyTitle"_s)
                    ->text()
                    .contains(u"%1 bytes"_s.arg(sent.body.size())));
        const QString headers = in<QPlainTextEdit>(dialog, u"attemptHeaders"_s)->toPlainText();
        QVERIFY(headers.contains(u"Content-Type: application/json"_s));
        QVERIFY(headers.contains(u"Ricloud-Signature: "_s + QString::fromUtf8(signatureOf(sent))));
        QVERIFY(in<QLabel>(dialog, u"attemptSignature"_s)
                    ->text()
                    .startsWith(QString::fromUtf8(signatureOf(sent)) + u"\nsigned at "_s));
        // The answer: the receiver's status and body; no error.
        QCOMPARE(in<QLabel>(dialog, u"attemptStatus"_s)->text(), u"HTTP 200"_s);
        QVERIFY(!in<QPlainTextEdit>(dialog, u"attemptResponse"_s)->toPlainText().isEmpty());
        QCOMPARE(in<QLabel>(dialog, u"attemptError"_s)->text(), u"None"_s);
        QVERIFY(in<QLabel>(dialog, u"attemptLatency"_s)->text().endsWith(u" ms"_s));
        // Enter on a row opens it too.
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<AttemptDialog *>());
        history()->view()->setCurrentIndex(history()->model()->index(0, 0));
        QTest::keyClick(history()->view(), Qt::Key_Return);
        QTRY_VERIFY(m_window->findChild<AttemptDialog *>());
    }

    void resendSendsTheSameBodyFreshlySigned()
    {
        // The first delivery is signed half a minute "ago" (the service's clock), so that the
        // resend's signature cannot be the same by chance of the same second.
        m_clockOffsetSecs = -30;
        const QString id = createForReceiver();
        clickRow(id);
        AttemptDialog *dialog = openNewestAttempt();
        QTRY_COMPARE(receiver()->requests().size(), 1);
        m_clockOffsetSecs = 0;
        QTest::mouseClick(in<QPushButton>(dialog, u"attemptResend"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(receiver()->requests().size(), 2, TestTimeoutMs);
        const ReceivedRequest first = receiver()->requests().at(0);
        const ReceivedRequest again = receiver()->requests().at(1);
        QCOMPARE(again.eventId, first.eventId);
        QCOMPARE(again.body, first.body);
        QVERIFY(signatureOf(again) != signatureOf(first));
        QVERIFY2(again.verdict.valid(), qPrintable(again.verdict.detail));
        QVERIFY(*again.verdict.timestamp > *first.verdict.timestamp);
        // The dialog shows the new attempt; the history lists both.
        QTRY_VERIFY(in<QLabel>(dialog, u"attemptNote"_s)->text().startsWith(u"Resent at "_s));
        QVERIFY(in<QLabel>(dialog, u"attemptSignature"_s)
                    ->text()
                    .startsWith(QString::fromUtf8(signatureOf(again))));
        QVERIFY(dialog->attempt().taskId.isEmpty());
        QTRY_COMPARE(history()->model()->rowCount(), 2);
    }

    void copiedCurlCommandPassesTheReceiversVerification()
    {
        const QString id = createForReceiver();
        clickRow(id);
        AttemptDialog *dialog = openNewestAttempt();
        QTRY_COMPARE(receiver()->requests().size(), 1);
        QApplication::clipboard()->clear();
        QTest::mouseClick(in<QPushButton>(dialog, u"attemptCopyCurl"_s), Qt::LeftButton);
        const QString command = QApplication::clipboard()->text();
        QVERIFY(command.contains(u"curl "_s));
        // Run by a shell, as a developer pastes it; the receiver answers in this thread, so the
        // event loop turns while curl runs.
        QProcess shell;
        shell.start(u"sh"_s, {u"-c"_s, command});
        QVERIFY(shell.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(shell.state(), QProcess::NotRunning, TestTimeoutMs);
        QVERIFY2(shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0,
                 shell.readAllStandardError().constData());
        QTRY_COMPARE(receiver()->requests().size(), 2);
        const ReceivedRequest original = receiver()->requests().at(0);
        const ReceivedRequest replayed = receiver()->requests().at(1);
        QVERIFY2(replayed.verdict.valid(), qPrintable(replayed.verdict.detail));
        QCOMPARE(replayed.body, original.body);
        QCOMPARE(signatureOf(replayed), signatureOf(original)); // byte for byte, as recorded
        QCOMPARE(replayed.path, original.path);
    }

    void failedAttemptSaysWhyInPlainWords()
    {
        const QString id
            = createThroughDialog(u"http://127.0.0.1:%1/webhooks/down"_s.arg(closedPort()));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), u"invalid"_s, TestTimeoutMs);
        clickRow(id);
        QTRY_COMPARE(history()->model()->rowCount(), 1);
        // The Open button opens the current attempt (the newest when none is picked).
        QTest::mouseClick(history()->findChild<QPushButton *>(u"attemptOpen"_s), Qt::LeftButton);
        AttemptDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<AttemptDialog *>()));
        QCOMPARE(in<QLabel>(dialog, u"attemptOutcome"_s)->text(),
                 u"Invalid · connection refused"_s);
        const QString error = in<QLabel>(dialog, u"attemptError"_s)->text();
        QVERIFY2(error.startsWith(u"connection refused. Nothing accepted the connection"_s),
                 qPrintable(error));
        QCOMPARE(in<QLabel>(dialog, u"attemptStatus"_s)->text(), u"No HTTP answer"_s);
        // Resending it fails the same way, as a new attempt.
        QTest::mouseClick(in<QPushButton>(dialog, u"attemptResend"_s), Qt::LeftButton);
        QTRY_VERIFY(in<QLabel>(dialog, u"attemptNote"_s)->text().startsWith(u"Resent at "_s));
        QCOMPARE(in<QLabel>(dialog, u"attemptOutcome"_s)->text(),
                 u"Invalid · connection refused"_s);
        QTRY_COMPARE(history()->model()->rowCount(), 2);
    }

    void resendOnServeAsRemote()
    {
        const QString id = createForReceiver();
        std::unique_ptr<TestServer> server;
        startStaging(server, true);
        switchAndWait(u"Staging"_s);
        clickRow(id);
        AttemptDialog *dialog = openNewestAttempt();
        QTRY_COMPARE(receiver()->requests().size(), 1);
        QTest::mouseClick(in<QPushButton>(dialog, u"attemptResend"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(receiver()->requests().size(), 2, TestTimeoutMs);
        const ReceivedRequest again = receiver()->requests().at(1);
        QCOMPARE(again.body, receiver()->requests().at(0).body);
        QVERIFY2(again.verdict.valid(), qPrintable(again.verdict.detail));
        // A remote sends no signal: the history is reloaded after the resend all the same.
        QTRY_COMPARE(history()->model()->rowCount(), 2);
    }

    void resendIsDisabledWhereTheBackendCannot()
    {
        auto backend = std::make_shared<NoResendBackend>();
        backend->fake().attempt.id = u"a1"_s;
        backend->fake().attempt.configId = u"c1"_s;
        backend->fake().attempt.eventId = u"e1"_s;
        backend->fake().attempt.requestUrl = u"https://example.com/hooks/e1"_s;
        backend->fake().attempt.requestBody = "{\"id\": \"e1\"}";
        backend->fake().attempt.responseStatus = 200;
        backend->fake().attempt.dateStarted = QDateTime::currentDateTimeUtc();
        AttemptHistory panel;
        panel.setBackend(backend);
        panel.setConfigId(u"c1"_s);
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        AttemptDialog *dialog = panel.openAttempt(0);
        QVERIFY(dialog);
        auto *resend = in<QPushButton>(dialog, u"attemptResend"_s);
        QVERIFY(resend->isEnabled());
        QTest::mouseClick(resend, Qt::LeftButton);
        QTRY_VERIFY(!resend->isEnabled());
        QVERIFY(resend->toolTip().contains(u"hosted API cannot resend"_s));
        QCOMPARE(in<QLabel>(dialog, u"attemptNote"_s)->text(),
                 u"This backend cannot resend events."_s);
        // Learnt for this backend: the next attempt opened says so at once.
        dialog->close();
        AttemptDialog *next = panel.openAttempt(0);
        QVERIFY(!in<QPushButton>(next, u"attemptResend"_s)->isEnabled());
        // Copy as curl works whatever the backend.
        QTest::mouseClick(in<QPushButton>(next, u"attemptCopyCurl"_s), Qt::LeftButton);
        QVERIFY(QApplication::clipboard()->text().endsWith(u"'https://example.com/hooks/e1'"_s));
        next->close();
    }
};

QTEST_MAIN(TestAttemptView)
#include "tst_attemptview.moc"
