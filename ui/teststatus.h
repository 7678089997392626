#pragma once

#include "testoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace wa {

// What the console shows of the latest test of one config: the table's "Last test" cell and the
// details panel. Made from a TestOutcome (WebhookService::lastTests) or from a test the console
// is following as it runs (TestTracker).
struct TestStatus
{
    Q_DECLARE_TR_FUNCTIONS(wa::TestStatus)

public:
    enum class Phase
    {
        None, // not known (yet)
        NeverTested, // looked up: the config has no test
        Running,
        Passed,
        Failed
    };

    Phase phase = Phase::None;
    QString reason; // plain words: "HTTP 200, 35 ms", "connection refused"
    QDateTime started; // while running: when it started (drives the row's progress)
    QDateTime finished; // when it finished, where known
    QString taskId; // when known

    bool running() const { return phase == Phase::Running; }
    bool done() const { return phase == Phase::Passed || phase == Phase::Failed; }

    static TestStatus fromOutcome(const TestOutcome &outcome);

    // "valid · HTTP 200, 35 ms", "invalid · connection refused", "testing…", "not tested".
    QString text() const;
    // The same with when it happened, for tooltips and the details panel.
    QString longText() const;

    friend bool operator==(const TestStatus &, const TestStatus &) = default;
};

} // namespace wa
