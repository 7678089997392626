#include "receivedrequestmodel.h"

#include "receiver.h"

#include <algorithm>

namespace wa {

ReceivedRequestModel::ReceivedRequestModel(Receiver *receiver, QObject *parent)
    : QAbstractTableModel(parent)
    , m_receiver(receiver)
{
    Q_ASSERT(receiver);
    m_requests = receiver->requests();
    connect(receiver, &Receiver::requestReceived, this, &ReceivedRequestModel::append);
    connect(receiver, &Receiver::requestUpdated, this, &ReceivedRequestModel::update);
    connect(receiver, &Receiver::cleared, this, &ReceivedRequestModel::reset);
}

int ReceivedRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int ReceivedRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The one place in core that translates: a model's display and tooltip roles are the console's
// screen, never the wire (the receiver answers with the verdict's English).
QVariant ReceivedRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReceivedRequest &request = m_requests.at(index.row());
    switch (role) {
    case SequenceRole:
        return request.sequence;
    case VerdictCodeRole:
        return request.verdict.name();
    case ValidRole:
        return request.verdict.valid();
    case RequestRole:
        return QVariant::fromValue(request);
    case Qt::ToolTipRole:
        return index.column() == VerdictColumn ? QVariant(request.verdict.localizedDetail())
                                               : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return request.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return request.method;
    case PathColumn:
        return request.query.isEmpty() ? request.path : request.path + u'?' + request.query;
    case VerdictColumn:
        return request.verdict.localizedTitle();
    case StatusColumn:
        if (request.answered || request.delayMs == 0)
            return QString::number(request.responseStatus);
        return tr("%1 (held %2 ms)").arg(request.responseStatus).arg(request.delayMs);
    default:
        return {};
    }
}

QVariant ReceivedRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case VerdictColumn:
        return tr("Verdict");
    case StatusColumn:
        return tr("Answer");
    default:
        return {};
    }
}

QHash<int, QByteArray> ReceivedRequestModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SequenceRole, "sequence");
    names.insert(VerdictCodeRole, "verdictCode");
    names.insert(ValidRole, "valid");
    names.insert(RequestRole, "request");
    return names;
}

int ReceivedRequestModel::rowOfSequence(int sequence) const
{
    // Sequences grow with the rows: binary search.
    auto it = std::lower_bound(
        m_requests.cbegin(), m_requests.cend(), sequence,
        [](const ReceivedRequest &request, int value) { return request.sequence < value; });
    return it != m_requests.cend() && it->sequence == sequence ? int(it - m_requests.cbegin()) : -1;
}

void ReceivedRequestModel::append(const ReceivedRequest &request)
{
    const int row = int(m_requests.size());
    beginInsertRows({}, row, row);
    m_requests.append(request);
    endInsertRows();
}

void ReceivedRequestModel::update(const ReceivedRequest &request)
{
    const int row = rowOfSequence(request.sequence);
    if (row < 0)
        return;
    m_requests[row] = request;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReceivedRequestModel::reset()
{
    beginResetModel();
    m_requests = m_receiver ? m_receiver->requests() : QList<ReceivedRequest>();
    endResetModel();
}

} // namespace wa
