#pragma once

#include <QHash>
#include <QHostAddress>

#include <chrono>

namespace wa {

// How long a refused token's 401 waits: guessing tokens must be slow (an unthrottled server
// answered 70,000 wrong guesses a second). Every failure waits `base`; when the server is
// reachable beyond loopback, failures are also counted per peer: each one within a minute of
// the last doubles the wait (up to `max`), and one peer's 401s are spaced out one after the
// other, so parallel connections do not multiply its rate. Pure bookkeeping: the caller passes
// the time and holds the answers.
class AuthThrottle final
{
public:
    using Clock = std::chrono::steady_clock;

    AuthThrottle(std::chrono::milliseconds base, std::chrono::milliseconds max, bool perPeer);

    // Records a failure from `peer` at `now`; returns how long its 401 must wait.
    std::chrono::milliseconds failed(const QHostAddress &peer, Clock::time_point now);
    // Peers currently remembered (bounded: quiet peers are forgotten).
    qsizetype trackedPeers() const { return m_peers.size(); }

private:
    struct Peer
    {
        int strikes = 0;
        Clock::time_point last;
        Clock::time_point nextAnswer;
    };

    void forgetQuietPeers(Clock::time_point now);

    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    bool m_perPeer;
    QHash<QHostAddress, Peer> m_peers;
};

} // namespace wa
