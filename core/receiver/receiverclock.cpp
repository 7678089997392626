#include "receiverclock.h"

#include <QTimer>

namespace wa {

namespace {

class SystemClock final : public ReceiverClock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    void after(int ms, QObject *context, std::function<void()> action) override
    {
        QTimer::singleShot(ms, context, std::move(action));
    }
};

} // namespace

ReceiverClock &ReceiverClock::system()
{
    static SystemClock clock;
    return clock;
}

} // namespace wa
