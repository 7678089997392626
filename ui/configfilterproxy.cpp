#include "configfilterproxy.h"

#include "configtablemodel.h"

namespace wa {

ConfigFilterProxy::ConfigFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

ConfigFilterProxy::~ConfigFilterProxy() = default;

void ConfigFilterProxy::setConfigModel(ConfigTableModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    forget();
    setSourceModel(model);
    if (!model)
        return;
    // The rows, their order or their content changed: what was accepted is not known any more.
    connect(model, &QAbstractItemModel::rowsInserted, this, &ConfigFilterProxy::forget);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ConfigFilterProxy::forget);
    connect(model, &QAbstractItemModel::rowsMoved, this, &ConfigFilterProxy::forget);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ConfigFilterProxy::forget);
    connect(model, &QAbstractItemModel::modelReset, this, &ConfigFilterProxy::forget);
    connect(model, &QAbstractItemModel::dataChanged, this, &ConfigFilterProxy::forget);
}

void ConfigFilterProxy::setFilter(const ConfigFilter &filter)
{
    const size_t rows = m_model ? size_t(m_model->rowCount()) : 0;
    Shortcut shortcut = Shortcut::None;
    const bool known = m_known.size() == rows && filter.sameApiPart(m_filter);
    if (known && filter.text.contains(m_filter.text, Qt::CaseInsensitive))
        shortcut = Shortcut::Narrowing;
    else if (known && m_filter.text.contains(filter.text, Qt::CaseInsensitive))
        shortcut = Shortcut::Widening;
    m_filter = filter;
    // One pass decides every row, asking ConfigFilter only where the answer can change.
    m_next.assign(rows, false);
    for (size_t row = 0; row < rows; ++row) {
        if (shortcut == Shortcut::Narrowing && !m_known[row])
            continue;
        if (shortcut == Shortcut::Widening && m_known[row]) {
            m_next[row] = true;
            continue;
        }
        m_next[row] = m_filter.matches(m_model->configAt(int(row)));
    }
    // The same rows as before (a letter more that every shown URL has): nothing to re-map.
    const bool same = known && m_next == m_known;
    m_known.swap(m_next);
    m_next.clear();
    if (same)
        return;
    // A full re-map (one layoutChanged) rather than invalidateRowsFilter(): the incremental path
    // removes scattered rows one interval at a time, each an O(n) move, which took seconds for
    // one keystroke over 100,000 configs. The re-map is one pass over the answers just made
    // (the model is already sorted), and persistent indexes (the selection) survive it.
    m_refiltering = true;
    invalidate();
    m_refiltering = false;
}

bool ConfigFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    if (m_refiltering && size_t(sourceRow) < m_known.size())
        return m_known[size_t(sourceRow)];
    return m_filter.matches(m_model->configAt(sourceRow));
}

void ConfigFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

} // namespace wa
