#pragma once

// The real binaries for tests that need several processes: `webhook-admin-cli serve` started
// and spoken to over HTTP, and one-shot CLI commands. Header-only; the test defines
// WA_CLI_PATH. Every process keeps its settings and data inside the test's folder.

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <csignal>
#include <memory>

namespace wa::test {

inline QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    QDir().mkpath(home + QStringLiteral("/runtime"));
    QFile::setPermissions(home + QStringLiteral("/runtime"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    env.remove(QStringLiteral("WEBHOOK_ADMIN_TOKEN"));
    return env;
}

struct CliRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs `webhook-admin-cli <arguments>` to its end.
inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &env,
                     int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WA_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

struct HttpAnswer
{
    int status = 0;
    QJsonObject json;
    QString string(const char *field) const { return json.value(QLatin1String(field)).toString(); }
};

// `webhook-admin-cli serve` on a free port of 127.0.0.1.
class ServeProcess final
{
public:
    ~ServeProcess() { kill(SIGKILL); }

    bool start(const QString &database, const QProcessEnvironment &env,
               const QStringList &extra = {})
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        // An empty `database`: the one serve chooses itself (WEBHOOK_ADMIN_DATABASE, ...).
        QStringList arguments {QStringLiteral("serve"), QStringLiteral("--port"),
                               QStringLiteral("0")};
        if (!database.isEmpty())
            arguments << QStringLiteral("--database") << database;
        m_process->start(QStringLiteral(WA_CLI_PATH), arguments + extra);
        QByteArray out;
        for (int i = 0; i < 300 && !out.contains("Token: "); ++i) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            m_process->waitForReadyRead(100);
            out += m_process->readAllStandardOutput();
        }
        out += m_process->readAllStandardOutput();
        const auto listening = QRegularExpression(QStringLiteral("Listening on (http://\\S+)\\n"))
                                   .match(QString::fromUtf8(out));
        const auto token
            = QRegularExpression(QStringLiteral("Token: (\\S+)\\n")).match(QString::fromUtf8(out));
        if (!listening.hasMatch() || !token.hasMatch()) {
            qWarning() << "serve did not start:" << out << m_process->readAllStandardError();
            return false;
        }
        m_url = QUrl(listening.captured(1));
        m_token = token.captured(1).toUtf8();
        m_banner = out;
        return true;
    }

    // Sends requests to `url` (a load balancer, say) without starting anything.
    void point(const QUrl &url, const QByteArray &token)
    {
        m_url = url;
        m_token = token;
    }

    QUrl url() const { return m_url; }
    // What it printed on start (where it listens, the database, the token).
    QByteArray banner() const { return m_banner; }
    // What it wrote to stderr so far (its log).
    QByteArray log() const { return m_process ? m_process->readAllStandardError() : QByteArray(); }
    QByteArray token() const { return m_token; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    // Sends the signal and waits for the exit (SIGKILL: at once, nothing cleaned up).
    void kill(int signal)
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), signal);
        m_process->waitForFinished(20000);
    }

    HttpAnswer request(const QByteArray &method, const QString &path,
                       const QJsonObject &body = {}, const QList<QPair<QByteArray, QByteArray>> &
                                                         headers = {}) const
    {
        QNetworkAccessManager network;
        QUrl url = m_url;
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Token " + m_token);
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
    QByteArray m_token;
    QByteArray m_banner;
};

} // namespace wa::test
