#pragma once

#include "servicecommand.h"

namespace wa::cli {

// `export`: every config matching --state as a list object in the API's own shape, on stdout
// or in --output FILE; secrets only with --include-secrets, and then in a file only its owner
// can read.
class ExportCommand final : public ServiceCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<QString> check(const QCommandLineParser &parser) const override;
    void execute(Invocation &invocation) const override;
};

} // namespace wa::cli
