#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <optional>
#include <sys/socket.h>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace wa {

// A listening TCP socket that hands each accepted connection (non-blocking, close-on-exec) to a
// callback, and never spins: QTcpServer retries accept() in a busy loop once the process is out
// of descriptors. Here a spare descriptor is kept; when accept() fails for want of descriptors,
// the spare is given up for a moment to accept the waiting client and close it at once, so
// clients are refused quickly instead of piling up, and the loop ends.
class TcpListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpListener)

public:
    // The callback owns the descriptor.
    using Accepted = std::function<void(int fd, const sockaddr *address, socklen_t length)>;

    explicit TcpListener(Accepted accepted, QObject *parent = nullptr);
    ~TcpListener() override;

    // Port 0 picks a free port. On failure: why (the system's words).
    std::optional<QString> listen(const QHostAddress &address, quint16 port);
    bool isListening() const { return m_fd >= 0; }
    quint16 port() const { return m_port; }
    // Connections turned away because the process was out of descriptors.
    int refusedForDescriptors() const { return m_refused; }
    void close();

private:
    void acceptWaiting();

    Accepted m_accepted;
    int m_fd = -1;
    int m_spare = -1;
    quint16 m_port = 0;
    int m_refused = 0;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace wa
