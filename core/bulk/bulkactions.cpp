#include "bulkactions.h"

#include "webhookservice.h"
#include "whenfinished.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace wa::BulkActions {

namespace {

qint64 deadlineFromNow()
{
    return QDateTime::currentMSecsSinceEpoch() + MaxTestWaitMs;
}

} // namespace

QList<BulkItem> itemsFor(const QStringList &ids)
{
    QList<BulkItem> items;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        BulkItem item;
        item.id = id;
        items.append(item);
    }
    return items;
}

BulkItemResult serviceClosed(const BulkItem &item)
{
    ApiError error;
    error.kind = ApiError::Kind::Network;
    error.code = QStringLiteral("backend-closed");
    error.setMessage(WA_PHRASE(
        QT_TRANSLATE_NOOP("wa::BulkActions", "The backend was closed before this item was sent.")));
    BulkItemResult result = BulkItemResult::fromError(item, error);
    result.outcome = BulkItemResult::Outcome::NotDone;
    return result;
}

void awaitTest(BulkRunner &runner, WebhookService *service, const BulkItem &item, const Task &task,
               qint64 deadline, const BulkRunner::Done &done)
{
    if (task.finished()) {
        done(BulkItemResult::fromTest(item, task));
        return;
    }
    const bool stopping = runner.isStopping();
    if (stopping || QDateTime::currentMSecsSinceEpoch() > deadline) {
        BulkItemResult result;
        result.item = item;
        result.task = task;
        result.outcome = BulkItemResult::Outcome::Unknown;
        result.reason = stopping ? QStringLiteral("not-awaited") : QStringLiteral("still-running");
        result.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkActions",
                                                     "The test %1 was started; it was still %2 "
                                                     "when the wait ended."))
                             .arg(task.id)
                             .arg(toString(task.state)));
        done(result);
        return;
    }
    QPointer<WebhookService> guarded(service);
    QTimer::singleShot(PollIntervalMs, &runner, [&runner, guarded, item, task, deadline, done] {
        if (!guarded) {
            done(serviceClosed(item));
            return;
        }
        whenFinished(guarded->task(task.id), &runner,
                     [&runner, guarded, item, deadline, done](const Result<Task> &polled) {
                         if (!polled.ok()) {
                             done(BulkItemResult::fromError(item, polled.error()));
                             return;
                         }
                         awaitTest(runner, guarded, item, polled.value(), deadline, done);
                     });
    });
}

BulkRunner::Job testJob(WebhookService *service, bool waitForOutcome)
{
    QPointer<WebhookService> guarded(service);
    return [guarded, waitForOutcome](const BulkItem &item, BulkRunner &runner,
                                     BulkRunner::Done done) {
        if (!guarded) {
            done(serviceClosed(item));
            return;
        }
        const int await = waitForOutcome ? WebhookService::MaxAwaitSeconds : 0;
        whenFinished(guarded->testConfig(item.id, await), &runner,
                     [&runner, guarded, item, waitForOutcome, done](const Result<Task> &started) {
                         if (!started.ok()) {
                             done(BulkItemResult::fromError(item, started.error()));
                             return;
                         }
                         if (!waitForOutcome) {
                             BulkItemResult result;
                             result.item = item;
                             result.outcome = BulkItemResult::Outcome::Done;
                             result.reason = QStringLiteral("started");
                             result.task = started.value();
                             done(result);
                             return;
                         }
                         awaitTest(runner, guarded, item, started.value(), deadlineFromNow(), done);
                     });
    };
}

BulkRunner::Job deactivateJob(WebhookService *service)
{
    QPointer<WebhookService> guarded(service);
    return [guarded](const BulkItem &item, BulkRunner &runner, BulkRunner::Done done) {
        if (!guarded) {
            done(serviceClosed(item));
            return;
        }
        whenFinished(guarded->deactivateConfig(item.id), &runner,
                     [item, done](const Result<WebhookConfig> &config) {
                         if (!config.ok()) {
                             done(BulkItemResult::fromError(item, config.error()));
                             return;
                         }
                         BulkItemResult result;
                         result.item = item;
                         result.outcome = BulkItemResult::Outcome::Done;
                         result.reason = QStringLiteral("deactivated");
                         result.config = config.value();
                         done(result);
                     });
    };
}

BulkRunner::Job reactivateJob(WebhookService *service)
{
    QPointer<WebhookService> guarded(service);
    return [guarded](const BulkItem &item, BulkRunner &runner, BulkRunner::Done done) {
        if (!guarded) {
            done(serviceClosed(item));
            return;
        }
        ConfigChanges changes;
        changes.state = ConfigState::New;
        whenFinished(guarded->updateConfig(item.id, changes), &runner,
                     [item, done](const Result<WebhookConfig> &config) {
                         if (!config.ok()) {
                             done(BulkItemResult::fromError(item, config.error()));
                             return;
                         }
                         BulkItemResult result;
                         result.item = item;
                         result.outcome = BulkItemResult::Outcome::Done;
                         result.reason = QStringLiteral("reactivated");
                         result.config = config.value();
                         done(result);
                     });
    };
}

void test(BulkRunner &runner, WebhookService *service, const QStringList &ids, bool waitForOutcome)
{
    runner.start(BulkAction::Test, itemsFor(ids), testJob(service, waitForOutcome), waitForOutcome);
}

void deactivate(BulkRunner &runner, WebhookService *service, const QStringList &ids)
{
    runner.start(BulkAction::Deactivate, itemsFor(ids), deactivateJob(service));
}

void reactivate(BulkRunner &runner, WebhookService *service, const QStringList &ids)
{
    runner.start(BulkAction::Reactivate, itemsFor(ids), reactivateJob(service));
}

} // namespace wa::BulkActions
