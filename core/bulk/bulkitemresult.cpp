#include "bulkitemresult.h"

#include "remoteerrors.h"

namespace wa {

bool BulkItemResult::isBackendFailure(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::Unauthorized:
        return true;
    case ApiError::Kind::Api:
    case ApiError::Kind::Unsupported:
        break;
    }
    return error.status >= 500 || error.code == QLatin1String(RemoteErrors::Cancelled);
}

BulkItemResult BulkItemResult::fromError(const BulkItem &item, const ApiError &error)
{
    BulkItemResult result;
    result.item = item;
    result.error = error;
    result.reason = error.code.isEmpty() ? QStringLiteral("error") : error.code;
    result.detail = error.message;
    if (!isBackendFailure(error)) {
        result.outcome = Outcome::Refused;
        return result;
    }
    // A connection that was never made, or a token refused before anything was read, cannot
    // have changed anything; any other failure may have come after the service acted.
    const bool neverReached = error.code == QLatin1String(RemoteErrors::ConnectionRefused)
        || error.code == QLatin1String(RemoteErrors::HostNotFound)
        || error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::Tls;
    result.outcome = neverReached ? Outcome::NotDone : Outcome::Unknown;
    return result;
}

BulkItemResult BulkItemResult::fromTest(const BulkItem &item, const Task &task)
{
    BulkItemResult result;
    result.item = item;
    result.task = task;
    if (task.state == TaskState::Succeeded) {
        result.outcome = Outcome::Done;
        result.reason = QStringLiteral("valid");
    } else {
        result.outcome = Outcome::Failed;
        result.reason = task.error.isEmpty() ? QStringLiteral("failed") : task.error;
    }
    return result;
}

} // namespace wa
