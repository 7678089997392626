#pragma once

#include "deliveryattempt.h"
#include "task.h"
#include "webhookconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace wa {

class ConfigTableModel;
class WebhookService;

// Follows test tasks and writes their progress and outcome into the table model. Backends that
// report changes (the local service) are followed through their signals; for the others (a
// remote API) the configs under test are polled once a second until their test has finished.
class TestTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestTracker)

public:
    static constexpr int PollIntervalMs = 1000;
    static constexpr int GiveUpAfterMs = 15000;

    explicit TestTracker(ConfigTableModel *model, QObject *parent = nullptr);
    ~TestTracker() override;

    void setService(WebhookService *service);
    // A test of this config has just started (create, URL change, reactivate, Test).
    void trackStarted(const QString &configId, const QString &taskId = {});
    // After a load: shows the tests already under way (started before this window looked).
    void findRunningTests();

Q_SIGNALS:
    // A test finished (for the details panel to refresh its history).
    void testFinished(const QString &configId);

private:
    void onTaskChanged(const Task &task);
    void onAttemptRecorded(const DeliveryAttempt &attempt);
    void onConfigChanged(const WebhookConfig &config);
    void poll();
    void finish(const QString &configId, bool passed, const QString &reason);
    void fetchReason(const QString &configId, bool passed);

    struct Tracked
    {
        QString taskId;
        qint64 startedMs = 0;
        bool polling = false; // a poll request is in flight
    };

    ConfigTableModel *m_model;
    QPointer<WebhookService> m_service;
    QHash<QString, Tracked> m_running; // config id -> test under way
    QHash<QString, DeliveryAttempt> m_lastAttempt; // config id -> its latest attempt seen
    QTimer m_poll;
};

} // namespace wa
