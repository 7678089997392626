#include "deactivatecommand.h"

#include "invocation.h"

namespace wa::cli {

QString DeactivateCommand::summary() const
{
    return QStringLiteral("Deactivate a webhook config (nothing is erased).");
}

QString DeactivateCommand::description() const
{
    return QStringLiteral("Deactivate a webhook config: it stops receiving events and stops being "
                          "a default. Nothing is erased; 'update ID --state new' brings it back.");
}

QList<ServiceCommand::Argument> DeactivateCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The config's ID.")}};
}

void DeactivateCommand::execute(Invocation &invocation) const
{
    const QString id = invocation.parser().positionalArguments().constFirst();
    invocation.on(invocation.service().deactivateConfig(id),
                  [&invocation](const WebhookConfig &config) {
                      invocation.out().print(config);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
