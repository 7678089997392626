#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace wa {

// Calls `f` with the future's result in `owner`'s thread, unless `owner` is gone by then.
//
// Why a watcher and not `future.then(owner, f)`: on Qt 6.4 that asserts (Debug) or drops the
// result (Release) when the owner dies first, which is what happens when a bulk run is
// abandoned. The watcher is the owner's child: it dies with it and nothing is called. A future
// that ends without a result (its promise dropped) is given a default T: for Result<T>, an
// error.
template<typename T, typename F> void whenFinished(QFuture<T> future, QObject *owner, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner,
                     [watcher, f = std::forward<F>(f)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         f(done.resultCount() > 0 ? done.result() : T());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace wa
