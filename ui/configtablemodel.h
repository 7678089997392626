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
// Storage, for 100,000 configs: the list the backend answered is kept as it came (shared, never
// copied: a load hands over the service's list), and the order is a list of indexes into it, as
// is the lookup by id (indexes sorted by the id's hash, searched by halves). About 130 bytes a
// row beside the strings, which are shared with whoever else holds them.
//
// Live changes (WebhookService::configChanged) go through upsertLater(), which coalesces bursts
// into one pass: a dataChanged per changed row and one insert for the new ones (a config never
// seen before, made by another client or process, is inserted in its place).
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

    // "New", "Valid", ...: the words of the state column.
    static QString stateText(ConfigState state);

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

    int rowOf(const QString &id) const;
    const WebhookConfig &configAt(int row) const { return m_configs.at(m_order.at(row)); }
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
    bool configLess(int column, const WebhookConfig &left, const WebhookConfig &right) const;
    bool before(int leftIndex, int rightIndex) const; // storage indexes, in the current order
    int findIndex(const QString &id) const; // storage index, or -1
    static quint32 idHash(const QString &id);
    int insertPosition(int index, int skipRow = -1) const;
    void insertRow(const WebhookConfig &config);
    void placeRow(int row);
    void sortRows(); // emits a layout change
    void sortIndexes(); // no signals
    void indexById(); // rebuilds m_byId
    void reindex(int from, int to);
    void applyPending();
    void tickRunningTests();
    void recount();
    void replaceRow(int row, const WebhookConfig &config);
    void emitRowChanged(int row);
    void emitCellChanged(int row, int column);

    QList<WebhookConfig> m_configs; // storage: as loaded, then appended to; never reordered
    QList<int> m_order; // row -> storage index
    QList<int> m_rowOfIndex; // storage index -> row
    QList<int> m_byId; // storage indexes, ordered by the hash of their id
    QList<quint32> m_idHashes; // storage index -> hash of its id
    QHash<QString, WebhookConfig> m_pending;
    QList<QString> m_pendingOrder;
    QHash<QString, TestStatus> m_tests; // only for configs whose last test is known
    QString m_defaultId;
    int m_stateCounts[4] = {0, 0, 0, 0};
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimer m_coalesce;
    QTimer m_progressTick;
};

} // namespace wa
