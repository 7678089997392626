#pragma once

#include "configfilter.h"

#include <QSortFilterProxyModel>

namespace wa {

class ConfigTableModel;

// Sorts and filters a ConfigTableModel. What "matches" means lives in wa::ConfigFilter (core);
// this proxy only calls it, and orders rows with the model's cheap comparison.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ConfigTableModel *m_model = nullptr;
    ConfigFilter m_filter;
};

} // namespace wa
