#pragma once

// A small HTTP client for the server tests: QNetworkAccessManager for well-formed requests, a
// raw QTcpSocket for what QNAM would not send (no Content-Type, HEAD, abrupt hang-ups).

#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>

#include <utility>

namespace wa::test {

struct HttpResult
{
    int status = 0; // 0: no answer
    QByteArray body;
    QJsonObject json;
    bool isJson = false;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (name.compare(key, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString message() const { return json.value(QStringLiteral("message")).toString(); }
    QJsonObject params() const { return json.value(QStringLiteral("params")).toObject(); }
    QString id() const { return json.value(QStringLiteral("id")).toString(); }
    QString string(const char *field) const { return json.value(QLatin1String(field)).toString(); }
    int totalCount() const { return json.value(QStringLiteral("total_count")).toInt(-1); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

class HttpTestClient
{
public:
    explicit HttpTestClient(const TestServer *server)
        : m_server(server)
    { }

    enum class Auth
    {
        Token,
        None
    };

    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArray &body = {}, const Headers &headers = {},
                    Auth auth = Auth::Token)
    {
        QNetworkRequest request(m_server->endpoint(pathAndQuery));
        if (auth == Auth::Token)
            request.setRawHeader("Authorization", m_server->authorization());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            result.headers.append({pair.first, pair.second});
        parseJson(&result);
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QString &pathAndQuery, const Headers &headers = {})
    {
        return send("GET", pathAndQuery, {}, headers);
    }
    HttpResult post(const QString &path, const QByteArray &body, const Headers &headers = {})
    {
        return send("POST", path, body, headers);
    }

    // Writes `request` as is (the whole HTTP/1.1 request) and reads one answer.
    HttpResult raw(const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(m_server->url.host(), quint16(m_server->url.port()));
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        if (socket.state() != QAbstractSocket::ConnectedState && !connected.wait(10000))
            return {};
        socket.write(request);
        return readAnswer(&socket);
    }

    // Reads one HTTP answer (Content-Length framed) from `socket`, and nothing of the next.
    static HttpResult readAnswer(QTcpSocket *socket, bool expectBody = true)
    {
        HttpResult result;
        QSignalSpy readyRead(socket, &QTcpSocket::readyRead);
        // Waits (up to ~20 s) until `ready()`; false if it never is.
        const auto waitUntil = [&](auto ready) {
            for (int rounds = 0; rounds < 200 && !ready(); ++rounds) {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    break;
                readyRead.wait(100);
            }
            return ready();
        };
        const auto lineReady = [socket] { return socket->canReadLine(); };
        if (!waitUntil(lineReady))
            return result;
        result.status = socket->readLine().trimmed().split(' ').value(1).toInt();
        while (waitUntil(lineReady)) {
            const QByteArray line = socket->readLine().trimmed();
            if (line.isEmpty())
                break;
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                result.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qint64 length = expectBody ? result.header("Content-Length").toLongLong() : 0;
        waitUntil([socket, length] { return socket->bytesAvailable() >= length; });
        result.body = socket->read(length);
        parseJson(&result);
        return result;
    }

private:
    static void parseJson(HttpResult *result)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result->body, &error);
        result->isJson = error.error == QJsonParseError::NoError && document.isObject();
        result->json = document.object();
    }

    const TestServer *m_server;
    QNetworkAccessManager m_nam;
};

} // namespace wa::test
