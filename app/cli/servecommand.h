#pragma once

#include "command.h"

namespace wa::cli {

// `webhook-admin-cli serve`: runs the local service and its REST API until SIGINT or SIGTERM.
class ServeCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(QCoreApplication &app, const QStringList &arguments) override;
};

} // namespace wa::cli
