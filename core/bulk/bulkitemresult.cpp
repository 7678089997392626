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
    default:
        break;
    }
    return error.isServerFault() || error.code == QLatin1String(RemoteErrors::Cancelled);
}

BulkItemResult BulkItemResult::fromError(const BulkItem &item, const ApiError &error)
{
    BulkItemResult result;
    result.item = item;
    result.error = error;
    result.reason = error.code.isEmpty() ? QStringLiteral("error") : error.code;
    result.setDetail(error.words());
    if (!isBackendFailure(error)) {
        result.outcome = Outcome::Refused;
        return result;
    }
    // A refused token or a failed TLS handshake come before the service reads the request: it
    // cannot have acted. Anything else may have come after it did: even "connection refused",
    // since QNetworkAccessManager silently resends a request whose kept-alive connection closed
    // without an answer, and it is the resend that finds the port closed.
    const bool neverReached
        = error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::Tls;
    result.outcome = neverReached ? Outcome::NotDone : Outcome::Unknown;
    return result;
}

void BulkItemResult::setDetail(const Phrase &phrase)
{
    detail = phrase.english();
    detailPhrase = phrase;
}

Phrase BulkItemResult::detailWords() const
{
    return Phrase::matching(detailPhrase, detail);
}

QString BulkItemResult::localizedDetail() const
{
    return Phrase::localized(detailPhrase, detail);
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
