#include "commandline.h"

#include "command.h"

#include <QTextStream>

#include <cstdio>

namespace wa::cli {

namespace {

QString rangeProblem(const QString &name, int min, int max)
{
    return QStringLiteral("--%1: a whole number from %2 to %3 is needed.")
        .arg(name)
        .arg(min)
        .arg(max);
}

} // namespace

int usage(const QString &command, const QString &problem)
{
    QTextStream(stderr) << "webhook-admin-cli " << command << ": " << problem << '\n'
                        << "Run 'webhook-admin-cli " << command << " --help' for its options.\n";
    return ExitCode::Usage;
}

QString helpText(const QCommandLineParser &parser, const QString &command)
{
    // QCommandLineParser names the binary by its path; name the subcommand instead.
    QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String(" [options]"));
    const qsizetype newline = text.indexOf(u'\n');
    if (text.startsWith(QLatin1String("Usage: ")) && options > 0 && options < newline)
        text.replace(7, options - 7, QStringLiteral("webhook-admin-cli ") + command);
    return text;
}

std::optional<QString> checkInt(const QCommandLineParser &parser, const QString &name, int min,
                                int max)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return rangeProblem(name, min, max);
    return std::nullopt;
}

CommandLine::CommandLine(QString command, const QString &description)
    : m_command(std::move(command))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

std::optional<int> CommandLine::parse(const QStringList &arguments,
                                      const QList<Positional> &positionals)
{
    for (const Positional &positional : positionals) {
        QString syntax = positional.many ? positional.name + QStringLiteral("...") : QString();
        if (positional.optional)
            syntax = u'[' + (syntax.isEmpty() ? positional.name : syntax) + u']';
        m_parser.addPositionalArgument(positional.name, positional.description, syntax);
    }
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(m_parser, m_command);
        return ExitCode::Ok;
    }
    const QStringList given = m_parser.positionalArguments();
    const bool many = !positionals.isEmpty() && positionals.constLast().many;
    qsizetype required = 0;
    for (const Positional &positional : positionals)
        required += positional.optional ? 0 : 1;
    const bool countOk = given.size() >= required && (many || given.size() <= positionals.size());
    if (!countOk) {
        if (positionals.isEmpty())
            return usage(QStringLiteral("takes no arguments, got '%1'.").arg(given.join(u' ')));
        QStringList names;
        for (const Positional &positional : positionals) {
            const QString name
                = positional.many ? positional.name + QStringLiteral("...") : positional.name;
            names << (positional.optional ? u'[' + name + u']' : name);
        }
        return usage(QStringLiteral("expects %1.").arg(names.join(u' ')));
    }
    for (qsizetype i = 0; i < given.size(); ++i) {
        if (given.at(i).isEmpty()) {
            const qsizetype at = std::min(i, positionals.size() - 1);
            return usage(QStringLiteral("%1 must not be empty.").arg(positionals.at(at).name));
        }
    }
    return std::nullopt;
}

int CommandLine::usage(const QString &problem) const
{
    return cli::usage(m_command, problem);
}

std::optional<int> CommandLine::intValue(const QCommandLineOption &option, int min, int max,
                                         QString *problem) const
{
    bool ok = false;
    const int value = m_parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max) {
        *problem = rangeProblem(option.names().constFirst(), min, max);
        return std::nullopt;
    }
    return value;
}

} // namespace wa::cli
