#pragma once

#include "result.h"

#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>

// How a service that lives in one thread answers calls from any thread: the body runs in the
// service's thread and fulfils a promise whose future the caller holds.
namespace wa::ThreadHandoff {

template<typename T> using PromisePtr = std::shared_ptr<QPromise<Result<T>>>;

template<typename T> void fulfil(const PromisePtr<T> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

// Runs `body(promise)` in the service's thread: at once when already there (the future may then
// be finished on return), else queued. The future is fulfilled in the service's thread.
template<typename T, typename Body> QFuture<Result<T>> deferred(QObject *service, Body body)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    if (QThread::currentThread() == service->thread()) {
        body(promise);
    } else {
        QMetaObject::invokeMethod(
            service, [promise, body]() mutable { body(promise); }, Qt::QueuedConnection);
    }
    return future;
}

// The same for bodies that answer at once: a ready future without a promise when possible.
template<typename T, typename Body> QFuture<Result<T>> immediate(QObject *service, Body body)
{
    if (QThread::currentThread() == service->thread())
        return QtFuture::makeReadyFuture(Result<T>(body()));
    return deferred<T>(service, [body](const PromisePtr<T> &p) { fulfil<T>(p, body()); });
}

// A read that is always queued, even from the service's own thread: reads that arrive in one
// pass of the event loop (a server's sockets, say) then run one after the other in the next, so
// that the first one's freshness check can answer for all of them (LocalView::refresh).
template<typename T, typename Body> QFuture<Result<T>> queuedRead(QObject *service, Body body)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    QMetaObject::invokeMethod(
        service, [promise, body]() mutable { fulfil<T>(promise, body()); }, Qt::QueuedConnection);
    return future;
}

} // namespace wa::ThreadHandoff
