#include "testtracker.h"

#include "configtablemodel.h"
#include "guarded.h"
#include "testoutcome.h"
#include "webhookservice.h"

namespace wa {

TestTracker::TestTracker(ConfigTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &TestTracker::poll);
}

TestTracker::~TestTracker() = default;

void TestTracker::setBackend(const std::shared_ptr<Backend> &backend)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_backend = backend;
    m_running.clear();
    m_lastAttempt.clear();
    m_poll.stop();
    if (!backend)
        return;
    WebhookService *service = backend->service();
    m_connections
        << connect(service, &WebhookService::taskChanged, this, &TestTracker::onTaskChanged)
        << connect(service, &WebhookService::attemptRecorded, this, &TestTracker::onAttemptRecorded)
        << connect(service, &WebhookService::configChanged, this, &TestTracker::onConfigChanged);
}

void TestTracker::trackStarted(const QString &configId, const QString &taskId,
                               const QDateTime &started)
{
    Tracked &tracked = m_running[configId];
    if (!taskId.isEmpty())
        tracked.taskId = taskId;
    const QDateTime since = started.isValid() ? started : QDateTime::currentDateTimeUtc();
    tracked.startedMs = since.toMSecsSinceEpoch();
    m_lastAttempt.remove(configId);
    TestStatus status;
    status.phase = TestStatus::Phase::Running;
    status.started = since;
    status.taskId = tracked.taskId;
    m_model->setTestStatus(configId, status);
    if (!m_poll.isActive())
        m_poll.start();
}

void TestTracker::forget(const QString &configId)
{
    m_running.remove(configId);
    m_lastAttempt.remove(configId);
    if (m_running.isEmpty())
        m_poll.stop();
}

void TestTracker::onTaskChanged(const Task &task)
{
    if (task.type != QLatin1String(WebhookConfigTestTask) || m_model->rowOf(task.target) < 0)
        return;
    if (!task.finished()) {
        // A test someone else started (a REST client, another process): show it running too.
        if (!m_running.contains(task.target))
            trackStarted(task.target, task.id, task.dateCreated);
        else if (m_running[task.target].taskId.isEmpty())
            m_running[task.target].taskId = task.id;
        return;
    }
    const auto tracked = m_running.constFind(task.target);
    if (tracked == m_running.cend()) {
        // Finished before we saw it start (another process): look its outcome up.
        Q_EMIT testFinished(task.target);
        return;
    }
    if (!tracked->taskId.isEmpty() && tracked->taskId != task.id)
        return; // an older test finishing late
    const auto attempt = m_lastAttempt.constFind(task.target);
    QString reason;
    if (attempt != m_lastAttempt.cend() && attempt->taskId == task.id)
        reason = TestOutcome::describeAttempt(*attempt).translated();
    else if (task.state == TaskState::Failed)
        reason = TestOutcome::describeError(task.error).translated();
    m_running[task.target].taskId = task.id;
    finish(task.target, task.state == TaskState::Succeeded, reason);
}

void TestTracker::onAttemptRecorded(const DeliveryAttempt &attempt)
{
    m_lastAttempt.insert(attempt.configId, attempt);
}

void TestTracker::onConfigChanged(const WebhookConfig &config)
{
    const auto tracked = m_running.constFind(config.id);
    if (tracked == m_running.cend())
        return;
    if (config.state == ConfigState::Deactivated) {
        m_running.remove(config.id);
        Q_EMIT testFinished(config.id);
        return;
    }
    // With a known task, its own outcome decides: a retest of a valid config keeps it valid
    // while the test runs, so the config's state says nothing yet.
    if (!tracked->taskId.isEmpty())
        return;
    if (config.state == ConfigState::Valid || config.state == ConfigState::Invalid) {
        const auto attempt = m_lastAttempt.constFind(config.id);
        finish(config.id, config.state == ConfigState::Valid,
               attempt != m_lastAttempt.cend() ? TestOutcome::describeAttempt(*attempt).translated()
                                               : QString());
    }
}

void TestTracker::finish(const QString &configId, bool passed, const QString &reason)
{
    const Tracked tracked = m_running.take(configId);
    TestStatus status;
    status.phase = passed ? TestStatus::Phase::Passed : TestStatus::Phase::Failed;
    status.reason = reason;
    status.taskId = tracked.taskId;
    status.finished = QDateTime::currentDateTimeUtc();
    m_model->setTestStatus(configId, status);
    if (m_running.isEmpty())
        m_poll.stop();
    Q_EMIT testFinished(configId);
}

void TestTracker::poll()
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || m_running.isEmpty()) {
        m_poll.stop();
        return;
    }
    WebhookService *service = backend->service();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<QString> ids = m_running.keys();
    for (const QString &id : ids) {
        Tracked &tracked = m_running[id];
        if (now - tracked.startedMs > GiveUpAfterMs) {
            // Stop asking; the outcome is looked up once more, and a Refresh shows the rest.
            m_running.remove(id);
            Q_EMIT testFinished(id);
            continue;
        }
        if (tracked.polling)
            continue;
        tracked.polling = true;
        if (!tracked.taskId.isEmpty()) {
            continueOnGui(service->task(tracked.taskId), this, m_backend,
                          [this, id](const Result<Task> &result) {
                              const auto it = m_running.find(id);
                              if (it == m_running.end())
                                  return;
                              it->polling = false;
                              if (!result || !result.value().finished())
                                  return;
                              onTaskChanged(result.value());
                              // The config's new state, for backends that do not report it
                              // themselves.
                              const auto backend = m_backend.lock();
                              if (!backend)
                                  return;
                              continueOnGui(backend->service()->config(id), this, m_backend,
                                            [this](const Result<WebhookConfig> &config) {
                                                if (config)
                                                    m_model->upsert(config.value());
                                            });
                          });
            continue;
        }
        continueOnGui(service->config(id), this, m_backend,
                      [this, id](const Result<WebhookConfig> &result) {
                          const auto it = m_running.find(id);
                          if (it == m_running.end())
                              return;
                          it->polling = false;
                          if (!result)
                              return;
                          m_model->upsert(result.value());
                          onConfigChanged(result.value());
                      });
    }
}

} // namespace wa
