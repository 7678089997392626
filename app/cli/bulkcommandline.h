#pragma once

#include "bulkreport.h"
#include "bulkrunner.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

namespace wa::cli {

class Invocation;

// What the bulk subcommands (test and deactivate with several IDs, import) share: the IDs from
// the arguments or stdin, --concurrency, a line per item as it finishes (or one JSON object per
// line with --json), the summary, and the exit code of the whole run.
namespace BulkCommandLine {

// --concurrency N, for addOptions().
void addConcurrencyOption(QCommandLineParser &parser);
std::optional<QString> checkConcurrency(const QCommandLineParser &parser);

// The IDs of the positionals; "-" (alone) reads them from stdin, one a line (blank lines are
// skipped). The usage problem otherwise.
std::variant<QStringList, QString> ids(const QStringList &positionals);

// True when the command was given one ID as an argument: the single-config output of before.
bool isSingle(const QStringList &positionals);

// Runs a bulk action in the invocation: `start` starts it on the runner (concurrency set from
// the option, or by backend), each result is printed as it comes, then the summary, and the
// invocation finishes with exitCode(report).
void run(Invocation &invocation, const std::function<void(BulkRunner &)> &start);

// 130 when cancelled (Ctrl+C); the failure's own code (3 for the network) when the backend
// failed; 1 when an item was refused; 3 when an outcome is unknown; 4 when a test failed; else 0.
int exitCode(const BulkReport &report);

} // namespace BulkCommandLine

} // namespace wa::cli
