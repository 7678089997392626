#pragma once

#include "apierror.h"
#include "bulkaction.h"
#include "bulkitemresult.h"

#include <QCoreApplication>
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
    Q_DECLARE_TR_FUNCTIONS(wa::BulkReport)

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

    // One line: what was done, counted, with the reasons of what was not.
    QString summary() const;
    // The summary, then one line per item that was not simply done ("<item>: <outcome>: why").
    QString text() const;

    // Short words for a reason code: "webhook-refused" -> "connection refused".
    static QString reasonWords(const QString &reason);
    // "valid", "invalid", "refused", "unknown", "not done", ...: one word for an outcome.
    static QString outcomeWord(const BulkItemResult &result);

private:
    // "connection refused: 2, timed out: 1" over the results with this outcome.
    QString reasons(BulkItemResult::Outcome outcome) const;
    QString doneClause() const;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::BulkReport)
