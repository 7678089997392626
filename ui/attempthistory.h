#pragma once

#include "backend.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace wa {

class AttemptHistoryModel;

// The test history of the selected config: time, outcome (with HTTP status and latency, or the
// error), and the start of the response body; the separate status, latency and error columns
// can be shown from the header's menu. Reloads itself when the service records a new attempt,
// and on reload() (a test the console followed to its end, on backends that send no signal).
class AttemptHistory final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptHistory)

public:
    static constexpr int Limit = 50;

    explicit AttemptHistory(QWidget *parent = nullptr);
    ~AttemptHistory() override;

    void setBackend(const std::shared_ptr<Backend> &backend);
    QString configId() const { return m_configId; }
    void setConfigId(const QString &configId);
    void reload();

    AttemptHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    std::weak_ptr<Backend> m_backend;
    QMetaObject::Connection m_recorded;
    QString m_configId;
    quint64 m_generation = 0;
    AttemptHistoryModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
};

} // namespace wa
