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
    invalidateRowsFilter();
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
