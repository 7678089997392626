#include "configtablemodel.h"

#include "icons.h"

#include <QLocale>

#include <algorithm>
#include <numeric>
#include <vector>

namespace wa {

namespace {
constexpr int CoalesceMs = 30;
constexpr int ProgressTickMs = 250;
constexpr int BulkInsertThreshold = 32;

int stateIndex(ConfigState state)
{
    return static_cast<int>(state);
}
} // namespace

ConfigTableModel::ConfigTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ConfigTableModel::applyPending);
    m_progressTick.setInterval(ProgressTickMs);
    connect(&m_progressTick, &QTimer::timeout, this, &ConfigTableModel::tickRunningTests);
}

ConfigTableModel::~ConfigTableModel() = default;

int ConfigTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConfigTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString stateText(ConfigState state)
{
    switch (state) {
    case ConfigState::New:
        return ConfigTableModel::tr("New");
    case ConfigState::Valid:
        return ConfigTableModel::tr("Valid");
    case ConfigState::Invalid:
        return ConfigTableModel::tr("Invalid");
    case ConfigState::Deactivated:
        return ConfigTableModel::tr("Deactivated");
    }
    return {};
}

QVariant ConfigTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const WebhookConfig &config = row.config;
    const bool isDefault = !m_defaultId.isEmpty() && config.id == m_defaultId;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case State:
            return stateText(config.state);
        case Url:
            return config.url;
        case Id:
            return config.id;
        case Created:
            return QLocale().toString(config.dateCreated.toLocalTime(), QLocale::ShortFormat);
        case Default:
            return isDefault ? tr("Default") : QString();
        case LastTest:
            return m_tests.value(config.id).text();
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case State:
            return tr("State: %1").arg(stateText(config.state));
        case Url:
            return config.url;
        case Created:
            return QLocale().toString(config.dateCreated.toLocalTime(), QLocale::LongFormat);
        case Default:
            return isDefault ? tr("The organisation's default webhook config") : QVariant();
        case LastTest: {
            const QString text = m_tests.value(config.id).text();
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Default && isDefault)
            return themedIcon(QStringLiteral("default"), QStringLiteral("starred"));
        return {};
    case IdRole:
        return config.id;
    case StateRole:
        return stateIndex(config.state);
    case ConfigRole:
        return QVariant::fromValue(config);
    case TestPhaseRole:
        return int(m_tests.value(config.id).phase);
    case TestProgressRole: {
        const auto it = m_tests.constFind(config.id);
        if (it == m_tests.cend() || !it->running() || !it->started.isValid())
            return -1;
        const qint64 elapsed = it->started.msecsTo(QDateTime::currentDateTimeUtc());
        return int(std::clamp<qint64>(elapsed * 100 / TestDurationMs, 0, 99));
    }
    case IsDefaultRole:
        return isDefault;
    }
    return {};
}

QVariant ConfigTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case State:
        return tr("State");
    case Url:
        return tr("URL");
    case Id:
        return tr("ID");
    case Created:
        return tr("Created");
    case Default:
        return tr("Default");
    case LastTest:
        return tr("Last test");
    }
    return {};
}

void ConfigTableModel::setConfigs(QList<WebhookConfig> configs)
{
    beginResetModel();
    m_pending.clear();
    m_pendingOrder.clear();
    m_coalesce.stop();
    m_rows.clear();
    m_rowById.clear();
    m_rows.reserve(configs.size());
    m_rowById.reserve(configs.size());
    for (auto &config : configs) {
        const qint64 ms = config.dateCreated.toMSecsSinceEpoch();
        m_rowById.insert(config.id, int(m_rows.size()));
        m_rows.append(Row {std::move(config), ms});
    }
    sortStorage();
    // Test outcomes of configs that are gone mean nothing any more.
    for (auto it = m_tests.begin(); it != m_tests.end();) {
        if (m_rowById.contains(it.key()))
            ++it;
        else
            it = m_tests.erase(it);
    }
    endResetModel();
    recount();
}

void ConfigTableModel::clear()
{
    m_tests.clear();
    m_defaultId.clear();
    setConfigs({});
}

