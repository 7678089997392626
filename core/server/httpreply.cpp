#include "httpreply.h"

#include "apierror.h"
#include "httpstatus.h"
#include "jsoncodec.h"

#include <QJsonDocument>

namespace wa {

HttpReply HttpReply::fromError(const ApiError &error)
{
    HttpReply reply;
    reply.status = httpStatus(error);
    // A failure on the way to somewhere else (never the case for the local service) is a
    // fault of ours for a client: server-error, never the input's.
    const bool apiKind = error.kind != ApiError::Kind::Network
        && error.kind != ApiError::Kind::Timeout && error.kind != ApiError::Kind::Tls
        && error.kind != ApiError::Kind::BadResponse && error.kind != ApiError::Kind::Unsupported;
    reply.body = JsonCodec::toJson(
        apiKind
            ? error
            : ApiError::serverError(error.message.isEmpty() ? error.describe() : error.message));
    if (error.retryAfterSeconds > 0)
        reply.headers.append({"Retry-After", QByteArray::number(error.retryAfterSeconds)});
    return reply;
}

HttpReply HttpReply::refusal(int status, const QString &code, const QString &message)
{
    ApiError error = ApiError::of(ApiError::Kind::BadRequest, message);
    error.code = code;
    HttpReply reply;
    reply.status = status;
    reply.body = JsonCodec::toJson(error);
    return reply;
}

QByteArray HttpReply::bodyBytes() const
{
    if (!text.isEmpty())
        return text;
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace wa
