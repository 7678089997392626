#pragma once

#include "webhookconfig.h"

#include <QList>
#include <QString>

#include <variant>

namespace wa::cli {

// The value of a --state option: states, comma-separated (new, valid, invalid, deactivated),
// or the usage problem naming the word that is not one. Shared by list and export.
std::variant<QList<ConfigState>, QString> parseStates(const QString &text);

} // namespace wa::cli
