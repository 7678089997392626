#include "attemptscommand.h"

#include "curlcommand.h"
#include "invocation.h"
#include "signature.h"

#include <QDateTime>

namespace wa::cli {

QString AttemptsCommand::summary() const
{
    return QStringLiteral("Show a config's delivery log (local service and 'serve').");
}

QString AttemptsCommand::description() const
{
    return QStringLiteral("Show the delivery attempts of a config, newest first: time, outcome, "
                          "HTTP status, latency and error. --verbose adds the request's headers "
                          "and body and the start of the response. --curl prints a curl command "
                          "that repeats the newest attempt (or --attempt N) byte for byte, "
                          "signature included. Offered by the local service and 'serve', not by "
                          "the hosted API.");
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
          QStringLiteral("Show request headers and body and the response's start.")},
         {QStringLiteral("curl"),
          QStringLiteral("Print a shell command that repeats the newest attempt with curl, byte "
                         "for byte, signature included.")},
         {QStringLiteral("attempt"),
          QStringLiteral("With --curl: the Nth newest attempt (1 is the newest), or an attempt's "
                         "ID."),
          QStringLiteral("N")}});
}

std::optional<QString> AttemptsCommand::check(const QCommandLineParser &parser) const
{
    const bool curl = parser.isSet(QStringLiteral("curl"));
    if (parser.isSet(QStringLiteral("attempt")) && !curl)
        return QStringLiteral("--attempt needs --curl.");
    if (curl
        && (parser.isSet(QStringLiteral("json")) || parser.isSet(QStringLiteral("verbose"))
            || parser.isSet(QStringLiteral("limit")) || parser.isSet(QStringLiteral("after"))))
        return QStringLiteral("--curl prints one command: it cannot be combined with --json, "
                              "--verbose, --limit or --after.");
    if (curl && parser.isSet(QStringLiteral("attempt"))) {
        bool number = false;
        const int n = parser.value(QStringLiteral("attempt")).toInt(&number);
        if (number && (n < 1 || n > PageRequest::MaxLimit))
            return QStringLiteral("--attempt: 1 (the newest) to %1, or an attempt's ID.")
                .arg(PageRequest::MaxLimit);
        if (parser.value(QStringLiteral("attempt")).isEmpty())
            return QStringLiteral("--attempt needs a number or an attempt's ID.");
    }
    return checkInt(parser, QStringLiteral("limit"), 1, PageRequest::MaxLimit);
}

void AttemptsCommand::printCurl(Invocation &invocation, const QString &configId,
                                const QString &which, const QString &afterId) const
{
    bool number = false;
    const int position = which.isEmpty() ? 1 : which.toInt(&number);
    const bool byPosition = which.isEmpty() || number;
    PageRequest page;
    page.limit = byPosition ? position : PageRequest::MaxLimit;
    page.afterId = afterId;
    invocation.on(
        invocation.service().listAttempts(configId, page),
        [this, &invocation, configId, which, byPosition,
         position](const ListPage<DeliveryAttempt> &attempts) {
            std::optional<DeliveryAttempt> chosen;
            if (byPosition && attempts.data.size() >= position)
                chosen = attempts.data.at(position - 1);
            for (const DeliveryAttempt &attempt : attempts.data) {
                if (!byPosition && attempt.id == which)
                    chosen = attempt;
            }
            if (!chosen && !byPosition && attempts.hasMore && !attempts.data.isEmpty()) {
                printCurl(invocation, configId, which, attempts.data.constLast().id);
                return;
            }
            if (!chosen) {
                invocation.fail(ApiError::notFound(
                    which.isEmpty()
                        ? QStringLiteral("Config %1 has no delivery attempt yet.").arg(configId)
                        : QStringLiteral("Config %1 has no attempt %2 (see 'webhook-admin-cli "
                                         "attempts %1').")
                              .arg(configId, which)));
                return;
            }
            invocation.out().printLine(CurlCommand::fromAttempt(*chosen));
            const qint64 age = chosen->dateStarted.secsTo(QDateTime::currentDateTimeUtc());
            if (age > Signature::DefaultWindowSeconds)
                invocation.out().printWarning(
                    QStringLiteral("this attempt was signed %1 minutes ago; receivers refuse "
                                   "signatures older than %2 minutes, as they should a replay "
                                   "('resend' delivers it again, freshly signed).")
                        .arg(age / 60)
                        .arg(Signature::DefaultWindowSeconds / 60));
            invocation.finish(ExitCode::Ok);
        });
}

void AttemptsCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    PageRequest page;
    if (parser.isSet(QStringLiteral("limit")))
        page.limit = parser.value(QStringLiteral("limit")).toInt();
    page.afterId = parser.value(QStringLiteral("after"));
    if (parser.isSet(QStringLiteral("curl"))) {
        printCurl(invocation, parser.positionalArguments().constFirst(),
                  parser.value(QStringLiteral("attempt")), {});
        return;
    }
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    invocation.on(
        invocation.service().listAttempts(parser.positionalArguments().constFirst(), page),
        [&invocation, verbose](const ListPage<DeliveryAttempt> &attempts) {
            invocation.out().print(attempts, verbose);
            invocation.finish(ExitCode::Ok);
        });
}

} // namespace wa::cli
