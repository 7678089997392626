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
    // one keystroke over 100,000 configs. The re-map is one pass (the model is already sorted),
    // and persistent indexes (the selection) survive it.
    invalidate();
}

bool ConfigFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    return m_filter.matches(m_model->configAt(sourceRow));
}

void ConfigFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

} // namespace wa
