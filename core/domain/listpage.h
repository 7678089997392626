#pragma once

#include <QList>
#include <QString>

namespace wa {

// Cursor paging as the API does it: `limit` 1..1000, start after or end before an item.
struct PageRequest
{
    static constexpr int DefaultLimit = 10;
    static constexpr int MaxLimit = 1000;

    int limit = DefaultLimit;
    QString afterId;
    QString beforeId;
};

// The API's list object: {"resource": "list", "data", "has_more", "total_count", "url"}.
template<typename T> struct ListPage
{
    QList<T> data;
    bool hasMore = false;
    int totalCount = 0;
    QString url;
};

} // namespace wa
