#include "testtracker.h"

#include "configtablemodel.h"
#include "guarded.h"
#include "webhookservice.h"

#include <QDateTime>

namespace wa {

TestTracker::TestTracker(ConfigTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &TestTracker::poll);
}

TestTracker::~TestTracker() = default;

void TestTracker::setService(WebhookService *service)
{
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
    m_running.clear();
    m_lastAttempt.clear();
    m_poll.stop();
    if (!service)
        return;
    connect(service, &WebhookService::taskChanged, this, &TestTracker::onTaskChanged);
    connect(service, &WebhookService::attemptRecorded, this, &TestTracker::onAttemptRecorded);
    connect(service, &WebhookService::configChanged, this, &TestTracker::onConfigChanged);
}

void TestTracker::trackStarted(const QString &configId, const QString &taskId)
{
    Tracked &tracked = m_running[configId];
    if (!taskId.isEmpty())
        tracked.taskId = taskId;
    tracked.startedMs = QDateTime::currentMSecsSinceEpoch();
    m_lastAttempt.remove(configId);
    TestStatus status;
    status.phase = TestStatus::Phase::Running;
    status.started = QDateTime::currentDateTimeUtc();
    status.taskId = tracked.taskId;
    m_model->setTestStatus(configId, status);
    if (!m_poll.isActive())
        m_poll.start();
}

void TestTracker::findRunningTests()
{
    if (!m_service)
        return;
    for (const TaskState state : {TaskState::Pending, TaskState::Processing}) {
        TaskFilter filter;
        filter.type = QString::fromLatin1(WebhookConfigTestTask);
        filter.state = state;
        PageRequest page;
        page.limit = PageRequest::MaxLimit;
        continueOnGui(
            m_service->listTasks(filter, page), this, [this](const Result<ListPage<Task>> &tasks) {
                if (!tasks)
                    return; // a backend without task listing: nothing to show
                for (const Task &task : tasks.value().data) {
                    if (m_model->rowOf(task.target) >= 0 && !m_running.contains(task.target))
                        trackStarted(task.target, task.id);
                }
            });
    }
}

void TestTracker::onTaskChanged(const Task &task)
{
    if (task.type != QLatin1String(WebhookConfigTestTask) || m_model->rowOf(task.target) < 0)
        return;
    if (!task.finished()) {
        // A test someone else started (a REST client): show it running too.
        if (!m_running.contains(task.target))
            trackStarted(task.target, task.id);
        else if (m_running[task.target].taskId.isEmpty())
            m_running[task.target].taskId = task.id;
        return;
    }
    const auto tracked = m_running.constFind(task.target);
    if (tracked != m_running.cend() && !tracked->taskId.isEmpty() && tracked->taskId != task.id)
        return; // an older test finishing late
    const auto attempt = m_lastAttempt.constFind(task.target);
    const bool passed = task.state == TaskState::Succeeded;
    QString reason;
    if (attempt != m_lastAttempt.cend() && attempt->taskId == task.id)
        reason = TestStatus::describeAttempt(*attempt);
    else if (!passed)
        reason = TestStatus::describeTaskError(task.error);
    finish(task.target, passed, reason);
    if (reason.isEmpty() || attempt == m_lastAttempt.cend())
        fetchReason(task.target, passed);
}

void TestTracker::onAttemptRecorded(const DeliveryAttempt &attempt)
{
    m_lastAttempt.insert(attempt.configId, attempt);
    // The attempt carries the best words (HTTP status, transport error): refine a finished row.
    const TestStatus current = m_model->testStatus(attempt.configId);
    if (current.phase == TestStatus::Phase::Passed || current.phase == TestStatus::Phase::Failed) {
        if (attempt.taskId.isEmpty() || attempt.taskId == current.taskId) {
            TestStatus refined = current;
            refined.reason = TestStatus::describeAttempt(attempt);
            m_model->setTestStatus(attempt.configId, refined);
        }
    }
}

