#include "importcommand.h"

#include "bulkcommandline.h"
#include "configimport.h"
#include "configimportfile.h"
#include "invocation.h"

#include <QFile>

#include <cstdio>

namespace wa::cli {

QString ImportCommand::summary() const
{
    return QStringLiteral("Create configs from an exported JSON file (URLs already there are "
                          "skipped).");
}

QString ImportCommand::description() const
{
    return QStringLiteral(
        "Create a webhook config for each entry of FILE (or stdin, with -): a list object in "
        "the API's shape, as 'export' writes it. The whole file is checked first: a file that "
        "is not JSON, not that shape, or has an entry without a string url is refused, naming "
        "the entry and the field, and nothing is created. Each new config gets a new secret and "
        "is tested; entries whose URL already exists are skipped; an entry that was deactivated "
        "is deactivated again. Prints a line per entry (with --json one JSON object per line), "
        "then a summary; exits with 1 if any entry was refused.");
}

QList<ServiceCommand::Argument> ImportCommand::positionals() const
{
    return {{QStringLiteral("FILE"), QStringLiteral("The exported file, or - for stdin.")}};
}

void ImportCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("wait"),
                      QStringLiteral("Wait for each new config's test; exit with 4 if one "
                                     "failed.")});
    BulkCommandLine::addConcurrencyOption(parser);
}

std::optional<QString> ImportCommand::check(const QCommandLineParser &parser) const
{
    return BulkCommandLine::checkConcurrency(parser);
}

void ImportCommand::execute(Invocation &invocation) const
{
    const QString path = invocation.parser().positionalArguments().constFirst();
    QFile file;
    const bool opened = path == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        invocation.fail(
            usageError(QStringLiteral("cannot read %1: %2.")
                           .arg(path == QLatin1String("-") ? QStringLiteral("stdin") : path,
                                file.errorString())));
        return;
    }
    const auto entries = ConfigImportFile::parse(file.readAll());
    if (!entries.ok()) {
        invocation.fail(entries.error());
        return;
    }
    const bool wait = invocation.parser().isSet(QStringLiteral("wait"));
    BulkCommandLine::run(invocation, [&invocation, entries, wait](BulkRunner &runner) {
        ConfigImport::start(runner, &invocation.service(), entries.value(), wait);
    });
}

} // namespace wa::cli
