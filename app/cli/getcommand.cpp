#include "getcommand.h"

#include "invocation.h"

namespace wa::cli {

QString GetCommand::summary() const
{
    return QStringLiteral("Show one webhook config, secret included.");
}

QString GetCommand::description() const
{
    return summary();
}

QList<ServiceCommand::Argument> GetCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The config's ID.")}};
}

void GetCommand::execute(Invocation &invocation) const
{
    const QString id = invocation.parser().positionalArguments().constFirst();
    invocation.on(invocation.service().config(id), [&invocation](const WebhookConfig &config) {
        invocation.out().print(config);
        invocation.finish(ExitCode::Ok);
    });
}

} // namespace wa::cli