void ConfigTableModel::upsert(const WebhookConfig &config)
{
    m_pending.remove(config.id);
    m_pendingOrder.removeOne(config.id);
    const int row = rowOf(config.id);
    if (row >= 0) {
        if (m_rows.at(row).config == config)
            return;
        replaceRow(row, config);
        Q_EMIT summaryChanged();
        return;
    }
    insertRow(config);
    Q_EMIT summaryChanged();
}

void ConfigTableModel::upsertLater(const WebhookConfig &config)
{
    if (!m_pending.contains(config.id))
        m_pendingOrder.append(config.id);
    m_pending.insert(config.id, config);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ConfigTableModel::applyPending()
{
    if (m_pending.isEmpty())
        return;
    QList<WebhookConfig> fresh;
    for (const QString &id : std::as_const(m_pendingOrder)) {
        const WebhookConfig &config = m_pending[id];
        const int row = rowOf(id);
        if (row < 0) {
            fresh.append(config);
        } else if (m_rows.at(row).config != config) {
            replaceRow(row, config);
        }
    }
    m_pending.clear();
    m_pendingOrder.clear();
    if (fresh.size() <= BulkInsertThreshold) {
        for (const auto &config : std::as_const(fresh))
            insertRow(config); // each in its place
    } else {
        // A burst (a script creating many): one insert at the end, then one re-sort.
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const auto &config : std::as_const(fresh))
            appendRow(config);
        endInsertRows();
        sortRows();
    }
    Q_EMIT summaryChanged();
}

void ConfigTableModel::replaceRow(int row, const WebhookConfig &config)
{
    m_stateCounts[stateIndex(m_rows.at(row).config.state)]--;
    m_stateCounts[stateIndex(config.state)]++;
    m_rows[row] = Row {config, config.dateCreated.toMSecsSinceEpoch()};
    emitRowChanged(row);
    placeRow(row);
}

void ConfigTableModel::appendRow(const WebhookConfig &config)
{
    m_rowById.insert(config.id, int(m_rows.size()));
    m_rows.append(Row {config, config.dateCreated.toMSecsSinceEpoch()});
    m_stateCounts[stateIndex(config.state)]++;
}

void ConfigTableModel::setDefaultConfigId(const QString &id)
{
    if (id == m_defaultId)
        return;
    const QString oldId = m_defaultId;
    const int oldRow = rowOf(m_defaultId);
    m_defaultId = id;
    if (oldRow >= 0)
        emitCellChanged(oldRow, Default);
    const int newRow = rowOf(id);
    if (newRow >= 0)
        emitCellChanged(newRow, Default);
    if (m_sortColumn == Default) {
        for (const QString &moved : {oldId, id}) {
            if (const int row = rowOf(moved); row >= 0)
                placeRow(row);
        }
    }
    Q_EMIT summaryChanged();
}

void ConfigTableModel::setTestStatus(const QString &id, const TestStatus &status)
{
    if (status.phase == TestStatus::Phase::None)
        m_tests.remove(id);
    else
        m_tests.insert(id, status);
    const int row = rowOf(id);
    if (row >= 0) {
        emitCellChanged(row, LastTest);
        if (m_sortColumn == LastTest)
            placeRow(row);
    }
    const bool anyRunning = std::any_of(m_tests.cbegin(), m_tests.cend(),
                                        [](const TestStatus &s) { return s.running(); });
    if (anyRunning && !m_progressTick.isActive())
        m_progressTick.start();
    else if (!anyRunning)
        m_progressTick.stop();
}

void ConfigTableModel::tickRunningTests()
{
    for (auto it = m_tests.cbegin(); it != m_tests.cend(); ++it) {
        if (!it->running())
            continue;
        const int row = rowOf(it.key());
        if (row >= 0)
            emitCellChanged(row, LastTest);
    }
}

int ConfigTableModel::countInState(ConfigState state) const
{
    return m_stateCounts[stateIndex(state)];
}

void ConfigTableModel::recount()
{
    std::fill(std::begin(m_stateCounts), std::end(m_stateCounts), 0);
    for (const Row &row : std::as_const(m_rows))
        m_stateCounts[stateIndex(row.config.state)]++;
    Q_EMIT summaryChanged();
}

void ConfigTableModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ConfigTableModel::emitCellChanged(int row, int column)
{
    Q_EMIT dataChanged(index(row, column), index(row, column));
}

