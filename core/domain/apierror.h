#pragma once

#include <QMap>
#include <QString>

namespace wa {

// A failure as a value: what the API (or the way to it) refused, in words a person can act on.
struct ApiError
{
    // Where the failure came from; the CLI maps it to its exit code, the UI to its wording.
    enum class Kind {
        Api,          // the service answered with an error body (status + code)
        Unauthorized, // 401: the token was refused
        Network,      // connection refused, host not found, connection dropped
        Timeout,      // no answer in time
        Tls,          // certificate or handshake failure (never ignored)
        BadResponse,  // an answer that is not the API's JSON (a proxy page, say)
        Unsupported,  // the backend does not offer this call
    };

    Kind kind = Kind::Api;
    int status = 0;             // HTTP status, 0 when there was no HTTP answer
    QString code;               // kebab-case API code: "invalid-parameter", "not-found", ...
    QString message;            // one sentence for a person
    QMap<QString, QString> params; // field -> reason, where fields are at fault

    static ApiError invalidBody(const QString &message);
    static ApiError invalidParameter(const QString &field, const QString &reason);
    static ApiError invalidParameters(const QMap<QString, QString> &params);
    static ApiError notFound(const QString &message);
    static ApiError unauthorized();
    static ApiError methodNotAllowed(const QString &method, const QString &path);
    static ApiError payloadTooLarge(qint64 limit);
    static ApiError serverError(const QString &message);
    // 503: the service cannot do it now (its database cannot be reached); retry later.
    static ApiError serviceUnavailable(const QString &message);
    static ApiError unsupported(const QString &what);

    // "invalid-parameter: url: must use http or https" style, for logs and the CLI's stderr.
    QString describe() const;
};

} // namespace wa
