#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPointer>

#include <utility>

namespace wa {

// Continues a future on the GUI thread and calls `f` only while `guard` still exists.
//
// Why not `future.then(guard, f)`: Qt 6.4 asserts (debug) or drops the promise (release) when
// the context object is destroyed before the future finishes, which happens whenever a dialog
// or panel closes while its request is under way. The application object outlives every
// request, so it is the context; the guard decides whether anyone still wants the answer.
template<typename T, typename F> void continueOnGui(QFuture<T> future, QObject *guard, F &&f)
{
    future.then(QCoreApplication::instance(),
                [g = QPointer<QObject>(guard), f = std::forward<F>(f)](const T &value) mutable {
                    if (g)
                        f(value);
                });
}

} // namespace wa
