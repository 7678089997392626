#include "teststatus.h"

#include <QCoreApplication>

namespace wa {

QString TestStatus::describeTaskError(const QString &code)
{
    if (code == QLatin1String(TaskError::Refused))
        return tr("connection refused or host not found");
    if (code == QLatin1String(TaskError::Timeout))
        return tr("no answer within 10 seconds");
    if (code == QLatin1String(TaskError::Tls))
        return tr("TLS certificate or handshake failure");
    if (code == QLatin1String(TaskError::Redirect))
        return tr("redirect from receiver (not followed)");
    if (code == QLatin1String(TaskError::Rejected))
        return tr("rejected by receiver (non-2xx answer)");
    return code;
}

QString TestStatus::describeAttempt(const DeliveryAttempt &attempt)
{
    if (attempt.succeeded()) {
        return tr("HTTP %1 in %2 ms").arg(attempt.responseStatus).arg(attempt.latencyMs);
    }
    const QString &code = attempt.error;
    if (code == QLatin1String(TaskError::Refused)) {
        if (attempt.errorDetail.contains(QLatin1String("not found"), Qt::CaseInsensitive))
            return tr("host not found");
        return tr("connection refused");
    }
    if (code == QLatin1String(TaskError::Rejected) && attempt.responseStatus > 0)
        return tr("HTTP %1 from receiver").arg(attempt.responseStatus);
    if (code == QLatin1String(TaskError::Redirect) && attempt.responseStatus > 0)
        return tr("HTTP %1 redirect from receiver (not followed)").arg(attempt.responseStatus);
    if (code == QLatin1String(TaskError::Tls) && !attempt.errorDetail.isEmpty())
        return tr("TLS failure: %1").arg(attempt.errorDetail);
    return describeTaskError(code);
}

QString TestStatus::text() const
{
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::Running:
        return tr("Testing…");
    case Phase::Passed:
        return reason.isEmpty() ? tr("Passed") : tr("Passed: %1").arg(reason);
    case Phase::Failed:
        return reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(reason);
    }
    return {};
}

} // namespace wa
