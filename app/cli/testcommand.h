#pragma once

#include "servicecommand.h"

namespace wa::cli {

class TestCommand final : public ServiceCommand
{
public:
    QString name() const override { return QStringLiteral("test"); }
    QString summary() const override;

protected:
    QString description() const override;
    QList<Argument> positionals() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<QString> check(const QCommandLineParser &parser) const override;
    void execute(Invocation &invocation) const override;
};

} // namespace wa::cli
