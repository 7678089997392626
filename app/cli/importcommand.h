#pragma once

#include "servicecommand.h"

namespace wa::cli {

// `import FILE` (or `-`): creates a config for each entry of an exported list; entries whose
// URL exists are skipped; the file is judged whole before anything is created.
class ImportCommand final : public ServiceCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override;

protected:
    QString description() const override;
    QList<Argument> positionals() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<QString> check(const QCommandLineParser &parser) const override;
    void execute(Invocation &invocation) const override;
};

} // namespace wa::cli