void TestTracker::onConfigChanged(const WebhookConfig &config)
{
    const auto tracked = m_running.constFind(config.id);
    if (tracked == m_running.cend())
        return;
    if (config.state == ConfigState::Deactivated) {
        m_running.remove(config.id);
        m_model->setTestStatus(config.id, {});
        return;
    }
    // With a known task, its own outcome decides: a retest of a valid config keeps it valid
    // while the test runs, so the config's state says nothing yet.
    if (!tracked->taskId.isEmpty())
        return;
    if (config.state == ConfigState::Valid || config.state == ConfigState::Invalid) {
        const bool passed = config.state == ConfigState::Valid;
        const auto attempt = m_lastAttempt.constFind(config.id);
        QString reason;
        if (attempt != m_lastAttempt.cend())
            reason = TestStatus::describeAttempt(*attempt);
        finish(config.id, passed, reason);
        if (reason.isEmpty())
            fetchReason(config.id, passed);
    }
}

void TestTracker::finish(const QString &configId, bool passed, const QString &reason)
{
    const Tracked tracked = m_running.take(configId);
    TestStatus status;
    status.phase = passed ? TestStatus::Phase::Passed : TestStatus::Phase::Failed;
    status.reason = reason;
    status.taskId = tracked.taskId;
    m_model->setTestStatus(configId, status);
    if (m_running.isEmpty())
        m_poll.stop();
    Q_EMIT testFinished(configId);
}

void TestTracker::fetchReason(const QString &configId, bool passed)
{
    if (!m_service)
        return;
    PageRequest page;
    page.limit = 1;
    continueOnGui(m_service->listAttempts(configId, page), this,
                  [this, configId, passed](const Result<ListPage<DeliveryAttempt>> &result) {
                      const TestStatus current = m_model->testStatus(configId);
                      if (current.running() || current.phase == TestStatus::Phase::None)
                          return;
                      TestStatus refined = current;
                      if (result && !result.value().data.isEmpty()) {
                          const DeliveryAttempt &attempt = result.value().data.first();
                          if (current.taskId.isEmpty() || attempt.taskId == current.taskId) {
                              refined.reason = TestStatus::describeAttempt(attempt);
                              m_model->setTestStatus(configId, refined);
                          }
                          return;
                      }
                      if (passed || !m_service || !current.reason.isEmpty())
                          return;
                      // The hosted API keeps no attempts: the task's error code is all there is.
                      TaskFilter filter;
                      filter.type = QString::fromLatin1(WebhookConfigTestTask);
                      filter.target = configId;
                      PageRequest one;
                      one.limit = 1;
                      continueOnGui(m_service->listTasks(filter, one), this,
                                    [this, configId](const Result<ListPage<Task>> &tasks) {
                                        if (!tasks || tasks.value().data.isEmpty())
                                            return;
                                        TestStatus status = m_model->testStatus(configId);
                                        if (status.phase != TestStatus::Phase::Failed
                                            || !status.reason.isEmpty())
                                            return;
                                        status.reason = TestStatus::describeTaskError(
                                            tasks.value().data.first().error);
                                        m_model->setTestStatus(configId, status);
                                    });
                  });
}

void TestTracker::poll()
{
    if (!m_service || m_running.isEmpty()) {
        m_poll.stop();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<QString> ids = m_running.keys();
    for (const QString &id : ids) {
        Tracked &tracked = m_running[id];
        if (now - tracked.startedMs > GiveUpAfterMs) {
            // Stop asking; the row keeps its last known state and a Refresh shows the rest.
            m_running.remove(id);
            m_model->setTestStatus(id, {});
            continue;
        }
        if (tracked.polling)
            continue;
        tracked.polling = true;
        if (!tracked.taskId.isEmpty()) {
            continueOnGui(m_service->task(tracked.taskId), this,
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
                              continueOnGui(m_service->config(id), this,
                                            [this](const Result<WebhookConfig> &config) {
                                                if (config)
                                                    m_model->upsert(config.value());
                                            });
                          });
            continue;
        }
        continueOnGui(m_service->config(id), this, [this, id](const Result<WebhookConfig> &result) {
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
