#pragma once

#include "phrase.h"

#include <QMap>
#include <QString>

#include <optional>

namespace wa {

// A failure as a value: what went wrong, in the service's own terms (its kind), with a sentence
// for a person and the fields at fault. No HTTP here: RestApi turns a kind into a status
// (core/server/httpstatus.h), RemoteService turns a remote's status back into a kind, the CLI
// into an exit code and the console into words.
//
// The sentence is kept twice: `message` in English, what the REST API sends, the logs and the
// CLI print whatever the locale; `messagePhrase`, the same words untranslated, which the console
// shows in the user's language (localizedMessage()). Words from elsewhere (a remote's answer)
// have no phrase and are shown as they came.
struct ApiError
{
    enum class Kind
    {
        // The request was wrong: nothing was changed.
        InvalidBody, // not JSON, or not an object
        InvalidParameter, // a field or parameter is missing, unknown or not allowed (params)
        BadRequest, // a request that is not well-formed HTTP
        Unauthorized, // no token, or a wrong one
        NotFound, // no such resource (or route)
        MethodNotAllowed, // a known path with a method it does not take
        PayloadTooLarge, // a body over the limit
        HeadersTooLarge, // too many or too long header fields
        LimitExceeded, // too much is waiting already: try again after retryAfterSeconds

        // The service could not do it.
        Unavailable, // not now (its database cannot be reached, too many connections)
        Internal, // a fault of the service itself

        // A remote said no in words we have no kind for: its code and status are kept.
        Refused,

        // The way to a remote.
        Network, // connection refused, host not found, connection dropped
        Timeout, // no answer in time
        Tls, // certificate or handshake failure (never ignored)
        BadResponse, // an answer that is not the API's JSON (a proxy page, say)
        Unsupported, // the backend does not offer this call

        // A command line that cannot be run as given.
        Usage,

        // A file of the user's could not be read or written (an export, say).
        File,
    };

    Kind kind = Kind::Internal;
    // The API's name of the kind ("invalid-parameter", "not-found", ...), or a remote's own
    // code for a Refused, or a transport's ("connection-refused"): what scripts match on.
    QString code;
    QString message; // one sentence for a person, in English
    Phrase messagePhrase; // the same sentence, to be translated where it is shown
    QMap<QString, QString> params; // field -> reason, where fields are at fault (English)
    QMap<QString, Phrase> paramPhrases; // the same reasons, to be translated
    int retryAfterSeconds = 0; // when to try again (LimitExceeded, Unavailable), 0: not known
    int remoteStatus = 0; // the HTTP status a remote answered with (RemoteService only)

    // An error of `kind` under the API's code for it. A QString message is taken as it is (words
    // of the wire, the CLI or elsewhere, never translated); a Phrase is ours, to be translated.
    static ApiError of(Kind kind, const Phrase &message, const QMap<QString, Phrase> &params = {});
    static ApiError of(Kind kind, const QString &message,
                       const QMap<QString, QString> &params = {});
    // An error of `kind` under a code of its own ("listen-failed", "connection-refused").
    static ApiError coded(Kind kind, const QString &code, const Phrase &message);
    static ApiError coded(Kind kind, const QString &code, const QString &message);
    // The API's code of a kind, and the kind of an API code (nullopt: a code we do not know).
    static QString codeOf(Kind kind);
    static std::optional<Kind> kindOf(const QString &code);

    static ApiError invalidBody(const Phrase &message);
    static ApiError invalidBody(const QString &message);
    static ApiError invalidParameter(const QString &field, const Phrase &reason);
    static ApiError invalidParameter(const QString &field, const QString &reason);
    static ApiError invalidParameters(const QMap<QString, Phrase> &params);
    static ApiError invalidParameters(const QMap<QString, QString> &params);
    static ApiError notFound(const Phrase &message);
    static ApiError notFound(const QString &message);
    static ApiError unauthorized();
    static ApiError methodNotAllowed(const QString &method, const QString &path);
    static ApiError payloadTooLarge(qint64 limit);
    // A fault of the service (the words of the database or the system go to the log, not here).
    static ApiError serverError(const Phrase &message);
    static ApiError serverError(const QString &message);
    static ApiError limitExceeded(const Phrase &message, int retryAfterSeconds);
    static ApiError limitExceeded(const QString &message, int retryAfterSeconds);
    // Not now (the database cannot be reached); try again later.
    static ApiError serviceUnavailable(const Phrase &message);
    static ApiError serviceUnavailable(const QString &message);
    // `what` the backend lacks: "the delivery log (attempts)".
    static ApiError unsupported(const Phrase &what);
    static ApiError unsupported(const QString &what);
    static ApiError usage(const QString &message);

    // Sets `message` and `messagePhrase` together.
    void setMessage(const Phrase &phrase);
    // The sentence and a field's reason as the console shows them: in the user's language where
    // they are ours, as they came otherwise (Phrase::localized).
    QString localizedMessage() const;
    QString localizedParam(const QString &field) const;
    // The sentence as a Phrase, to build a longer one on (Phrase::matching).
    Phrase words() const;

    // Whether the fault is the service's (worth retrying later), not the request's.
    bool isServerFault() const;

    // "invalid-parameter: url: must use http or https" style, for logs and the CLI's stderr.
    QString describe() const;
};

} // namespace wa
