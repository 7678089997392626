#include "httpreply.h"

#include "apierror.h"
#include "jsoncodec.h"

#include <QJsonDocument>

namespace wa {

HttpReply HttpReply::fromError(const ApiError &error)
{
    HttpReply reply;
    // An error without an HTTP status of its own is a fault of ours, never of the input.
    const bool httpError = error.status >= 400 && error.status <= 599;
    reply.status = httpError ? error.status : 500;
    if (httpError) {
        reply.body = JsonCodec::toJson(error);
    } else {
        reply.body = JsonCodec::toJson(
            ApiError::serverError(error.message.isEmpty() ? error.describe() : error.message));
    }
    if (error.retryAfterSeconds > 0)
        reply.headers.append({"Retry-After", QByteArray::number(error.retryAfterSeconds)});
    return reply;
}

QByteArray HttpReply::bodyBytes() const
{
    if (!text.isEmpty())
        return text;
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace wa
