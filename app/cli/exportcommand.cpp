#include "exportcommand.h"

#include "configexport.h"
#include "invocation.h"
#include "stateoption.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace wa::cli {

namespace {

// Secrets sent to stdout: a file the shell made for `> file.json` is narrowed to its owner
// (0600) before a byte is written; a terminal only gets a warning.
void guardStdout(const OutputFormat &out)
{
    struct stat status = {};
    if (::fstat(STDOUT_FILENO, &status) != 0)
        return;
    if (S_ISREG(status.st_mode)) {
        if (::fchmod(STDOUT_FILENO, S_IRUSR | S_IWUSR) != 0)
            out.printWarning(QStringLiteral("could not make the output file private (mode "
                                            "0600); it holds secrets: use --output FILE."));
    } else if (::isatty(STDOUT_FILENO)) {
        out.printWarning(QStringLiteral("the configs' secrets are printed on the terminal."));
    }
}

} // namespace

QString ExportCommand::summary() const
{
    return QStringLiteral("Export configs as JSON (the API's list shape), for 'import'.");
}

QString ExportCommand::description() const
{
    return QStringLiteral(
        "Export webhook configs as one JSON list object in the API's own shape ({\"resource\": "
        "\"list\", \"data\": [...]}), which jq, the official client and 'import' read. Secrets "
        "are left out unless --include-secrets is given; then the file is made readable by its "
        "owner only (mode 0600), whether it is --output FILE or a file stdout is redirected to. "
        "Deactivated configs are left out unless --state names them.");
}

void ExportCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("state"),
          QStringLiteral("Only configs in these states (comma-separated: new, valid, invalid, "
                         "deactivated)."),
          QStringLiteral("S[,S]")},
         {QStringLiteral("include-secrets"),
          QStringLiteral("Include each config's secret (the file is then made private).")},
         {{QStringLiteral("output"), QStringLiteral("o")},
          QStringLiteral("Write to this file (replaced whole) instead of stdout."),
          QStringLiteral("FILE")}});
}

std::optional<QString> ExportCommand::check(const QCommandLineParser &parser) const
{
    if (parser.isSet(QStringLiteral("state"))) {
        const auto states = parseStates(parser.value(QStringLiteral("state")));
        if (const auto *problem = std::get_if<QString>(&states))
            return *problem;
    }
    if (parser.isSet(QStringLiteral("output")) && parser.value(QStringLiteral("output")).isEmpty())
        return QStringLiteral("--output needs a file name.");
    return std::nullopt;
}

void ExportCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    ConfigFilter filter;
    if (parser.isSet(QStringLiteral("state")))
        filter.states
            = std::get<QList<ConfigState>>(parseStates(parser.value(QStringLiteral("state"))));
    const bool secrets = parser.isSet(QStringLiteral("include-secrets"));
    const QString output = parser.value(QStringLiteral("output"));
    invocation.on(
        invocation.service().listAllConfigs(filter),
        [&invocation, secrets, output](const QList<WebhookConfig> &configs) {
            const QByteArray bytes = ConfigExport::toJson(
                configs, secrets ? JsonCodec::Secret::Include : JsonCodec::Secret::Omit);
            if (!output.isEmpty()) {
                if (const auto written = ConfigExport::writeFile(output, bytes, secrets);
                    !written.ok()) {
                    invocation.fail(written.error());
                    return;
                }
                QTextStream(stderr) << "Exported " << configs.size() << " config(s) to " << output
                                    << (secrets ? " (with secrets, mode 0600)" : "") << ".\n";
                invocation.finish(ExitCode::Ok);
                return;
            }
            if (secrets)
                guardStdout(invocation.out());
            QFile out;
            if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
                invocation.fail(usageError(QStringLiteral("cannot write to stdout.")));
                return;
            }
            out.flush();
            invocation.finish(ExitCode::Ok);
        });
}

} // namespace wa::cli
