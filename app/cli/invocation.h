#pragma once

#include "outputformat.h"
#include "result.h"
#include "webhookservice.h"

#include <QCommandLineParser>
#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>

namespace wa::cli {

// One run of a service subcommand: the opened backend, the parsed arguments, the output, and
// the way to finish (which quits the event loop with the exit code). Also the context object of
// every continuation, so nothing runs after the run is over.
class Invocation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Invocation)

public:
    // How often --wait polls a task that Ricloud-Await did not see finish, and for how long.
    static constexpr int PollIntervalMs = 1000;
    static constexpr int MaxWaitMs = 5 * 60 * 1000;

    Invocation(std::unique_ptr<WebhookService> service, const QCommandLineParser &parser,
               const OutputFormat &output);
    ~Invocation() override;

    WebhookService &service() { return *m_service; }
    // The embedded service in this process (--local or a local profile), not a remote.
    bool isLocal() const { return m_local; }
    void setLocal(bool local) { m_local = local; }
    const QCommandLineParser &parser() const { return m_parser; }
    const OutputFormat &out() const { return m_output; }

    // Continues with the value, or prints the error and finishes with its exit code.
    template<typename T, typename F> void on(QFuture<Result<T>> future, F onValue)
    {
        future.then(this, [this, onValue = std::move(onValue)](Result<T> result) mutable {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            onValue(result.value());
        });
    }

    void fail(const ApiError &error);
    void finish(int exitCode);

    // Polls GET /tasks/{id} until the task has finished (Ricloud-Await may have seen it already).
    void waitForTask(const Task &task, std::function<void(const Task &)> done);
    // The newest test task of a config, waited for; `done` gets nullopt when there is none.
    void waitForConfigTest(const QString &configId,
                           std::function<void(const std::optional<Task> &)> done);

    // For create/update --wait: waits for the config's test, then prints the config as it
    // then stands and the test's outcome, and finishes (ExitCode::TestFailed if it failed).
    void finishAfterConfigTest(const QString &configId);

private:
    void poll(const QString &taskId, qint64 deadline, std::function<void(const Task &)> done);

    std::unique_ptr<WebhookService> m_service;
    const QCommandLineParser &m_parser;
    const OutputFormat &m_output;
    bool m_local = false;
    bool m_finished = false;
};

} // namespace wa::cli
