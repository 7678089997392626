#include "receivedrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace wa {

std::optional<QByteArray> ReceivedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

std::optional<QString> ReceivedRequest::bodyText() const
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(body);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString ReceivedRequest::prettyJson() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QJsonObject ReceivedRequest::toJson() const
{
    QJsonArray headerList;
    for (const auto &[key, value] : headers)
        headerList.append(QJsonArray {QString::fromLatin1(key), QString::fromLatin1(value)});
    QJsonObject object {
        {QStringLiteral("sequence"), sequence},
        {QStringLiteral("time"), receivedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), method},
        {QStringLiteral("path"), path},
        {QStringLiteral("event_id"), eventId},
        {QStringLiteral("headers"), headerList},
        {QStringLiteral("verdict"), verdict.name()},
        {QStringLiteral("detail"), verdict.detail},
        {QStringLiteral("status"), responseStatus},
        {QStringLiteral("answered"), answered},
    };
    if (!query.isEmpty())
        object.insert(QStringLiteral("query"), query);
    if (verdict.timestamp)
        object.insert(QStringLiteral("timestamp"), *verdict.timestamp);
    if (const auto text = bodyText())
        object.insert(QStringLiteral("body"), *text);
    else
        object.insert(QStringLiteral("body_base64"), QString::fromLatin1(body.toBase64()));
    if (bodyTruncated)
        object.insert(QStringLiteral("body_truncated"), true);
    return object;
}

} // namespace wa
