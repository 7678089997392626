#include "localserver.h"

#include "apierror.h"
#include "descriptorlimit.h"
#include "httpreply.h"
#include "httprequest.h"
#include "requestcodec.h"
#include "requestframing.h"
#include "tcplistener.h"

#include <QFutureWatcher>
#include <QSocketNotifier>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace wa {

using namespace Qt::StringLiterals;

namespace {

// Descriptors kept free for all but connections: the database, deliveries, the receiver.
constexpr int ReservedDescriptors = 128;
// libmicrohttpd's per-connection memory, which holds the request head: a head that does not
// fit is refused with 431 by the library itself.
constexpr size_t HeadMemoryBytes = 32 * 1024;

// The bytes of an answer written straight to a socket (see sendBeforeBody and
// refuseConnection): status line, JSON, and the connection's end.
QByteArray closingAnswer(const HttpReply &reply)
{
    const QByteArray body = reply.bodyBytes();
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + MHD_get_reason_phrase_for(unsigned(reply.status))
        + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
    for (const auto &[name, value] : reply.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return bytes;
}

void writeNow(int fd, const QByteArray &bytes)
{
    // A small answer into an empty socket buffer: it fits; if not, the client is not reading.
    [[maybe_unused]] const auto sent
        = ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// Past the connection cap: a short answer, then the connection is closed.
void refuseConnection(int fd)
{
    static const QByteArray answer = closingAnswer(
        HttpReply::refusal(503, u"server-busy"_s,
                           u"The server has too many open connections; try again in a moment."_s));
    writeNow(fd, answer);
    ::close(fd);
}

} // namespace

struct LocalServer::Exchange
{
    MHD_Connection *connection = nullptr; // null once the library is done with the request
    HttpRequest request;
    // Decided before the whole body was read: what still arrives is thrown away.
    std::optional<HttpReply> refusal;
    qint64 declared = 0; // Content-Length; -1 for a chunked body
    qint64 discarded = 0;
    bool closeAfter = false; // framing in doubt: answer and close
    bool suspended = false;
    bool counted = false; // in pendingReplies()
    std::optional<HttpReply> reply; // ready to be queued when the connection resumes
    std::weak_ptr<Exchange> self; // for timers and watchers, which may outlive the request
};

// The C callbacks: libmicrohttpd passes the LocalServer as `cls`.
struct LocalServerCallbacks
{
    static MHD_Result request(void *cls, MHD_Connection *connection, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **context)
    {
        return MHD_Result(static_cast<LocalServer *>(cls)->onRequest(connection, url, method,
                                                                     version, data, size, context));
    }
    static void completed(void *cls, MHD_Connection *connection, void **context,
                          MHD_RequestTerminationCode)
    {
        static_cast<LocalServer *>(cls)->onRequestDone(connection, context);
    }
    static void connection(void *cls, MHD_Connection *connection, void **context,
                           MHD_ConnectionNotificationCode code)
    {
        static_cast<LocalServer *>(cls)->onConnection(connection, context,
                                                      code == MHD_CONNECTION_NOTIFY_STARTED);
    }
    static void log(void *cls, const char *format, va_list arguments)
    {
        char text[512];
        std::vsnprintf(text, sizeof text, format, arguments);
        static_cast<LocalServer *>(cls)->m_lastLog = QByteArray(text).trimmed();
    }
    // RestApi wants the path as sent (percent-encoded), and so do query items.
    static size_t keepEscaped(void *, MHD_Connection *, char *text) { return std::strlen(text); }
    static MHD_Result collect(void *cls, MHD_ValueKind, const char *key, size_t keySize,
                              const char *value, size_t valueSize)
    {
        static_cast<QList<QPair<QByteArray, QByteArray>> *>(cls)->append(
            {QByteArray(key, qsizetype(keySize)),
             value ? QByteArray(value, qsizetype(valueSize)) : QByteArray()});
        return MHD_YES;
    }
};

LocalServer::LocalServer(LocalService *service, QObject *parent)
    : QObject(parent)
    , m_api(service)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &LocalServer::runDaemon);
    m_sweep.setSingleShot(true);
    connect(&m_sweep, &QTimer::timeout, this, &LocalServer::closeOverdueConnections);
}

