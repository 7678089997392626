#include "apierror.h"

#include <QStringList>

#include <array>
#include <utility>

namespace wa {

namespace {

// The API's codes (API.md, "Errors"), one per kind that has one.
constexpr std::array<std::pair<ApiError::Kind, const char *>, 19> Codes {{
    {ApiError::Kind::InvalidBody, "invalid-body"},
    {ApiError::Kind::InvalidParameter, "invalid-parameter"},
    {ApiError::Kind::BadRequest, "bad-request"},
    {ApiError::Kind::Unauthorized, "unauthorized"},
    {ApiError::Kind::NotFound, "not-found"},
    {ApiError::Kind::MethodNotAllowed, "method-not-allowed"},
    {ApiError::Kind::PayloadTooLarge, "payload-too-large"},
    {ApiError::Kind::HeadersTooLarge, "header-fields-too-large"},
    {ApiError::Kind::LimitExceeded, "limit-exceeded"},
    {ApiError::Kind::Unavailable, "service-unavailable"},
    {ApiError::Kind::Internal, "server-error"},
    {ApiError::Kind::Refused, "refused"},
    {ApiError::Kind::Network, "network"},
    {ApiError::Kind::Timeout, "timeout"},
    {ApiError::Kind::Tls, "tls"},
    {ApiError::Kind::BadResponse, "bad-response"},
    {ApiError::Kind::Unsupported, "unsupported"},
    {ApiError::Kind::Usage, "usage"},
    {ApiError::Kind::File, "file-error"},
}};

} // namespace

QString ApiError::codeOf(Kind kind)
{
    for (const auto &[k, code] : Codes) {
        if (k == kind)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<ApiError::Kind> ApiError::kindOf(const QString &code)
{
    for (const auto &[kind, name] : Codes) {
        if (code == QLatin1String(name))
            return kind;
    }
    if (code == QLatin1String("server-busy"))
        return Kind::Unavailable;
    return std::nullopt;
}

ApiError ApiError::of(Kind kind, const Phrase &message, const QMap<QString, Phrase> &params)
{
    ApiError error;
    error.kind = kind;
    error.code = codeOf(kind);
    error.setMessage(message);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        error.params.insert(it.key(), it.value().english());
    error.paramPhrases = params;
    return error;
}

ApiError ApiError::of(Kind kind, const QString &message, const QMap<QString, QString> &params)
{
    QMap<QString, Phrase> phrases;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        phrases.insert(it.key(), Phrase::plain(it.value()));
    return of(kind, Phrase::plain(message), phrases);
}

ApiError ApiError::coded(Kind kind, const QString &code, const Phrase &message)
{
    ApiError error = of(kind, message);
    error.code = code;
    return error;
}

ApiError ApiError::coded(Kind kind, const QString &code, const QString &message)
{
    return coded(kind, code, Phrase::plain(message));
}

ApiError ApiError::invalidBody(const Phrase &message)
{
    return of(Kind::InvalidBody, message);
}

ApiError ApiError::invalidBody(const QString &message)
{
    return of(Kind::InvalidBody, message);
}

ApiError ApiError::invalidParameter(const QString &field, const Phrase &reason)
{
    return invalidParameters({{field, reason}});
}

ApiError ApiError::invalidParameter(const QString &field, const QString &reason)
{
    return invalidParameter(field, Phrase::plain(reason));
}

ApiError ApiError::invalidParameters(const QMap<QString, Phrase> &params)
{
    std::vector<Phrase> parts;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        parts.push_back(Phrase::plain(QStringLiteral("%1: %2")).arg(it.key()).arg(it.value()));
    return of(Kind::InvalidParameter,
              WA_PHRASE(QT_TRANSLATE_NOOP("ApiError", "Invalid parameter (%1)."))
                  .arg(Phrase::join(parts, QStringLiteral("; "))),
              params);
}

ApiError ApiError::invalidParameters(const QMap<QString, QString> &params)
{
    QMap<QString, Phrase> phrases;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        phrases.insert(it.key(), Phrase::plain(it.value()));
    return invalidParameters(phrases);
}

ApiError ApiError::notFound(const Phrase &message)
{
    return of(Kind::NotFound, message);
}

ApiError ApiError::notFound(const QString &message)
{
    return of(Kind::NotFound, message);
}

ApiError ApiError::unauthorized()
{
    return of(Kind::Unauthorized,
              WA_PHRASE(QT_TRANSLATE_NOOP("ApiError",
                                          "Authentication failed: send a valid 'Authorization: "
                                          "Token <key token>' header.")));
}

ApiError ApiError::methodNotAllowed(const QString &method, const QString &path)
{
    return of(
        Kind::MethodNotAllowed,
        WA_PHRASE(QT_TRANSLATE_NOOP("ApiError", "%1 is not allowed on %2.")).arg(method).arg(path));
}

ApiError ApiError::payloadTooLarge(qint64 limit)
{
    return of(Kind::PayloadTooLarge,
              WA_PHRASE(QT_TRANSLATE_NOOP("ApiError", "The request body is larger than %1 bytes."))
                  .arg(limit));
}

ApiError ApiError::serverError(const Phrase &message)
{
    return of(Kind::Internal, message);
}

ApiError ApiError::serverError(const QString &message)
{
    return of(Kind::Internal, message);
}

ApiError ApiError::limitExceeded(const Phrase &message, int retryAfterSeconds)
{
    ApiError error = of(Kind::LimitExceeded, message);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

ApiError ApiError::limitExceeded(const QString &message, int retryAfterSeconds)
{
    return limitExceeded(Phrase::plain(message), retryAfterSeconds);
}

ApiError ApiError::serviceUnavailable(const Phrase &message)
{
    return of(Kind::Unavailable, message);
}

ApiError ApiError::serviceUnavailable(const QString &message)
{
    return of(Kind::Unavailable, message);
}

ApiError ApiError::unsupported(const Phrase &what)
{
    return of(
        Kind::Unsupported,
        WA_PHRASE(QT_TRANSLATE_NOOP("ApiError", "This backend does not offer %1.")).arg(what));
}

ApiError ApiError::unsupported(const QString &what)
{
    return unsupported(Phrase::plain(what));
}

ApiError ApiError::usage(const QString &message)
{
    return of(Kind::Usage, message);
}

void ApiError::setMessage(const Phrase &phrase)
{
    message = phrase.english();
    messagePhrase = phrase;
}

QString ApiError::localizedMessage() const
{
    return Phrase::localized(messagePhrase, message);
}

Phrase ApiError::words() const
{
    return Phrase::matching(messagePhrase, message);
}

QString ApiError::localizedParam(const QString &field) const
{
    return Phrase::localized(paramPhrases.value(field), params.value(field));
}

bool ApiError::isServerFault() const
{
    return kind == Kind::Internal || kind == Kind::Unavailable
        || (kind == Kind::Refused && remoteStatus >= 500);
}

QString ApiError::describe() const
{
    return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
}

} // namespace wa
