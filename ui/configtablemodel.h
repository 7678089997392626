#pragma once

#include "teststatus.h"
#include "webhookconfig.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

namespace wa {

// Every config of the current backend, one row each. The model keeps its rows in the sort order
// of the table (sort(): a header click, forwarded by ConfigFilterProxy), so that the proxy only
// filters: a filter keystroke then costs one pass over the rows, never a re-sort of 100,000.
// Rows are never removed: deactivation is a state.
//
// Live changes (WebhookService::configChanged) go through upsertLater(), which coalesces bursts
// into one pass: a dataChanged per changed row and one insert for the new ones.
class ConfigTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTableModel)

public:
    enum Column
    {
        State,
        Default, // a mark on the organisation's default config
        Url,
        Id,
        Created,
        LastTest,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole, // int(ConfigState)
        ConfigRole, // WebhookConfig
        TestPhaseRole, // int(TestStatus::Phase)
        TestProgressRole, // 0..100 while a test runs, -1 otherwise
        IsDefaultRole, // bool
    };

    // How long a test may take before the deliverer gives up (API.md: 10 s); drives the
    // progress shown in the row.
    static constexpr int TestDurationMs = 10000;

    explicit ConfigTableModel(QObject *parent = nullptr);
    ~ConfigTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces everything (a load or a profile switch): one model reset.
    void setConfigs(QList<WebhookConfig> configs);
    void clear();
    // Applies at once: dataChanged on that row, or an insert at the end.
    void upsert(const WebhookConfig &config);
    // Queues; bursts are applied together on the next pass of the event loop.
    void upsertLater(const WebhookConfig &config);

    void setDefaultConfigId(const QString &id);
    QString defaultConfigId() const { return m_defaultId; }

    void setTestStatus(const QString &id, const TestStatus &status);
    TestStatus testStatus(const QString &id) const { return m_tests.value(id); }

    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    const WebhookConfig &configAt(int row) const { return m_rows.at(row).config; }
    bool hasValidConfig() const { return countInState(ConfigState::Valid) > 0; }
    int countInState(ConfigState state) const;

    // Keeps the rows in this order from now on (new rows go to their place, changed rows move).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The ascending order of a column, ties broken by creation date then ID: a total order.
    bool lessThan(int column, int leftRow, int rightRow) const;

Q_SIGNALS:
    // Emitted after any change of states or the default (drives the status bar's warning).
    void summaryChanged();

private:
    struct Row
    {
        WebhookConfig config;
        qint64 createdMs = 0;
    };

    bool rowLess(int column, const Row &left, const Row &right) const;
    bool before(const Row &left, const Row &right) const; // in the current sort order
    int insertPosition(const Row &row, int skip = -1) const;
    void insertRow(const WebhookConfig &config);
    void placeRow(int row);
    void sortRows(); // emits a layout change
    void sortStorage(); // no signals
    void reindex(int from, int to);
    void applyPending();
    void tickRunningTests();
    void recount();
    void replaceRow(int row, const WebhookConfig &config);
    void appendRow(const WebhookConfig &config);
    void emitRowChanged(int row);
    void emitCellChanged(int row, int column);

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, WebhookConfig> m_pending;
    QList<QString> m_pendingOrder;
    QHash<QString, TestStatus> m_tests;
    QString m_defaultId;
    int m_stateCounts[4] = {0, 0, 0, 0};
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimer m_coalesce;
    QTimer m_progressTick;
};

} // namespace wa
