#pragma once

#include "deliveryattempt.h"
#include "task.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace wa {

// What the console knows about the latest test of one config: shown in the table's "Last test"
// column and in the details panel.
struct TestStatus
{
    Q_DECLARE_TR_FUNCTIONS(wa::TestStatus)

public:
    enum class Phase
    {
        None,
        Running,
        Passed,
        Failed
    };

    Phase phase = Phase::None;
    QString reason; // for people: "connection refused", "HTTP 500 from receiver"
    QDateTime started; // when the console saw the test start (drives the row's progress)
    QString taskId; // when known

    bool running() const { return phase == Phase::Running; }

    // Words for the outcome of an attempt or a task error code, shared by table and details.
    static QString describeAttempt(const DeliveryAttempt &attempt);
    static QString describeTaskError(const QString &code);
    QString text() const; // "Testing…", "Passed: HTTP 200 in 4 ms", "Failed: connection refused"
};

} // namespace wa
