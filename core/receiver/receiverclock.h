#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace wa {

// Time as the receiver sees it: when a request arrived (what its signature's timestamp is
// checked against) and when a held-back answer is due. The system clock in use; tests pass a
// clock they move by hand, so they assert what happens at a moment without waiting for it.
class ReceiverClock
{
public:
    virtual ~ReceiverClock() = default;

    virtual QDateTime now() const = 0;
    // Runs `action` in `context`'s thread after `ms`, unless `context` is gone by then.
    virtual void after(int ms, QObject *context, std::function<void()> action) = 0;

    // QDateTime::currentDateTimeUtc() and QTimer.
    static ReceiverClock &system();
};

} // namespace wa
