#include "servecommand.h"

#include "commandline.h"
#include "localserver.h"
#include "localservice.h"
#include "outputformat.h"
#include "servetoken.h"
#include "stopsignals.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <cerrno>
#include <limits>
#include <memory>

namespace wa::cli {

using namespace Qt::StringLiterals;

namespace {

// Longest a stop waits for answers still held (Ricloud-Await is at most 10 s).
constexpr int StopGraceMs = 11000;

} // namespace

QString ServeCommand::name() const
{
    return u"serve"_s;
}

QString ServeCommand::summary() const
{
    return u"Run the local webhook config service and its REST API"_s;
}

int ServeCommand::run(QCoreApplication &app, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    CommandLine commandLine(
        name(),
        u"Run the embedded webhook config service and serve its REST API (the ricloud paths) "
        "until interrupted (Ctrl+C or SIGTERM)."_s);
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption portOption(u"port"_s, u"TCP port to listen on (0: a free one)."_s,
                                        u"N"_s, u"0"_s);
    const QCommandLineOption bindOption(u"bind"_s,
                                        u"Address to listen on (default 127.0.0.1). Anything "
                                        "but loopback exposes the service to the network."_s,
                                        u"ADDR"_s, u"127.0.0.1"_s);
    const QCommandLineOption databaseOption(
        u"database"_s,
        u"SQLite file or postgresql:// URL of the service (default: %1, else %2)."_s.arg(
            QString::fromLatin1(LocalService::DatabaseVariable),
            LocalService::defaultDatabasePath()),
        u"PATH"_s);
    const ServeToken token;
    const QCommandLineOption timeoutOption(
        u"delivery-timeout"_s, u"Milliseconds a test delivery may take (default 10000)."_s, u"MS"_s,
        u"10000"_s);
    const QCommandLineOption privateTargetsOption(
        u"allow-private-targets"_s,
        u"With --bind beyond loopback, still send test events to loopback, link-local and "
        "private addresses (refused by default then)."_s);
    parser.addOptions(
        {portOption, bindOption, databaseOption, timeoutOption, privateTargetsOption});
    parser.addOptions(token.options());

    if (const auto done = commandLine.parse(arguments))
        return *done;

    QString problem;
    const auto port = commandLine.intValue(portOption, 0, 65535, &problem);
    if (!port)
        return commandLine.usage(problem);
    const QString bindText = parser.value(bindOption);
    QHostAddress address(bindText);
    if (bindText == u"localhost"_s)
        address = QHostAddress(QHostAddress::LocalHost);
    if (address.isNull())
        return commandLine.usage(
            u"--bind: an IP address is needed (127.0.0.1, ::1, 0.0.0.0, ...)."_s);
    const auto timeoutMs
        = commandLine.intValue(timeoutOption, 1, std::numeric_limits<int>::max(), &problem);
    if (!timeoutMs)
        return commandLine.usage(problem);
    const auto chosen = token.choose(parser);
    if (const auto *tokenProblem = std::get_if<QString>(&chosen))
        return commandLine.usage(*tokenProblem);
    for (const QString &warning : std::get<ServeToken::Chosen>(chosen).warnings)
        err << "serve: warning: " << warning << '\n';
    err.flush();

    LocalService::Options options;
    options.databasePath = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                        : LocalService::defaultDatabase();
    options.token = std::get<ServeToken::Chosen>(chosen).token;
    options.deliveryTimeoutMs = *timeoutMs;
    // Creates arriving together share one durable commit; LocalServer answers them when ready.
    options.groupCommits = true;
    // Reachable beyond loopback, the service must not be a way into this machine's network.
    options.allowPrivateTargets = address.isLoopback() || parser.isSet(privateTargetsOption);

    LocalService service(options);
    if (const auto opened = service.open(); !opened.ok()) {
        // The message names the database (never its password); a database that cannot be
        // reached is exit 3, like any network failure.
        err << "serve: " << opened.error().message << '\n';
        return OutputFormat::exitCodeFor(opened.error());
    }

    LocalServer server(&service);
    if (const auto listening = server.listen(address, static_cast<quint16>(*port));
        !listening.ok()) {
        err << "serve: " << listening.error().message << '\n';
        return ExitCode::ApiRefused;
    }
    if (!address.isLoopback()) {
        err << "serve: warning: listening on " << address.toString()
            << ", not loopback: anyone who can reach this address and has the token can "
               "change your webhook configs.\n";
        err.flush();
    }

    if (!StopSignals::install()) {
        err << "serve: cannot watch for SIGINT/SIGTERM: " << qt_error_string(errno) << '\n';
        return StopSignals::InstallFailedExitCode;
    }

    const QString base = server.url().toString();
    out << "Listening on " << base << '\n'
        << "Database: " << service.describeDatabase() << '\n'
        << "Token: " << service.token() << '\n'
        << "Try: curl -H 'Authorization: Token " << service.token() << "' " << base
        << "/configs/webhook\n"
        << "Stop with Ctrl+C.\n";
    out.flush();

    bool stopping = false;
    QTimer grace;
    grace.setSingleShot(true);
    QObject::connect(&grace, &QTimer::timeout, &app, [&app] { app.exit(ExitCode::Ok); });
    QObject::connect(&server, &LocalServer::allRepliesSent, &app, [&app, &stopping] {
        if (stopping)
            app.exit(ExitCode::Ok);
    });

    QSocketNotifier notifier(StopSignals::readFd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        StopSignals::acknowledge();
        if (stopping)
            return; // a second signal while draining: keep draining, the grace timer ends it
        stopping = true;
        server.close();
        if (server.pendingReplies() == 0)
            app.exit(ExitCode::Ok);
        else
            grace.start(StopGraceMs);
    });

    const int code = app.exec();
    notifier.setEnabled(false);
    StopSignals::restore();
    out << "Stopped.\n";
    out.flush();
    return code;
}

} // namespace wa::cli
