#pragma once

#include "phrase.h"
#include "webhookconfig.h"

#include <QString>

#include <optional>

namespace wa {

// What a bulk action acts on, one at a time: a config by ID (test, deactivate, reactivate,
// promote), or an entry of an import file (its index, URL and state).
struct BulkItem
{
    QString id; // a config's ID (for promote: in the source); empty for an import entry
    QString url; // import: the URL to create
    int index = -1; // import: the entry's index in the file's `data` list
    std::optional<ConfigState> state; // import: the state in the file (`deactivated` is kept)

    // How a report names the item: the ID, or "entry 3 (https://...)".
    Phrase label() const;
};

} // namespace wa
