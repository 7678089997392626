#pragma once

// A ReceiverClock the test moves by hand: advance() runs what has come due, at once.

#include "receiverclock.h"

#include <QPointer>

#include <vector>

namespace wa::test {

class ManualClock final : public ReceiverClock
{
public:
    QDateTime now() const override { return m_now; }
    void after(int ms, QObject *context, std::function<void()> action) override
    {
        m_timers.push_back({m_elapsed + ms, context, std::move(action)});
    }

    // Moves time on by `ms` and runs every action due by then, in order.
    void advance(int ms)
    {
        m_elapsed += ms;
        m_now = m_now.addMSecs(ms);
        std::vector<Timer> due;
        std::vector<Timer> later;
        for (Timer &timer : m_timers)
            (timer.due <= m_elapsed ? due : later).push_back(std::move(timer));
        m_timers = std::move(later);
        for (Timer &timer : due) {
            if (timer.context)
                timer.action();
        }
    }
    int pending() const { return int(m_timers.size()); }

private:
    struct Timer
    {
        qint64 due;
        QPointer<QObject> context;
        std::function<void()> action;
    };

    QDateTime m_now = QDateTime::currentDateTimeUtc();
    qint64 m_elapsed = 0;
    std::vector<Timer> m_timers;
};

} // namespace wa::test
