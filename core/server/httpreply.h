#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace wa {

struct ApiError;

// The answer RestApi gives: a status and a JSON object (every answer, errors included, is
// JSON), plus any extra headers (Allow on a 405).
struct HttpReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // The body already written as JSON text (a list of configs joined from cached texts); when set
    // it is sent instead of `body`.
    QByteArray text;

    // The error body of API.md, answered with the status of the error's kind (httpstatus.h).
    static HttpReply fromError(const ApiError &error);
    // A refusal of the HTTP layer itself (a malformed request, too many connections): its own
    // status and code, the same JSON body.
    static HttpReply refusal(int status, const QString &code, const QString &message);
    // Compact JSON text of `body`.
    QByteArray bodyBytes() const;
};

} // namespace wa