LocalServer::~LocalServer()
{
    m_stopping = true;
    if (m_daemon) {
        for (const auto &weak : std::as_const(m_suspended)) {
            const auto exchange = weak.lock();
            if (exchange && exchange->connection && exchange->suspended) {
                exchange->suspended = false;
                MHD_resume_connection(exchange->connection);
            }
        }
        // Closes every connection, held ones too (their requests complete as aborted).
        MHD_stop_daemon(m_daemon);
        m_daemon = nullptr;
    }
}

void LocalServer::setLimits(const HttpLimits &limits)
{
    m_limits = limits;
}

namespace {

Phrase cannotListen()
{
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalServer", "Cannot listen on %1: %2."));
}

} // namespace

Result<Done> LocalServer::listen(const QHostAddress &address, quint16 port)
{
    const QString where = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u"[%1]:%2"_s.arg(address.toString()).arg(port)
        : u"%1:%2"_s.arg(address.toString()).arg(port);
    if (m_listening) {
        return ApiError::coded(
            ApiError::Kind::Network, u"listen-failed"_s,
            WA_PHRASE(
                QT_TRANSLATE_NOOP("wa::LocalServer", "The server is already listening on %1."))
                .arg(url().toString()));
    }
    if (address.isNull() || address.protocol() == QAbstractSocket::AnyIPProtocol
        || address.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol) {
        return ApiError::coded(ApiError::Kind::Network, u"listen-failed"_s,
                               WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalServer",
                                                           "Cannot listen on %1: not an IPv4 or "
                                                           "IPv6 address."))
                                   .arg(where));
    }

    // Each connection holds a descriptor: use all the system allows, and stop accepting well
    // before running out (past the cap new connections get a 503 and are closed at once).
    const int descriptors = raiseDescriptorLimit();
    m_connectionCap = m_limits.maxConnections;
    if (descriptors > 0)
        m_connectionCap
            = std::min(m_connectionCap, std::max(16, descriptors - ReservedDescriptors));

    auto listener = std::make_unique<TcpListener>(
        [this](int fd, const sockaddr *peer, socklen_t length) { accepted(fd, peer, length); });
    if (const auto failed = listener->listen(address, port))
        return ApiError::coded(ApiError::Kind::Network, u"listen-failed"_s,
                               cannotListen().arg(where).arg(*failed));

    // After close(), listening again keeps the library running: answers still being prepared
    // for earlier connections go out.
    if (!m_daemon) {
        if (auto started = startDaemon(); !started.ok())
            return ApiError::coded(started.error().kind, started.error().code,
                                   cannotListen().arg(where).arg(started.error().words()));
    }
    m_listener = std::move(listener);
    m_address = address;
    m_port = m_listener->port();
    m_listening = true;
    m_throttle = std::make_unique<AuthThrottle>(
        m_limits.authFailureDelay, m_limits.authFailureMaxDelay, !address.isLoopback());
    return Done {};
}

