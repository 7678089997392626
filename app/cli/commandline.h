#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wa::cli {

// The parsing every subcommand shares, so that each says --help, a usage problem and a bad
// number the same way: "webhook-admin-cli <command>: <problem>", a pointer to --help, exit 2.
class CommandLine final
{
public:
    struct Positional
    {
        QString name; // "ID"
        QString description;
        bool many = false; // one or more (only the last positional may be)
        bool optional = false; // may be left out (only the last positionals may be)
    };

    CommandLine(QString command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    const QString &command() const { return m_command; }

    // Parses the arguments and checks the positionals (none unless given; empty values are
    // refused). Returns the exit code to end with at once (Ok after printing --help, Usage
    // after printing the problem), or nullopt to go on.
    std::optional<int> parse(const QStringList &arguments,
                             const QList<Positional> &positionals = {});

    // Prints a usage problem on stderr and returns ExitCode::Usage.
    int usage(const QString &problem) const;

    // The value of an integer option within [min, max] (its default when not given), or
    // nullopt when it is out of range or not a number (the caller returns usage(*problem)).
    std::optional<int> intValue(const QCommandLineOption &option, int min, int max,
                                QString *problem) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

// The parser's help, naming "webhook-admin-cli <command>" on its usage line.
QString helpText(const QCommandLineParser &parser, const QString &command);

// Prints a usage problem of `command` on stderr and returns ExitCode::Usage.
int usage(const QString &command, const QString &problem);

// An int option in [min, max] when it is set, or the usage problem.
std::optional<QString> checkInt(const QCommandLineParser &parser, const QString &name, int min,
                                int max);

} // namespace wa::cli
