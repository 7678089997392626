#include "selftest.h"

#include "backends.h"
#include "configeditordialog.h"
#include "configtablemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace wa {

namespace {

constexpr int TimeoutMs = 30000;

// Answers every complete HTTP request with 200, on 127.0.0.1 only.
class OkReceiver final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    int received = 0;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(headerEnd).split('\n')) {
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            ++received;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                          "Connection: close\r\n\r\nok");
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

void say(const QString &line)
{
    QTextStream(stdout) << "self-test: " << line << '\n';
}

} // namespace

int runSelfTest(QApplication &app)
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        say(QStringLiteral("cannot create a temporary folder"));
        return 1;
    }
    OkReceiver receiver;
    if (!receiver.listen(QHostAddress::LocalHost, 0)) {
        say(QStringLiteral("cannot listen on 127.0.0.1: ") + receiver.errorString());
        return 1;
    }
    const QString url = QStringLiteral("http://127.0.0.1:%1/webhooks").arg(receiver.serverPort());

    BackendOptions options;
    options.localDatabasePath = dir.filePath(QStringLiteral("self-test.sqlite"));
    MainWindow::Dependencies deps;
    deps.openBackend = makeBackendFactory(&app, nullptr, nullptr, options);
    deps.persistState = false;
    auto window = std::make_unique<MainWindow>(deps);
    window->show();

    int exitCode = 1;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &app, [&] {
        say(QStringLiteral("timed out"));
        app.exit(1);
    });
    QObject::connect(
        window.get(), &MainWindow::configsLoaded, &app,
        [&](int count) {
            if (count < 0) {
                say(QStringLiteral("the local service did not load"));
                app.exit(1);
                return;
            }
            say(QStringLiteral("local service open, %1 configs; creating one for %2")
                    .arg(count)
                    .arg(url));
            QAction *create = window->findChild<QAction *>(QStringLiteral("actionNew"));
            if (!create || !create->isEnabled()) {
                say(QStringLiteral("the New action is not available"));
                app.exit(1);
                return;
            }
            create->trigger();
            auto *dialog = window->findChild<ConfigEditorDialog *>();
            if (!dialog) {
                say(QStringLiteral("the New dialog did not open"));
                app.exit(1);
                return;
            }
            dialog->findChild<QLineEdit *>(QStringLiteral("configUrlEdit"))->setText(url);
            dialog->findChild<QPushButton *>(QStringLiteral("configEditorOk"))->click();
        },
        Qt::SingleShotConnection);
    ConfigTableModel *model = window->model();
    QObject::connect(model, &QAbstractItemModel::dataChanged, &app, [&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->configAt(row).state == ConfigState::Valid) {
                say(QStringLiteral("config %1 is valid (%2 event(s) received); ok")
                        .arg(model->configAt(row).id)
                        .arg(receiver.received));
                exitCode = 0;
                app.exit(0);
                return;
            }
        }
    });
    window->switchProfile(localProfileName());
    timeout.start(TimeoutMs);
    const int code = app.exec();
    window.reset();
    return code == 0 ? exitCode : code;
}

} // namespace wa
