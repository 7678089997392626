#include "localservicethread.h"

#include <QMetaObject>
#include <QPromise>
#include <QThread>

#include <memory>

namespace wa {

LocalServiceThread::LocalServiceThread(LocalService::Options options, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_service(new LocalService(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("webhook-admin local service"));
    m_service->moveToThread(m_thread);
    m_thread->start();
}

LocalServiceThread::~LocalServiceThread()
{
    LocalService *service = m_service;
    m_service = nullptr;
    // QSqlDatabase and QNetworkAccessManager belong to the service's thread: end them there.
    QMetaObject::invokeMethod(
        service, [service] { delete service; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
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

} // namespace wa
