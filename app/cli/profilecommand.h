#pragma once

#include "command.h"

namespace wa::cli {

// `profile add|list|remove`: the saved profiles shared with the GUI. Tokens go to the OS keychain
// (or the 0600 fallback file, announced on stderr) and are never printed.
class ProfileCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("profile"); }
    QString summary() const override;
    int run(QCoreApplication &app, const QStringList &arguments) override;
};

} // namespace wa::cli
