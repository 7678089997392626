#include "apierror.h"

#include <QCoreApplication>
#include <QStringList>

namespace wa {

ApiError ApiError::invalidBody(const QString &message)
{
    return {Kind::Api, 400, QStringLiteral("invalid-body"), message, {}};
}

ApiError ApiError::invalidParameter(const QString &field, const QString &reason)
{
    return invalidParameters({{field, reason}});
}

ApiError ApiError::invalidParameters(const QMap<QString, QString> &params)
{
    QStringList parts;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        parts << it.key() + QStringLiteral(": ") + it.value();
    return {Kind::Api, 400, QStringLiteral("invalid-parameter"),
            QStringLiteral("Invalid parameter (%1).").arg(parts.join(QStringLiteral("; "))),
            params};
}

ApiError ApiError::notFound(const QString &message)
{
    return {Kind::Api, 404, QStringLiteral("not-found"), message, {}};
}

ApiError ApiError::unauthorized()
{
    return {Kind::Unauthorized, 401, QStringLiteral("unauthorized"),
            QStringLiteral("Authentication failed: send a valid 'Authorization: Token <key token>' "
                           "header."),
            {}};
}

ApiError ApiError::methodNotAllowed(const QString &method, const QString &path)
{
    return {Kind::Api, 405, QStringLiteral("method-not-allowed"),
            QStringLiteral("%1 is not allowed on %2.").arg(method, path), {}};
}

ApiError ApiError::payloadTooLarge(qint64 limit)
{
    return {Kind::Api, 413, QStringLiteral("payload-too-large"),
            QStringLiteral("The request body is larger than %1 bytes.").arg(limit), {}};
}

ApiError ApiError::serverError(const QString &message)
{
    return {Kind::Api, 500, QStringLiteral("server-error"), message, {}};
}

ApiError ApiError::serviceUnavailable(const QString &message)
{
    return {Kind::Api, 503, QStringLiteral("service-unavailable"), message, {}};
}

ApiError ApiError::unsupported(const QString &what)
{
    return {Kind::Unsupported, 0, QStringLiteral("unsupported"),
            QStringLiteral("This backend does not offer %1.").arg(what), {}};
}

QString ApiError::describe() const
{
    QString text = code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    return text;
}

} // namespace wa
