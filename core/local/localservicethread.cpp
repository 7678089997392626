#include "localservicethread.h"

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QPromise>
#include <QSet>
#include <QThread>

#include <memory>

namespace wa {

namespace {

// Threads whose service is shutting down, until they have ended.
struct Ending
{
    QMutex mutex;
    QSet<QThread *> threads;
};

Ending &ending()
{
    static Ending instance;
    return instance;
}

} // namespace

LocalServiceThread::LocalServiceThread(LocalService::Options options, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_service(new LocalService(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("webhook-admin local service"));
    m_service->moveToThread(m_thread);
    m_thread->start();
}

LocalServiceThread::~LocalServiceThread()
{
    QThread *thread = m_thread;
    LocalService *service = m_service;
    m_service = nullptr;
    m_thread = nullptr;
    {
        QMutexLocker lock(&ending().mutex);
        ending().threads.insert(thread);
    }
    auto stopped = std::make_shared<QPromise<void>>();
    stopped->start();
    m_stopped = stopped->future();
    // Reclaimed where it was created (the GUI thread), once it has ended; if no event loop
    // runs there any more, waitForAllStopped() does it.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(
        thread, &QThread::finished, thread,
        [thread] {
            // In the ending thread, just before it is gone.
            QMutexLocker lock(&ending().mutex);
            ending().threads.remove(thread);
        },
        Qt::DirectConnection);
    // QSqlDatabase and QNetworkAccessManager belong to the service's thread: end them there,
    // after whatever is already queued for it. Then the thread ends itself.
    QMetaObject::invokeMethod(
        service,
        [service, thread, stopped] {
            delete service;
            stopped->finish();
            thread->quit();
        },
        Qt::QueuedConnection);
}

QFuture<Result<Done>> LocalServiceThread::start()
{
    auto promise = std::make_shared<QPromise<Result<Done>>>();
    promise->start();
    QFuture<Result<Done>> future = promise->future();
    LocalService *service = m_service;
    QMetaObject::invokeMethod(
        service,
        [service, promise] {
            promise->addResult(service->open());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void LocalServiceThread::waitForAllStopped()
{
    for (;;) {
        QThread *thread = nullptr;
        {
            QMutexLocker lock(&ending().mutex);
            if (ending().threads.isEmpty())
                return;
            thread = *ending().threads.cbegin();
        }
        // The thread leaves the set as it ends; its object is deleted only by the event loop
        // of the thread that created it (deleteLater), which is busy here: `thread` stays valid
        // while we wait. (Called from that thread, as main() and the tests do.)
        thread->wait(QDeadlineTimer(100));
    }
}

} // namespace wa
