#pragma once

// Waits for a service future in a test, running the event loop meanwhile (tests only).

#include "result.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

template<typename T> wa::Result<T> waitFor(QFuture<wa::Result<T>> future, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return wa::ApiError::serverError(QStringLiteral("test: the future did not finish"));
    return future.result();
}

// Runs the event loop until `done()` or the timeout; returns done().
template<typename F> bool waitUntil(F done, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(10);
    return done();
}
