#pragma once

#include "phrase.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace wa {

// The Ricloud-Signature header: "t=<unix seconds>,s=<base64 HMAC-SHA256(secret, "<t>." + body)>".
// Used by the deliverer (sign), the receiver and the CLI (verify).
class Signature final
{
public:
    static constexpr int DefaultWindowSeconds = 600;
    static constexpr int DefaultFutureSkewSeconds = 60;
    static constexpr auto HeaderName = "Ricloud-Signature";

    // Base64 (standard, padded) HMAC-SHA256 over "<timestamp>." + body.
    static QByteArray compute(QByteArrayView secret, qint64 timestamp, QByteArrayView body);
    // The whole header value.
    static QByteArray header(QByteArrayView secret, qint64 timestamp, QByteArrayView body);

    struct Parsed
    {
        qint64 timestamp = 0;
        QByteArray signature; // base64 text as sent
    };
    // nullopt with `problem` set when the header is malformed (says what is wrong).
    static std::optional<Parsed> parse(QByteArrayView header, QString *problem = nullptr);
    // The same, with the problem as a Phrase, to be shown in the user's language.
    static std::optional<Parsed> parse(QByteArrayView header, Phrase *problem);

    enum class Verdict
    {
        Valid,
        MissingHeader,
        MalformedHeader,
        Mismatch,
        TooOld,
        TooNew
    };

    struct Verification
    {
        Verdict verdict = Verdict::MissingHeader;
        QString detail; // a sentence for a person: what is wrong, by how much
        qint64 ageSeconds = 0; // now - t (negative: from the future)
        bool valid() const { return verdict == Verdict::Valid; }
    };

    // `header` empty means no header. Compares in constant time. A timestamp older than
    // `windowSeconds` or more than `futureSkewSeconds` ahead of `now` is refused.
    static Verification verify(QByteArrayView secret, QByteArrayView header, QByteArrayView body,
                               const QDateTime &now = QDateTime::currentDateTimeUtc(),
                               int windowSeconds = DefaultWindowSeconds,
                               int futureSkewSeconds = DefaultFutureSkewSeconds);

    static QString verdictName(Verdict verdict); // "valid", "missing-header", ...

    // Constant-time equality (OpenSSL CRYPTO_memcmp); false at once only for different lengths.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace wa
