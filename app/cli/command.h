#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wa::cli {

// Exit codes of webhook-admin-cli, documented in the README.
namespace ExitCode {
inline constexpr int Ok = 0;
inline constexpr int ApiRefused = 1; // the API (or a verification) said no
inline constexpr int Usage = 2;
inline constexpr int Network = 3; // network or TLS failure
inline constexpr int TestFailed = 4; // a --wait'ed test that failed
inline constexpr int Interrupted = 130; // a bulk run stopped by Ctrl+C (128 + SIGINT)
} // namespace ExitCode

// One subcommand of webhook-admin-cli: parses its own arguments with QCommandLineParser, does
// its work through WebhookService (or the receiver, or the signing code) and returns the exit
// code. It may run the event loop (app.exec()) and quit it when done.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for `webhook-admin-cli --help`
    // `arguments` starts with "webhook-admin-cli <name>" as argv[0], then the command's own.
    virtual int run(QCoreApplication &app, const QStringList &arguments) = 0;
};

} // namespace wa::cli
