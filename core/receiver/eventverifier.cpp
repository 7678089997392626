#include "eventverifier.h"

#include "jsonerror.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace wa {

namespace {

bool matches(QByteArrayView secret, const Signature::Parsed &parsed, QByteArrayView bytes)
{
    return Signature::constantTimeEquals(Signature::compute(secret, parsed.timestamp, bytes),
                                         parsed.signature);
}

// Two sentences, one after the other.
Phrase both(const Phrase &first, const Phrase &second)
{
    return Phrase::plain(QStringLiteral("%1 %2")).arg(first).arg(second);
}

} // namespace

EventVerifier::EventVerifier(int windowSeconds, int futureSkewSeconds)
    : m_windowSeconds(windowSeconds)
    , m_futureSkewSeconds(futureSkewSeconds)
{ }

EventVerdict EventVerifier::verify(QByteArrayView secret, const std::optional<QByteArray> &header,
                                   const QByteArray &body, const QDateTime &now,
                                   const QByteArray *signedBody) const
{
    EventVerdict verdict;
    QJsonParseError jsonError;
    QJsonDocument::fromJson(body, &jsonError);
    verdict.bodyIsJson = jsonError.error == QJsonParseError::NoError;

    std::optional<Signature::Parsed> parsed;
    Phrase problem;
    if (header && !header->trimmed().isEmpty()) {
        parsed = Signature::parse(*header, &problem);
        if (parsed) {
            verdict.timestamp = parsed->timestamp;
            verdict.ageSeconds = now.toSecsSinceEpoch() - parsed->timestamp;
        }
    }

    if (!header) {
        verdict.code = EventVerdict::Code::MissingHeader;
        verdict.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                      "The request has no Ricloud-Signature "
                                                      "header, so nothing proves who sent it.")));
        return verdict;
    }
    if (header->trimmed().isEmpty()) {
        verdict.code = EventVerdict::Code::MalformedHeader;
        verdict.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP(
            "wa::EventVerifier", "The Ricloud-Signature header is malformed: it is empty.")));
        return verdict;
    }
    if (!parsed) {
        verdict.code = EventVerdict::Code::MalformedHeader;
        verdict.setDetail(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                        "The Ricloud-Signature header is malformed: %1 (expected "
                                        "\"t=<unix seconds>,s=<base64 signature>\")."))
                .arg(problem.isEmpty()
                         ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier", "it does not parse"))
                         : problem.asClause()));
        return verdict;
    }
    if (secret.isEmpty()) {
        verdict.code = EventVerdict::Code::NoSecret;
        verdict.setDetail(WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::EventVerifier",
                              "No secret is known for this request, so its signature cannot "
                              "be checked: name the config or the secret it was signed with.")));
        return verdict;
    }

    const Signature::Verification check
        = Signature::verify(secret, *header, body, now, m_windowSeconds, m_futureSkewSeconds);
    const qint64 age = verdict.ageSeconds;
    switch (check.verdict) {
    case Signature::Verdict::Valid:
        break;
    case Signature::Verdict::MissingHeader:
    case Signature::Verdict::MalformedHeader:
        verdict.code = EventVerdict::Code::MalformedHeader;
        verdict.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                      "The Ricloud-Signature header is "
                                                      "malformed: %1."))
                              .arg(Phrase::plain(check.detail).asClause()));
        return verdict;
    case Signature::Verdict::Mismatch:
        verdict.setDetail(explainMismatch(secret, *parsed, body, signedBody, &verdict.code));
        return verdict;
    case Signature::Verdict::TooOld: {
        verdict.code = EventVerdict::Code::TooOld;
        verdict.setDetail(
            both(WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                             "The timestamp is too old: signed %1 "
                                             "s ago, %2 s past the %3 s window."))
                     .arg(age)
                     .arg(age - m_windowSeconds)
                     .arg(m_windowSeconds),
                 matches(secret, *parsed, body)
                     ? WA_PHRASE(QT_TRANSLATE_NOOP(
                         "wa::EventVerifier",
                         "The signature itself matches: a replay, or a clock that is off."))
                     : WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                   "The signature does not match either."))));
        return verdict;
    }
    case Signature::Verdict::TooNew: {
        verdict.code = EventVerdict::Code::TooNew;
        verdict.setDetail(both(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                        "The timestamp is %1 s in the future, %2 s beyond the %3 "
                                        "s allowed for clock skew."))
                .arg(-age)
                .arg(-age - m_futureSkewSeconds)
                .arg(m_futureSkewSeconds),
            matches(secret, *parsed, body) ? WA_PHRASE(QT_TRANSLATE_NOOP(
                "wa::EventVerifier", "The signature itself matches: the sender's clock is ahead."))
                                           : WA_PHRASE(QT_TRANSLATE_NOOP(
                                               "wa::EventVerifier",
                                               "The signature does not match either."))));
        return verdict;
    }
    }

    if (!verdict.bodyIsJson) {
        verdict.code = EventVerdict::Code::NotJson;
        verdict.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                      "The signature is valid, but the body is "
                                                      "not JSON: %1 at byte %2."))
                              .arg(jsonErrorWords(jsonError.error))
                              .arg(jsonError.offset));
        return verdict;
    }
    verdict.code = EventVerdict::Code::Valid;
    verdict.setDetail(age >= 0
                          ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                        "The signature matches; signed %1 s ago."))
                                .arg(age)
                          : WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                        "The signature matches; signed %1 s in the "
                                                        "future, within the allowed clock skew."))
                                .arg(-age));
    return verdict;
}

