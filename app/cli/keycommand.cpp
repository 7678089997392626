#include "keycommand.h"

#include "invocation.h"

namespace wa::cli {

QString KeyCommand::summary() const
{
    return QStringLiteral("Show the API key in use, or set its own config.");
}

QString KeyCommand::description() const
{
    return QStringLiteral("Show the key that makes the requests (never its token). --config ID "
                          "gives it a config of its own; --no-config makes it use the "
                          "organisation's default.");
}

QList<ServiceCommand::Argument> KeyCommand::positionals() const
{
    return {};
}

void KeyCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({{QStringLiteral("config"), QStringLiteral("Set the key's own config."),
                        QStringLiteral("ID")},
                       {QStringLiteral("no-config"),
                        QStringLiteral("Clear the key's own config (use the default).")}});
}

std::optional<QString> KeyCommand::check(const QCommandLineParser &parser) const
{
    if (parser.isSet(QStringLiteral("config")) && parser.isSet(QStringLiteral("no-config")))
        return QStringLiteral("give --config ID or --no-config, not both.");
    if (parser.isSet(QStringLiteral("config")) && parser.value(QStringLiteral("config")).isEmpty())
        return QStringLiteral("--config needs a config ID (or use --no-config).");
    return std::nullopt;
}

void KeyCommand::execute(Invocation &invocation) const
{
    const QCommandLineParser &parser = invocation.parser();
    const bool set
        = parser.isSet(QStringLiteral("config")) || parser.isSet(QStringLiteral("no-config"));
    const QString configId = parser.value(QStringLiteral("config"));
    invocation.on(invocation.service().key(), [&invocation, set, configId](const Key &key) {
        if (!set) {
            invocation.out().print(key);
            invocation.finish(ExitCode::Ok);
            return;
        }
        invocation.on(invocation.service().setKeyConfig(key.id, configId),
                      [&invocation](const Key &changed) {
                          invocation.out().print(changed);
                          invocation.finish(ExitCode::Ok);
                      });
    });
}

} // namespace wa::cli
