#include "deactivatecommand.h"

#include "bulkactions.h"
#include "bulkcommandline.h"
#include "invocation.h"

namespace wa::cli {

QString DeactivateCommand::summary() const
{
    return QStringLiteral("Deactivate webhook configs (nothing is erased).");
}

QString DeactivateCommand::description() const
{
    return QStringLiteral("Deactivate webhook configs: they stop receiving events and stop being "
                          "a default. Nothing is erased; 'update ID --state new' brings one back. "
                          "Several IDs (or - to read them from stdin, one a line) are done a few "
                          "at a time: a line per config (with --json one JSON object per line), "
                          "then a summary.");
}

QList<ServiceCommand::Argument> DeactivateCommand::positionals() const
{
    return {{QStringLiteral("ID"),
             QStringLiteral("The configs' IDs, or - to read them from stdin."), true}};
}

void DeactivateCommand::addOptions(QCommandLineParser &parser) const
{
    BulkCommandLine::addConcurrencyOption(parser);
}

std::optional<QString> DeactivateCommand::check(const QCommandLineParser &parser) const
{
    return BulkCommandLine::checkConcurrency(parser);
}

void DeactivateCommand::execute(Invocation &invocation) const
{
    const QStringList given = invocation.parser().positionalArguments();
    if (!BulkCommandLine::isSingle(given)) {
        const auto ids = BulkCommandLine::ids(given);
        if (const auto *problem = std::get_if<QString>(&ids)) {
            invocation.fail(usageError(*problem));
            return;
        }
        BulkCommandLine::run(invocation, [&invocation, ids](BulkRunner &runner) {
            BulkActions::deactivate(runner, &invocation.service(), std::get<QStringList>(ids));
        });
        return;
    }
    const QString id = invocation.parser().positionalArguments().constFirst();
    invocation.on(invocation.service().deactivateConfig(id),
                  [&invocation](const WebhookConfig &config) {
                      invocation.out().print(config);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
