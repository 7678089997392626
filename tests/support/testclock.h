#pragma once

// A clock a test can move forward, for code that takes `std::function<QDateTime()>` (leases,
// signature timestamps): time passes when the test says so, not by sleeping.

#include <QDateTime>

#include <functional>
#include <memory>

namespace wa::test {

class TestClock final
{
public:
    std::function<QDateTime()> function() const
    {
        return [offset = m_offset] { return QDateTime::currentDateTimeUtc().addMSecs(*offset); };
    }
    void advance(qint64 ms) { *m_offset += ms; }

private:
    std::shared_ptr<qint64> m_offset = std::make_shared<qint64>(0);
};

} // namespace wa::test
