#pragma once

#include "command.h"

namespace wa::cli {

// `webhook-admin-cli verify --secret S --header H [--window SECONDS] < body`: checks a
// Ricloud-Signature against the exact bytes read from stdin and prints the verdict.
// Exit 0 valid, 1 invalid, 2 usage.
class VerifyCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(QCoreApplication &app, const QStringList &arguments) override;
};

} // namespace wa::cli
