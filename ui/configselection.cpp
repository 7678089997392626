#include "configselection.h"

#include "configfilterproxy.h"
#include "configtablemodel.h"

#include <QItemSelection>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace wa {

ConfigSelection::ConfigSelection(QTableView *view, ConfigFilterProxy *proxy,
                                 ConfigTableModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_proxy(proxy)
    , m_model(model)
{
    // The selection itself: at once (a click must show its config without a pause).
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConfigSelection::changed);
    // A selected row changed under us; bursts (a bulk run, a reload) coalesce.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                QItemSelectionModel *selection = m_view->selectionModel();
                if (!selection->hasSelection())
                    return;
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
                    if (!shown.isValid() || !selection->isRowSelected(shown.row()))
                        continue;
                    touch();
                    return;
                }
            });
}

ConfigSelection::~ConfigSelection() = default;

bool ConfigSelection::isSingle() const
{
    const QItemSelection ranges = m_view->selectionModel()->selection();
    if (ranges.isEmpty())
        return false;
    const int row = ranges.first().top();
    return std::all_of(ranges.cbegin(), ranges.cend(), [row](const QItemSelectionRange &range) {
        return range.top() == row && range.bottom() == row;
    });
}

void ConfigSelection::touch()
{
    // One selected config: its details and actions follow at once.
    if (isSingle())
        Q_EMIT changed();
    else
        schedule();
}

void ConfigSelection::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(CoalesceMs, this, [this] {
        m_scheduled = false;
        Q_EMIT changed();
    });
}

int ConfigSelection::count() const
{
    return int(m_view->selectionModel()->selectedRows().size());
}

QList<WebhookConfig> ConfigSelection::configs() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<WebhookConfig> configs;
    configs.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows)) {
        const QModelIndex source = m_proxy->mapToSource(row);
        if (source.isValid())
            configs.append(m_model->configAt(source.row()));
    }
    return configs;
}

QStringList ConfigSelection::ids() const
{
    QStringList ids;
    for (const WebhookConfig &config : configs())
        ids << config.id;
    return ids;
}

std::optional<WebhookConfig> ConfigSelection::single() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->configAt(source.row());
}

bool ConfigSelection::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

bool ConfigSelection::select(const QStringList &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index);
    }
    if (!first.isValid())
        return false;
    QItemSelectionModel *model = m_view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->scrollTo(first);
    return true;
}

} // namespace wa
