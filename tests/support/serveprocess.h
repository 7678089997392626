#pragma once

// `webhook-admin-cli serve --port 0` as a child process (the test defines WA_CLI_PATH): the real
// service for tests that need several processes, and a real remote for the CLI. It is started
// on a database, read for the URL and token it prints, spoken to over HTTP, signalled, and
// stopped (SIGTERM, then SIGKILL after 15 s) when it goes out of scope.
//
//     ServeProcess serve;
//     QVERIFY(serve.start(database, isolatedEnvironment(home)));
//     const HttpAnswer created = serve.request("POST", u"/configs/webhook"_s, {{u"url"_s, url}});
//     cli.run(QStringList {u"list"_s} + serve.backend());

#include "httpanswer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <memory>

namespace wa::test {

class ServeProcess final
{
public:
    ServeProcess() = default;
    Q_DISABLE_COPY_MOVE(ServeProcess)
    ~ServeProcess() { stop(); }

    // Starts `serve --port 0 --database <database> <extra>` (an empty `database`: the one serve
    // chooses itself, WEBHOOK_ADMIN_DATABASE say); true once it printed where it listens and its
    // token, false (with its output as a warning) if it never did.
    bool start(const QString &database, const QProcessEnvironment &env,
               const QStringList &extra = {})
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        QStringList arguments {QStringLiteral("serve"), QStringLiteral("--port"),
                               QStringLiteral("0")};
        if (!database.isEmpty())
            arguments << QStringLiteral("--database") << database;
        m_process->start(QStringLiteral(WA_CLI_PATH), arguments + extra);
        QByteArray banner;
        (void)QTest::qWaitFor(
            [&] {
                banner += m_process->readAllStandardOutput();
                return banner.contains("Token: ") || m_process->state() == QProcess::NotRunning;
            },
            30000);
        banner += m_process->readAllStandardOutput();
        const auto listening = QRegularExpression(QStringLiteral("Listening on (\\S+)\\n"))
                                   .match(QString::fromUtf8(banner));
        const auto token = QRegularExpression(QStringLiteral("Token: (\\S+)\\n"))
                               .match(QString::fromUtf8(banner));
        if (!listening.hasMatch() || !token.hasMatch()) {
            qWarning() << "serve did not start:" << banner << m_process->readAllStandardError();
            return false;
        }
        m_url = QUrl(listening.captured(1));
        m_token = token.captured(1);
        m_banner = banner;
        return true;
    }

    // start() with the token read from a private (0600) file beside the database
    // (`--token-file`), as a user keeps it out of `ps`.
    bool startWithToken(const QString &database, const QProcessEnvironment &env,
                        const QString &token = QStringLiteral("test-serve-token-0123456789"))
    {
        const QString tokenFile = database + QStringLiteral(".token");
        QFile file(tokenFile);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(token.toUtf8() + '\n');
        file.close();
        return start(database, env, {QStringLiteral("--token-file"), tokenFile});
    }

    // Sends requests to `url` (a load balancer, say) without starting anything.
    void point(const QUrl &url, const QString &token)
    {
        m_url = url;
        m_token = token;
    }

    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    // What it printed on start (where it listens, the database, the token).
    QByteArray banner() const { return m_banner; }
    // The backend options that make the CLI talk to it.
    QStringList backend() const
    {
        return {QStringLiteral("--api-url"), m_url.toString(), QStringLiteral("--token"), m_token};
    }
    // What it wrote to stderr since the last call (its log).
    QByteArray log() const { return m_process ? m_process->readAllStandardError() : QByteArray(); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    // Sends the signal and waits for the exit (SIGKILL: at once, nothing cleaned up).
    void kill(int signal = SIGKILL)
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), signal);
        m_process->waitForFinished(20000);
    }

    // SIGTERM, as a user stops it; SIGKILL if it has not ended within 15 s.
    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(15000))
            kill(SIGKILL);
    }

    // One request with its token; `path` may carry a query ("/tasks?target=…").
    HttpAnswer request(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}) const
    {
        QNetworkAccessManager network;
        QUrl url = m_url;
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Token " + m_token.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        const QByteArray bytes
            = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = network.sendCustomRequest(request, method, bytes);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        HttpAnswer answer;
        if (!reply->isFinished() && !finished.wait(30000))
            return answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_token;
    QByteArray m_banner;
};

} // namespace wa::test
