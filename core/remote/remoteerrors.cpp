#include "remoteerrors.h"

#include "jsoncodec.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace wa::RemoteErrors {

namespace {

QString hostOf(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = url.port(defaultPort);
    return port == defaultPort ? url.host() : url.host() + u':' + QString::number(port);
}

ApiError transportError(ApiError::Kind kind, const char *code, const Phrase &message)
{
    ApiError error;
    error.kind = kind;
    error.code = QString::fromLatin1(code);
    error.setMessage(message);
    return error;
}

Phrase contentTypeText(const QByteArray &contentType)
{
    return contentType.isEmpty()
        ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors", "no content type"))
        : Phrase::plain(QString::fromLatin1(contentType));
}

Outcome networkFailure(const ReplyFacts &facts)
{
    const QString host = hostOf(facts.url);
    switch (facts.error) {
    case QNetworkReply::ConnectionRefusedError:
        return {transportError(
                    ApiError::Kind::Network, ConnectionRefused,
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                "Could not connect to %1: the connection was "
                                                "refused. Is the server running on that port?"))
                        .arg(host)),
                true};
    case QNetworkReply::HostNotFoundError:
        // A DNS failure will not mend itself within a few seconds: not retried.
        return {transportError(ApiError::Kind::Network, HostNotFound,
                               WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                           "The host %1 was not found (DNS lookup "
                                                           "failed). Check the URL."))
                                   .arg(facts.url.host())),
                false};
    case QNetworkReply::RemoteHostClosedError:
        return {transportError(ApiError::Kind::Network, ConnectionDropped,
                               WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                           "%1 closed the connection before the "
                                                           "answer was complete."))
                                   .arg(host)),
                true};
    case QNetworkReply::TimeoutError:
        return {timeout(facts.url, facts.timeoutMs), false};
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return {transportError(ApiError::Kind::Network, NetworkError,
                               WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                           "The network failed while talking to "
                                                           "%1: %2."))
                                   .arg(host)
                                   .arg(facts.errorString)),
                true};
    default:
        return {transportError(
                    ApiError::Kind::Network, NetworkError,
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors", "Could not talk to %1: %2."))
                        .arg(host)
                        .arg(facts.errorString)),
                false};
    }
}

ApiError tlsError(const ReplyFacts &facts)
{
    QStringList problems = facts.sslErrors;
    problems.removeDuplicates();
    const QString what
        = problems.isEmpty() ? facts.errorString : problems.join(QStringLiteral("; "));
    return transportError(ApiError::Kind::Tls, TlsError,
                          WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                      "The TLS connection to %1 was refused: %2. "
                                                      "The certificate is not trusted, so nothing "
                                                      "was sent."))
                              .arg(hostOf(facts.url))
                              .arg(what));
}

ApiError badResponse(const ReplyFacts &facts, const Phrase &why)
{
    ApiError error = transportError(
        ApiError::Kind::BadResponse, BadResponse,
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors", "%1 answered HTTP %2 with %3, %4."))
            .arg(hostOf(facts.url))
            .arg(facts.status)
            .arg(contentTypeText(facts.contentType))
            .arg(why));
    error.remoteStatus = facts.status;
    return error;
}

} // namespace

ApiError timeout(const QUrl &url, int timeoutMs)
{
    return transportError(
        ApiError::Kind::Timeout, Timeout,
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors", "No answer from %1 within %2 seconds."))
            .arg(hostOf(url))
            .arg(QString::number(timeoutMs / 1000.0, 'g', 3)));
}

ApiError cancelled()
{
    return transportError(
        ApiError::Kind::Network, Cancelled,
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                    "The request was cancelled before it finished.")));
}

Outcome classify(const ReplyFacts &facts)
{
    if (facts.timedOut)
        return {timeout(facts.url, facts.timeoutMs), false};
    if (facts.error == QNetworkReply::SslHandshakeFailedError || !facts.sslErrors.isEmpty())
        return {tlsError(facts), false};

    // Errors 1..199 are the network and proxy layers: no (complete) HTTP answer, whatever
    // status line may have arrived before the connection dropped.
    const int code = int(facts.error);
    if ((code > 0 && code < 200) || facts.status == 0) {
        if (facts.error == QNetworkReply::NoError || code >= 300)
            return {badResponse(facts,
                                WA_PHRASE(QT_TRANSLATE_NOOP(
                                    "wa::RemoteErrors", "which is not a readable HTTP answer"))),
                    false};
        return networkFailure(facts);
    }

    if (facts.status >= 300 && facts.status < 400) {
        ApiError error = transportError(
            ApiError::Kind::BadResponse, Redirected,
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                        "%1 redirected to %2 (HTTP %3); redirects are not "
                                        "followed, so that the token is only sent where you "
                                        "meant: use that address as the URL."))
                .arg(hostOf(facts.url))
                .arg(QString::fromUtf8(facts.location))
                .arg(facts.status));
        error.remoteStatus = facts.status;
        return {error, false};
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(facts.body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const bool serverFault = facts.status >= 500;

    if (facts.status >= 200 && facts.status < 300) {
        if (!isObject)
            return {badResponse(facts,
                                WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                            "not the API's JSON object"))),
                    false};
        return {document.object(), false};
    }

    if (facts.status == 401) {
        ApiError error = ApiError::unauthorized();
        error.remoteStatus = 401;
        error.setMessage(WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                     "The token was refused by %1 (HTTP 401): "
                                                     "check the API token."))
                             .arg(hostOf(facts.url)));
        return {error, false};
    }

    if (!isObject || !document.object().value(QLatin1String("error")).isString()) {
        return {badResponse(facts,
                            WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                        "not the API's JSON: a proxy or another "
                                                        "service may be in the way"))),
                serverFault};
    }
    return {fromErrorAnswer(facts.status, document.object()), serverFault};
}

ApiError fromErrorAnswer(int status, const QJsonObject &body)
{
    ApiError error = JsonCodec::errorFromJson(body);
    error.remoteStatus = status;
    if (status == 401)
        error.kind = ApiError::Kind::Unauthorized;
    if (error.code.isEmpty()) {
        // Not our error body (a proxy, an older API): the status is all there is.
        switch (status) {
        case 400:
            error.kind = ApiError::Kind::InvalidParameter;
            break;
        case 401:
            error.kind = ApiError::Kind::Unauthorized;
            break;
        case 404:
            error.kind = ApiError::Kind::NotFound;
            break;
        case 405:
            error.kind = ApiError::Kind::MethodNotAllowed;
            break;
        case 413:
            error.kind = ApiError::Kind::PayloadTooLarge;
            break;
        case 429:
            error.kind = ApiError::Kind::LimitExceeded;
            break;
        case 503:
            error.kind = ApiError::Kind::Unavailable;
            break;
        default:
            error.kind = status >= 500 ? ApiError::Kind::Internal : ApiError::Kind::Refused;
        }
        error.code = error.kind == ApiError::Kind::Refused ? QStringLiteral("http-%1").arg(status)
                                                           : ApiError::codeOf(error.kind);
    }
    if (error.message.isEmpty())
        error.setMessage(WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteErrors",
                                                     "The service answered with HTTP status %1."))
                             .arg(status));
    return error;
}

} // namespace wa::RemoteErrors
