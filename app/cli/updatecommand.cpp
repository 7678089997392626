#include "updatecommand.h"

#include "invocation.h"

namespace wa::cli {

QString UpdateCommand::summary() const
{
    return QStringLiteral("Change a config's URL or state (new retests it, or deactivated).");
}

QString UpdateCommand::description() const
{
    return QStringLiteral("Change a webhook config. A new --url, or --state new, puts it back in "
                          "'new' and tests it again; with --wait, wait for that test and exit "
                          "with 4 if it failed. (Here --api-url, not --url, names the API.)");
}

QList<ServiceCommand::Argument> UpdateCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The config's ID.")}};
}

void UpdateCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("url"), QStringLiteral("The receiver's new URL."), QStringLiteral("URL")},
         {QStringLiteral("state"), QStringLiteral("new (retest) or deactivated."),
          QStringLiteral("STATE")},
         {QStringLiteral("wait"),
          QStringLiteral("Wait for the test it starts and show its outcome.")}});
}

std::optional<QString> UpdateCommand::check(const QCommandLineParser &parser) const
{
    if (!parser.isSet(QStringLiteral("url")) && !parser.isSet(QStringLiteral("state")))
        return QStringLiteral("nothing to change: give --url URL, --state STATE or both.");
    // Known state names go to the service, which says which ones may be set.
    if (parser.isSet(QStringLiteral("state"))
        && !configStateFromString(parser.value(QStringLiteral("state"))))
        return QStringLiteral("--state: '%1' is not a state (new or deactivated).")
            .arg(parser.value(QStringLiteral("state")));
    return std::nullopt;
}

void UpdateCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    const QString id = parser.positionalArguments().constFirst();
    ConfigChanges changes;
    if (parser.isSet(QStringLiteral("url")))
        changes.url = parser.value(QStringLiteral("url"));
    if (parser.isSet(QStringLiteral("state")))
        changes.state = configStateFromString(parser.value(QStringLiteral("state")));
    const bool wait = parser.isSet(QStringLiteral("wait"));
    // Only a change that starts a test has something to wait for.
    const bool testStarted = changes.url || changes.state == ConfigState::New;
    const int await = wait && testStarted ? WebhookService::MaxAwaitSeconds : 0;
    invocation.on(invocation.service().updateConfig(id, changes, await),
                  [&invocation, wait, testStarted](const WebhookConfig &config) {
                      if (wait && testStarted && config.state != ConfigState::Deactivated) {
                          invocation.finishAfterConfigTest(config.id);
                          return;
                      }
                      invocation.out().print(config);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
