#include "tcplistener.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <unistd.h>

namespace wa {

namespace {

// Accepted per wake-up, so that a flood of connections cannot starve the event loop.
constexpr int AcceptsPerWakeUp = 64;

int openSpare()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

} // namespace

TcpListener::TcpListener(Accepted accepted, QObject *parent)
    : QObject(parent)
    , m_accepted(std::move(accepted))
{ }

TcpListener::~TcpListener()
{
    close();
}

std::optional<QString> TcpListener::listen(const QHostAddress &address, quint16 port)
{
    close();
    sockaddr_storage storage {};
    socklen_t length = 0;
    const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (ipv6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }

    const int fd
        = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (ipv6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::listen(fd, SOMAXCONN) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return reason;
    }
    sockaddr_storage bound {};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    m_port = ntohs(ipv6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                        : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    m_fd = fd;
    m_spare = openSpare();
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TcpListener::acceptWaiting);
    return std::nullopt;
}

void TcpListener::close()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_spare >= 0)
        ::close(m_spare);
    m_fd = m_spare = -1;
}

void TcpListener::acceptWaiting()
{
    for (int i = 0; i < AcceptsPerWakeUp && m_fd >= 0; ++i) {
        sockaddr_storage peer {};
        socklen_t length = sizeof peer;
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&peer), &length,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            m_accepted(fd, reinterpret_cast<sockaddr *>(&peer), length);
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if ((errno == EMFILE || errno == ENFILE) && m_spare >= 0) {
            // Out of descriptors: borrow the spare to turn the client away, then take it back.
            ::close(m_spare);
            const int refused = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (refused >= 0) {
                ::close(refused);
                ++m_refused;
            }
            m_spare = openSpare();
            continue;
        }
        return; // EAGAIN: nothing more waiting (or an error the next wake-up will see again)
    }
}

} // namespace wa
