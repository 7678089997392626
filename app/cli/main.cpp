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
    out << "Usage: webhook-admin-cli <command> [options]\n\n"
        << "Administer ricloud webhook configs, on the hosted API or the embedded local service.\n\n"
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
    if (arguments.size() < 2) {
        printUsage(commands, stderr);
        return wa::cli::ExitCode::Usage;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(commands, stdout);
        return wa::cli::ExitCode::Ok;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        QTextStream(stdout) << "webhook-admin-cli " << QCoreApplication::applicationVersion() << '\n';
        return wa::cli::ExitCode::Ok;
    }
    for (const auto &command : commands) {
        if (command->name() == name) {
            QStringList own = arguments.mid(2);
            own.prepend(QStringLiteral("webhook-admin-cli ") + name);
            return command->run(app, own);
        }
    }
    QTextStream(stderr) << "webhook-admin-cli: unknown command '" << name << "'\n\n";
    printUsage(commands, stderr);
    return wa::cli::ExitCode::Usage;
}
