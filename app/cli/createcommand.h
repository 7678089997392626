#pragma once

#include "servicecommand.h"

namespace wa::cli {

class CreateCommand final : public ServiceCommand
{
public:
    CreateCommand()
        : ServiceCommand(false)
    { }

    QString name() const override { return QStringLiteral("create"); }
    QString summary() const override;

protected:
    QString description() const override;
    QList<Argument> positionals() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<QString> check(const QCommandLineParser &parser) const override;
    void execute(Invocation &invocation) const override;
};

} // namespace wa::cli
