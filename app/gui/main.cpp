#include "backends.h"
#include "localservicethread.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "selftest.h"
#include "tokenstore.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // The self-test, --help and --version run anywhere, with or without a display (over SSH,
    // in a package's install test): QApplication would abort without one.
    bool headless = false;
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--self-test", "--help", "-h", "--help-all", "--version", "-v"})
            headless = headless || std::strcmp(argv[i], option) == 0;
    }
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("webhook-admin"));
    QApplication::setOrganizationName(QStringLiteral("webhook-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("Webhook Admin"));
    QApplication::setApplicationVersion(QStringLiteral(WA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(WA_APP_ID));
    // The user's language from LANGUAGE, LC_ALL, LC_MESSAGES, LANG; before any widget (and
    // --help) says a word. The translators belong to `app`, so they outlive every window.
    wa::installTranslations(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop console for ricloud webhook configs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QApplication::translate("main", "Run one create-and-test round trip offscreen and exit."));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Open this profile instead of the last one used."),
        QStringLiteral("name"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QApplication::translate("main", "SQLite file of the local profile."),
        QStringLiteral("path"));
    const QCommandLineOption panelOption(
        QStringLiteral("panel"),
        QApplication::translate("main",
                                "Show this side panel at start: details, server or receiver."),
        QStringLiteral("name"));
    parser.addOption(selfTestOption);
    parser.addOption(panelOption);
    parser.addOption(profileOption);
    parser.addOption(databaseOption);
    parser.process(app);

    if (parser.isSet(selfTestOption))
        return wa::runSelfTest(app);

    wa::ProfileStore profiles;
    wa::TokenStore tokens;
    wa::BackendOptions options;
    options.localDatabasePath = parser.value(databaseOption);

    wa::MainWindow::Dependencies deps;
    deps.openBackend = wa::makeBackendFactory(&app, &profiles, &tokens, options);
    deps.testConnection = wa::makeConnectionTester();
    deps.profiles = &profiles;
    deps.tokens = &tokens;
    auto window = std::make_unique<wa::MainWindow>(deps);
    window->show();
    if (parser.isSet(panelOption) && !window->raisePanel(parser.value(panelOption))) {
        qWarning("webhook-admin: no panel named \"%s\" (details, server, receiver)",
                 qPrintable(parser.value(panelOption)));
    }
    window->switchProfile(parser.isSet(profileOption) ? parser.value(profileOption)
                                                      : window->initialProfile());
    const int status = app.exec();
    window.reset();
    // The local service closes its database in its own thread: let it finish before exiting.
    wa::LocalServiceThread::waitForAllStopped();
    return status;
}
