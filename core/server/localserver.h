#pragma once

#include "restapi.h"
#include "result.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <deque>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace wa {

class LocalService;

// The REST API of a LocalService over HTTP, on QHttpServer. The only file that touches
// QHttpServer (PLATFORM.md): every request goes through one handler to RestApi, answers are
// written from this object's thread in the order of the requests on each connection (even when
// a later one is ready first), and a client that hangs up before its answer is ready is simply
// not answered. Listens on loopback unless told otherwise.
class LocalServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    explicit LocalServer(LocalService *service, QObject *parent = nullptr);
    ~LocalServer() override;

    // Port 0 picks a free port. Fails (port in use, address not local) with a message that
    // names the address.
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

Q_SIGNALS:
    void allRepliesSent();

private:
    struct PendingReply;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // Writes the answers at the head of the connection's queue that are ready.
    void flush(QTcpSocket *socket);
    void dropConnection(QTcpSocket *socket);
    void repliesDone(int count);

    RestApi m_api;
    QHttpServer *m_http = nullptr;
    QTcpServer *m_tcp = nullptr;
    QHostAddress m_address;
    // Answers not yet written, per connection, in request order.
    QHash<QTcpSocket *, std::deque<std::shared_ptr<PendingReply>>> m_queues;
    int m_pending = 0;
};

} // namespace wa
