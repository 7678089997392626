#include "configcache.h"

#include <algorithm>

namespace wa {

namespace {

int stateIndex(ConfigState state)
{
    return int(state);
}

} // namespace

bool ConfigCache::before(const Store::ConfigRow &a, const Store::ConfigRow &b)
{
    const qint64 ma = a.config.dateCreated.toMSecsSinceEpoch();
    const qint64 mb = b.config.dateCreated.toMSecsSinceEpoch();
    if (ma != mb)
        return ma < mb;
    return a.config.id < b.config.id;
}

QList<WebhookConfig> ConfigCache::apply(QList<Store::ConfigRow> rows, bool report)
{
    QList<WebhookConfig> changed;
    // Oldest first, so that a first load appends in order.
    std::sort(rows.begin(), rows.end(), before);
    if (m_rows.empty())
        m_rows.reserve(size_t(rows.size()));
    for (Store::ConfigRow &row : rows) {
        if (m_organisation != row.config.organisation)
            m_organisation = row.config.organisation;
        row.config.organisation = m_organisation;
        const auto it = m_positions.constFind(row.config.id);
        if (it != m_positions.cend()) {
            const Store::ConfigRow &current = m_rows[size_t(*it)];
            if (current.changeSeq == row.changeSeq && current.config == row.config)
                continue;
            if (report)
                changed.append(row.config);
            update(std::move(row));
        } else {
            if (report)
                changed.append(row.config);
            insert(std::move(row));
        }
    }
    return changed;
}

void ConfigCache::clear()
{
    m_rows.clear();
    m_positions.clear();
    m_stateCounts.fill(0);
}

const Store::ConfigRow *ConfigCache::find(const QString &id) const
{
    const auto it = m_positions.constFind(id);
    return it == m_positions.cend() ? nullptr : &m_rows[size_t(*it)];
}

void ConfigCache::insert(Store::ConfigRow row)
{
    ++m_stateCounts[size_t(stateIndex(row.config.state))];
    if (m_rows.empty() || before(m_rows.back(), row)) {
        m_positions.insert(row.config.id, qsizetype(m_rows.size()));
        m_rows.push_back(std::move(row));
        return;
    }
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), row, before);
    const qsizetype position = it - m_rows.begin();
    m_rows.insert(it, std::move(row));
    reindexFrom(position);
}

void ConfigCache::update(Store::ConfigRow row)
{
    Store::ConfigRow &current = m_rows[size_t(m_positions.value(row.config.id))];
    --m_stateCounts[size_t(stateIndex(current.config.state))];
    ++m_stateCounts[size_t(stateIndex(row.config.state))];
    current = std::move(row);
}

void ConfigCache::reindexFrom(qsizetype position)
{
    for (qsizetype i = position; i < qsizetype(m_rows.size()); ++i)
        m_positions.insert(m_rows[size_t(i)].config.id, i);
}

int ConfigCache::countMatches(const ConfigFilter &filter) const
{
    const bool anyDate = filter.createdAt || filter.createdAfter || filter.createdFrom
        || filter.createdBefore || filter.createdUntil;
    if (!anyDate && filter.text.isEmpty()) {
        int total = 0;
        for (auto state : {ConfigState::New, ConfigState::Valid, ConfigState::Invalid,
                           ConfigState::Deactivated}) {
            if (filter.acceptsState(state))
                total += m_stateCounts[size_t(stateIndex(state))];
        }
        return total;
    }
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&](const Store::ConfigRow &row) {
        return filter.matches(row.config);
    }));
}

Result<ListPage<WebhookConfig>> ConfigCache::page(const ConfigFilter &filter,
                                                  const PageRequest &request) const
{
    ListPage<WebhookConfig> result;
    result.url = QStringLiteral("/configs/webhook");
    const qsizetype count = qsizetype(m_rows.size());
    const int limit = request.limit;

    if (!request.beforeId.isEmpty() && request.afterId.isEmpty()) {
        const auto anchor = m_positions.constFind(request.beforeId);
        if (anchor == m_positions.cend()) {
            return ApiError::invalidParameter(
                QStringLiteral("before_id"),
                QStringLiteral("no webhook config with id %1").arg(request.beforeId));
        }
        // Items newer than the anchor, nearest first, then shown newest first.
        for (qsizetype i = *anchor + 1; i < count; ++i) {
            const WebhookConfig &config = m_rows[size_t(i)].config;
            if (!filter.matches(config))
                continue;
            if (result.data.size() == limit) {
                result.hasMore = true;
                break;
            }
            result.data.append(config);
        }
        std::reverse(result.data.begin(), result.data.end());
    } else {
        qsizetype start = count - 1;
        if (!request.afterId.isEmpty()) {
            const auto anchor = m_positions.constFind(request.afterId);
            if (anchor == m_positions.cend()) {
                return ApiError::invalidParameter(
                    QStringLiteral("after_id"),
                    QStringLiteral("no webhook config with id %1").arg(request.afterId));
            }
            start = *anchor - 1;
        }
        for (qsizetype i = start; i >= 0; --i) {
            const WebhookConfig &config = m_rows[size_t(i)].config;
            if (!filter.matches(config))
                continue;
            if (result.data.size() == limit) {
                result.hasMore = true;
                break;
            }
            result.data.append(config);
        }
    }
    result.totalCount = countMatches(filter);
    return result;
}

QList<WebhookConfig> ConfigCache::all(const ConfigFilter &filter) const
{
    QList<WebhookConfig> list;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (filter.matches(it->config))
            list.append(it->config);
    }
    return list;
}

} // namespace wa
