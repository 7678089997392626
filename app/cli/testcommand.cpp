#include "testcommand.h"

#include "invocation.h"

namespace wa::cli {

QString TestCommand::summary() const
{
    return QStringLiteral("Test a config again: send it a signed test event.");
}

QString TestCommand::description() const
{
    return QStringLiteral("Start a test of a webhook config: the service sends a signed test "
                          "event to its URL. With --wait, wait for the outcome, print it with "
                          "its reason, and exit with 4 if the test failed.");
}

QList<ServiceCommand::Argument> TestCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The config's ID.")}};
}

void TestCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("wait"), QStringLiteral("Wait for the outcome of the test.")});
}

void TestCommand::execute(Invocation &invocation) const
{
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
