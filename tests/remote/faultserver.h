#pragma once

// A small HTTP/1.1 server on 127.0.0.1 that answers from a script, to test what the remote
// client does with answers a real server should not give: a dropped connection, 503 then 200,
// no answer at all, a proxy's HTML page, a self-signed certificate. Counts every request.
// Header-only; shared by tests/remote and tests/cli.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

namespace wa::test {

class FaultServer final : public QTcpServer
{
public:
    struct Step
    {
        enum Kind
        {
            Answer,
            DropMidAnswer,
            Silent
        };
        Kind kind = Answer;
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body = "{}";
    };

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const
        {
            for (const auto &header : headers) {
                if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                    return header.second;
            }
            return {};
        }
    };

    // Request n gets steps[n], the last step repeating.
    QList<Step> steps {Step {}};
    QList<Request> requests;

    explicit FaultServer(QObject *parent = nullptr)
        : QTcpServer(parent)
    { }

    static Step answer(int status, QByteArray body,
                       QByteArray contentType = QByteArrayLiteral("application/json"))
    {
        return {Step::Answer, status, std::move(contentType), std::move(body)};
    }
    static Step drop() { return {Step::DropMidAnswer, 200, "application/json", {}}; }
    static Step silent() { return {Step::Silent, 0, {}, {}}; }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(serverPort()));
    }

    // Serve TLS with a fresh self-signed certificate for CN=localhost, made by the openssl
    // command line. Returns false (with `error`) when openssl is missing or fails.
    bool enableTls(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=localhost"), QStringLiteral("-keyout"), keyPath,
                       QStringLiteral("-out"), certPath});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl failed: ")
                + QString::fromLocal8Bit(openssl.readAllStandardError());
            return false;
        }
        QFile keyFile(keyPath);
        QFile certFile(certPath);
        if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the generated key or certificate");
            return false;
        }
        m_key = QSslKey(keyFile.readAll(), QSsl::Rsa);
        m_certificate = QSslCertificate(certFile.readAll());
        m_tls = !m_key.isNull() && !m_certificate.isNull();
        if (!m_tls)
            *error = QStringLiteral("cannot parse the generated key or certificate");
        return m_tls;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSocketDescriptor(descriptor);
            ssl->setLocalCertificate(m_certificate);
            ssl->setPrivateKey(m_key);
            // The client is expected to refuse the certificate: that is the point.
            connect(ssl, &QSslSocket::sslErrors, ssl, [] {});
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
        }
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            serve(socket, *buffer);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void serve(QTcpSocket *socket, QByteArray &buffer)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
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
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        const Step step = steps.value(requests.size(), steps.constLast());
        requests.append(request);

        switch (step.kind) {
        case Step::Silent:
            return;
        case Step::DropMidAnswer:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 400\r\n\r\n{\"id\": \"half");
            socket->flush();
            socket->disconnectFromHost();
            return;
        case Step::Answer:
            socket->write("HTTP/1.1 " + QByteArray::number(step.status) + " Scripted\r\n"
                          + "Content-Type: " + step.contentType + "\r\n"
                          + "Content-Length: " + QByteArray::number(step.body.size()) + "\r\n"
                          + "Connection: close\r\n\r\n" + step.body);
            socket->disconnectFromHost();
            return;
        }
    }

    QTemporaryDir m_dir;
    bool m_tls = false;
    QSslKey m_key;
    QSslCertificate m_certificate;
};

} // namespace wa::test
