// The Receiver panel and the signature dialog, driven by clicks and typing on real widgets
// (offscreen), with the real local service behind the one-click config.
#include "configsecretindex.h"
#include "receivedrequestmodel.h"
#include "receiverpanel.h"
#include "signaturedialog.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace wa;
using namespace wa::test;
using namespace Qt::StringLiterals;

namespace {

template<typename T> T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qFatal("no child %s", qPrintable(name));
    return widget;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestReceiverPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void closesTheLoopFromThePanel()
    {
        LocalFixture local;
        QVERIFY(local.opened.ok());
        ConfigSecretIndex index(local.service.get());
        ReceiverPanel panel(index.resolver());
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // What MainWindow does: the one-click config goes to the service.
        QString configId;
        QHash<QString, ConfigState> states;
        connect(&panel, &ReceiverPanel::createConfigRequested, this, [&](const QUrl &url) {
            local.service->createConfig(url.toString(), 0)
                .then(this, [&](const Result<WebhookConfig> &created) {
                    if (created.ok())
                        configId = created.value().id;
                });
        });
        connect(local.service.get(), &WebhookService::configChanged, this,
                [&](const WebhookConfig &config) { states[config.id] = config.state; });
        panel.resize(900, 700);
        panel.show();

        auto *startStop = child<QPushButton>(&panel, u"startStopButton"_s);
        auto *url = child<QLineEdit>(&panel, u"urlEdit"_s);
        auto *newConfig = child<QPushButton>(&panel, u"newConfigButton"_s);
        auto *table = child<QTableView>(&panel, u"requestTable"_s);
        auto *verdict = child<QLabel>(&panel, u"verdictLabel"_s);
        QVERIFY(!newConfig->isEnabled());
        QVERIFY(url->text().isEmpty());

        // Start: the URL to copy appears, on loopback.
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(panel.receiver()->isListening());
        QVERIFY(url->text().startsWith(u"http://127.0.0.1:"_s));
        QCOMPARE(startStop->text(), u"Stop"_s);
        index.setPort(panel.receiver()->port());
        QTest::mouseClick(child<QPushButton>(&panel, u"copyUrlButton"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), url->text());

        // One click: a config pointing here, tested at once; its event arrives verified.
        QVERIFY(newConfig->isEnabled());
        QTest::mouseClick(newConfig, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!configId.isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(states.value(configId)), u"valid"_s, 15000);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(cell(table->model(), 0, ReceivedRequestModel::VerdictColumn), u"Valid"_s);
        QCOMPARE(cell(table->model(), 0, ReceivedRequestModel::StatusColumn), u"200"_s);

        // Test again: a second event, verified, shown with its headers and both bodies.
        QVERIFY(await(local.service->testConfig(configId, 0)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 15000);
        QTRY_COMPARE(cell(table->model(), 1, ReceivedRequestModel::StatusColumn), u"200"_s);
        QCOMPARE(cell(table->model(), 1, ReceivedRequestModel::VerdictColumn), u"Valid"_s);
        QCOMPARE(table->currentIndex().row(), 1); // follows the newest
        QVERIFY2(verdict->text().contains(u"Valid"_s), qPrintable(verdict->text()));
        const ReceivedRequest shown = panel.model()->request(1);
        const QString headers = child<QPlainTextEdit>(&panel, u"headersView"_s)->toPlainText();
        QVERIFY2(headers.contains(u"ricloud-signature: t="_s, Qt::CaseInsensitive),
                 qPrintable(headers));
        QVERIFY(headers.startsWith(u"POST "_s + shown.path));
        QCOMPARE(child<QPlainTextEdit>(&panel, u"rawBodyView"_s)->toPlainText().toUtf8(),
                 shown.body);
        const QString pretty = child<QPlainTextEdit>(&panel, u"prettyBodyView"_s)->toPlainText();
        QVERIFY2(pretty.contains(u"\n    \"resource\": \"event\""_s), qPrintable(pretty));

        // Rehearse a failing receiver: answer 500; the next test makes the config invalid.
        auto *answer = child<QComboBox>(&panel, u"answerCombo"_s);
        answer->setCurrentIndex(answer->findText(u"Fail with status"_s));
        auto *status = child<QSpinBox>(&panel, u"statusSpinBox"_s);
        QVERIFY(status->isEnabled());
        QCOMPARE(status->value(), 500);
        QVERIFY(await(local.service->testConfig(configId, 0)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(toString(states.value(configId)), u"invalid"_s, 15000);
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(cell(table->model(), 2, ReceivedRequestModel::StatusColumn), u"500"_s);
        const auto attempts = await(local.service->listAttempts(configId, PageRequest {}));
        QVERIFY(attempts.ok());
        QCOMPARE(attempts.value().data.size(), 3);

        // Open the selected request in the signature tools: same verdict there.
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::mouseClick(child<QPushButton>(&panel, u"checkSignatureButton"_s), Qt::LeftButton);
        auto *dialog = panel.findChild<SignatureDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->verdict().valid());
        QCOMPARE(dialog->body(), panel.model()->request(0).body);
        dialog->close();

        // Clear, then stop: the list empties, the URL goes.
        QTest::mouseClick(child<QPushButton>(&panel, u"clearButton"_s), Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 0);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(!panel.receiver()->isListening());
        QVERIFY(url->text().isEmpty());
        QVERIFY(!newConfig->isEnabled());
        QCOMPARE(startStop->text(), u"Start"_s);
    }

    void busyPortShowsAnInlineError()
    {
        ReceiverPanel panel;
        panel.show();
        QTest::mouseClick(child<QPushButton>(&panel, u"startStopButton"_s), Qt::LeftButton);
        const quint16 taken = panel.receiver()->port();
        QVERIFY(taken != 0);

        ReceiverPanel second;
        second.show();
        child<QSpinBox>(&second, u"portSpinBox"_s)->setValue(taken);
        QTest::mouseClick(child<QPushButton>(&second, u"startStopButton"_s), Qt::LeftButton);
        QVERIFY(!second.receiver()->isListening());
        const QList<QLabel *> labels = second.findChildren<QLabel *>();
        const bool said = std::any_of(labels.cbegin(), labels.cend(), [taken](QLabel *label) {
            return label->isVisible() && label->text().contains(QString::number(taken));
        });
        QVERIFY2(said, "the banner names the busy port");
    }

    void unknownSecretThenVerifyAgain()
    {
        QString known;
        ReceiverPanel panel([&known](const QString &) { return known; });
        panel.show();
        panel.start();
        QVERIFY(panel.receiver()->isListening());

        LocalFixture local;
        QVERIFY(local.opened.ok());
        const auto created
            = await(local.service->createConfig(panel.receiver()->url().toString(), 0));
        QVERIFY(created.ok());
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, 15000);
        QCOMPARE(cell(panel.model(), 0, ReceivedRequestModel::VerdictColumn),
                 u"No secret to check against"_s);

        known = created.value().secret;
        QTest::mouseClick(child<QPushButton>(&panel, u"recheckButton"_s), Qt::LeftButton);
        QCOMPARE(cell(panel.model(), 0, ReceivedRequestModel::VerdictColumn), u"Valid"_s);
        QVERIFY(child<QLabel>(&panel, u"verdictLabel"_s)->text().contains(u"Valid"_s));
    }

    void signatureDialogSignsAndVerifies()
    {
        SignatureDialog dialog;
        dialog.show();
        auto *secret = child<QLineEdit>(&dialog, u"secretEdit"_s);
        auto *timestamp = child<QLineEdit>(&dialog, u"timestampEdit"_s);
        auto *body = child<QPlainTextEdit>(&dialog, u"bodyEdit"_s);
        auto *made = child<QLineEdit>(&dialog, u"signedHeaderEdit"_s);
        auto *header = child<QLineEdit>(&dialog, u"headerEdit"_s);
        auto *verdict = child<QLabel>(&dialog, u"verdictLabel"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password); // masked until asked

        QTest::keyClicks(secret, u"secret"_s);
        timestamp->clear();
        QTest::keyClicks(timestamp, u"1600000000"_s);
        QTest::keyClicks(body, uR"({"id": "x"})"_s);
        // API.md's worked example.
        QCOMPARE(made->text(), u"t=1600000000,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A="_s);

        // That header is years old: verifying it says so, and by how much.
        QTest::mouseClick(child<QPushButton>(&dialog, u"useSignedButton"_s), Qt::LeftButton);
        QCOMPARE(header->text(), made->text());
        QCOMPARE(dialog.verdict().code, EventVerdict::Code::TooOld);
        QVERIFY2(verdict->text().contains(u"too old"_s), qPrintable(verdict->text()));

        // Signed now: valid. Then one character of the body changed: mismatch.
        QTest::mouseClick(child<QPushButton>(&dialog, u"nowButton"_s), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(&dialog, u"useSignedButton"_s), Qt::LeftButton);
        QVERIFY(dialog.verdict().valid());
        QVERIFY(verdict->text().contains(u"Valid"_s));
        body->moveCursor(QTextCursor::End);
        QTest::keyClick(body, Qt::Key_Backspace);
        QTest::keyClicks(body, u"!"_s);
        QCOMPARE(dialog.verdict().code, EventVerdict::Code::Mismatch);
        QVERIFY(verdict->text().contains(u"Signature does not match"_s));

        header->clear();
        QCOMPARE(dialog.verdict().code, EventVerdict::Code::MissingHeader);
        QTest::keyClicks(header, u"t=1,x"_s);
        QCOMPARE(dialog.verdict().code, EventVerdict::Code::MalformedHeader);
        QVERIFY(verdict->text().contains(u"malformed"_s));
    }

    void signatureDialogKeepsExactBytes()
    {
        SignatureDialog dialog;
        const QByteArray bytes("{\"a\":1}\r\n\xff", 10);
        dialog.setSecret(u"k"_s);
        dialog.setTimestamp(1700000000);
        dialog.setBody(bytes);
        QCOMPARE(dialog.body(), bytes);
        QCOMPARE(dialog.signedHeader(), Signature::header("k", 1700000000, bytes));
        QVERIFY(child<QLabel>(&dialog, u"bodyNote"_s)->text().contains(u"exact 10 byte"_s));
    }
};

// QTEST_MAIN, with a private runtime folder (0700) so that nothing touches the user's.
int main(int argc, char *argv[])
{
    QTemporaryDir runtime;
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    QApplication app(argc, argv);
    TestReceiverPanel test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_receiverpanel.moc"
