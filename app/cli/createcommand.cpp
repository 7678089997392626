#include "createcommand.h"

#include "invocation.h"

namespace wa::cli {

QString CreateCommand::summary() const
{
    return QStringLiteral("Create a webhook config (its test starts at once).");
}

QString CreateCommand::description() const
{
    return QStringLiteral("Create a webhook config for --url. The service generates its secret "
                          "and tests the URL; with --wait, wait for that test and exit with 4 if "
                          "it failed. (Here --api-url, not --url, names the API.)");
}

QList<ServiceCommand::Argument> CreateCommand::positionals() const
{
    return {};
}

void CreateCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("url"), QStringLiteral("Where events go: your receiver's http(s) URL."),
          QStringLiteral("URL")},
         {QStringLiteral("wait"), QStringLiteral("Wait for the test and show its outcome.")}});
}

std::optional<QString> CreateCommand::check(const QCommandLineParser &parser) const
{
    if (!parser.isSet(QStringLiteral("url")))
        return QStringLiteral("--url URL is required.");
    return std::nullopt;
}

void CreateCommand::execute(Invocation &invocation) const
{
    const QString url = invocation.parser().value(QStringLiteral("url"));
    const bool wait = invocation.parser().isSet(QStringLiteral("wait"));
    const int await = wait ? WebhookService::MaxAwaitSeconds : 0;
    invocation.on(invocation.service().createConfig(url, await),
                  [&invocation, wait](const WebhookConfig &created) {
                      if (wait) {
                          invocation.finishAfterConfigTest(created.id);
                          return;
                      }
                      invocation.out().print(created);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
