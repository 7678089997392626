#pragma once

#include "configfilter.h"
#include "listpage.h"
#include "result.h"
#include "store.h"

#include <QHash>

#include <array>
#include <vector>

namespace wa {

// The organisation's configs in memory, so that list and get never touch SQLite: kept in API
// order (date_created, then id) with an id -> position index and a count per state. The service
// writes to the Store first and updates this copy after the commit.
class ConfigCache final
{
public:
    void reset(QList<Store::ConfigRow> rows);

    const Store::ConfigRow *find(const QString &id) const;
    // A config new to the cache (its date_created is usually the newest: an append).
    void insert(Store::ConfigRow row);
    // The same config with another url, state or revision (date_created and id never change).
    void update(const Store::ConfigRow &row);

    int size() const { return int(m_rows.size()); }

    // Newest first; total counts every match. Unknown anchors are invalid-parameter on
    // after_id / before_id.
    Result<ListPage<WebhookConfig>> page(const ConfigFilter &filter,
                                         const PageRequest &request) const;
    QList<WebhookConfig> all(const ConfigFilter &filter) const;

private:
    static bool before(const Store::ConfigRow &a, const Store::ConfigRow &b);
    void reindexFrom(qsizetype position);
    int countMatches(const ConfigFilter &filter) const;

    // Oldest first, so that a create appends and positions of the others stay put.
    std::vector<Store::ConfigRow> m_rows;
    QHash<QString, qsizetype> m_positions;
    std::array<int, 4> m_stateCounts {};
};

} // namespace wa
