#pragma once

#include "backendoptions.h"
#include "command.h"
#include "commandline.h"

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
    using Argument = CommandLine::Positional;

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

private:
    BackendOptions m_backend;
};

} // namespace wa::cli
