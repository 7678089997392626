#pragma once

#include "servicecommand.h"

namespace wa::cli {

class AttemptsCommand final : public ServiceCommand
{
public:
    QString name() const override { return QStringLiteral("attempts"); }
    QString summary() const override;

protected:
    QString description() const override;
    QList<Argument> positionals() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<QString> check(const QCommandLineParser &parser) const override;
    void execute(Invocation &invocation) const override;

private:
    // Finds the attempt (`which`: empty for the newest, a position, or an ID, walking pages
    // from `afterId`) and prints its curl command.
    void printCurl(Invocation &invocation, const QString &configId, const QString &which,
                   const QString &afterId) const;
};

} // namespace wa::cli
