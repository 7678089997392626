#pragma once

#include "webhookconfig.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wa {

// Which configs to show. The API part (states, creation bounds) is what GET /configs/webhook
// takes; `text` is the console's free-text search over URL and ID. One type so that the
// server, the remote client and the table's proxy model all agree on what "matches" means.
struct ConfigFilter
{
    QList<ConfigState> states; // empty: every state except Deactivated (the API's default)
    std::optional<QDateTime> createdAt; // exact
    std::optional<QDateTime> createdAfter; // > (date_created__gt)
    std::optional<QDateTime> createdFrom; // >= (date_created__gte)
    std::optional<QDateTime> createdBefore; // < (date_created__lt)
    std::optional<QDateTime> createdUntil; // <= (date_created__lte)
    QString text; // case-insensitive substring of URL or ID; not sent to the API

    bool acceptsState(ConfigState state) const;
    bool acceptsDate(const QDateTime &created) const;
    bool matches(const WebhookConfig &config) const;

    // True when only the text differs: a proxy can re-filter without a new query.
    bool sameApiPart(const ConfigFilter &other) const;
};

} // namespace wa
