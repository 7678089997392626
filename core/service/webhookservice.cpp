#include "webhookservice.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QPromise>

#include <memory>
#include <optional>

namespace wa {

namespace {

using Outcomes = QHash<QString, TestOutcome>;

// The lookups of one lastTests() call: they finish in whichever thread fulfils the backend's
// futures, one by one; the last one to finish answers.
struct LastTestsWalk
{
    QMutex mutex;
    QPromise<Result<Outcomes>> promise;
    Outcomes outcomes;
    qsizetype pending = 0;
    qsizetype succeeded = 0;
    std::optional<ApiError> firstError;

    void found(const QString &configId, std::optional<TestOutcome> outcome)
    {
        QMutexLocker lock(&mutex);
        if (outcome)
            outcomes.insert(configId, std::move(*outcome));
        ++succeeded;
        finishOne();
    }

    void failed(const ApiError &error)
    {
        QMutexLocker lock(&mutex);
        if (!firstError)
            firstError = error;
        finishOne();
    }

private:
    void finishOne()
    {
        if (--pending > 0)
            return;
        if (succeeded == 0 && firstError)
            promise.addResult(Result<Outcomes>(*firstError));
        else
            promise.addResult(Result<Outcomes>(std::move(outcomes)));
        promise.finish();
    }
};

} // namespace

QFuture<Result<QHash<QString, TestOutcome>>> WebhookService::lastTests(const QStringList &configIds)
{
    QStringList ids = configIds;
    ids.removeAll(QString());
    ids.removeDuplicates();
    if (ids.isEmpty())
        return QtFuture::makeReadyFuture(Result<Outcomes>(Outcomes {}));

    auto walk = std::make_shared<LastTestsWalk>();
    walk->pending = ids.size();
    walk->promise.start();
    QFuture<Result<Outcomes>> future = walk->promise.future();

    // Continuations run where the backend fulfils its futures: the service's own thread for
    // every backend here (or this one, for a future already finished). The service is deleted
    // in that same thread, so the guard cannot change under a running continuation.
    const QPointer<WebhookService> self(this);
    for (const QString &id : std::as_const(ids)) {
        TaskFilter filter;
        filter.type = QString::fromLatin1(WebhookConfigTestTask);
        filter.target = id;
        PageRequest newest;
        newest.limit = 1;
        listTasks(filter, newest).then([walk, self, id](const Result<ListPage<Task>> &tasks) {
            if (!tasks) {
                walk->failed(tasks.error());
                return;
            }
            if (tasks.value().data.isEmpty()) {
                walk->found(id, std::nullopt); // never tested
                return;
            }
            const Task task = tasks.value().data.constFirst();
            if (!task.finished() || !self || self->m_attemptsUnsupported) {
                walk->found(id, TestOutcome::fromTask(task));
                return;
            }
            PageRequest one;
            one.limit = 1;
            self->listAttempts(id, one).then(
                [walk, self, id, task](const Result<ListPage<DeliveryAttempt>> &attempts) {
                    if (!attempts && attempts.error().kind == ApiError::Kind::Unsupported && self)
                        self->m_attemptsUnsupported = true;
                    const DeliveryAttempt *attempt = nullptr;
                    if (attempts && !attempts.value().data.isEmpty()
                        && attempts.value().data.constFirst().taskId == task.id)
                        attempt = &attempts.value().data.constFirst();
                    walk->found(id, TestOutcome::fromTask(task, attempt));
                });
        });
    }
    return future;
}

} // namespace wa
