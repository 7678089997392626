#include "teststatus.h"

#include <QLocale>

namespace wa {

TestStatus TestStatus::fromOutcome(const TestOutcome &outcome)
{
    TestStatus status;
    status.taskId = outcome.taskId;
    status.reason = outcome.localizedReason();
    if (!outcome.finished()) {
        status.phase = Phase::Running;
        status.started = outcome.date;
        return status;
    }
    status.phase = outcome.passed() ? Phase::Passed : Phase::Failed;
    status.finished = outcome.date;
    return status;
}

QString TestStatus::text() const
{
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::NeverTested:
        return tr("not tested");
    case Phase::Running:
        return tr("testing…");
    case Phase::Passed:
        return reason.isEmpty() ? tr("valid") : tr("valid · %1").arg(reason);
    case Phase::Failed:
        return reason.isEmpty() ? tr("invalid") : tr("invalid · %1").arg(reason);
    }
    return {};
}

QString TestStatus::longText() const
{
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::NeverTested:
        return tr("Not tested yet.");
    case Phase::Running:
        return started.isValid()
            ? tr("Testing since %1…")
                  .arg(QLocale().toString(started.toLocalTime().time(), QLocale::LongFormat))
            : tr("Testing…");
    case Phase::Passed:
    case Phase::Failed:
        break;
    }
    const QString outcome = phase == Phase::Passed
        ? (reason.isEmpty() ? tr("Passed") : tr("Passed: %1").arg(reason))
        : (reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(reason));
    if (!finished.isValid())
        return outcome;
    return tr("%1 (%2)").arg(outcome,
                             QLocale().toString(finished.toLocalTime(), QLocale::ShortFormat));
}

} // namespace wa