Result<Done> LocalServer::startDaemon()
{
    // The library's own idle timeout backs up our deadlines (a client that never reads its
    // answer, say); ours are shorter and exact. Its connection limit is ours plus a margin: we
    // refuse past the cap ourselves, with an answer.
    const auto backstop = std::chrono::ceil<std::chrono::seconds>(
        std::max(m_limits.idleTimeout, m_limits.requestTimeout) * 2);
    m_lastLog.clear();
    m_daemon = MHD_start_daemon(
        MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET, 0,
        nullptr, nullptr, &LocalServerCallbacks::request, this, MHD_OPTION_CONNECTION_LIMIT,
        unsigned(m_connectionCap + 16), MHD_OPTION_CONNECTION_TIMEOUT, unsigned(backstop.count()),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, HeadMemoryBytes, MHD_OPTION_STRICT_FOR_CLIENT, int(1),
        MHD_OPTION_NOTIFY_COMPLETED, &LocalServerCallbacks::completed, this,
        MHD_OPTION_NOTIFY_CONNECTION, &LocalServerCallbacks::connection, this,
        MHD_OPTION_EXTERNAL_LOGGER, &LocalServerCallbacks::log, this, MHD_OPTION_UNESCAPE_CALLBACK,
        &LocalServerCallbacks::keepEscaped, this, MHD_OPTION_END);
    if (!m_daemon) {
        return ApiError::coded(ApiError::Kind::Network, u"listen-failed"_s,
                               m_lastLog.isEmpty() ? WA_PHRASE(QT_TRANSLATE_NOOP(
                                   "wa::LocalServer", "the HTTP server did not start"))
                                                   : Phrase::plain(QString::fromUtf8(m_lastLog)));
    }
    // The library runs in this thread: whenever its epoll descriptor has news, and when its
    // timeout says.
    const int epoll = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_EPOLL_FD)->epoll_fd;
    m_notifier = new QSocketNotifier(epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LocalServer::runDaemon);
    runDaemon();
    return Done {};
}

bool LocalServer::isListening() const
{
    return m_listening;
}

quint16 LocalServer::port() const
{
    return m_listening ? m_port : 0;
}

