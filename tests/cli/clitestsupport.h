#pragma once

// Running the real webhook-admin-cli from a test: a private HOME (no real settings or keychain
// touched), the binary as a child process with optional stdin, and `serve --port 0` as a real
// remote, started and stopped by the test. The event loop keeps turning while a child runs, so
// that receivers living in the test process answer.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wa::test {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;

    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    // --json bulk output: one object per line.
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> lines;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            lines << QJsonDocument::fromJson(line.toUtf8()).object();
        return lines;
    }
};

class CliHarness
{
public:
    CliHarness() = default;

    bool valid() const { return m_home.isValid(); }
    QString path(const QString &name) const { return m_home.filePath(name); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/webhook-admin-test-bus"));
        env.remove(QStringLiteral("WEBHOOK_ADMIN_TOKEN"));
        env.remove(QStringLiteral("WEBHOOK_ADMIN_SERVE_TOKEN"));
        return env;
    }

    std::unique_ptr<QProcess> process(const QStringList &arguments,
                                      const QProcessEnvironment &env) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(env);
        process->setProgram(QStringLiteral(WA_CLI_PATH));
        process->setArguments(arguments);
        return process;
    }

    CliRun run(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment *env = nullptr, int timeoutMs = 90000) const
    {
        auto child = process(arguments, env ? *env : environment());
        child->start();
        CliRun run;
        if (!child->waitForStarted(10000))
            return run;
        child->write(input);
        child->closeWriteChannel();
        if (!QTest::qWaitFor([&] { return child->state() == QProcess::NotRunning; }, timeoutMs)) {
            child->kill();
            child->waitForFinished(5000);
            return run;
        }
        run.code = child->exitStatus() == QProcess::NormalExit ? child->exitCode() : -2;
        run.out = QString::fromUtf8(child->readAllStandardOutput());
        run.err = QString::fromUtf8(child->readAllStandardError());
        return run;
    }

    // Runs a shell command line (for redirections and pipes), with the CLI as "$CLI".
    CliRun shell(const QString &command) const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CLI"), QStringLiteral(WA_CLI_PATH));
        auto child = std::make_unique<QProcess>();
        child->setProcessEnvironment(env);
        child->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        CliRun run;
        child->closeWriteChannel();
        if (!QTest::qWaitFor([&] { return child->state() == QProcess::NotRunning; }, 90000))
            return run;
        run.code = child->exitCode();
        run.out = QString::fromUtf8(child->readAllStandardOutput());
        run.err = QString::fromUtf8(child->readAllStandardError());
        return run;
    }

private:
    QTemporaryDir m_home;
};

// `webhook-admin-cli serve --port 0` as a child process: a real remote for the CLI.
struct ServeProcess
{
    std::unique_ptr<QProcess> process;
    QString url;
    QString token;
    QString database;
    QByteArray banner;

    // Starts serve on `database` with a token from a private file; false if it never listened.
    bool start(const CliHarness &harness, const QString &databasePath,
               const QString &serveToken = QStringLiteral("cli-test-serve-token-0123456789"))
    {
        database = databasePath;
        const QString tokenFile = databasePath + QStringLiteral(".token");
        QFile file(tokenFile);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(serveToken.toUtf8() + '\n');
        file.close();
        process = harness.process({QStringLiteral("serve"), QStringLiteral("--port"),
                                   QStringLiteral("0"), QStringLiteral("--database"), databasePath,
                                   QStringLiteral("--token-file"), tokenFile},
                                  harness.environment());
        process->start();
        if (!QTest::qWaitFor(
                [&] {
                    banner += process->readAllStandardOutput();
                    return banner.contains("Token: ") || process->state() == QProcess::NotRunning;
                },
                20000))
            return false;
        banner += process->readAllStandardOutput();
        const auto listening = QRegularExpression(QStringLiteral("Listening on (\\S+)\\n"))
                                   .match(QString::fromUtf8(banner));
        const auto served = QRegularExpression(QStringLiteral("Token: (\\S+)\\n"))
                                .match(QString::fromUtf8(banner));
        if (!listening.hasMatch() || !served.hasMatch()) {
            qWarning() << "serve did not start:" << banner << process->readAllStandardError();
            return false;
        }
        url = listening.captured(1);
        token = served.captured(1);
        return true;
    }

    QStringList backend() const
    {
        return {QStringLiteral("--api-url"), url, QStringLiteral("--token"), token};
    }

    void kill()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(10000);
        }
    }

    ~ServeProcess()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(15000))
                kill();
        }
    }
};

} // namespace wa::test
