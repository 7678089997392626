#include "listencommand.h"

#include "backendoptions.h"
#include "commandline.h"
#include "outputformat.h"
#include "receiver.h"
#include "stopsignals.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <limits>

namespace wa::cli {

using namespace Qt::StringLiterals;

namespace {

QString describe(const ReceivedRequest &request)
{
    QString line = request.receivedAt.toLocalTime().toString(u"HH:mm:ss"_s) + u' ' + request.method
        + u' ' + request.path;
    if (!request.query.isEmpty())
        line += u'?' + request.query;
    line += u" (%1 bytes) -> %2"_s.arg(request.body.size()).arg(request.responseStatus);
    if (request.delayMs > 0)
        line += u" after %1 ms"_s.arg(request.delayMs);
    line += u' ' + request.verdict.name() + u": "_s + request.verdict.detail;
    return line;
}

} // namespace

QString ListenCommand::name() const
{
    return u"listen"_s;
}

QString ListenCommand::summary() const
{
    return u"Receive webhook events on 127.0.0.1 and print each with its verdict."_s;
}

int ListenCommand::run(QCoreApplication &app, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    CommandLine commandLine(
        name(),
        u"Receive webhook events on 127.0.0.1 (POST <url>/<event id>), check their "
        "Ricloud-Signature and print each with its verdict, until interrupted (Ctrl+C or "
        "SIGTERM). Point a config's URL at the printed address."_s);
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption portOption(u"port"_s, u"TCP port to listen on (0: a free one)."_s,
                                        u"N"_s, u"0"_s);
    const QCommandLineOption pathOption(u"path"_s,
                                        u"URL path events come to (default %1)."_s.arg(
                                            QString::fromLatin1(Receiver::DefaultBasePath)),
                                        u"PATH"_s, QString::fromLatin1(Receiver::DefaultBasePath));
    const QCommandLineOption secretOption(
        u"secret"_s,
        u"The config's secret, to verify signatures with (without it or --config "
        "every event is reported as no-secret)."_s,
        u"S"_s);
    const QCommandLineOption configOption(
        u"config"_s,
        u"Verify with the secret of this config, read through the backend options "
        "(--url/--token, --local, --profile)."_s,
        u"ID"_s);
    const QCommandLineOption respondOption(
        u"respond"_s,
        u"Answer every event with this HTTP status (e.g. 500, or 302 for a "
        "redirect) instead of 200 valid / 400 invalid."_s,
        u"STATUS"_s);
    const QCommandLineOption delayOption(
        u"delay"_s,
        u"Hold every answer back this many milliseconds (past the sender's "
        "timeout to rehearse one)."_s,
        u"MS"_s, u"0"_s);
    const QCommandLineOption windowOption(
        u"window"_s,
        u"Oldest accepted signature, in seconds (default %1)."_s.arg(
            Signature::DefaultWindowSeconds),
        u"SECONDS"_s, QString::number(Signature::DefaultWindowSeconds));
    const QCommandLineOption skewOption(
        u"future-skew"_s,
        u"Seconds a timestamp may be ahead of this clock (default %1)."_s.arg(
            Signature::DefaultFutureSkewSeconds),
        u"SECONDS"_s, QString::number(Signature::DefaultFutureSkewSeconds));
    const QCommandLineOption jsonOption(
        u"json"_s,
        u"Print one JSON object per event per line (time, method, path, event_id, "
        "headers, body, verdict, detail, status)."_s);
    parser.addOptions({portOption, pathOption, secretOption, configOption, respondOption,
                       delayOption, windowOption, skewOption, jsonOption});
    const BackendOptions backend;
    backend.addTo(parser);

    if (const auto done = commandLine.parse(arguments))
        return *done;

    QString problem;
    const auto port = commandLine.intValue(portOption, 0, 65535, &problem);
    if (!port)
        return commandLine.usage(problem);
    Receiver::Behaviour behaviour;
    if (parser.isSet(respondOption)) {
        const auto status = commandLine.intValue(respondOption, 200, 599, &problem);
        if (!status)
            return commandLine.usage(problem);
        behaviour.status = *status;
    }
    constexpr int unbounded = std::numeric_limits<int>::max();
    const auto delay = commandLine.intValue(delayOption, 0, unbounded, &problem);
    const auto window = commandLine.intValue(windowOption, 0, unbounded, &problem);
    const auto skew = commandLine.intValue(skewOption, 0, unbounded, &problem);
    if (!delay || !window || !skew)
        return commandLine.usage(problem);
    behaviour.delayMs = *delay;
    if (parser.isSet(secretOption) && parser.value(secretOption).isEmpty())
        return commandLine.usage(u"--secret must not be empty."_s);
    const bool byConfig = parser.isSet(configOption);
    if (byConfig && parser.isSet(secretOption))
        return commandLine.usage(u"give --secret or --config, not both."_s);
    if (byConfig && parser.value(configOption).isEmpty())
        return commandLine.usage(u"--config needs a config ID."_s);
    if (byConfig) {
        if (const auto backendProblem = backend.check(parser))
            return commandLine.usage(*backendProblem);
    }
    const bool json = parser.isSet(jsonOption);

    Receiver receiver;
    receiver.setBasePath(parser.value(pathOption));
    receiver.setBehaviour(behaviour);
    receiver.setWindowSeconds(*window);
    receiver.setFutureSkewSeconds(*skew);
    if (parser.isSet(secretOption))
        receiver.setSecret(parser.value(secretOption));

    if (!StopSignals::install()) {
        err << "listen: cannot watch for SIGINT/SIGTERM: " << qt_error_string(errno) << '\n';
        return StopSignals::InstallFailedExitCode;
    }

    // With --json, stdout carries only events; the banner goes to stderr.
    QTextStream &banner = json ? err : out;
    const auto startListening = [&]() -> bool {
        if (const auto started = receiver.start(static_cast<quint16>(*port)); !started.ok()) {
            err << "listen: " << started.error().message << '\n';
            return false;
        }
        const QString url = receiver.url().toString();
        banner << "Listening on " << url << " (events arrive as POST " << url << "/<event id>)\n";
        if (!parser.isSet(secretOption) && !byConfig)
            banner << "No --secret or --config given: signatures cannot be checked.\n";
        banner << "Stop with Ctrl+C.\n";
        banner.flush();
        return true;
    };

    std::unique_ptr<WebhookService> service;
    if (byConfig) {
        // The secret comes from the backend: listen once it is known.
        const QString configId = parser.value(configOption);
        // Deferred into the event loop, so that an early failure can end it with app.exit().
        QTimer::singleShot(0, &app, [&, configId] {
            // The inner continuations run after this functor is gone: configId is copied on.
            backend.open(
                parser, &app,
                [&, configId](Result<BackendOptions::Service> opened) {
                    if (!opened.ok()) {
                        err << "listen: " << opened.error().message << '\n';
                        app.exit(OutputFormat::exitCodeFor(opened.error()));
                        return;
                    }
                    service = std::move(opened.value());
                    service->config(configId).then(
                        &app, [&, configId](const Result<WebhookConfig> &config) {
                            if (!config.ok()) {
                                err << "listen: config " << configId << ": "
                                    << config.error().describe() << '\n';
                                app.exit(OutputFormat::exitCodeFor(config.error()));
                                return;
                            }
                            receiver.setSecret(config.value().secret);
                            if (!startListening()) {
                                app.exit(ExitCode::Network);
                                return;
                            }
                            banner << "Verifying with the secret of config " << configId << " ("
                                   << config.value().url << ").\n";
                            banner.flush();
                        });
                },
                [&err](const QString &warning) {
                    err << "listen: warning: " << warning << '\n';
                    err.flush();
                });
        });
    } else if (!startListening()) {
        StopSignals::restore();
        return ExitCode::Network;
    }

    QObject::connect(&receiver, &Receiver::requestReceived, &app,
                     [&out, json](const ReceivedRequest &request) {
                         if (json)
                             out << QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
                         else
                             out << describe(request);
                         out << '\n';
                         out.flush();
                     });

    QSocketNotifier notifier(StopSignals::readFd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&app] {
        StopSignals::acknowledge();
        app.exit(ExitCode::Ok);
    });

    const int code = app.exec();
    receiver.stop();
    service.reset();
    StopSignals::restore();
    return code;
}

} // namespace wa::cli
