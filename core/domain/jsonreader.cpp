#include "jsonreader.h"

#include "jsoncodec.h"

#include <cmath>

namespace wa {

JsonReader::JsonReader(const QJsonObject &object, QString resource)
    : m_object(object)
    , m_resource(std::move(resource))
{
    const QJsonValue resourceValue = m_object.value(QStringLiteral("resource"));
    if (!resourceValue.isUndefined() && !resourceValue.isNull()
        && resourceValue.toString() != m_resource)
        fail("resource",
             WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is not \"%1\"")).arg(m_resource));
}

void JsonReader::fail(const char *field, const Phrase &reason)
{
    if (m_error)
        return;
    const QString name = QString::fromLatin1(field);
    m_error = ApiError::of(
        ApiError::Kind::BadResponse,
        WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::JsonReader", "The answer is not a valid %1: field \"%2\" %3."))
            .arg(m_resource)
            .arg(name)
            .arg(reason),
        {{name, reason}});
}

void JsonReader::failWith(const ApiError &error)
{
    if (!m_error)
        m_error = error;
}

QJsonValue JsonReader::value(const char *field) const
{
    return m_object.value(QString::fromLatin1(field));
}

QString JsonReader::id(const char *field, bool required)
{
    const QJsonValue v = value(field);
    if (v.isString() || v.isDouble()) {
        const QString text = JsonCodec::decodeId(v);
        if (required && text.isEmpty())
            fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is empty")));
        return text;
    }
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is missing")));
        return {};
    }
    fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be a string or a number")));
    return {};
}

QString JsonReader::string(const char *field, bool required, const QString &fallback)
{
    const QJsonValue v = value(field);
    if (v.isString())
        return v.toString();
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is missing")));
        return fallback;
    }
    fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be a string")));
    return fallback;
}

QDateTime JsonReader::date(const char *field, bool required)
{
    const QJsonValue v = value(field);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is missing")));
        return {};
    }
    if (!v.isString()) {
        fail(field,
             WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be an ISO 8601 datetime string")));
        return {};
    }
    const auto parsed = JsonCodec::parseDateTime(v.toString());
    if (!parsed) {
        fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is not an ISO 8601 datetime")));
        return {};
    }
    return *parsed;
}

qint64 JsonReader::integer(const char *field, qint64 fallback)
{
    const QJsonValue v = value(field);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e15) {
        fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be an integer")));
        return fallback;
    }
    return static_cast<qint64>(d);
}

bool JsonReader::boolean(const char *field, bool fallback)
{
    const QJsonValue v = value(field);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be true or false")));
        return fallback;
    }
    return v.toBool();
}

QJsonObject JsonReader::object(const char *field)
{
    const QJsonValue v = value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be an object")));
        return {};
    }
    return v.toObject();
}

QByteArray JsonReader::bytes(const char *field)
{
    const QJsonValue v = value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString().toUtf8();
    const QJsonValue encoded = v.toObject().value(QStringLiteral("base64"));
    if (v.isObject() && encoded.isString()) {
        auto decoded = QByteArray::fromBase64Encoding(encoded.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            return *decoded;
    }
    fail(field,
         WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "must be a string or {\"base64\": ...}")));
    return {};
}

} // namespace wa
