#include "servicecommand.h"

#include "invocation.h"
#include "outputformat.h"

#include <QMetaObject>
#include <QTextStream>

namespace wa::cli {

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

std::optional<QString> ServiceCommand::checkInt(const QCommandLineParser &parser,
                                                const QString &name, int min, int max)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return QStringLiteral("--%1: a whole number from %2 to %3 is needed.")
            .arg(name)
            .arg(min)
            .arg(max);
    return std::nullopt;
}

int ServiceCommand::run(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the API's JSON instead of a table."));
    parser.addOption(json);
    m_backend.addTo(parser);
    addOptions(parser);
    const QList<Argument> wanted = positionals();
    for (const Argument &argument : wanted)
        parser.addPositionalArgument(argument.name, argument.description);

    if (!parser.parse(arguments))
        return usage(name(), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, name());
        return ExitCode::Ok;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() != wanted.size()) {
        QStringList names;
        for (const Argument &argument : wanted)
            names << argument.name;
        return usage(name(),
                     wanted.isEmpty()
                         ? QStringLiteral("takes no arguments, got '%1'.").arg(given.join(u' '))
                         : QStringLiteral("expects %1.").arg(names.join(u' ')));
    }
    for (qsizetype i = 0; i < given.size(); ++i) {
        if (given.at(i).isEmpty())
            return usage(name(), QStringLiteral("%1 must not be empty.").arg(wanted.at(i).name));
    }
    if (auto problem = m_backend.check(parser))
        return usage(name(), *problem);
    if (auto problem = check(parser))
        return usage(name(), *problem);

    const OutputFormat output(parser.isSet(json));
    std::unique_ptr<Invocation> invocation;
    QObject context;
    // Started from inside the event loop, so that finishing always quits it.
    QMetaObject::invokeMethod(
        &context,
        [&] {
            m_backend.open(
                parser, &context,
                [&](Result<BackendOptions::Service> opened) {
                    if (!opened.ok()) {
                        output.printError(opened.error());
                        QCoreApplication::exit(OutputFormat::exitCodeFor(opened.error()));
                        return;
                    }
                    invocation
                        = std::make_unique<Invocation>(std::move(opened.value()), parser, output);
                    execute(*invocation);
                },
                [&output](const QString &warning) { output.printWarning(warning); });
        },
        Qt::QueuedConnection);
    const int code = app.exec();
    invocation.reset();
    return code;
}

} // namespace wa::cli
