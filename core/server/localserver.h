#pragma once

#include "auththrottle.h"
#include "httplimits.h"
#include "restapi.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

struct MHD_Daemon;
struct MHD_Connection;
struct sockaddr;

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace wa {

class LocalService;
class TcpListener;
struct LocalServerCallbacks;

// The REST API of a LocalService over HTTP/1.1, on libmicrohttpd (README, "The HTTP server"):
// the only file that touches the HTTP library. libmicrohttpd parses strictly, answers
// `Expect: 100-continue`, honours `Connection: close` and caps connections; this class adds
// what it lacks: every request goes to RestApi, which may refuse it from its head (401, 404,
// 405, 413) before any body is read; a body is kept only up to 1 MiB; a request's head and body
// and a kept-alive connection's silence each have a deadline; 401s are held back (AuthThrottle).
//
// The library runs inside this object's thread, driven by its event loop (the epoll descriptor
// and a timer), so answers are written from this thread, one request at a time per connection
// and in request order. A deferred answer (a held Ricloud-Await, a batched create, a service in
// another thread) suspends its connection until the service's future finishes; a client that
// hung up meanwhile is simply not answered. Listens on loopback unless told otherwise.
class LocalServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    explicit LocalServer(LocalService *service, QObject *parent = nullptr);
    ~LocalServer() override;

    // Limits for the next listen(); the defaults suit `serve`.
    void setLimits(const HttpLimits &limits);
    const HttpLimits &limits() const { return m_limits; }

    // Port 0 picks a free port. Fails (port in use, address not local) with a message that
    // names the address. Also raises the process's soft descriptor limit to its hard limit, and
    // keeps the connection cap below it.
    Result<Done> listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                        quint16 port = 0);
    bool isListening() const;
    quint16 port() const;
    // http://<address>:<port> of the listening socket; empty when not listening.
    QUrl url() const;
    // Stops accepting connections. Answers still being prepared (a held Ricloud-Await, say)
    // are still sent; pendingReplies() counts them and allRepliesSent() says when none is left.
    void close();
    int pendingReplies() const;
    // Connections open now, and the cap in force since listen().
    int openConnections() const { return int(m_links.size()); }
    int connectionCap() const { return m_connectionCap; }

Q_SIGNALS:
    void allRepliesSent();

private:
    friend struct LocalServerCallbacks;
    struct Exchange; // one request: its head, body, refusal or answer
    struct Link; // one connection: its peer and deadline
    using Clock = std::chrono::steady_clock;
    static constexpr Clock::time_point Never = Clock::time_point::max(); // no deadline

    // libmicrohttpd's callbacks (through LocalServerCallbacks).
    int onRequest(MHD_Connection *connection, const char *url, const char *method,
                  const char *version, const char *data, size_t *size, void **context);
    void onRequestDone(MHD_Connection *connection, void **context);
    void onConnection(MHD_Connection *connection, void **context, bool opened);

    Result<Done> startDaemon();
    void accepted(int fd, const sockaddr *peer, unsigned length);
    void readHead(Exchange &exchange, const char *url, const char *method, const char *version);
    int takeBody(Exchange &exchange, const char *data, size_t *size);
    // A refusal decided from the head, sent before the body and the connection closed.
    void sendBeforeBody(Exchange &exchange);
    // Sends `reply` now, or after the 401 delay.
    int deliver(Exchange &exchange, HttpReply reply);
    int queue(Exchange &exchange, const HttpReply &reply);
    // How long a 401 to this connection's peer waits (AuthThrottle).
    std::chrono::milliseconds authDelay(MHD_Connection *connection);
    void suspend(Exchange &exchange);
    void resume(const std::weak_ptr<Exchange> &exchange, std::optional<HttpReply> reply);
    void setDeadline(MHD_Connection *connection, Clock::time_point deadline);
    void closeOverdueConnections();
    void runDaemon();
    void repliesDone(int count);

    RestApi m_api;
    HttpLimits m_limits;
    std::unique_ptr<AuthThrottle> m_throttle;
    std::unique_ptr<TcpListener> m_listener;
    MHD_Daemon *m_daemon = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_tick; // when libmicrohttpd wants to run again
    QTimer m_sweep; // the next connection deadline
    Clock::time_point m_sweepAt;
    QSet<Link *> m_links;
    // Requests waiting for their answer: resumed before the library stops (it aborts on one
    // still suspended).
    QHash<const Exchange *, std::weak_ptr<Exchange>> m_suspended;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_listening = false;
    bool m_stopping = false;
    int m_connectionCap = 0;
    int m_pending = 0;
    QByteArray m_lastLog; // libmicrohttpd's last message, for a failed listen()
};

} // namespace wa
