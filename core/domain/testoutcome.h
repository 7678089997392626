#pragma once

#include "deliveryattempt.h"
#include "phrase.h"
#include "task.h"

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
    QString configId;
    QString taskId;
    TaskState state = TaskState::Pending; // the task's state
    QString error; // a TaskError code; empty when it passed or has not finished
    QString reason; // plain words (English); empty while it runs, or when it passed with no attempt
    Phrase reasonPhrase; // the same words, to be translated where they are shown
    int httpStatus = 0; // 0: no HTTP answer, or not known
    qint64 latencyMs = -1; // -1: not known
    QDateTime date; // UTC: when the test finished; while it runs, when it was started

    bool finished() const { return state == TaskState::Succeeded || state == TaskState::Failed; }
    bool passed() const { return state == TaskState::Succeeded; }

    // `attempt`, when given, must be the one `task` made (attempt->taskId == task.id).
    static TestOutcome fromTask(const Task &task, const DeliveryAttempt *attempt = nullptr);

    // The reason as the console shows it, in the user's language.
    QString localizedReason() const { return Phrase::localized(reasonPhrase, reason); }

    // Plain words for what an attempt got: "HTTP 200, 35 ms", "connection refused",
    // "HTTP 500 from receiver".
    static Phrase describeAttempt(const DeliveryAttempt &attempt);
    // Plain words for a task's error code alone (no attempt known).
    static Phrase describeError(const QString &code);

    friend bool operator==(const TestOutcome &, const TestOutcome &) = default;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::TestOutcome)
