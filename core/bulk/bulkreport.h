#pragma once

#include "apierror.h"
#include "bulkaction.h"
#include "bulkitemresult.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

// The outcome of a bulk action, item by item, and its summary in words a person can read and
// copy: "12 tested: 10 valid, 2 invalid (connection refused: 2)". A run that was cancelled or
// whose backend went away says so first, and counts what was done, what may have been and what
// was not.
class BulkReport final
{
public:
    enum class Ending
    {
        Completed, // every item was tried
        Cancelled, // cancel(): no item started after it
        BackendGone, // a backend failure stopped the run (backendError says which)
    };

    BulkAction action = BulkAction::Test;
    bool waitedForTests = false; // test/import/promote: outcomes were awaited
    Ending ending = Ending::Completed;
    std::optional<ApiError> backendError;
    QList<BulkItemResult> results; // one per item, in the items' order

    int count(BulkItemResult::Outcome outcome) const;
    int total() const { return int(results.size()); }

    // One line: what was done, counted, with the reasons of what was not. In English (the CLI)
    // and in the user's language (the console).
    QString summary() const;
    QString localizedSummary() const;
    // The summary, then one line per item that was not simply done ("<item>: <outcome>: why").
    QString text() const;
    QString localizedText() const;

    // Short words for a reason code: "webhook-refused" -> "connection refused".
    static Phrase reasonWords(const QString &reason);
    // "valid", "invalid", "refused", "unknown", "not done", ...: one word for an outcome.
    static Phrase outcomeWord(const BulkItemResult &result);

private:
    // "connection refused: 2, timed out: 1" over the results with this outcome.
    Phrase reasons(BulkItemResult::Outcome outcome) const;
    Phrase doneClause() const;
    Phrase summaryWords() const;
    Phrase textWords() const;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::BulkReport)
