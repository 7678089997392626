#pragma once

// A tiny webhook receiver for GUI tests: answers every complete HTTP request with a fixed
// status, optionally after a delay (so a test can see a config in state "new" before its test
// finishes). Listens on 127.0.0.1 only. Header-only.

#include <QByteArray>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace wa::test {

class TinyReceiver final : public QTcpServer
{
public:
    int status = 200;
    int delayMs = 0;
    int received = 0;

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &path = QStringLiteral("/webhooks")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path);
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(headerEnd).split('\n')) {
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            buffer->clear();
            ++received;
            QPointer<QTcpSocket> guarded(socket);
            QTimer::singleShot(delayMs, socket, [this, guarded] {
                if (!guarded)
                    return;
                const QByteArray body = "{\"received\": true}";
                guarded->write("HTTP/1.1 " + QByteArray::number(status)
                               + " Status\r\n"
                                 "Content-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                               + body);
                guarded->disconnectFromHost();
            });
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

} // namespace wa::test
