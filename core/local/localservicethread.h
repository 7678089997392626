#pragma once

#include "localservice.h"

#include <QFuture>
#include <QObject>

class QThread;

namespace wa {

// A LocalService living in a thread of its own, so that SQLite and delivery never run on the GUI
// thread. The service's calls may be made from any thread (their futures carry the answers);
// connect to its signals with a context object in your thread.
class LocalServiceThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServiceThread)

public:
    explicit LocalServiceThread(LocalService::Options options, QObject *parent = nullptr);
    // Stops delivery, deletes the service in its thread and joins the thread.
    ~LocalServiceThread() override;

    // Opens the service in its thread.
    QFuture<Result<Done>> start();
    LocalService *service() const { return m_service; }

private:
    QThread *m_thread = nullptr;
    LocalService *m_service = nullptr;
};

} // namespace wa
