// LocalServer's connections: each with a deadline (the request head and body, or the idle time
// between requests), and the sweep that closes those past it.

#include "localserver.h"

#include <algorithm>
#include <microhttpd.h>
#include <sys/socket.h>

namespace wa {

struct LocalServer::Link
{
    int fd = -1;
    Clock::time_point deadline = Never;
};

void LocalServer::onConnection(MHD_Connection *connection, void **context, bool opened)
{
    if (opened) {
        auto *link = new Link;
        link->fd
            = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD)->connect_fd;
        *context = link;
        m_links.insert(link);
        setDeadline(connection, Clock::now() + m_limits.requestTimeout);
        return;
    }
    auto *link = static_cast<Link *>(*context);
    *context = nullptr;
    m_links.remove(link);
    delete link;
}

void LocalServer::setDeadline(MHD_Connection *connection, Clock::time_point deadline)
{
    if (m_stopping)
        return;
    const MHD_ConnectionInfo *info
        = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    auto *link = info ? static_cast<Link *>(info->socket_context) : nullptr;
    if (!link)
        return;
    link->deadline = deadline;
    if (deadline == Never || (m_sweep.isActive() && m_sweepAt <= deadline))
        return;
    m_sweepAt = deadline;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    m_sweep.start(std::max(wait, std::chrono::milliseconds(0)));
}

void LocalServer::closeOverdueConnections()
{
    const Clock::time_point now = Clock::now();
    Clock::time_point next = Never;
    for (Link *link : std::as_const(m_links)) {
        if (link->deadline <= now) {
            // The library owns the descriptor: shutting it down makes the library see the end
            // of the connection and close it itself, on its next run.
            ::shutdown(link->fd, SHUT_RDWR);
            link->deadline = Never;
        } else {
            next = std::min(next, link->deadline);
        }
    }
    if (next != Never) {
        m_sweepAt = next;
        m_sweep.start(std::chrono::ceil<std::chrono::milliseconds>(next - now));
    }
    runDaemon();
}

} // namespace wa
