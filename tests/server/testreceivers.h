#pragma once

// Receivers for the deliveries the tests start: one that says 200 to everything, one that
// accepts connections and never answers, and a port where nothing listens.

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace wa::test {

class OkReceiver
{
public:
    bool start()
    {
        m_http.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                ++m_received;
                m_lastPath = request.url().path();
                responder.write(QByteArray("{}"), QByteArray("application/json"));
            });
        if (!m_tcp->listen(QHostAddress::LocalHost, 0))
            return false;
        m_http.bind(m_tcp);
        return true;
    }
    QUrl url(const QString &path = QStringLiteral("/webhooks")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_tcp->serverPort()).arg(path));
    }
    int received() const { return m_received; }
    QString lastPath() const { return m_lastPath; }

private:
    QHttpServer m_http;
    QTcpServer *m_tcp = new QTcpServer(&m_http);
    int m_received = 0;
    QString m_lastPath;
};

// Accepts and reads, never answers: the deliverer's timeout decides.
class SilentReceiver
{
public:
    bool start() { return m_tcp.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks").arg(m_tcp.serverPort()));
    }

private:
    QTcpServer m_tcp;
};

// A loopback port nothing listens on (taken free, then released): deliveries are refused.
inline QUrl closedPortUrl(const QString &path = QStringLiteral("/webhooks"))
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
}

} // namespace wa::test
