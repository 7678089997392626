#pragma once

#include "servicecommand.h"

namespace wa::cli {

class GetCommand final : public ServiceCommand
{
public:
    QString name() const override { return QStringLiteral("get"); }
    QString summary() const override;

protected:
    QString description() const override;
    QList<Argument> positionals() const override;
    void execute(Invocation &invocation) const override;
};

} // namespace wa::cli
