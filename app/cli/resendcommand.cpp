#include "resendcommand.h"

#include "invocation.h"

namespace wa::cli {

QString ResendCommand::summary() const
{
    return QStringLiteral("Deliver an event again (local service and 'serve').");
}

QString ResendCommand::description() const
{
    return QStringLiteral("Deliver an event again: same ID and body, freshly signed. Prints the "
                          "new attempt. Offered by the local service and 'serve', not by the "
                          "hosted API.");
}

QList<ServiceCommand::Argument> ResendCommand::positionals() const
{
    return {{QStringLiteral("EVENT_ID"), QStringLiteral("The event's ID.")}};
}

void ResendCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("verbose"),
                      QStringLiteral("Show request headers and body and the response's start.")});
}

void ResendCommand::execute(Invocation &invocation) const
{
    const QString id = invocation.parser().positionalArguments().constFirst();
    const bool verbose = invocation.parser().isSet(QStringLiteral("verbose"));
    invocation.on(invocation.service().resendEvent(id),
                  [&invocation, verbose](const DeliveryAttempt &attempt) {
                      invocation.out().print(attempt, verbose);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
