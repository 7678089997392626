#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace wa {

// Reads the fields a JsonCodec decoder needs and remembers the first one that is missing or
// mistyped, as a BadResponse error that names it. Internal to the codec.
class JsonReader final
{
public:
    JsonReader(const QJsonObject &object, QString resource);

    bool failed() const { return m_error.has_value(); }
    const ApiError &error() const { return *m_error; }

    void fail(const char *field, const Phrase &reason);
    void failWith(const ApiError &error);

    QJsonValue value(const char *field) const;

    // An ID: a string or a number. Null or absent is an empty string unless required.
    QString id(const char *field, bool required = false);
    // A string; null or absent gives `fallback` unless required.
    QString string(const char *field, bool required = false, const QString &fallback = {});
    // A datetime; null or absent is an invalid QDateTime unless required.
    QDateTime date(const char *field, bool required = false);
    qint64 integer(const char *field, qint64 fallback = 0);
    bool boolean(const char *field, bool fallback = false);
    QJsonObject object(const char *field);
    // A UTF-8 string or {"base64": ...}: the form JsonCodec writes bodies in.
    QByteArray bytes(const char *field);

    template<typename E>
    E state(const char *field, std::optional<E> (*fromString)(QStringView), E fallback,
            bool required)
    {
        const QJsonValue v = value(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is missing")));
            return fallback;
        }
        const auto parsed = fromString(v.toString());
        if (!v.isString() || !parsed) {
            fail(field, WA_PHRASE(QT_TRANSLATE_NOOP("wa::JsonReader", "is not a known state")));
            return fallback;
        }
        return *parsed;
    }

private:
    QJsonObject m_object;
    QString m_resource;
    std::optional<ApiError> m_error;
};

} // namespace wa
