#pragma once

#include "configfilter.h"
#include "listpage.h"
#include "result.h"
#include "store.h"

#include <QHash>

#include <array>
#include <vector>

namespace wa {

// A copy of the organisation's configs in memory, so that list and get need not query the
// database: kept in API order (date_created, then id) with an id -> position index and a count
// per state. Only a cache: it is filled from rows read from the database (LocalView decides
// when), never from what a write meant to do.
class ConfigCache final
{
public:
    // Takes rows as read from the database (new ones or newer versions of known ones); returns
    // the configs whose row differs from the cached one (when `report`: a first load of 100,000
    // rows reports nothing).
    QList<WebhookConfig> apply(QList<Store::ConfigRow> rows, bool report = true);
    void clear();

    const Store::ConfigRow *find(const QString &id) const;
    int size() const { return int(m_rows.size()); }

    // Newest first; total counts every match. Unknown anchors are invalid-parameter on
    // after_id / before_id.
    Result<ListPage<WebhookConfig>> page(const ConfigFilter &filter,
                                         const PageRequest &request) const;
    QList<WebhookConfig> all(const ConfigFilter &filter) const;

private:
    // A config new to the cache (its date_created is usually the newest: an append).
    void insert(Store::ConfigRow row);
    // The same config with another url, state or revision (date_created and id never change).
    void update(Store::ConfigRow row);
    static bool before(const Store::ConfigRow &a, const Store::ConfigRow &b);
    void reindexFrom(qsizetype position);
    int countMatches(const ConfigFilter &filter) const;

    // Oldest first, so that a create appends and positions of the others stay put.
    std::vector<Store::ConfigRow> m_rows;
    QHash<QString, qsizetype> m_positions;
    std::array<int, 4> m_stateCounts {};
    // Every row's organisation id shares this one string (100,000 copies of a UUID add up).
    QString m_organisation;
};

} // namespace wa
