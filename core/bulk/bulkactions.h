#pragma once

#include "bulkrunner.h"

#include <QStringList>

namespace wa {

class WebhookService;

// The jobs of the bulk actions on configs by ID, and the way to start each on a runner. The
// service is held by a QPointer: if it goes away mid-run (a profile switch), the items left
// are reported as not done and the run stops.
namespace BulkActions {

// How long a test whose outcome is awaited may take in all (Ricloud-Await, then polling).
inline constexpr int MaxTestWaitMs = 5 * 60 * 1000;
inline constexpr int PollIntervalMs = 500;

// Items for config IDs, in order, each once (a repeated ID is tested once).
QList<BulkItem> itemsFor(const QStringList &ids);

// Test each config. With waitForOutcome, each item ends when its test has (valid or invalid);
// without, when the test is started.
BulkRunner::Job testJob(WebhookService *service, bool waitForOutcome);
BulkRunner::Job deactivateJob(WebhookService *service);
// Back to state `new`, which starts a test (not awaited).
BulkRunner::Job reactivateJob(WebhookService *service);

void test(BulkRunner &runner, WebhookService *service, const QStringList &ids, bool waitForOutcome);
void deactivate(BulkRunner &runner, WebhookService *service, const QStringList &ids);
void reactivate(BulkRunner &runner, WebhookService *service, const QStringList &ids);

// Shared with the import: waits for `task` to finish, polling while it runs, and ends the
// item with its outcome (or Unknown when the runner stops or the wait is over).
void awaitTest(BulkRunner &runner, WebhookService *service, const BulkItem &item, const Task &task,
               qint64 deadline, const BulkRunner::Done &done);
// The backend is gone (its object was destroyed): what an item then ends as.
BulkItemResult serviceClosed(const BulkItem &item);

} // namespace BulkActions

} // namespace wa
