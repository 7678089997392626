#include "selftest.h"

#include "backends.h"
#include "configeditordialog.h"
#include "configtablemodel.h"
#include "localservicethread.h"
#include "mainwindow.h"
#include "receiver.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace wa {

namespace {

constexpr int TimeoutMs = 30000;

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
    // The built-in receiver, told to accept every event: the round trip needs a 2xx, not a
    // signature check (the receiver's own tests cover that).
    Receiver receiver;
    receiver.setBehaviour({200, 0, {}});
    if (const auto started = receiver.start(); !started) {
        say(QStringLiteral("cannot listen on 127.0.0.1: ") + started.error().message);
        return 1;
    }
    int received = 0;
    QObject::connect(&receiver, &Receiver::requestReceived, &app, [&received] { ++received; });
    const QString url = receiver.url().toString();

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
                        .arg(received));
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
    // The service closes its database in its own thread: before the folder goes.
    LocalServiceThread::waitForAllStopped();
    return code == 0 ? exitCode : code;
}

} // namespace wa
