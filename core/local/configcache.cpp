#include "configcache.h"

#include "jsoncodec.h"

#include <QJsonDocument>

#include <algorithm>

namespace wa {

namespace {

size_t stateIndex(ConfigState state)
{
    return size_t(state);
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
    if (m_entries.empty())
        m_entries.reserve(size_t(rows.size()));
    for (Store::ConfigRow &row : rows) {
        if (m_organisation != row.config.organisation)
            m_organisation = row.config.organisation;
        row.config.organisation = m_organisation;
        const auto it = m_positions.constFind(row.config.id);
        if (it != m_positions.cend()) {
            const Store::ConfigRow &current = m_entries[size_t(*it)].row;
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
    m_entries.clear();
    m_positions.clear();
    m_stateCounts.fill(0);
}

const Store::ConfigRow *ConfigCache::find(const QString &id) const
{
    const auto it = m_positions.constFind(id);
    return it == m_positions.cend() ? nullptr : &m_entries[size_t(*it)].row;
}

void ConfigCache::insert(Store::ConfigRow row)
{
    ++m_stateCounts[stateIndex(row.config.state)];
    if (m_entries.empty() || before(m_entries.back().row, row)) {
        m_positions.insert(row.config.id, qsizetype(m_entries.size()));
        m_entries.push_back({std::move(row), {}});
        return;
    }
    const auto it = std::upper_bound(
        m_entries.begin(), m_entries.end(), row,
        [](const Store::ConfigRow &r, const Entry &e) { return before(r, e.row); });
    const qsizetype position = it - m_entries.begin();
    m_entries.insert(it, {std::move(row), {}});
    reindexFrom(position);
}

void ConfigCache::update(Store::ConfigRow row)
{
    Entry &current = m_entries[size_t(m_positions.value(row.config.id))];
    --m_stateCounts[stateIndex(current.row.config.state)];
    ++m_stateCounts[stateIndex(row.config.state)];
    current.row = std::move(row);
    current.text.clear();
}

void ConfigCache::reindexFrom(qsizetype position)
{
    for (qsizetype i = position; i < qsizetype(m_entries.size()); ++i)
        m_positions.insert(m_entries[size_t(i)].row.config.id, i);
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
                total += m_stateCounts[stateIndex(state)];
        }
        return total;
    }
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [&](const Entry &entry) { return filter.matches(entry.row.config); }));
}

Result<ConfigCache::Walk> ConfigCache::walk(const ConfigFilter &filter,
                                            const PageRequest &request) const
{
    Walk result;
    const qsizetype count = qsizetype(m_entries.size());
    const auto take = [&](qsizetype i) {
        if (!filter.matches(m_entries[size_t(i)].row.config))
            return true;
        if (result.positions.size() == request.limit) {
            result.hasMore = true;
            return false;
        }
        result.positions.append(i);
        return true;
    };
    if (!request.beforeId.isEmpty() && request.afterId.isEmpty()) {
        const auto anchor = m_positions.constFind(request.beforeId);
        if (anchor == m_positions.cend()) {
            return ApiError::invalidParameter(
                QStringLiteral("before_id"),
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigCache", "no webhook config with id %1"))
                    .arg(request.beforeId));
        }
        // Items newer than the anchor, nearest first, then shown newest first.
        for (qsizetype i = *anchor + 1; i < count && take(i); ++i) { }
        std::reverse(result.positions.begin(), result.positions.end());
        return result;
    }
    qsizetype start = count - 1;
    if (!request.afterId.isEmpty()) {
        const auto anchor = m_positions.constFind(request.afterId);
        if (anchor == m_positions.cend()) {
            return ApiError::invalidParameter(
                QStringLiteral("after_id"),
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigCache", "no webhook config with id %1"))
                    .arg(request.afterId));
        }
        start = *anchor - 1;
    }
    for (qsizetype i = start; i >= 0 && take(i); --i) { }
    return result;
}

Result<ListPage<WebhookConfig>> ConfigCache::page(const ConfigFilter &filter,
                                                  const PageRequest &request) const
{
    auto walked = walk(filter, request);
    if (!walked)
        return walked.error();
    ListPage<WebhookConfig> result;
    result.url = QStringLiteral("/configs/webhook");
    result.hasMore = walked.value().hasMore;
    result.totalCount = countMatches(filter);
    for (const qsizetype i : std::as_const(walked.value().positions))
        result.data.append(m_entries[size_t(i)].row.config);
    return result;
}

const QByteArray &ConfigCache::textOf(const Entry &entry) const
{
    if (entry.text.isEmpty())
        entry.text
            = QJsonDocument(JsonCodec::toJson(entry.row.config)).toJson(QJsonDocument::Compact);
    return entry.text;
}

Result<QByteArray> ConfigCache::pageText(const ConfigFilter &filter,
                                         const PageRequest &request) const
{
    auto walked = walk(filter, request);
    if (!walked)
        return walked.error();
    QList<QByteArray> items;
    items.reserve(walked.value().positions.size());
    for (const qsizetype i : std::as_const(walked.value().positions))
        items.append(textOf(m_entries[size_t(i)]));
    return JsonCodec::listText(items, walked.value().hasMore, countMatches(filter),
                               QStringLiteral("/configs/webhook"));
}

QByteArray ConfigCache::text(const QString &id) const
{
    const auto it = m_positions.constFind(id);
    return it == m_positions.cend() ? QByteArray() : textOf(m_entries[size_t(*it)]);
}

QList<WebhookConfig> ConfigCache::all(const ConfigFilter &filter) const
{
    QList<WebhookConfig> list;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (filter.matches(it->row.config))
            list.append(it->row.config);
    }
    return list;
}

} // namespace wa
