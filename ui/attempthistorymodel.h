#pragma once

#include "deliveryattempt.h"

#include <QAbstractTableModel>

namespace wa {

// The test history of one config (WebhookService::listAttempts), newest first.
class AttemptHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptHistoryModel)

public:
    enum Column
    {
        Time,
        Outcome,
        HttpStatus,
        Latency,
        Error,
        Response,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit AttemptHistoryModel(QObject *parent = nullptr);
    ~AttemptHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setAttempts(QList<DeliveryAttempt> attempts);
    const DeliveryAttempt &attemptAt(int row) const { return m_attempts.at(row); }

private:
    QList<DeliveryAttempt> m_attempts;
};

} // namespace wa
