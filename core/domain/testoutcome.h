#pragma once

#include "deliveryattempt.h"
#include "task.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace wa {

// The latest test of one config (its newest webhook_config.test task) and why it ended as it
// did, in plain words: what the console's "Last test" column shows ("HTTP 200, 35 ms",
// "connection refused"). Built from the task and, where the backend keeps a delivery log, the
// attempt that task made; without an attempt (the hosted API) the task's error code is all
// there is, and httpStatus and latencyMs stay unknown.
struct TestOutcome
{
    Q_DECLARE_TR_FUNCTIONS(wa::TestOutcome)

public:
    QString configId;
    QString taskId;
    TaskState state = TaskState::Pending; // the task's state
    QString error; // a TaskError code; empty when it passed or has not finished
    QString reason; // plain words; empty while the test runs, or when it passed with no attempt
    int httpStatus = 0; // 0: no HTTP answer, or not known
    qint64 latencyMs = -1; // -1: not known
    QDateTime date; // UTC: when the test finished; while it runs, when it was started

    bool finished() const { return state == TaskState::Succeeded || state == TaskState::Failed; }
    bool passed() const { return state == TaskState::Succeeded; }

    // `attempt`, when given, must be the one `task` made (attempt->taskId == task.id).
    static TestOutcome fromTask(const Task &task, const DeliveryAttempt *attempt = nullptr);

    // Plain words for what an attempt got: "HTTP 200, 35 ms", "connection refused",
    // "HTTP 500 from receiver".
    static QString describeAttempt(const DeliveryAttempt &attempt);
    // Plain words for a task's error code alone (no attempt known).
    static QString describeError(const QString &code);

    friend bool operator==(const TestOutcome &, const TestOutcome &) = default;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::TestOutcome)
