#pragma once

#include "command.h"

namespace wa::cli {

// `webhook-admin-cli sign --secret S [--timestamp T] < body`: prints the Ricloud-Signature value
// for the exact bytes read from stdin.
class SignCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(QCoreApplication &app, const QStringList &arguments) override;
};

} // namespace wa::cli
