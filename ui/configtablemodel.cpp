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
    return parent.isValid() ? 0 : int(m_order.size());
}

int ConfigTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConfigTableModel::stateText(ConfigState state)
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
    const WebhookConfig &config = configAt(index.row());
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
        case LastTest:
            return m_tests.value(config.id).text();
        }
        return {}; // Default: the star alone, named by its tooltip and accessible text
    case Qt::AccessibleTextRole:
        if (index.column() == Default)
            return isDefault ? tr("Default") : tr("Not default");
        return data(index, Qt::DisplayRole);
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
            const QString text = m_tests.value(config.id).longText();
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
    if (orientation == Qt::Horizontal && section == Default) {
        // A narrow column: the star says it, the tooltip names it.
        if (role == Qt::DecorationRole)
            return themedIcon(QStringLiteral("default"), QStringLiteral("starred"));
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Organisation default");
        if (role == Qt::DisplayRole)
            return QString();
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == LastTest)
        return tr("The outcome of the config's latest test, and why");
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
    // Kept as it came: no element is touched here, so a list shared with the backend's answer
    // stays shared (no copy of 100,000 rows).
    m_configs = std::move(configs);
    const int count = int(m_configs.size());
    m_order.resize(count);
    std::iota(m_order.begin(), m_order.end(), 0);
    indexById();
    sortIndexes();
    // Test outcomes of configs that are gone mean nothing any more.
    for (auto it = m_tests.begin(); it != m_tests.end();) {
        if (findIndex(it.key()) >= 0)
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

int ConfigTableModel::findIndex(const QString &id) const
{
    // By hash first (integers compare fast), then the ids of that hash.
    const quint32 hash = idHash(id);
    auto it
        = std::lower_bound(m_byId.cbegin(), m_byId.cend(), hash, [this](int index, quint32 wanted) {
              return m_idHashes.at(index) < wanted;
          });
    for (; it != m_byId.cend() && m_idHashes.at(*it) == hash; ++it) {
        if (m_configs.at(*it).id == id)
            return *it;
    }
    return -1;
}

quint32 ConfigTableModel::idHash(const QString &id)
{
    return quint32(qHash(id));
}

int ConfigTableModel::rowOf(const QString &id) const
{
    const int index = findIndex(id);
    return index < 0 ? -1 : m_rowOfIndex.at(index);
}

void ConfigTableModel::indexById()
{
    const qsizetype count = m_configs.size();
    m_idHashes.resize(count);
    for (qsizetype i = 0; i < count; ++i)
        m_idHashes[i] = idHash(m_configs.at(i).id);
    m_byId.resize(count);
    std::iota(m_byId.begin(), m_byId.end(), 0);
    std::sort(m_byId.begin(), m_byId.end(),
              [this](int a, int b) { return m_idHashes.at(a) < m_idHashes.at(b); });
}

void ConfigTableModel::upsert(const WebhookConfig &config)
{
    if (m_pending.remove(config.id))
        m_pendingOrder.removeOne(config.id);
    const int row = rowOf(config.id);
    if (row >= 0) {
        if (configAt(row) == config)
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
        if (row < 0)
            fresh.append(config);
        else if (configAt(row) != config)
            replaceRow(row, config);
    }
    m_pending.clear();
    m_pendingOrder.clear();
    if (fresh.size() <= BulkInsertThreshold) {
        for (const auto &config : std::as_const(fresh))
            insertRow(config); // each in its place
    } else {
        // A burst (a script creating many): one insert at the end, then one re-sort.
        const int first = int(m_order.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const auto &config : std::as_const(fresh)) {
            const int index = int(m_configs.size());
            m_configs.append(config);
            m_order.append(index);
            m_rowOfIndex.append(int(m_order.size()) - 1);
            m_stateCounts[stateIndex(config.state)]++;
        }
        indexById();
        endInsertRows();
        sortRows();
    }
    Q_EMIT summaryChanged();
}

void ConfigTableModel::replaceRow(int row, const WebhookConfig &config)
{
    const int index = m_order.at(row);
    m_stateCounts[stateIndex(m_configs.at(index).state)]--;
    m_stateCounts[stateIndex(config.state)]++;
    m_configs[index] = config;
    emitRowChanged(row);
    placeRow(row);
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
    const auto it = m_tests.constFind(id);
    if (status.phase == TestStatus::Phase::None) {
        if (it == m_tests.cend())
            return;
        m_tests.erase(it);
    } else {
        if (it != m_tests.cend() && *it == status)
            return;
        m_tests.insert(id, status);
    }
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
    for (const WebhookConfig &config : std::as_const(m_configs))
        m_stateCounts[stateIndex(config.state)]++;
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
    return configLess(column, configAt(leftRow), configAt(rightRow));
}

bool ConfigTableModel::configLess(int column, const WebhookConfig &l, const WebhookConfig &r) const
{
    switch (column) {
    case State:
        if (l.state != r.state)
            return stateIndex(l.state) < stateIndex(r.state);
        break;
    case Url: {
        const int c = QString::compare(l.url, r.url, Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        break;
    }
    case Id:
        return l.id < r.id;
    case Default: {
        const bool ld = l.id == m_defaultId;
        const bool rd = r.id == m_defaultId;
        if (ld != rd)
            return ld < rd;
        break;
    }
    case LastTest: {
        const auto lp = int(m_tests.value(l.id).phase);
        const auto rp = int(m_tests.value(r.id).phase);
        if (lp != rp)
            return lp < rp;
        break;
    }
    default:
        break;
    }
    // Ties (and the Created column) fall back to the API's order: date, then id.
    const qint64 lms = l.dateCreated.toMSecsSinceEpoch();
    const qint64 rms = r.dateCreated.toMSecsSinceEpoch();
    if (lms != rms)
        return lms < rms;
    return l.id < r.id;
}

bool ConfigTableModel::before(int leftIndex, int rightIndex) const
{
    if (m_sortColumn < 0)
        return false;
    const WebhookConfig &left = m_configs.at(leftIndex);
    const WebhookConfig &right = m_configs.at(rightIndex);
    return m_sortOrder == Qt::AscendingOrder ? configLess(m_sortColumn, left, right)
                                             : configLess(m_sortColumn, right, left);
}

int ConfigTableModel::insertPosition(int index, int skipRow) const
{
    const int count = int(m_order.size()) - (skipRow >= 0 ? 1 : 0);
    if (m_sortColumn < 0)
        return count;
    // The first row whose config comes after this one, as if `skipRow` were not there.
    int low = 0;
    int high = count;
    while (low < high) {
        const int mid = (low + high) / 2;
        const int actual = skipRow >= 0 && mid >= skipRow ? mid + 1 : mid;
        if (before(index, m_order.at(actual)))
            high = mid;
        else
            low = mid + 1;
    }
    return low;
}

void ConfigTableModel::insertRow(const WebhookConfig &config)
{
    const int index = int(m_configs.size());
    m_configs.append(config);
    const quint32 hash = idHash(config.id);
    m_idHashes.append(hash);
    const auto byId
        = std::lower_bound(m_byId.cbegin(), m_byId.cend(), hash,
                           [this](int i, quint32 wanted) { return m_idHashes.at(i) < wanted; });
    m_byId.insert(byId - m_byId.cbegin(), index);
    const int at = insertPosition(index);
    beginInsertRows({}, at, at);
    m_order.insert(at, index);
    m_rowOfIndex.append(at);
    m_stateCounts[stateIndex(config.state)]++;
    reindex(at, int(m_order.size()) - 1);
    endInsertRows();
}

void ConfigTableModel::placeRow(int row)
{
    if (m_sortColumn < 0)
        return;
    const int index = m_order.at(row);
    const bool inOrder = (row == 0 || !before(index, m_order.at(row - 1)))
        && (row + 1 >= m_order.size() || !before(m_order.at(row + 1), index));
    if (inOrder)
        return;
    const int to = insertPosition(index, row); // its row once taken out
    const int destination = to <= row ? to : to + 1;
    if (!beginMoveRows({}, row, row, {}, destination))
        return;
    m_order.move(row, to);
    reindex(std::min(row, to), std::max(row, to));
    endMoveRows();
}

void ConfigTableModel::reindex(int from, int to)
{
    for (int row = from; row <= to; ++row)
        m_rowOfIndex[m_order.at(row)] = row;
}

void ConfigTableModel::sortIndexes()
{
    // A load usually comes in the table's order already (the API's: newest first, the
    // console's default): one pass to see it, no sort.
    auto inOrder = [this](int a, int b) { return before(a, b); };
    if (m_sortColumn >= 0 && m_order.size() > 1
        && !std::is_sorted(m_order.cbegin(), m_order.cend(), inOrder))
        std::stable_sort(m_order.begin(), m_order.end(), inOrder);
    m_rowOfIndex.resize(m_order.size());
    reindex(0, int(m_order.size()) - 1);
}

void ConfigTableModel::sortRows()
{
    if (m_sortColumn < 0)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList previous = persistentIndexList();
    QList<int> indexes;
    indexes.reserve(previous.size());
    for (const QModelIndex &index : previous)
        indexes.append(m_order.at(index.row()));
    sortIndexes();
    QModelIndexList current;
    current.reserve(previous.size());
    for (qsizetype i = 0; i < previous.size(); ++i)
        current.append(index(m_rowOfIndex.at(indexes.at(i)), previous.at(i).column()));
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
