#include "orgcommand.h"

#include "invocation.h"

namespace wa::cli {

QString OrgCommand::summary() const
{
    return QStringLiteral("Show the organisation, or set its default config.");
}

QString OrgCommand::description() const
{
    return QStringLiteral("Show the organisation and its configs. --default ID sets the config "
                          "that every key without its own uses; --no-default clears it.");
}

QList<ServiceCommand::Argument> OrgCommand::positionals() const
{
    return {};
}

void OrgCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions(
        {{QStringLiteral("default"), QStringLiteral("Set the default config."),
          QStringLiteral("ID")},
         {QStringLiteral("no-default"), QStringLiteral("Clear the default config.")}});
}

std::optional<QString> OrgCommand::check(const QCommandLineParser &parser) const
{
    if (parser.isSet(QStringLiteral("default")) && parser.isSet(QStringLiteral("no-default")))
        return QStringLiteral("give --default ID or --no-default, not both.");
    if (parser.isSet(QStringLiteral("default"))
        && parser.value(QStringLiteral("default")).isEmpty())
        return QStringLiteral("--default needs a config ID (or use --no-default).");
    return std::nullopt;
}

void OrgCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    auto show = [&invocation](const Organisation &organisation) {
        invocation.out().print(organisation);
        invocation.finish(ExitCode::Ok);
    };
    if (parser.isSet(QStringLiteral("default")))
        invocation.on(
            invocation.service().setDefaultConfig(parser.value(QStringLiteral("default"))), show);
    else if (parser.isSet(QStringLiteral("no-default")))
        invocation.on(invocation.service().setDefaultConfig(QString()), show);
    else
        invocation.on(invocation.service().organisation(), show);
}

} // namespace wa::cli
