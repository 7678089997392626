#pragma once

#include "configfilter.h"
#include "listpage.h"
#include "result.h"
#include "store.h"

#include <QByteArray>
#include <QHash>

#include <array>
#include <vector>

namespace wa {

// A copy of the organisation's configs in memory, so that list and get need not query the
// database: kept in API order (date_created, then id) with an id -> position index and a count
// per state. Only a cache: it is filled from rows read from the database (LocalView decides
// when), never from what a write meant to do.
//
// Each row also keeps its JSON text, encoded by JsonCodec the first time the REST API asks for
// it and dropped when the row changes: a list page is those texts joined.
class ConfigCache final
{
public:
    // Takes rows as read from the database (new ones or newer versions of known ones); returns
    // the configs whose row differs from the cached one (when `report`: a first load of 100,000
    // rows reports nothing).
    QList<WebhookConfig> apply(QList<Store::ConfigRow> rows, bool report = true);
    void clear();

    const Store::ConfigRow *find(const QString &id) const;
    int size() const { return int(m_entries.size()); }

    // Newest first; total counts every match. Unknown anchors are invalid-parameter on
    // after_id / before_id.
    Result<ListPage<WebhookConfig>> page(const ConfigFilter &filter,
                                         const PageRequest &request) const;
    // The same page as the API's JSON text.
    Result<QByteArray> pageText(const ConfigFilter &filter, const PageRequest &request) const;
    // One config as the API's JSON text; empty when there is none.
    QByteArray text(const QString &id) const;
    QList<WebhookConfig> all(const ConfigFilter &filter) const;

private:
    struct Entry
    {
        Store::ConfigRow row;
        mutable QByteArray text; // JsonCodec's encoding of row.config, made when first asked
    };
    // Which entries a page holds (positions, newest first), or the anchor's error.
    struct Walk
    {
        QList<qsizetype> positions;
        bool hasMore = false;
    };
    Result<Walk> walk(const ConfigFilter &filter, const PageRequest &request) const;
    const QByteArray &textOf(const Entry &entry) const;

    // A config new to the cache (its date_created is usually the newest: an append).
    void insert(Store::ConfigRow row);
    // The same config with another url, state or revision (date_created and id never change).
    void update(Store::ConfigRow row);
    static bool before(const Store::ConfigRow &a, const Store::ConfigRow &b);
    void reindexFrom(qsizetype position);
    int countMatches(const ConfigFilter &filter) const;

    // Oldest first, so that a create appends and positions of the others stay put.
    std::vector<Entry> m_entries;
    QHash<QString, qsizetype> m_positions;
    std::array<int, 4> m_stateCounts {};
    // Every row's organisation id shares this one string (100,000 copies of a UUID add up).
    QString m_organisation;
};

} // namespace wa
