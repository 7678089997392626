#include "listcommand.h"

#include "invocation.h"
#include "jsoncodec.h"
#include "stateoption.h"

#include <variant>

namespace wa::cli {

namespace {

// A datetime as the API writes it, or a plain date (midnight UTC).
std::optional<QDateTime> parseTime(const QString &text)
{
    if (auto parsed = JsonCodec::parseDateTime(text))
        return parsed;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    return std::nullopt;
}

// The filter of the options, or the usage problem.
std::variant<ConfigFilter, QString> filterOf(const QCommandLineParser &parser)
{
    ConfigFilter filter;
    if (parser.isSet(QStringLiteral("state"))) {
        auto states = parseStates(parser.value(QStringLiteral("state")));
        if (const auto *problem = std::get_if<QString>(&states))
            return *problem;
        filter.states = std::get<QList<ConfigState>>(states);
    }
    for (const auto &[option, bound] :
         {std::pair {QStringLiteral("created-after"), &filter.createdAfter},
          std::pair {QStringLiteral("created-before"), &filter.createdBefore}}) {
        if (!parser.isSet(option))
            continue;
        const auto time = parseTime(parser.value(option));
        if (!time)
            return QStringLiteral("--%1: '%2' is not an ISO 8601 date or time (such as "
                                  "2026-11-28T10:25:05Z).")
                .arg(option, parser.value(option));
        *bound = *time;
    }
    return filter;
}

} // namespace

QString ListCommand::summary() const
{
    return QStringLiteral("List webhook configs, newest first.");
}

QString ListCommand::description() const
{
    return QStringLiteral("List webhook configs, newest first, one page at a time (or every "
                          "page with --all). Deactivated configs are left out unless --state "
                          "names them.");
}

QList<ServiceCommand::Argument> ListCommand::positionals() const
{
    return {};
}

void ListCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("state"),
          QStringLiteral("Only configs in these states (comma-separated: new, valid, invalid, "
                         "deactivated)."),
          QStringLiteral("S[,S]")},
         {QStringLiteral("created-after"), QStringLiteral("Only configs created after this time."),
          QStringLiteral("T")},
         {QStringLiteral("created-before"),
          QStringLiteral("Only configs created before this time."), QStringLiteral("T")},
         {QStringLiteral("limit"), QStringLiteral("Configs per page, 1 to 1000 (default 10)."),
          QStringLiteral("N")},
         {QStringLiteral("after"), QStringLiteral("Start the page after this config."),
          QStringLiteral("ID")},
         {QStringLiteral("all"), QStringLiteral("Every matching config (walks every page).")}});
}

std::optional<QString> ListCommand::check(const QCommandLineParser &parser) const
{
    const auto filter = filterOf(parser);
    if (const auto *problem = std::get_if<QString>(&filter))
        return *problem;
    if (parser.isSet(QStringLiteral("all"))
        && (parser.isSet(QStringLiteral("limit")) || parser.isSet(QStringLiteral("after"))))
        return QStringLiteral("--all cannot be combined with --limit or --after.");
    return checkInt(parser, QStringLiteral("limit"), 1, PageRequest::MaxLimit);
}

void ListCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    const ConfigFilter filter = std::get<ConfigFilter>(filterOf(parser));
    if (parser.isSet(QStringLiteral("all"))) {
        invocation.on(invocation.service().listAllConfigs(filter),
                      [&invocation](const QList<WebhookConfig> &configs) {
                          ListPage<WebhookConfig> page;
                          page.data = configs;
                          page.totalCount = int(configs.size());
                          page.url = QStringLiteral("/configs/webhook");
                          invocation.out().print(page);
                          invocation.finish(ExitCode::Ok);
                      });
        return;
    }
    PageRequest page;
    if (parser.isSet(QStringLiteral("limit")))
        page.limit = parser.value(QStringLiteral("limit")).toInt();
    page.afterId = parser.value(QStringLiteral("after"));
    invocation.on(invocation.service().listConfigs(filter, page),
                  [&invocation](const ListPage<WebhookConfig> &configs) {
                      invocation.out().print(configs);
                      invocation.finish(ExitCode::Ok);
                  });
}

} // namespace wa::cli
