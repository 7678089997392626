#pragma once

#include "configfilter.h"

#include <QSortFilterProxyModel>

namespace wa {

class ConfigTableModel;

// Filters a ConfigTableModel. What "matches" means lives in wa::ConfigFilter (core); this proxy
// only calls it. Sorting is forwarded to the model, which keeps its rows in order: the proxy
// itself never sorts, so a filter change is one linear pass.
class ConfigFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigFilterProxy)

public:
    explicit ConfigFilterProxy(QObject *parent = nullptr);
    ~ConfigFilterProxy() override;

    void setConfigModel(ConfigTableModel *model);
    ConfigTableModel *configModel() const { return m_model; }

    const ConfigFilter &filter() const { return m_filter; }
    void setFilter(const ConfigFilter &filter);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ConfigTableModel *m_model = nullptr;
    ConfigFilter m_filter;
};

} // namespace wa
