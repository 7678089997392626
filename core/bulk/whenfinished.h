#pragma once

#include "result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace wa {

namespace detail {

// What a future that ended without a result stands for: for a Result, the error that says so.
template<typename T> struct NoAnswer
{
    static T make() { return T(); }
};

template<typename V> struct NoAnswer<Result<V>>
{
    static Result<V> make()
    {
        return ApiError::serverError(WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::whenFinished", "The service stopped before it answered.")));
    }
};

} // namespace detail

// Calls `f` with the future's result in `owner`'s thread, unless `owner` is gone by then.
//
// Why a watcher and not `future.then(owner, f)`: on Qt 6.4 that asserts (Debug) or drops the
// result (Release) when the owner dies first, which is what happens when a bulk run is
// abandoned. The watcher is the owner's child: it dies with it and nothing is called. A future
// that ends without a result (its promise dropped) is given the error that says so (a default
// T for anything but a Result).
template<typename T, typename F> void whenFinished(QFuture<T> future, QObject *owner, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner,
                     [watcher, f = std::forward<F>(f)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         f(done.resultCount() > 0 ? done.result() : detail::NoAnswer<T>::make());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace wa
