#pragma once

#include "command.h"

namespace wa::cli {

// `webhook-admin-cli listen`: a webhook receiver on 127.0.0.1 that prints each event it gets and
// its verdict (one JSON object per line with --json), until SIGINT or SIGTERM.
class ListenCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    int run(QCoreApplication &app, const QStringList &arguments) override;
};

} // namespace wa::cli
