#pragma once

#include "configfilter.h"

#include <QSortFilterProxyModel>

#include <vector>

namespace wa {

class ConfigTableModel;

// Filters a ConfigTableModel. What "matches" means lives in wa::ConfigFilter (core); this proxy
// only calls it. Sorting is forwarded to the model, which keeps its rows in order: the proxy
// itself never sorts, so a filter change is one linear pass.
//
// That pass remembers which rows it accepted, so the next keystroke asks ConfigFilter only
// about the rows that can change: typing a longer text (it contains the one before) only
// re-checks the rows accepted so far, erasing (the text before contains the new one) only the
// rows rejected so far; and when the answer is the same set of rows, nothing is re-mapped at
// all. Any change of the rows themselves forgets what was remembered.
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
    enum class Shortcut
    {
        None, // ask about every row
        Narrowing, // a row rejected before stays rejected
        Widening, // a row accepted before stays accepted
    };

    void forget() { m_known.clear(); }

    ConfigTableModel *m_model = nullptr;
    ConfigFilter m_filter;
    std::vector<bool> m_known; // by source row: accepted by m_filter; empty when not known
    std::vector<bool> m_next;
    bool m_refiltering = false; // setFilter() is re-mapping with the answers in m_known
};

} // namespace wa
