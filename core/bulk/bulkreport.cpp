#include "bulkreport.h"

#include "task.h"

#include <QMap>

#include <algorithm>
#include <utility>

namespace wa {

using Outcome = BulkItemResult::Outcome;

int BulkReport::count(Outcome outcome) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [outcome](const BulkItemResult &r) { return r.outcome == outcome; }));
}

Phrase BulkReport::reasonWords(const QString &reason)
{
    if (reason == QLatin1String(TaskError::Refused))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "connection refused"));
    if (reason == QLatin1String(TaskError::Timeout))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "timed out"));
    if (reason == QLatin1String(TaskError::Tls))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "TLS failure"));
    if (reason == QLatin1String(TaskError::Redirect))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "redirected"));
    if (reason == QLatin1String(TaskError::Rejected))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "rejected by the receiver"));
    if (reason == QLatin1String("already-exists"))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "already exists"));
    if (reason == QLatin1String("duplicate"))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "repeated in the file"));
    if (reason == QLatin1String("not-awaited"))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "outcome not awaited"));
    QString words = reason;
    return Phrase::plain(words.replace(u'-', u' '));
}

Phrase BulkReport::outcomeWord(const BulkItemResult &result)
{
    const bool tested = result.task.has_value();
    switch (result.outcome) {
    case Outcome::Done:
        return tested && result.reason == QLatin1String("valid")
            ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "valid"))
            : WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "done"));
    case Outcome::Failed:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "invalid"));
    case Outcome::Skipped:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "skipped"));
    case Outcome::Refused:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "refused"));
    case Outcome::Unknown:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "unknown"));
    case Outcome::NotDone:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "not done"));
    }
    return {};
}

Phrase BulkReport::reasons(Outcome outcome) const
{
    QMap<QString, std::pair<Phrase, int>> byReason; // by the English words
    for (const BulkItemResult &result : results) {
        if (result.outcome != outcome)
            continue;
        const Phrase words = reasonWords(result.reason);
        auto &entry = byReason[words.english()];
        entry.first = words;
        ++entry.second;
    }
    QList<std::pair<Phrase, int>> pairs;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
        pairs.append(it.value());
    // Most frequent first; ties by name, so that two runs print the same line.
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    std::vector<Phrase> parts;
    for (const auto &[words, n] : pairs)
        parts.push_back(Phrase::plain(QStringLiteral("%1: %2")).arg(words).arg(n));
    return Phrase::join(parts, QStringLiteral(", "));
}

Phrase BulkReport::doneClause() const
{
    const int done = count(Outcome::Done);
    const int failed = count(Outcome::Failed);
    const auto withReasons = [this](const Phrase &text, Outcome outcome) {
        const Phrase why = reasons(outcome);
        return why.isEmpty() ? text : Phrase::plain(QStringLiteral("%1 (%2)")).arg(text).arg(why);
    };
    switch (action) {
    case BulkAction::Test:
        if (!waitedForTests)
            return WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n test(s) started"))
                .withCount(done);
        return Phrase::plain(QStringLiteral("%1: %2, %3"))
            .arg(WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n tested"))
                     .withCount(done + failed))
            .arg(WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n valid")).withCount(done))
            .arg(withReasons(
                WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n invalid")).withCount(failed),
                Outcome::Failed));
    case BulkAction::Deactivate:
        return WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n deactivated")).withCount(done);
    case BulkAction::Reactivate:
        return WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n reactivated")).withCount(done);
    case BulkAction::Import:
    case BulkAction::Promote: {
        int valid = 0;
        int deactivated = 0;
        for (const BulkItemResult &result : results) {
            if (result.outcome != Outcome::Done)
                continue;
            valid += result.reason == QLatin1String("valid") ? 1 : 0;
            deactivated += result.reason == QLatin1String("deactivated") ? 1 : 0;
        }
        std::vector<Phrase> parts;
        if (waitedForTests || valid > 0 || failed > 0) {
            parts.push_back(
                WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n valid")).withCount(valid));
            parts.push_back(withReasons(
                WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n invalid")).withCount(failed),
                Outcome::Failed));
        }
        if (deactivated > 0) {
            parts.push_back(WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n deactivated"))
                                .withCount(deactivated));
        }
        const Phrase created = WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n created"))
                                   .withCount(done + failed);
        if (done + failed > 0 && !parts.empty()) {
            return Phrase::plain(QStringLiteral("%1 (%2)"))
                .arg(created)
                .arg(Phrase::join(parts, QStringLiteral(", ")));
        }
        return created;
    }
    }
    return {};
}

Phrase BulkReport::summaryWords() const
{
    std::vector<Phrase> clauses {doneClause()};
    const auto add = [&](Outcome outcome, const Phrase &counted, bool withReasons) {
        const int n = count(outcome);
        if (n == 0)
            return;
        const Phrase text = counted.withCount(n);
        const Phrase why = withReasons ? reasons(outcome) : Phrase();
        clauses.push_back(
            why.isEmpty() ? text : Phrase::plain(QStringLiteral("%1 (%2)")).arg(text).arg(why));
    };
    add(Outcome::Skipped, WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n skipped")), true);
    add(Outcome::Refused, WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n refused")), true);
    add(Outcome::Unknown,
        ending == Ending::Completed
            ? WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n unknown"))
            : WA_PHRASE(
                QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n unknown (under way when it stopped)")),
        ending == Ending::Completed);
    add(Outcome::NotDone, WA_PHRASE(QT_TRANSLATE_N_NOOP("wa::BulkReport", "%n not done")), false);

    const Phrase line = Phrase::join(clauses, QStringLiteral(", "));
    switch (ending) {
    case Ending::Completed:
        break;
    case Ending::Cancelled:
        return Phrase::plain(QStringLiteral("%1%2."))
            .arg(WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "Cancelled after %1 of %2: "))
                     .arg(total() - count(Outcome::NotDone))
                     .arg(total()))
            .arg(line);
    case Ending::BackendGone:
        return Phrase::plain(QStringLiteral("%1%2."))
            .arg(WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport",
                                             "Stopped after %1 of %2, the backend failed (%3): "))
                     .arg(total() - count(Outcome::NotDone))
                     .arg(total())
                     .arg(backendError
                              ? backendError->words()
                              : WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkReport", "no answer"))))
            .arg(line);
    }
    return Phrase::plain(QStringLiteral("%1.")).arg(line);
}

Phrase BulkReport::textWords() const
{
    std::vector<Phrase> lines {summaryWords()};
    for (const BulkItemResult &result : results) {
        if (result.outcome == Outcome::Done)
            continue;
        Phrase line = Phrase::plain(QStringLiteral("%1: %2"))
                          .arg(result.item.label())
                          .arg(outcomeWord(result));
        if (!result.reason.isEmpty()) {
            line
                = Phrase::plain(QStringLiteral("%1: %2")).arg(line).arg(reasonWords(result.reason));
        }
        if (!result.detail.isEmpty()) {
            line = Phrase::plain(QStringLiteral("%1 (%2)")).arg(line).arg(result.detailWords());
        }
        lines.push_back(line);
    }
    return Phrase::join(lines, QStringLiteral("\n"));
}

QString BulkReport::summary() const
{
    return summaryWords().english();
}

QString BulkReport::localizedSummary() const
{
    return summaryWords().translated();
}

QString BulkReport::text() const
{
    return textWords().english();
}

QString BulkReport::localizedText() const
{
    return textWords().translated();
}

} // namespace wa
