#pragma once

#include "backend.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace wa {

class AttemptDialog;
class AttemptHistoryModel;

// The test history of the selected config: time, outcome (with HTTP status and latency, or the
// error), and the start of the response body; the separate status, latency and error columns
// can be shown from the header's menu. Reloads itself when the service records a new attempt,
// and on reload() (a test the console followed to its end, on backends that send no signal).
// Each attempt opens in full (double-click, Enter, or Open) in an AttemptDialog, with Resend
// and Copy as curl.
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
    // Opens the attempt of this row in full; returns the dialog (null when there is no row).
    AttemptDialog *openAttempt(int row);

    AttemptHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void copied(const QString &what);

private:
    void updateOpenButton();

    std::weak_ptr<Backend> m_backend;
    QMetaObject::Connection m_recorded;
    QString m_configId;
    quint64 m_generation = 0;
    bool m_resendUnsupported = false; // learnt from this backend's answer
    AttemptHistoryModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_open;
};

} // namespace wa
