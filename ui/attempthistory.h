#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace wa {

class AttemptHistoryModel;
class WebhookService;

// The test history of the selected config: time, outcome, HTTP status, latency, error and the
// start of the response body. Reloads itself when the service records a new attempt.
class AttemptHistory final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptHistory)

public:
    static constexpr int Limit = 50;

    explicit AttemptHistory(QWidget *parent = nullptr);
    ~AttemptHistory() override;

    void setService(WebhookService *service);
    void setConfigId(const QString &configId);
    void reload();

    AttemptHistoryModel *model() const { return m_model; }

private:
    QPointer<WebhookService> m_service;
    QString m_configId;
    quint64 m_generation = 0;
    AttemptHistoryModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
};

} // namespace wa
