#include "testcommand.h"

#include "bulkactions.h"
#include "bulkcommandline.h"
#include "invocation.h"

namespace wa::cli {

QString TestCommand::summary() const
{
    return QStringLiteral("Test configs again: send each a signed test event.");
}

QString TestCommand::description() const
{
    return QStringLiteral("Start a test of webhook configs: the service sends a signed test "
                          "event to each one's URL. With --wait, wait for the outcomes, print "
                          "each with its reason, and exit with 4 if a test failed. Several IDs "
                          "(or - to read them from stdin, one a line) are tested a few at a "
                          "time: a line per config as it finishes (with --json one JSON object "
                          "per line), then a summary.");
}

QList<ServiceCommand::Argument> TestCommand::positionals() const
{
    return {{QStringLiteral("ID"),
             QStringLiteral("The configs' IDs, or - to read them from stdin."), true}};
}

void TestCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("wait"), QStringLiteral("Wait for the outcome of the test.")});
    BulkCommandLine::addConcurrencyOption(parser);
}

std::optional<QString> TestCommand::check(const QCommandLineParser &parser) const
{
    return BulkCommandLine::checkConcurrency(parser);
}

void TestCommand::execute(Invocation &invocation) const
{
    const QStringList given = invocation.parser().positionalArguments();
    if (!BulkCommandLine::isSingle(given)) {
        const auto ids = BulkCommandLine::ids(given);
        if (const auto *problem = std::get_if<QString>(&ids)) {
            invocation.fail(usageError(*problem));
            return;
        }
        const bool wait = invocation.parser().isSet(QStringLiteral("wait"));
        BulkCommandLine::run(invocation, [&invocation, ids, wait](BulkRunner &runner) {
            BulkActions::test(runner, &invocation.service(), std::get<QStringList>(ids), wait);
        });
        return;
    }
    const QString id = invocation.parser().positionalArguments().constFirst();
    const bool wait = invocation.parser().isSet(QStringLiteral("wait"));
    invocation.on(invocation.service().testConfig(id, wait ? WebhookService::MaxAwaitSeconds : 0),
                  [&invocation, wait](const Task &started) {
                      if (!wait) {
                          invocation.out().print(started);
                          invocation.finish(ExitCode::Ok);
                          return;
                      }
                      invocation.waitForTask(started, [&invocation](const Task &task) {
                          invocation.out().print(task);
                          invocation.out().printOutcome(task);
                          invocation.finish(task.state == TaskState::Failed ? ExitCode::TestFailed
                                                                            : ExitCode::Ok);
                      });
                  });
}

} // namespace wa::cli
