#include "servicecommand.h"

#include "invocation.h"
#include "outputformat.h"

#include <QMetaObject>

namespace wa::cli {

int ServiceCommand::run(QCoreApplication &app, const QStringList &arguments)
{
    CommandLine commandLine(name(), description());
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the API's JSON instead of a table."));
    parser.addOption(json);
    m_backend.addTo(parser);
    addOptions(parser);
    if (const auto done = commandLine.parse(arguments, positionals()))
        return *done;
    if (auto problem = m_backend.check(parser))
        return commandLine.usage(*problem);
    if (auto problem = check(parser))
        return commandLine.usage(*problem);

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
                    invocation->setLocal(m_backend.isLocal(parser));
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
