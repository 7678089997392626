#pragma once

#include "bulkrunner.h"

#include <QStringList>

namespace wa {

class WebhookService;

// Import and promote: each item becomes a new config on the target through createConfig (the
// service makes a new ID and secret and tests the URL). Before the first create, the target's
// configs are read once (every state): an item whose URL is already there is skipped, and so
// is an item repeating the URL of an earlier one. An item whose state was `deactivated` is
// deactivated once created. With waitForTests, each item ends when its test has.
namespace ConfigImport {

// Import entries read by ConfigImportFile::parse.
void start(BulkRunner &runner, WebhookService *target, const QList<BulkItem> &entries,
           bool waitForTests);

// Promote: copy the configs `ids` of `source` to `target` (their URLs and deactivated state;
// never their secrets). The source is read once, at the first item; an ID it does not have is
// refused as not-found.
void promote(BulkRunner &runner, WebhookService *source, WebhookService *target,
             const QStringList &ids, bool waitForTests);

BulkRunner::Job importJob(WebhookService *target, bool waitForTests);
BulkRunner::Job promoteJob(WebhookService *source, WebhookService *target, bool waitForTests);

} // namespace ConfigImport

} // namespace wa
