#pragma once

#include "apierror.h"
#include "bulkitem.h"
#include "task.h"
#include "webhookconfig.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

// What became of one item of a bulk action.
struct BulkItemResult
{
    enum class Outcome
    {
        Done, // did what was asked: tested valid, deactivated, created, test started
        Failed, // done, but its test failed: the config is invalid (reason: the test's error)
        Skipped, // nothing to do: an import entry whose URL already exists
        Refused, // the service refused it (not found, invalid URL): nothing changed
        Unknown, // under way when the backend went away, or a test whose outcome was not awaited
        NotDone, // never reached the service: cancelled, or stopped before its turn
    };

    BulkItem item;
    Outcome outcome = Outcome::NotDone;
    QString reason; // a code: "valid", "webhook-refused", "not-found", "already-exists", ...
    QString detail; // a sentence for a person, in English (the CLI's)
    Phrase detailPhrase; // the same sentence, to be translated where it is shown
    std::optional<WebhookConfig> config; // as it stands after the action, when known
    std::optional<Task> task; // the test started for it, when one was
    std::optional<ApiError> error; // the service's refusal or failure, when there was one

    // An item that ended on `error`: Refused when the service answered no, NotDone when the
    // service cannot have acted (token refused, TLS failed), Unknown when it may have.
    static BulkItemResult fromError(const BulkItem &item, const ApiError &error);
    // A finished test task: Done ("valid") or Failed (its error code).
    static BulkItemResult fromTest(const BulkItem &item, const Task &task);

    // True when the error means the backend itself is gone or broken (network, TLS, token
    // refused, a 5xx): a bulk run stops at once instead of failing every item the same way.
    static bool isBackendFailure(const ApiError &error);

    // Sets `detail` and `detailPhrase` together.
    void setDetail(const Phrase &phrase);
    // The detail as a Phrase to build on, and as the console shows it (Phrase::matching).
    Phrase detailWords() const;
    QString localizedDetail() const;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::BulkItemResult)
