#pragma once

#include "backendoptions.h"
#include "command.h"

#include <QCommandLineParser>
#include <QList>

#include <optional>

namespace wa::cli {

class Invocation;

// A subcommand that is a thin layer over WebhookService: parses its arguments (plus --json and
// the backend options), opens the backend, runs execute() in the event loop and returns the
// exit code it finished with. Usage errors exit with ExitCode::Usage; --help prints the help.
class ServiceCommand : public Command
{
public:
    // `urlAlias`: see BackendOptions (false for commands with a --url of their own).
    explicit ServiceCommand(bool urlAlias = true)
        : m_backend(urlAlias)
    { }

    int run(QCoreApplication &app, const QStringList &arguments) final;

protected:
    struct Argument
    {
        QString name; // "ID"
        QString description;
    };

    virtual QString description() const { return summary(); }
    virtual QList<Argument> positionals() const { return {}; }
    virtual void addOptions(QCommandLineParser &parser) const { Q_UNUSED(parser) }
    // A usage problem with this command's own options, or nullopt.
    virtual std::optional<QString> check(const QCommandLineParser &parser) const
    {
        Q_UNUSED(parser)
        return std::nullopt;
    }
    // Starts the work; must end with invocation.finish() or invocation.fail().
    virtual void execute(Invocation &invocation) const = 0;

    // For check(): an int option in [min, max], or the usage problem.
    static std::optional<QString> checkInt(const QCommandLineParser &parser, const QString &name,
                                           int min, int max);

private:
    BackendOptions m_backend;
};

// The parser's help, naming "webhook-admin-cli <command>" on its usage line.
QString helpText(const QCommandLineParser &parser, const QString &command);

// Prints a usage problem of `command` on stderr and returns ExitCode::Usage.
int usage(const QString &command, const QString &problem);

} // namespace wa::cli
