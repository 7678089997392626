// AuthThrottle: how long a refused token's 401 waits, with time passed in (no sleeping).

#include "auththrottle.h"

#include <QTest>

using namespace std::chrono_literals;
using wa::AuthThrottle;

class TestAuthThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onLoopbackEveryFailureWaitsTheBase()
    {
        AuthThrottle throttle(250ms, 8s, false);
        const auto now = AuthThrottle::Clock::now();
        const QHostAddress peer(QHostAddress::LocalHost);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(throttle.failed(peer, now), 250ms);
        QCOMPARE(throttle.trackedPeers(), 0);
    }

    void beyondLoopbackRepeatedFailuresDoubleAndAreSpacedOut()
    {
        AuthThrottle throttle(100ms, 1600ms, true);
        const auto now = AuthThrottle::Clock::now();
        const QHostAddress peer(u"192.0.2.7"_qs);
        // All at the same moment (parallel connections): each answer after the previous one.
        QCOMPARE(throttle.failed(peer, now), 100ms);
        QCOMPARE(throttle.failed(peer, now), 300ms); // 100 + 200
        QCOMPARE(throttle.failed(peer, now), 700ms); // + 400
        QCOMPARE(throttle.failed(peer, now), 1500ms); // + 800
        QCOMPARE(throttle.failed(peer, now), 3100ms); // + 1600 (the cap)
        QCOMPARE(throttle.failed(peer, now), 4700ms); // + 1600
        // Another peer is not slowed by the first one's failures.
        QCOMPARE(throttle.failed(QHostAddress(u"192.0.2.8"_qs), now), 100ms);
        // The hold is bounded: never more than four maximum delays ahead.
        for (int i = 0; i < 20; ++i)
            QVERIFY(throttle.failed(peer, now) <= 6400ms);
    }

    void aQuietPeerStartsAgainFromTheBase()
    {
        AuthThrottle throttle(100ms, 1600ms, true);
        const auto now = AuthThrottle::Clock::now();
        const QHostAddress peer(u"192.0.2.7"_qs);
        for (int i = 0; i < 4; ++i)
            throttle.failed(peer, now);
        QCOMPARE(throttle.failed(peer, now + 61s), 100ms);
    }
};

QTEST_GUILESS_MAIN(TestAuthThrottle)
#include "tst_auththrottle.moc"
