#pragma once

#include "eventverdict.h"
#include "signature.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace wa {

// Checks one received event the way a careful receiver would, and says precisely why it fails:
// Signature::verify gives the verdict; this adds what a person needs to act on it (whether the body
// was altered and how, by how much a timestamp misses the window, whether the body is JSON).
// Shared by the Receiver, the `verify` command and the signature dialog.
class EventVerifier final
{
public:
    explicit EventVerifier(int windowSeconds = Signature::DefaultWindowSeconds,
                           int futureSkewSeconds = Signature::DefaultFutureSkewSeconds);

    int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds) { m_windowSeconds = seconds; }
    int futureSkewSeconds() const { return m_futureSkewSeconds; }
    void setFutureSkewSeconds(int seconds) { m_futureSkewSeconds = seconds; }

    // `header` nullopt: the request had none. An empty `secret` gives NoSecret. `signedBody`, when
    // known (an earlier delivery of the same signature), lets a mismatch say where the bytes
    // differ.
    EventVerdict verify(QByteArrayView secret, const std::optional<QByteArray> &header,
                        const QByteArray &body,
                        const QDateTime &now = QDateTime::currentDateTimeUtc(),
                        const QByteArray *signedBody = nullptr) const;

private:
    Phrase explainMismatch(QByteArrayView secret, const Signature::Parsed &parsed,
                           const QByteArray &body, const QByteArray *signedBody,
                           EventVerdict::Code *code) const;

    int m_windowSeconds;
    int m_futureSkewSeconds;
};

} // namespace wa
