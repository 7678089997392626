#pragma once

// The one HTTP/1.1 server of the tests: a webhook receiver for deliveries, and a scripted
// remote for RemoteService and the CLI. It listens on 127.0.0.1 (a free port), speaks just
// enough HTTP/1.1 to be independent of the code under test (one request per connection, a
// Content-Length body, "Connection: close" on every answer), and records every request.
//
//     TestHttpServer receiver;
//     QVERIFY(receiver.start());                 // or startTls(): a certificate no one trusts
//     receiver.status = 500;                     // what every request gets from now on
//     receiver.hold = true;                      // or: keep requests unanswered ...
//     receiver.answerHeld(200);                  // ... until told (the oldest first)
//     receiver.script = {Reply::answer(503, "{}"), Reply::drop()};   // request n gets script[n]
//     QCOMPARE(receiver.requests.size(), 1);     // RecordedRequest: method, target, headers, body
//
// Header-only; Qt Network only.

#include "recordedrequest.h"
#include "untrustedcertificate.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace wa::test {

class TestHttpServer final : public QTcpServer
{
public:
    // What one request gets, in `script`.
    struct Reply
    {
        enum class Kind
        {
            Answer, // status, content type and body
            Hold, // nothing until answerHeld() (or ever): the client's timeout decides
            DropMidAnswer // half an answer (a 200 promising 400 bytes), then the connection closed
        };
        Kind kind = Kind::Answer;
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";

        static Reply answer(int status, QByteArray body,
                            QByteArray contentType = QByteArrayLiteral("application/json"))
        {
            return {Kind::Answer, status, std::move(body), std::move(contentType)};
        }
        static Reply hold() { return {Kind::Hold, 0, {}, {}}; }
        static Reply drop() { return {Kind::DropMidAnswer, 200, {}, {}}; }
    };

    // What every request is answered with; read when a request has fully arrived.
    int status = 200;
    QByteArray body = "{\"received\": true}";
    QByteArray contentType = "application/json";
    QByteArray extraHeaders; // raw header lines, each ending in "\r\n": "Location: …\r\n"
    int delayMs = 0; // answer this much later (so that a test can be seen running)
    bool hold = false; // keep every request unanswered until answerHeld()

    // When not empty, request n gets script[n] instead (the last one repeating).
    QList<Reply> script;

    // What arrived.
    QList<RecordedRequest> requests;
    int received = 0; // complete requests since start (clearing `requests` keeps it)
    int connections = 0; // connections accepted (with TLS: handshakes started)

    explicit TestHttpServer(QObject *parent = nullptr)
        : QTcpServer(parent)
    { }
    Q_DISABLE_COPY_MOVE(TestHttpServer)

    ~TestHttpServer() override
    {
        // The sockets first, while the bookkeeping they update on the way out is still here.
        close();
        qDeleteAll(findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly));
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }

    // Serves HTTPS with a self-signed certificate for localhost and 127.0.0.1 (not trusted by
    // anyone): a client that checks certificates, as ours must, refuses it and sends nothing.
    bool startTls()
    {
        m_key = QSslKey(QByteArray(untrusted::KeyPem), QSsl::Rsa);
        m_certificate = QSslCertificate(QByteArray(untrusted::CertificatePem));
        m_tls = !m_key.isNull() && !m_certificate.isNull();
        return m_tls && start();
    }

    // "http://127.0.0.1:<port>" + path ("https" under TLS).
    QString url(const QString &path = QStringLiteral("/webhooks")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2%3")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"),
                 QString::number(serverPort()), path);
    }
    QUrl baseUrl() const { return QUrl(url(QString())); }

    // Requests held and not answered yet (one whose client gave up counts until answerHeld()
    // passes over it).
    int heldCount() const { return int(m_held.size()); }

    // Answers the oldest held request whose client still waits, with `status` and the fields.
    void answerHeld(int status)
    {
        while (!m_held.isEmpty()) {
            const QPointer<QTcpSocket> socket = m_held.takeFirst();
            if (socket) {
                write(socket, Reply::answer(status, body, contentType));
                return;
            }
        }
    }

    // A loopback URL where nothing listens (a port taken free, then released): refused.
    static QUrl closedPortUrl(const QString &path = QStringLiteral("/webhooks"))
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(QString::number(port), path));
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSocketDescriptor(descriptor);
            ssl->setLocalCertificate(m_certificate);
            ssl->setPrivateKey(m_key);
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        RecordedRequest request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        request.body = buffer.mid(headEnd + 4, length);
        // One request per connection: the answer closes it.
        m_buffers.remove(socket);
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);

        const Reply reply = script.isEmpty()
            ? Reply {hold ? Reply::Kind::Hold : Reply::Kind::Answer, status, body, contentType}
            : script.value(requests.size(), script.constLast());
        requests.append(request);
        ++received;
        if (reply.kind == Reply::Kind::Hold) {
            m_held.append(socket);
        } else if (delayMs > 0) {
            QTimer::singleShot(delayMs, socket, [this, socket, reply] { write(socket, reply); });
        } else {
            write(socket, reply);
        }
    }

    void write(QTcpSocket *socket, const Reply &reply)
    {
        if (reply.kind == Reply::Kind::DropMidAnswer) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 400\r\n\r\n{\"id\": \"half");
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status)
                      + " Test\r\nContent-Type: " + reply.contentType
                      + "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n"
                      + extraHeaders + "Connection: close\r\n\r\n" + reply.body);
        socket->disconnectFromHost();
    }

    bool m_tls = false;
    QSslKey m_key;
    QSslCertificate m_certificate;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace wa::test