Phrase EventVerifier::explainMismatch(QByteArrayView secret, const Signature::Parsed &parsed,
                                      const QByteArray &body, const QByteArray *signedBody,
                                      EventVerdict::Code *code) const
{
    *code = EventVerdict::Code::BodyAltered;
    if (signedBody && *signedBody != body && matches(secret, parsed, *signedBody)) {
        qsizetype at = 0;
        while (at < body.size() && at < signedBody->size() && body.at(at) == signedBody->at(at))
            ++at;
        return WA_PHRASE(
                   QT_TRANSLATE_NOOP(
                       "wa::EventVerifier",
                       "The signature does not match the body received: the body bytes differ from "
                       "what was signed (%1 bytes received, %2 signed, first difference at byte "
                       "%3)."))
            .arg(body.size())
            .arg(signedBody->size())
            .arg(at);
    }

    // Common ways bytes change on their way: try them, so that the verdict can say which.
    struct Variant
    {
        QByteArray bytes;
        Phrase what;
    };
    QList<Variant> variants;
    if (body.endsWith("\r\n"))
        variants.append({body.chopped(2),
                         WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                     "a line break was added at its end"))});
    else if (body.endsWith('\n'))
        variants.append({body.chopped(1),
                         WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                     "a line break was added at its end"))});
    else
        variants.append({body + '\n',
                         WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                     "the line break at its end was removed"))});
    if (body.contains("\r\n"))
        variants.append({QByteArray(body).replace("\r\n", "\n"),
                         WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                     "its line endings were changed to CRLF"))});
    else if (body.contains('\n'))
        variants.append({QByteArray(body).replace("\n", "\r\n"),
                         WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                                     "its line endings were changed from CRLF"))});
    if (body.trimmed() != body)
        variants.append(
            {body.trimmed(),
             WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier", "white space was added around it"))});
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (!json.isNull()) {
        variants.append({json.toJson(QJsonDocument::Compact),
                         WA_PHRASE(QT_TRANSLATE_NOOP(
                             "wa::EventVerifier",
                             "its JSON was re-serialised (it was signed in compact form)"))});
        variants.append(
            {json.toJson(QJsonDocument::Indented),
             WA_PHRASE(QT_TRANSLATE_NOOP("wa::EventVerifier",
                                         "its JSON was re-serialised (it was signed indented)"))});
    }
    for (const Variant &variant : std::as_const(variants)) {
        if (variant.bytes != body && matches(secret, parsed, variant.bytes)) {
            return WA_PHRASE(
                       QT_TRANSLATE_NOOP(
                           "wa::EventVerifier",
                           "The signature does not match the body received, but it matches the "
                           "same "
                           "body as it was before %1: the body bytes differ from what was signed."))
                .arg(variant.what);
        }
    }

    *code = EventVerdict::Code::Mismatch;
    return WA_PHRASE(
               QT_TRANSLATE_NOOP("wa::EventVerifier",
                                 "The signature does not match: it was made with another secret, "
                                 "or over other body "
                                 "bytes than the %1 received (the body may have been altered)."))
        .arg(body.size());
}

} // namespace wa
