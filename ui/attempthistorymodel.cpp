#include "attempthistorymodel.h"

#include "testoutcome.h"

#include <QLocale>

namespace wa {

namespace {
constexpr int ResponsePreviewChars = 120;
}

AttemptHistoryModel::AttemptHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

AttemptHistoryModel::~AttemptHistoryModel() = default;

int AttemptHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attempts.size());
}

int AttemptHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryAttempt &attempt = m_attempts.at(index.row());
    if (role == IdRole)
        return attempt.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (role == Qt::ToolTipRole && index.column() == Outcome) {
        const QString body = QString::fromUtf8(attempt.responseBodyStart).simplified();
        QString tip = data(index, Qt::DisplayRole).toString();
        if (!body.isEmpty())
            tip += u'\n' + tr("Answer: %1").arg(body.left(ResponsePreviewChars));
        return tip;
    }
    switch (index.column()) {
    case Time: {
        // Today's attempts by their time alone: the column stays narrow.
        const QDateTime local = attempt.dateStarted.toLocalTime();
        if (role == Qt::DisplayRole && local.date() == QDate::currentDate())
            return QLocale().toString(local.time(), QLocale::ShortFormat);
        return QLocale().toString(local, QLocale::ShortFormat);
    }
    case Outcome: // in the words of the table's "Last test": the status and time are in it
        return attempt.succeeded()
            ? tr("valid · %1").arg(TestOutcome::describeAttempt(attempt).translated())
            : tr("invalid · %1").arg(TestOutcome::describeAttempt(attempt).translated());
    case HttpStatus:
        return attempt.responseStatus > 0 ? QString::number(attempt.responseStatus) : tr("none");
    case Latency:
        return tr("%1 ms").arg(attempt.latencyMs);
    case Error:
        return attempt.succeeded() ? QString() : TestOutcome::describeAttempt(attempt).translated();
    case Response: {
        const QString body = QString::fromUtf8(attempt.responseBodyStart).simplified();
        if (role == Qt::ToolTipRole)
            return body;
        return body.size() > ResponsePreviewChars ? body.left(ResponsePreviewChars) + u'…' : body;
    }
    }
    return {};
}

QVariant AttemptHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Outcome:
        return tr("Outcome");
    case HttpStatus:
        return tr("HTTP status");
    case Latency:
        return tr("Latency");
    case Error:
        return tr("Error");
    case Response:
        return tr("Response");
    }
    return {};
}

void AttemptHistoryModel::setAttempts(QList<DeliveryAttempt> attempts)
{
    beginResetModel();
    m_attempts = std::move(attempts);
    endResetModel();
}

} // namespace wa
