#include "localserver.h"

#include "apierror.h"
#include "httpreply.h"
#include "httprequest.h"

#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <optional>

namespace wa {

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get:
        return "GET";
    case Method::Put:
        return "PUT";
    case Method::Delete:
        return "DELETE";
    case Method::Post:
        return "POST";
    case Method::Head:
        return "HEAD";
    case Method::Options:
        return "OPTIONS";
    case Method::Patch:
        return "PATCH";
    case Method::Connect:
        return "CONNECT";
    case Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

// Every answer is JSON. A HEAD request (never routed as such: it gets a 405) is answered
// without its body, so that the connection stays in step.
void send(QHttpServerResponder &responder, const HttpReply &reply, bool withBody)
{
    const QByteArray body = reply.bodyBytes();
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", "application/json");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(withBody ? body : QByteArray());
    // Hand the bytes to the kernel now: a `serve` stopping right after its last answer must
    // not take that answer down with it.
    responder.socket()->flush();
}

} // namespace

struct LocalServer::PendingReply
{
    PendingReply(QHttpServerResponder &&responder, bool withBody)
        : responder(std::move(responder))
        , withBody(withBody)
    { }

    QHttpServerResponder responder;
    bool withBody;
    std::optional<HttpReply> reply; // set when the service has answered
};

LocalServer::LocalServer(LocalService *service, QObject *parent)
    : QObject(parent)
    , m_api(service)
    , m_http(new QHttpServer(this))
{
    // One entry point: no route is registered, so every request, whatever its path or method,
    // reaches RestApi (which answers 401, 404 and 405 itself).
    m_http->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

LocalServer::~LocalServer() = default;

Result<Done> LocalServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_tcp && m_tcp->isListening())
        return ApiError {ApiError::Kind::Network,
                         0,
                         u"listen-failed"_s,
                         u"The server is already listening on %1."_s.arg(url().toString()),
                         {}};
    // Our own QTcpServer: QHttpServer::listen() is gone in Qt 6.8, and bind() without a
    // server would listen on every interface.
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(address, port)) {
        const QString where = address.protocol() == QAbstractSocket::IPv6Protocol
            ? u"[%1]:%2"_s.arg(address.toString()).arg(port)
            : u"%1:%2"_s.arg(address.toString()).arg(port);
        return ApiError {ApiError::Kind::Network,
                         0,
                         u"listen-failed"_s,
                         u"Cannot listen on %1: %2."_s.arg(where, tcp->errorString()),
                         {}};
    }
    if (m_tcp)
        m_tcp->deleteLater();
    m_tcp = tcp.release();
    m_tcp->setParent(this);
    m_address = address;
    m_http->bind(m_tcp);
    return Done {};
}

bool LocalServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 LocalServer::port() const
{
    return isListening() ? m_tcp->serverPort() : 0;
}

QUrl LocalServer::url() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_tcp->serverAddress().toString());
    url.setPort(m_tcp->serverPort());
    return url;
}

void LocalServer::close()
{
    if (m_tcp)
        m_tcp->close();
}

int LocalServer::pendingReplies() const
{
    return m_pending;
}

void LocalServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    // The request object is reused for the connection's next request: copy what we need now.
    HttpRequest value;
    value.method = methodName(request.method());
    value.path = request.url().path(QUrl::FullyEncoded);
    value.query = request.query();
    value.headers = request.headers();
    value.body = request.body();
    const bool withBody = request.method() != QHttpServerRequest::Method::Head;

    QTcpSocket *socket = responder.socket();
    QFuture<HttpReply> reply = m_api.handle(value);
    const auto queue = m_queues.constFind(socket);
    const bool nothingBefore = queue == m_queues.cend() || queue->empty();
    if (nothingBefore && reply.isFinished()) {
        // The common case (errors, reads): answer at once, no bookkeeping.
        send(responder, reply.result(), withBody);
        return;
    }

    // A deferred answer (a held Ricloud-Await, a batched create, a service in another thread),
    // or one that must wait for an earlier answer on the same connection (pipelining). Never
    // return a QFuture<QHttpServerResponse> to QHttpServer: on 6.4 it writes to a freed socket
    // when the client has gone, and out of order. Keep the responder, answer from this thread.
    auto pending = std::make_shared<PendingReply>(std::move(responder), withBody);
    if (!m_queues.contains(socket)) {
        connect(socket, &QObject::destroyed, this, [this, socket] { dropConnection(socket); });
    }
    m_queues[socket].push_back(pending);
    ++m_pending;
    if (reply.isFinished()) {
        pending->reply = reply.result();
        flush(socket);
        return;
    }
    // A watcher owned by this server rather than then(this, ...): when the server goes first,
    // the watcher goes with it and nothing runs (then() with a dead context asserts on 6.4).
    auto *watcher = new QFutureWatcher<HttpReply>(this);
    connect(watcher, &QFutureWatcher<HttpReply>::finished, this,
            [this, watcher, pending, guard = QPointer<QTcpSocket>(socket)] {
                watcher->deleteLater();
                pending->reply = watcher->result();
                if (guard)
                    flush(guard);
            });
    watcher->setFuture(reply);
}

void LocalServer::flush(QTcpSocket *socket)
{
    auto queue = m_queues.find(socket);
    if (queue == m_queues.end())
        return;
    int written = 0;
    while (!queue->empty() && queue->front()->reply) {
        const std::shared_ptr<PendingReply> head = queue->front();
        queue->pop_front();
        if (socket->state() == QAbstractSocket::ConnectedState)
            send(head->responder, *head->reply, head->withBody);
        ++written;
    }
    repliesDone(written);
}

void LocalServer::dropConnection(QTcpSocket *socket)
{
    // The client is gone: its answers still being prepared will not be written.
    const auto queue = m_queues.find(socket);
    if (queue == m_queues.end())
        return;
    const int dropped = int(queue->size());
    m_queues.erase(queue);
    repliesDone(dropped);
}

void LocalServer::repliesDone(int count)
{
    if (count == 0)
        return;
    m_pending -= count;
    if (m_pending == 0)
        Q_EMIT allRepliesSent();
}

} // namespace wa