bool ConfigTableModel::lessThan(int column, int leftRow, int rightRow) const
{
    return rowLess(column, m_rows.at(leftRow), m_rows.at(rightRow));
}

bool ConfigTableModel::rowLess(int column, const Row &l, const Row &r) const
{
    switch (column) {
    case State:
        if (l.config.state != r.config.state)
            return stateIndex(l.config.state) < stateIndex(r.config.state);
        break;
    case Url: {
        const int c = QString::compare(l.config.url, r.config.url, Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        break;
    }
    case Id:
        return l.config.id < r.config.id;
    case Default: {
        const bool ld = l.config.id == m_defaultId;
        const bool rd = r.config.id == m_defaultId;
        if (ld != rd)
            return ld < rd;
        break;
    }
    case LastTest: {
        const auto lp = int(m_tests.value(l.config.id).phase);
        const auto rp = int(m_tests.value(r.config.id).phase);
        if (lp != rp)
            return lp < rp;
        break;
    }
    default:
        break;
    }
    // Ties (and the Created column) fall back to the API's order: date, then id.
    if (l.createdMs != r.createdMs)
        return l.createdMs < r.createdMs;
    return l.config.id < r.config.id;
}

bool ConfigTableModel::before(const Row &left, const Row &right) const
{
    if (m_sortColumn < 0)
        return false;
    return m_sortOrder == Qt::AscendingOrder ? rowLess(m_sortColumn, left, right)
                                             : rowLess(m_sortColumn, right, left);
}

int ConfigTableModel::insertPosition(const Row &row, int skip) const
{
    const int count = int(m_rows.size()) - (skip >= 0 ? 1 : 0);
    if (m_sortColumn < 0)
        return count;
    // The first position whose row comes after `row`, as if `skip` were not there.
    int low = 0;
    int high = count;
    while (low < high) {
        const int mid = (low + high) / 2;
        const int actual = skip >= 0 && mid >= skip ? mid + 1 : mid;
        if (before(row, m_rows.at(actual)))
            high = mid;
        else
            low = mid + 1;
    }
    return low;
}

void ConfigTableModel::insertRow(const WebhookConfig &config)
{
    const Row row {config, config.dateCreated.toMSecsSinceEpoch()};
    const int at = insertPosition(row);
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    m_stateCounts[stateIndex(config.state)]++;
    reindex(at, int(m_rows.size()) - 1);
    endInsertRows();
}

void ConfigTableModel::placeRow(int row)
{
    if (m_sortColumn < 0)
        return;
    const Row &current = m_rows.at(row);
    const bool inOrder = (row == 0 || !before(current, m_rows.at(row - 1)))
        && (row + 1 >= m_rows.size() || !before(m_rows.at(row + 1), current));
    if (inOrder)
        return;
    const int to = insertPosition(current, row); // its index once taken out
    const int destination = to <= row ? to : to + 1;
    if (!beginMoveRows({}, row, row, {}, destination))
        return;
    m_rows.move(row, to);
    reindex(std::min(row, to), std::max(row, to));
    endMoveRows();
}

void ConfigTableModel::reindex(int from, int to)
{
    for (int i = from; i <= to; ++i)
        m_rowById.insert(m_rows.at(i).config.id, i);
}

void ConfigTableModel::sortStorage()
{
    if (m_sortColumn < 0 || m_rows.size() < 2)
        return;
    std::vector<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return before(m_rows.at(a), m_rows.at(b)); });
    QList<Row> sorted;
    sorted.reserve(m_rows.size());
    for (int index : order)
        sorted.append(std::move(m_rows[index]));
    m_rows = std::move(sorted);
    reindex(0, int(m_rows.size()) - 1);
}

void ConfigTableModel::sortRows()
{
    if (m_sortColumn < 0)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList previous = persistentIndexList();
    QStringList ids;
    ids.reserve(previous.size());
    for (const QModelIndex &index : previous)
        ids.append(m_rows.at(index.row()).config.id);
    sortStorage();
    QModelIndexList current;
    current.reserve(previous.size());
    for (qsizetype i = 0; i < previous.size(); ++i)
        current.append(index(rowOf(ids.at(i)), previous.at(i).column()));
    changePersistentIndexList(previous, current);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ConfigTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
}

} // namespace wa
