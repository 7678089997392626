#pragma once

#include "phrase.h"

#include <QString>

#include <optional>

namespace wa {

// What a webhook URL must be (API.md): http or https, with a host, at most 2,048 characters.
// Shared by the service (the rule) and the console's editor (inline, before sending).
class UrlRule final
{
public:
    static constexpr qsizetype MaxLength = 2048;

    // nullopt when acceptable; otherwise the reason, for a person ("must use http or https").
    static std::optional<Phrase> problem(const QString &url);
};

} // namespace wa
