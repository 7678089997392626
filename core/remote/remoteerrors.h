#pragma once

#include "apierror.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QStringList>
#include <QUrl>

// How RemoteService turns a finished QNetworkReply into a value or an ApiError a person can act
// on. Kept apart from the request plumbing so that the wording lives in one place.
namespace wa::RemoteErrors {

// The `code` of errors that never came from the API itself (ApiError::code).
inline constexpr auto ConnectionRefused = "connection-refused";
inline constexpr auto HostNotFound = "host-not-found";
inline constexpr auto ConnectionDropped = "connection-dropped";
inline constexpr auto NetworkError = "network-error";
inline constexpr auto Timeout = "timeout";
inline constexpr auto TlsError = "tls-error";
inline constexpr auto BadResponse = "bad-response";
inline constexpr auto Redirected = "redirected";
inline constexpr auto Cancelled = "cancelled";

struct Outcome
{
    Result<QJsonObject> result;
    bool retryable = false; // connection failure or 5xx: an idempotent request may be repeated
};

struct ReplyFacts
{
    QUrl url;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int status = 0; // 0: no HTTP answer
    QByteArray contentType;
    QByteArray location; // of a 3xx
    QByteArray body;
    QStringList sslErrors; // QSslError::errorString() of each sslErrors() report
    bool timedOut = false; // our own timer fired
    int timeoutMs = 0;
};

Outcome classify(const ReplyFacts &facts);

ApiError timeout(const QUrl &url, int timeoutMs);
// An error answer: its body as the API writes it, and what its HTTP status says where the body
// does not (a proxy's page, an older API).
ApiError fromErrorAnswer(int status, const QJsonObject &body);
ApiError cancelled();

} // namespace wa::RemoteErrors
