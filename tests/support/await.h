#pragma once

// Waits for a future in a test, running the event loop meanwhile (tests only). A future that
// did not finish in time, or ended without a result, gives the error that says so when it is a
// Result, a default value otherwise.

#include "result.h"

#include <QFuture>
#include <QTest>

namespace wa::test {

template<typename T> struct NoResult
{
    static T make() { return T(); }
};

template<typename V> struct NoResult<Result<V>>
{
    static Result<V> make()
    {
        return ApiError::serverError(QStringLiteral("test: the future did not finish"));
    }
};

template<typename T> T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
        return NoResult<T>::make();
    return future.resultCount() > 0 ? future.result() : NoResult<T>::make();
}

} // namespace wa::test
