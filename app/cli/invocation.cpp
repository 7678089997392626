#include "invocation.h"

#include "command.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace wa::cli {

Invocation::Invocation(std::unique_ptr<WebhookService> service, const QCommandLineParser &parser,
                       const OutputFormat &output)
    : m_service(std::move(service))
    , m_parser(parser)
    , m_output(output)
{ }

Invocation::~Invocation() = default;

void Invocation::fail(const ApiError &error)
{
    m_output.printError(error);
    finish(OutputFormat::exitCodeFor(error));
}

void Invocation::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // A test this run started is delivered before the process goes (the local service's; a
    // remote's run on the server): nothing is left `new` for want of a worker.
    m_service->settle().then(this, [exitCode] { QCoreApplication::exit(exitCode); });
}

void Invocation::waitForTask(const Task &task, std::function<void(const Task &)> done)
{
    if (task.finished()) {
        done(task);
        return;
    }
    poll(task.id, QDateTime::currentMSecsSinceEpoch() + MaxWaitMs, std::move(done));
}

void Invocation::poll(const QString &taskId, qint64 deadline,
                      std::function<void(const Task &)> done)
{
    QTimer::singleShot(PollIntervalMs, this, [this, taskId, deadline, done = std::move(done)] {
        on(m_service->task(taskId), [this, taskId, deadline, done](const Task &task) {
            if (task.finished()) {
                done(task);
            } else if (QDateTime::currentMSecsSinceEpoch() > deadline) {
                ApiError error;
                error.kind = ApiError::Kind::Timeout;
                error.code = QStringLiteral("timeout");
                error.message = QStringLiteral("The test task %1 is still %2 after %3 minutes; "
                                               "see 'webhook-admin-cli task %1' later.")
                                    .arg(taskId, toString(task.state))
                                    .arg(MaxWaitMs / 60000);
                fail(error);
            } else {
                poll(taskId, deadline, done);
            }
        });
    });
}

void Invocation::waitForConfigTest(const QString &configId,
                                   std::function<void(const std::optional<Task> &)> done)
{
    TaskFilter filter;
    filter.type = QString::fromLatin1(WebhookConfigTestTask);
    filter.target = configId;
    PageRequest page;
    page.limit = 1;
    on(m_service->listTasks(filter, page), [this, done](const ListPage<Task> &tasks) {
        if (tasks.data.isEmpty()) {
            done(std::nullopt);
            return;
        }
        waitForTask(tasks.data.constFirst(), [done](const Task &task) { done(task); });
    });
}

void Invocation::finishAfterConfigTest(const QString &configId)
{
    waitForConfigTest(configId, [this, configId](const std::optional<Task> &task) {
        on(m_service->config(configId), [this, task](const WebhookConfig &config) {
            m_output.print(config);
            if (task)
                m_output.printOutcome(*task);
            const bool failed = (task && task->state == TaskState::Failed)
                || config.state == ConfigState::Invalid;
            finish(failed ? ExitCode::TestFailed : ExitCode::Ok);
        });
    });
}

} // namespace wa::cli
