#pragma once

#include "localservice.h"

#include <QFuture>
#include <QObject>

class QThread;

namespace wa {

// A LocalService living in a thread of its own, so that SQLite and delivery never run on the GUI
// thread. The service's calls may be made from any thread (their futures carry the answers);
// connect to its signals with a context object in your thread.
//
// Destroying it never blocks: the service is deleted in its own thread (delivery stops, the
// database closes there), then that thread ends by itself; the QThread object is reclaimed once
// it has ended. Calls still queued for the service are dropped (their futures are cancelled).
// Whoever must know the file is closed (a test about to delete it, the end of main()) waits
// with stopped() or waitForAllStopped().
class LocalServiceThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServiceThread)

public:
    explicit LocalServiceThread(LocalService::Options options, QObject *parent = nullptr);
    ~LocalServiceThread() override;

    // Opens the service in its thread.
    QFuture<Result<Done>> start();
    LocalService *service() const { return m_service; }

    // Finishes once the service has been deleted and its thread has ended; valid after this
    // object is gone.
    QFuture<void> stopped() const { return m_stopped; }

    // Blocks until the thread of every LocalServiceThread destroyed so far has ended. Only for
    // places where blocking is the point: after the event loop has returned, and tests.
    static void waitForAllStopped();

private:
    QThread *m_thread = nullptr; // not a child: it outlives this object while it shuts down
    LocalService *m_service = nullptr;
    QFuture<void> m_stopped;
};

} // namespace wa
