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
    m_model = model;
    setSourceModel(model);
}

void ConfigFilterProxy::setFilter(const ConfigFilter &filter)
{
    m_filter = filter;
    // A full re-map (one layoutChanged) rather than invalidateRowsFilter(): the incremental path
    // removes scattered rows one interval at a time, each an O(n) move, which took seconds for
    // one keystroke over 100,000 configs. Re-filtering and re-sorting everything is a bounded,
    // predictable cost, and persistent indexes (the selection) survive it.
    invalidate();
}

bool ConfigFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    return m_filter.matches(m_model->configAt(sourceRow));
}

bool ConfigFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_model->lessThan(left.column(), left.row(), right.row());
}

} // namespace wa
