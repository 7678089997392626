#include "auththrottle.h"

#include <algorithm>

namespace wa {

namespace {

// A peer quiet for this long starts again from the base delay.
constexpr std::chrono::seconds ForgetAfter {60};
// Peers remembered before quiet ones are dropped (a bound on memory, not on attackers).
constexpr qsizetype PruneAbove = 4096;

} // namespace

AuthThrottle::AuthThrottle(std::chrono::milliseconds base, std::chrono::milliseconds max,
                           bool perPeer)
    : m_base(base)
    , m_max(std::max(base, max))
    , m_perPeer(perPeer)
{ }

std::chrono::milliseconds AuthThrottle::failed(const QHostAddress &peer, Clock::time_point now)
{
    if (!m_perPeer)
        return m_base;
    if (m_peers.size() > PruneAbove)
        forgetQuietPeers(now);
    Peer &entry = m_peers[peer];
    if (entry.strikes > 0 && now - entry.last > ForgetAfter)
        entry = Peer {};
    ++entry.strikes;
    entry.last = now;
    // base * 2^(strikes - 1), capped: the shift stops growing well before it could overflow.
    const int doublings = std::min(entry.strikes - 1, 20);
    const std::chrono::milliseconds delay
        = std::min<std::chrono::milliseconds>(m_base * (qint64(1) << doublings), m_max);
    // One after the other: the next 401 of this peer comes `delay` after its previous one,
    // but never more than a few maximum delays ahead (the hold must end some time).
    const auto start = std::max(now, entry.nextAnswer);
    const auto answerAt = std::min(start + delay, now + 4 * m_max);
    entry.nextAnswer = answerAt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(answerAt - now);
}

void AuthThrottle::forgetQuietPeers(Clock::time_point now)
{
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        if (now - it->last > ForgetAfter && it->nextAnswer <= now)
            it = m_peers.erase(it);
        else
            ++it;
    }
}

} // namespace wa
