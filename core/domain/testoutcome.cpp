#include "testoutcome.h"

namespace wa {

TestOutcome TestOutcome::fromTask(const Task &task, const DeliveryAttempt *attempt)
{
    TestOutcome outcome;
    outcome.configId = task.target;
    outcome.taskId = task.id;
    outcome.state = task.state;
    if (!task.finished()) {
        outcome.date = task.dateStarted.isValid() ? task.dateStarted : task.dateCreated;
        return outcome;
    }
    outcome.error = task.state == TaskState::Failed ? task.error : QString();
    outcome.date = task.dateCompleted.isValid() ? task.dateCompleted : task.dateCreated;
    if (attempt) {
        outcome.httpStatus = attempt->responseStatus;
        outcome.latencyMs = attempt->latencyMs;
        outcome.reasonPhrase = describeAttempt(*attempt);
        if (outcome.error.isEmpty() && task.state == TaskState::Failed)
            outcome.error = attempt->error;
    } else if (task.state == TaskState::Failed) {
        outcome.reasonPhrase = describeError(task.error);
    }
    outcome.reason = outcome.reasonPhrase.english();
    return outcome;
}

Phrase TestOutcome::describeError(const QString &code)
{
    if (code == QLatin1String(TaskError::Refused))
        return WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::TestOutcome", "connection refused or host not found"));
    if (code == QLatin1String(TaskError::Timeout))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "no answer within 10 s"));
    if (code == QLatin1String(TaskError::Tls))
        return WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::TestOutcome", "TLS certificate or handshake failure"));
    if (code == QLatin1String(TaskError::Redirect))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "redirect (not followed)"));
    if (code == QLatin1String(TaskError::Rejected))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "rejected by the receiver"));
    if (code.isEmpty())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "failed"));
    return Phrase::plain(code);
}

Phrase TestOutcome::describeAttempt(const DeliveryAttempt &attempt)
{
    if (attempt.succeeded())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "HTTP %1, %2 ms"))
            .arg(attempt.responseStatus)
            .arg(attempt.latencyMs);
    const QString &code = attempt.error;
    if (code == QLatin1String(TaskError::Refused)) {
        if (attempt.errorDetail.contains(QLatin1String("not found"), Qt::CaseInsensitive))
            return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "host not found"));
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "connection refused"));
    }
    if (code == QLatin1String(TaskError::Rejected) && attempt.responseStatus > 0)
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "HTTP %1 from receiver"))
            .arg(attempt.responseStatus);
    if (code == QLatin1String(TaskError::Redirect) && attempt.responseStatus > 0)
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "HTTP %1 redirect (not followed)"))
            .arg(attempt.responseStatus);
    if (code == QLatin1String(TaskError::Tls) && !attempt.errorDetail.isEmpty())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TestOutcome", "TLS: %1")).arg(attempt.errorDetail);
    return describeError(code);
}

} // namespace wa