QUrl LocalServer::url() const
{
    if (!m_listening)
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

void LocalServer::close()
{
    if (!m_listening)
        return;
    // Connections already open go on.
    m_listening = false;
    m_listener->close();
}

void LocalServer::accepted(int fd, const sockaddr *peer, socklen_t length)
{
    if (m_links.size() >= m_connectionCap) {
        refuseConnection(fd);
        return;
    }
    // The library takes the descriptor over (and closes it if it cannot take the connection).
    MHD_add_connection(m_daemon, fd, peer, length);
    m_tick.start(0);
}

int LocalServer::pendingReplies() const
{
    return m_pending;
}

int LocalServer::onRequest(MHD_Connection *connection, const char *url, const char *method,
                           const char *version, const char *data, size_t *size, void **context)
{
    auto *holder = static_cast<std::shared_ptr<Exchange> *>(*context);
    if (!holder) {
        // First call: the head is complete, no body byte has been read.
        holder = new std::shared_ptr<Exchange>(std::make_shared<Exchange>());
        *context = holder;
        Exchange &exchange = **holder;
        exchange.self = *holder;
        exchange.connection = connection;
        readHead(exchange, url, method, version);
        const bool bodyToCome = exchange.request.header("Content-Length") != "0"
            && (!exchange.request.header("Content-Length").isEmpty()
                || !exchange.request.header("Transfer-Encoding").isEmpty());
        setDeadline(connection, bodyToCome ? Clock::now() + m_limits.requestTimeout : Never);
        // A refusal is sent before the body, and the connection closed, when the client waits
        // for our word (Expect), when the framing is in doubt, or when the body is large or of
        // unknown size. A small body is read and thrown away first, so that a client busy
        // writing it still sees the answer, and the connection stays open.
        if (exchange.refusal && bodyToCome
            && (exchange.closeAfter || !exchange.request.header("Expect").isEmpty()
                || exchange.declared < 0 || exchange.declared > m_limits.maxDiscardBytes)) {
            sendBeforeBody(exchange);
        }
        return MHD_YES;
    }

    Exchange &exchange = **holder;
    if (exchange.reply) { // resumed with its answer (a refusal may come before the whole body)
        *size = 0;
        return queue(exchange, *std::exchange(exchange.reply, std::nullopt));
    }
    if (*size > 0)
        return takeBody(exchange, data, size);

    // The body is complete.
    setDeadline(connection, Never);
    if (exchange.refusal)
        return deliver(exchange, *exchange.refusal);
    QFuture<HttpReply> future = m_api.handle(exchange.request);
    exchange.request.body.clear();
    if (future.isFinished())
        return deliver(exchange, future.result());

    exchange.counted = true;
    ++m_pending;
    suspend(exchange);
    // A watcher owned by this server rather than then(this, ...): when the server goes first,
    // the watcher goes with it and nothing runs (then() with a dead context asserts on 6.4).
    auto *watcher = new QFutureWatcher<HttpReply>(this);
    connect(
        watcher, &QFutureWatcher<HttpReply>::finished, this, [this, watcher, weak = exchange.self] {
            watcher->deleteLater();
            HttpReply reply = watcher->result();
            const auto exchange = weak.lock();
            if (!exchange || !exchange->connection)
                return; // the client is gone
            // A 401 now (the token changed meanwhile) is held back as well.
            if (reply.status == 401) {
                if (const auto delay = authDelay(exchange->connection); delay.count() > 0) {
                    QTimer::singleShot(delay, this, [this, weak, reply] { resume(weak, reply); });
                    return;
                }
            }
            resume(weak, std::move(reply));
        });
    watcher->setFuture(future);
    return MHD_YES;
}

void LocalServer::readHead(Exchange &exchange, const char *url, const char *method,
                           const char *version)
{
    HttpRequest &request = exchange.request;
    MHD_Connection *connection = exchange.connection;
    request.method = method;
    request.path = QString::fromUtf8(url);
    QList<QPair<QByteArray, QByteArray>> arguments;
    MHD_get_connection_values_n(connection, MHD_GET_ARGUMENT_KIND, &LocalServerCallbacks::collect,
                                &arguments);
    QByteArray query;
    for (const auto &[name, value] : std::as_const(arguments)) {
        if (!query.isEmpty())
            query += '&';
        query += name;
        if (!value.isNull())
            query += '=' + value;
    }
    request.query = QUrlQuery(QString::fromUtf8(query));
    MHD_get_connection_values_n(connection, MHD_HEADER_KIND, &LocalServerCallbacks::collect,
                                &request.headers);

    const RequestFraming framing
        = RequestFraming::check(request, QByteArrayView(version), m_limits.maxHeaderFields);
    exchange.declared = framing.declaredBytes;
    if (framing.refusal) {
        exchange.refusal = framing.refusal;
        exchange.closeAfter = true; // the rest of the stream cannot be trusted
        return;
    }
    exchange.refusal = m_api.refuseHead(request, exchange.declared);
}

int LocalServer::takeBody(Exchange &exchange, const char *data, size_t *size)
{
    const qint64 bytes = qint64(*size);
    *size = 0; // all of it taken
    if (!exchange.refusal && exchange.request.body.size() + bytes > RequestCodec::MaxBodyBytes) {
        // A chunked body passing the limit: cut off here, never kept.
        exchange.refusal
            = HttpReply::fromError(ApiError::payloadTooLarge(RequestCodec::MaxBodyBytes));
        exchange.discarded = exchange.request.body.size();
        exchange.request.body = QByteArray();
    }
    if (!exchange.refusal) {
        exchange.request.body.append(data, bytes);
        return MHD_YES;
    }
    exchange.discarded += bytes;
    // A chunked body cut off at 1 MiB and still going: past the bound, the connection is
    // closed without an answer (the library cannot answer in the middle of a body).
    return exchange.discarded <= m_limits.maxDiscardBytes ? MHD_YES : MHD_NO;
}

void LocalServer::sendBeforeBody(Exchange &exchange)
{
    // libmicrohttpd sends a response queued before the body only once it has read the whole
    // body, however large: the answer is written straight to the socket instead, and the
    // socket shut down, so that the library sees the connection end and closes it.
    const int fd = MHD_get_connection_info(exchange.connection, MHD_CONNECTION_INFO_CONNECTION_FD)
                       ->connect_fd;
    const QByteArray answer = closingAnswer(*exchange.refusal);
    const auto send = [fd, answer] {
        writeNow(fd, answer);
        ::shutdown(fd, SHUT_RDWR);
    };
    if (exchange.refusal->status == 401) {
        if (const auto delay = authDelay(exchange.connection); delay.count() > 0) {
            // Held back like any 401; the connection waits suspended, so the library leaves
            // the descriptor alone until then.
            suspend(exchange);
            QTimer::singleShot(delay, this, [this, weak = exchange.self, send] {
                const auto exchange = weak.lock();
                if (!exchange || !exchange->connection || !exchange->suspended)
                    return;
                send();
                exchange->suspended = false;
                m_suspended.remove(exchange.get());
                MHD_resume_connection(exchange->connection);
                m_tick.start(0);
            });
            return;
        }
    }
    send();
}

int LocalServer::deliver(Exchange &exchange, HttpReply reply)
{
    // A refused token waits, without holding up anyone else: the connection is suspended and
    // resumed by a timer (the client may be gone by then: hence the weak pointer).
    if (reply.status == 401) {
        if (const auto delay = authDelay(exchange.connection); delay.count() > 0) {
            suspend(exchange);
            QTimer::singleShot(delay, this,
                               [this, weak = exchange.self, reply] { resume(weak, reply); });
            return MHD_YES;
        }
    }
    return queue(exchange, reply);
}

std::chrono::milliseconds LocalServer::authDelay(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info
        = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const QHostAddress peer
        = info && info->client_addr ? QHostAddress(info->client_addr) : QHostAddress();
    return m_throttle->failed(peer, Clock::now());
}

int LocalServer::queue(Exchange &exchange, const HttpReply &reply)
{
    const QByteArray body = reply.bodyBytes();
    MHD_Response *response = MHD_create_response_from_buffer(
        size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO; // out of memory: the library closes the connection
    MHD_add_response_header(response, "Content-Type", "application/json");
    for (const auto &[name, value] : reply.headers)
        MHD_add_response_header(response, name.constData(), value.constData());
    if (exchange.closeAfter)
        MHD_add_response_header(response, "Connection", "close");
    const MHD_Result queued
        = MHD_queue_response(exchange.connection, unsigned(reply.status), response);
    MHD_destroy_response(response);
    return queued;
}

void LocalServer::suspend(Exchange &exchange)
{
    exchange.suspended = true;
    m_suspended.insert(&exchange, exchange.self);
    MHD_suspend_connection(exchange.connection);
}

void LocalServer::resume(const std::weak_ptr<Exchange> &weak, std::optional<HttpReply> reply)
{
    const std::shared_ptr<Exchange> exchange = weak.lock();
    if (!exchange || !exchange->connection || !exchange->suspended)
        return; // the client is gone, or the server stopped
    exchange->reply = std::move(reply);
    exchange->suspended = false;
    m_suspended.remove(exchange.get());
    MHD_resume_connection(exchange->connection);
    m_tick.start(0); // the library answers it on its next run
}

void LocalServer::onRequestDone(MHD_Connection *connection, void **context)
{
    auto *holder = static_cast<std::shared_ptr<Exchange> *>(*context);
    *context = nullptr;
    if (holder) {
        m_suspended.remove(holder->get());
        (*holder)->connection = nullptr;
        if ((*holder)->counted)
            repliesDone(1);
        delete holder;
    }
    // Kept alive: the next request's head must come within the idle limit.
    setDeadline(connection, Clock::now() + m_limits.idleTimeout);
}

void LocalServer::runDaemon()
{
    if (!m_daemon)
        return;
    MHD_run(m_daemon);
    MHD_UNSIGNED_LONG_LONG wait = 0;
    if (MHD_get_timeout(m_daemon, &wait) == MHD_YES)
        m_tick.start(int(std::min<MHD_UNSIGNED_LONG_LONG>(wait, 60000)));
    else
        m_tick.stop();
}

void LocalServer::repliesDone(int count)
{
    if (count == 0)
        return;
    m_pending -= count;
    if (m_pending == 0 && !m_stopping)
        Q_EMIT allRepliesSent();
}

} // namespace wa
