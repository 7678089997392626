#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace wa {

struct ApiError;

// The answer RestApi gives: a status and a JSON object (every answer, errors included, is
// JSON), plus any extra headers (Allow on a 405).
struct HttpReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // The body already written as JSON text (a list of configs joined from cached texts); when set it is
    // sent instead of `body`.
    QByteArray text;

    // The error body of API.md, answered with the error's status (500 when it has none).
    static HttpReply fromError(const ApiError &error);
    // Compact JSON text of `body`.
    QByteArray bodyBytes() const;
};

} // namespace wa
