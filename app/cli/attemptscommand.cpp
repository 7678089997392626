#include "attemptscommand.h"

#include "invocation.h"

namespace wa::cli {

QString AttemptsCommand::summary() const
{
    return QStringLiteral("Show a config's delivery log (local service and 'serve').");
}

QString AttemptsCommand::description() const
{
    return QStringLiteral("Show the delivery attempts of a config, newest first: time, outcome, "
                          "HTTP status, latency and error. --verbose adds the request's headers "
                          "and body and the start of the response. Offered by the local service "
                          "and 'serve', not by the hosted API.");
}

QList<ServiceCommand::Argument> AttemptsCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The config's ID.")}};
}

void AttemptsCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("limit"), QStringLiteral("Attempts per page, 1 to 1000 (default 10)."),
          QStringLiteral("N")},
         {QStringLiteral("after"), QStringLiteral("Start the page after this attempt."),
          QStringLiteral("ID")},
         {QStringLiteral("verbose"),
          QStringLiteral("Show request headers and body and the response's start.")}});
}

std::optional<QString> AttemptsCommand::check(const QCommandLineParser &parser) const
{
    return checkInt(parser, QStringLiteral("limit"), 1, PageRequest::MaxLimit);
}

void AttemptsCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    PageRequest page;
    if (parser.isSet(QStringLiteral("limit")))
        page.limit = parser.value(QStringLiteral("limit")).toInt();
    page.afterId = parser.value(QStringLiteral("after"));
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    invocation.on(
        invocation.service().listAttempts(parser.positionalArguments().constFirst(), page),
        [&invocation, verbose](const ListPage<DeliveryAttempt> &attempts) {
            invocation.out().print(attempts, verbose);
            invocation.finish(ExitCode::Ok);
        });
}

} // namespace wa::cli
