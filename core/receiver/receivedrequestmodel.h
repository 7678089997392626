#pragma once

#include "receivedrequest.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace wa {

class Receiver;

// The requests a Receiver kept, one row each, oldest first; follows the receiver live.
class ReceivedRequestModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedRequestModel)

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        VerdictColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        SequenceRole = Qt::UserRole + 1, // int: ReceivedRequest::sequence (the id)
        VerdictCodeRole, // QString: EventVerdict::name()
        ValidRole, // bool
        RequestRole, // wa::ReceivedRequest
    };

    explicit ReceivedRequestModel(Receiver *receiver, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const ReceivedRequest &request(int row) const { return m_requests.at(row); }
    int rowOfSequence(int sequence) const;

private:
    void append(const ReceivedRequest &request);
    void update(const ReceivedRequest &request);
    void reset();

    QPointer<Receiver> m_receiver;
    QList<ReceivedRequest> m_requests;
};

} // namespace wa
