#include "backendoptions.h"
#include "command.h"
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

void printUsage(const std::vector<std::unique_ptr<wa::cli::Command>> &commands, FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: webhook-admin-cli [backend options] <command> [options]\n\n"
        << "Administer ricloud webhook configs, on the hosted API or the embedded local service.\n"
        << "Backend options (--api-url, --token, --local, --database, --profile, --timeout) may\n"
        << "come before or after the command.\n\n"
        << "Commands:\n";
    for (const auto &command : commands)
        out << "  " << command->name().leftJustified(12) << command->summary() << '\n';
    out << "\nRun 'webhook-admin-cli <command> --help' for a command's options.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("webhook-admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("webhook-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WA_VERSION));

    const auto commands = wa::cli::allCommands();
    const QStringList arguments = QCoreApplication::arguments();

    // Backend options may come before the command, as git, kubectl and gh allow: they are
    // handed to the command right after its name, so that a "--" among its own arguments
    // still ends its options.
    QStringList leading;
    qsizetype at = 1;
    while (at < arguments.size()) {
        const int arity = wa::cli::BackendOptions::leadingArity(arguments.at(at));
        if (arity == 0)
            break;
        leading << arguments.mid(at, arity);
        at += arity;
    }
    if (at >= arguments.size()) {
        if (!leading.isEmpty())
            QTextStream(stderr) << "webhook-admin-cli: a command is needed after "
                                << leading.join(u' ') << "\n\n";
        printUsage(commands, stderr);
        return wa::cli::ExitCode::Usage;
    }
    const QString name = arguments.at(at);
    if (leading.isEmpty()) {
        if (name == QLatin1String("--help") || name == QLatin1String("-h")
            || name == QLatin1String("help")) {
            printUsage(commands, stdout);
            return wa::cli::ExitCode::Ok;
        }
        if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
            QTextStream(stdout) << "webhook-admin-cli " << QCoreApplication::applicationVersion()
                                << '\n';
            return wa::cli::ExitCode::Ok;
        }
    }
    for (const auto &command : commands) {
        if (command->name() == name) {
            QStringList own = leading + arguments.mid(at + 1);
            own.prepend(QStringLiteral("webhook-admin-cli ") + name);
            return command->run(app, own);
        }
    }
    QTextStream(stderr) << "webhook-admin-cli: unknown command '" << name << "'\n\n";
    printUsage(commands, stderr);
    return wa::cli::ExitCode::Usage;
}
