#include "signature.h"

#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace wa {

namespace {

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

QString secondsText(qint64 seconds)
{
    return seconds == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(seconds);
}

} // namespace

QByteArray Signature::compute(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    const QByteArray prefix = QByteArray::number(timestamp) + '.';
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    // HMAC() takes the message in one piece; building it costs a copy of the body, which is small
    // (events are a few hundred bytes, bodies are capped at 1 MiB).
    QByteArray message;
    message.reserve(prefix.size() + body.size());
    message.append(prefix);
    message.append(body.data(), body.size());
    static const unsigned char emptyKey = 0;
    const unsigned char *keyData
        = secret.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(secret.data());
    if (!HMAC(EVP_sha256(), keyData, static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char *>(message.constData()),
              static_cast<size_t>(message.size()), digest, &digestLength))
        qFatal("HMAC-SHA256 failed"); // OpenSSL is broken: never send an unsigned event
    const QByteArray result
        = QByteArray(reinterpret_cast<const char *>(digest), digestLength).toBase64();
    OPENSSL_cleanse(digest, sizeof digest);
    return result;
}

QByteArray Signature::header(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    return "t=" + QByteArray::number(timestamp) + ",s=" + compute(secret, timestamp, body);
}

std::optional<Signature::Parsed> Signature::parse(QByteArrayView header, QString *problem)
{
    Phrase words;
    auto parsed = parse(header, &words);
    if (problem)
        *problem = words.english();
    return parsed;
}

std::optional<Signature::Parsed> Signature::parse(QByteArrayView header, Phrase *problem)
{
    const auto fail = [problem](const Phrase &text) -> std::optional<Parsed> {
        if (problem)
            *problem = text;
        return std::nullopt;
    };
    const QByteArray text = header.toByteArray().trimmed();
    if (text.isEmpty())
        return fail(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Signature", "The signature header is empty.")));
    std::optional<QByteArray> t;
    std::optional<QByteArray> s;
    const QList<QByteArray> parts = text.split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype equals = part.indexOf('=');
        if (equals <= 0)
            return fail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Signature",
                                                    "The signature header has a part without a "
                                                    "key=value form: \"%1\"."))
                            .arg(QString::fromLatin1(part.left(40))));
        const QByteArray name = part.left(equals).trimmed();
        const QByteArray value = part.mid(equals + 1).trimmed();
        // Unknown parts (a future version tag, say) are ignored; the first t and s count.
        if (name == "t" && !t)
            t = value;
        else if (name == "s" && !s)
            s = value;
    }
    if (!t)
        return fail(WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::Signature", "The signature header has no timestamp (t=...).")));
    if (!isDigits(*t) || t->size() > 15)
        return fail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Signature",
                                                "The signature timestamp is not an integer of "
                                                "Unix seconds: \"%1\"."))
                        .arg(QString::fromLatin1(t->left(40))));
    if (!s)
        return fail(WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::Signature", "The signature header has no signature (s=...).")));
    if (s->isEmpty())
        return fail(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Signature", "The signature (s=...) is empty.")));
    const auto decoded
        = QByteArray::fromBase64Encoding(*s, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Signature", "The signature (s=...) is not base64.")));
    Parsed parsed;
    parsed.timestamp = t->toLongLong();
    parsed.signature = *s;
    return parsed;
}

Signature::Verification Signature::verify(QByteArrayView secret, QByteArrayView header,
                                          QByteArrayView body, const QDateTime &now,
                                          int windowSeconds, int futureSkewSeconds)
{
    Verification result;
    if (header.trimmed().isEmpty()) {
        result.verdict = Verdict::MissingHeader;
        result.detail
            = QStringLiteral("The request has no %1 header.").arg(QString::fromLatin1(HeaderName));
        return result;
    }
    QString problem;
    const auto parsed = parse(header, &problem);
    if (!parsed) {
        result.verdict = Verdict::MalformedHeader;
        result.detail = problem;
        return result;
    }
    result.ageSeconds = now.toSecsSinceEpoch() - parsed->timestamp;
    // The signature first: a forged header learns nothing about the clock check.
    const QByteArray expected = compute(secret, parsed->timestamp, body);
    if (!constantTimeEquals(expected, parsed->signature)) {
        result.verdict = Verdict::Mismatch;
        result.detail = QStringLiteral("The signature does not match the body and the secret.");
        return result;
    }
    if (result.ageSeconds > windowSeconds) {
        result.verdict = Verdict::TooOld;
        result.detail = QStringLiteral("The timestamp is %1 old (the window is %2).")
                            .arg(secondsText(result.ageSeconds), secondsText(windowSeconds));
        return result;
    }
    if (-result.ageSeconds > futureSkewSeconds) {
        result.verdict = Verdict::TooNew;
        result.detail = QStringLiteral("The timestamp is %1 in the future (at most %2 is "
                                       "allowed).")
                            .arg(secondsText(-result.ageSeconds), secondsText(futureSkewSeconds));
        return result;
    }
    result.verdict = Verdict::Valid;
    result.detail = QStringLiteral("The signature is valid.");
    return result;
}

QString Signature::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return QStringLiteral("valid");
    case Verdict::MissingHeader:
        return QStringLiteral("missing-header");
    case Verdict::MalformedHeader:
        return QStringLiteral("malformed-header");
    case Verdict::Mismatch:
        return QStringLiteral("mismatch");
    case Verdict::TooOld:
        return QStringLiteral("too-old");
    case Verdict::TooNew:
        return QStringLiteral("too-new");
    }
    return {};
}

bool Signature::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace wa
