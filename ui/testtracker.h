#pragma once

#include "backend.h"
#include "deliveryattempt.h"
#include "task.h"
#include "webhookconfig.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace wa {

class ConfigTableModel;

// Follows test tasks while they run and shows their progress and outcome in the table model.
// Backends that report changes (the local service) are followed through their signals; for the
// others (a remote API) the configs under test are polled once a second until their test has
// finished. When a test finishes, testFinished() asks for its full outcome to be looked up.
class TestTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestTracker)

public:
    static constexpr int PollIntervalMs = 1000;
    static constexpr int GiveUpAfterMs = 15000;

    explicit TestTracker(ConfigTableModel *model, QObject *parent = nullptr);
    ~TestTracker() override;

    void setBackend(const std::shared_ptr<Backend> &backend);
    // A test of this config is under way (create, URL change, reactivate, Test, or found so).
    void trackStarted(const QString &configId, const QString &taskId = {},
                      const QDateTime &started = {});
    bool isTracking(const QString &configId) const { return m_running.contains(configId); }
    // The test did not start after all: stop following it (the caller restores the row).
    void forget(const QString &configId);

Q_SIGNALS:
    // A test finished (its outcome and history are worth looking up again).
    void testFinished(const QString &configId);

private:
    void onTaskChanged(const Task &task);
    void onAttemptRecorded(const DeliveryAttempt &attempt);
    void onConfigChanged(const WebhookConfig &config);
    void poll();
    void finish(const QString &configId, bool passed, const QString &reason);

    struct Tracked
    {
        QString taskId;
        qint64 startedMs = 0;
        bool polling = false; // a poll request is in flight
    };

    ConfigTableModel *m_model;
    std::weak_ptr<Backend> m_backend;
    QList<QMetaObject::Connection> m_connections;
    QHash<QString, Tracked> m_running; // config id -> test under way
    QHash<QString, DeliveryAttempt> m_lastAttempt; // config id -> its latest attempt seen
    QTimer m_poll;
};

} // namespace wa
