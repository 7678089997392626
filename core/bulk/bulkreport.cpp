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

QString BulkReport::reasonWords(const QString &reason)
{
    if (reason == QLatin1String(TaskError::Refused))
        return tr("connection refused");
    if (reason == QLatin1String(TaskError::Timeout))
        return tr("timed out");
    if (reason == QLatin1String(TaskError::Tls))
        return tr("TLS failure");
    if (reason == QLatin1String(TaskError::Redirect))
        return tr("redirected");
    if (reason == QLatin1String(TaskError::Rejected))
        return tr("rejected by the receiver");
    if (reason == QLatin1String("already-exists"))
        return tr("already exists");
    if (reason == QLatin1String("duplicate"))
        return tr("repeated in the file");
    if (reason == QLatin1String("not-awaited"))
        return tr("outcome not awaited");
    QString words = reason;
    return words.replace(u'-', u' ');
}

QString BulkReport::outcomeWord(const BulkItemResult &result)
{
    const bool tested = result.task.has_value();
    switch (result.outcome) {
    case Outcome::Done:
        return tested && result.reason == QLatin1String("valid") ? tr("valid") : tr("done");
    case Outcome::Failed:
        return tr("invalid");
    case Outcome::Skipped:
        return tr("skipped");
    case Outcome::Refused:
        return tr("refused");
    case Outcome::Unknown:
        return tr("unknown");
    case Outcome::NotDone:
        return tr("not done");
    }
    return {};
}

QString BulkReport::reasons(Outcome outcome) const
{
    QMap<QString, int> byReason;
    for (const BulkItemResult &result : results) {
        if (result.outcome == outcome)
            ++byReason[reasonWords(result.reason)];
    }
    QList<std::pair<QString, int>> pairs;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
        pairs.append({it.key(), it.value()});
    // Most frequent first; ties by name, so that two runs print the same line.
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[words, n] : pairs)
        parts << QStringLiteral("%1: %2").arg(words).arg(n);
    return parts.join(QStringLiteral(", "));
}

QString BulkReport::doneClause() const
{
    const int done = count(Outcome::Done);
    const int failed = count(Outcome::Failed);
    const auto withReasons = [this](const QString &text, Outcome outcome) {
        const QString why = reasons(outcome);
        return why.isEmpty() ? text : text + QStringLiteral(" (") + why + u')';
    };
    switch (action) {
    case BulkAction::Test:
        if (!waitedForTests)
            return tr("%n test(s) started", nullptr, done);
        return tr("%n tested", nullptr, done + failed) + QStringLiteral(": ")
            + tr("%n valid", nullptr, done) + QStringLiteral(", ")
            + withReasons(tr("%n invalid", nullptr, failed), Outcome::Failed);
    case BulkAction::Deactivate:
        return tr("%n deactivated", nullptr, done);
    case BulkAction::Reactivate:
        return tr("%n reactivated", nullptr, done);
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
        QStringList parts;
        if (waitedForTests || valid > 0 || failed > 0) {
            parts << tr("%n valid", nullptr, valid)
                  << withReasons(tr("%n invalid", nullptr, failed), Outcome::Failed);
        }
        if (deactivated > 0)
            parts << tr("%n deactivated", nullptr, deactivated);
        QString text = tr("%n created", nullptr, done + failed);
        if (done + failed > 0 && !parts.isEmpty())
            text += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + u')';
        return text;
    }
    }
    return {};
}

QString BulkReport::summary() const
{
    QStringList clauses {doneClause()};
    const auto add = [&](Outcome outcome, const QString &text, bool withReasons) {
        if (count(outcome) == 0)
            return;
        const QString why = withReasons ? reasons(outcome) : QString();
        clauses << (why.isEmpty() ? text : text + QStringLiteral(" (") + why + u')');
    };
    add(Outcome::Skipped, tr("%n skipped", nullptr, count(Outcome::Skipped)), true);
    add(Outcome::Refused, tr("%n refused", nullptr, count(Outcome::Refused)), true);
    add(Outcome::Unknown,
        ending == Ending::Completed
            ? tr("%n unknown", nullptr, count(Outcome::Unknown))
            : tr("%n unknown (under way when it stopped)", nullptr, count(Outcome::Unknown)),
        ending == Ending::Completed);
    add(Outcome::NotDone, tr("%n not done", nullptr, count(Outcome::NotDone)), false);

    QString line = clauses.join(QStringLiteral(", "));
    switch (ending) {
    case Ending::Completed:
        break;
    case Ending::Cancelled:
        line = tr("Cancelled after %1 of %2: ").arg(total() - count(Outcome::NotDone)).arg(total())
            + line;
        break;
    case Ending::BackendGone:
        line = tr("Stopped after %1 of %2, the backend failed (%3): ")
                   .arg(total() - count(Outcome::NotDone))
                   .arg(total())
                   .arg(backendError ? backendError->message : tr("no answer"))
            + line;
        break;
    }
    return line + u'.';
}

QString BulkReport::text() const
{
    QStringList lines {summary()};
    for (const BulkItemResult &result : results) {
        if (result.outcome == Outcome::Done)
            continue;
        QString line = result.item.label() + QStringLiteral(": ") + outcomeWord(result);
        if (!result.reason.isEmpty())
            line += QStringLiteral(": ") + reasonWords(result.reason);
        if (!result.detail.isEmpty())
            line += QStringLiteral(" (") + result.detail + u')';
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace wa
