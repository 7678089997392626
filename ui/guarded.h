#pragma once

#include "backend.h"

#include <QCoreApplication>
#include <QFuture>
#include <QPointer>

#include <memory>
#include <utility>

namespace wa {

// The one way the GUI continues after a call: on the GUI thread, and only while both the
// widget that asked (`guard`) and the backend the call went to still exist.
//
// Why not `future.then(guard, f)`: Qt 6.4 asserts (debug) or drops the promise (release) when
// the context object is destroyed before the future finishes, which happens whenever a dialog
// or panel closes while its request is under way. The application object outlives every
// request, so it is the context; the guards decide whether anyone still wants the answer.
//
// The backend is held weakly: a profile switch releases it (its service is then deleted in its
// own thread), and an answer that arrives afterwards is dropped. Never capture a raw
// WebhookService pointer in `f`; take what you need from the backend you locked.
//
// A future takes one continuation only (Qt 6): the value is handed on through the returned
// future, for a caller that continues too (an editor dialog waiting for its submit's answer).
template<typename T, typename F>
QFuture<T> continueOnGui(QFuture<T> future, QObject *guard, std::weak_ptr<Backend> backend, F &&f)
{
    return future.then(QCoreApplication::instance(),
                       [g = QPointer<QObject>(guard), b = std::move(backend),
                        f = std::forward<F>(f)](const T &value) mutable {
                           if (g && !b.expired())
                               f(value);
                           return value;
                       });
}

// For calls that do not go to a backend (a token store, the local server's control).
template<typename T, typename F> QFuture<T> continueOnGui(QFuture<T> future, QObject *guard, F &&f)
{
    return future.then(
        QCoreApplication::instance(),
        [g = QPointer<QObject>(guard), f = std::forward<F>(f)](const T &value) mutable {
            if (g)
                f(value);
            return value;
        });
}

} // namespace wa
