#pragma once

// A webhook receiver for the local tests: a plain QTcpServer on 127.0.0.1:0 speaking just
// enough HTTP/1.1, independent of the code under test. It records every request and answers
// with a set status, or holds the request until told to answer (or never).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

class TestReceiver final : public QObject
{
public:
    enum class Mode
    {
        Answer,
        Hold
    };

    explicit TestReceiver(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    QString url(const QString &path = QStringLiteral("/webhooks")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    void setMode(Mode mode) { m_mode = mode; }
    void setStatus(int status, QByteArray extraHeaders = {})
    {
        m_status = status;
        m_extraHeaders = std::move(extraHeaders);
    }

    void setBody(QByteArray body) { m_body = std::move(body); }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int heldCount() const { return int(m_held.size()); }

    // Answers the oldest held request.
    void answerHeld(int status)
    {
        while (!m_held.isEmpty()) {
            QPointer<QTcpSocket> socket = m_held.takeFirst();
            if (socket) {
                respond(socket, status);
                return;
            }
        }
    }

    // Independent of the code under test: HMAC-SHA256 over "<t>." + body, base64.
    static bool signatureValid(const ReceivedRequest &request, const QByteArray &secret,
                               qint64 *timestamp = nullptr)
    {
        const QByteArray header = request.headers.value("ricloud-signature");
        QByteArray t;
        QByteArray s;
        for (const QByteArray &part : header.split(',')) {
            if (part.startsWith("t="))
                t = part.mid(2);
            else if (part.startsWith("s="))
                s = part.mid(2);
        }
        if (t.isEmpty() || s.isEmpty())
            return false;
        if (timestamp)
            *timestamp = t.toLongLong();
        const QByteArray expected = QMessageAuthenticationCode::hash(t + '.' + request.body, secret,
                                                                     QCryptographicHash::Sha256)
                                        .toBase64();
        return expected == s;
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.insert(name, value);
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        if (m_mode == Mode::Hold)
            m_held.append(socket);
        else
            respond(socket, m_status);
    }

    void respond(QTcpSocket *socket, int status)
    {
        const QByteArray &body = m_body;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n" + m_extraHeaders + "\r\n" + body;
        socket->write(response);
    }

    QTcpServer m_server;
    Mode m_mode = Mode::Answer;
    int m_status = 200;
    QByteArray m_extraHeaders;
    QByteArray m_body = "{\"ok\": true}";
    QList<ReceivedRequest> m_requests;
    QList<QPointer<QTcpSocket>> m_held;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
