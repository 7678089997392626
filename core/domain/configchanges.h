#pragma once

#include "webhookconfig.h"

#include <QString>

#include <optional>

namespace wa {

// The body of an update: only the fields given are changed.
struct ConfigChanges
{
    std::optional<QString> url;
    std::optional<ConfigState>
        state; // only New or Deactivated are allowed (checked by the service)

    bool isEmpty() const { return !url && !state; }
};

} // namespace wa
