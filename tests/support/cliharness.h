#pragma once

// Running the real webhook-admin-cli from a test (the test defines WA_CLI_PATH): a private HOME
// and XDG folders (no real settings, data or keychain touched; no secret service, so tokens
// take the announced 0600 file), the binary as a child process with optional stdin. The event
// loop keeps turning while a child runs, so that servers living in the test process answer.
//
//     CliHarness cli;
//     const CliRun run = cli.run({u"list"_s, u"--local"_s, u"--database"_s, cli.path(u"a.db"_s)});
//     QCOMPARE(run.code, 0);
//
// isolatedEnvironment() and runCli() serve tests that keep their own folder.

#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wa::test {

// The system environment with HOME, XDG_* and the runtime folder (0700) inside `home`, no
// session bus and no token variables.
inline QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    const QString runtime = home + QStringLiteral("/runtime");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/webhook-admin-test-bus"));
    env.remove(QStringLiteral("WEBHOOK_ADMIN_TOKEN"));
    env.remove(QStringLiteral("WEBHOOK_ADMIN_SERVE_TOKEN"));
    return env;
}

// Runs `program arguments` to its end with `input` on stdin, keeping the event loop turning.
inline CliRun runProcess(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &env, const QByteArray &input = {},
                         int timeoutMs = 90000)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(program, arguments);
    CliRun run;
    if (!child.waitForStarted(10000))
        return run;
    child.write(input);
    child.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return child.state() == QProcess::NotRunning; }, timeoutMs)) {
        child.kill();
        child.waitForFinished(5000);
        return run;
    }
    run.code = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -2;
    run.out = QString::fromUtf8(child.readAllStandardOutput());
    run.err = QString::fromUtf8(child.readAllStandardError());
    return run;
}

// Runs `webhook-admin-cli arguments` to its end.
inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &env,
                     const QByteArray &input = {}, int timeoutMs = 90000)
{
    return runProcess(QStringLiteral(WA_CLI_PATH), arguments, env, input, timeoutMs);
}

class CliHarness final
{
public:
    CliHarness() = default;
    Q_DISABLE_COPY_MOVE(CliHarness)

    bool valid() const { return m_home.isValid(); }
    QString path(const QString &name) const { return m_home.filePath(name); }
    QProcessEnvironment environment() const { return isolatedEnvironment(m_home.path()); }

    // The CLI as a child process, not started: for tests that signal it or read it as it runs.
    std::unique_ptr<QProcess> process(const QStringList &arguments,
                                      const QProcessEnvironment &env) const
    {
        auto child = std::make_unique<QProcess>();
        child->setProcessEnvironment(env);
        child->setProgram(QStringLiteral(WA_CLI_PATH));
        child->setArguments(arguments);
        return child;
    }

    CliRun run(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment *env = nullptr, int timeoutMs = 90000) const
    {
        return runCli(arguments, env ? *env : environment(), input, timeoutMs);
    }

    // Runs a shell command line (for redirections and pipes), with the CLI as "$CLI".
    CliRun shell(const QString &command) const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CLI"), QStringLiteral(WA_CLI_PATH));
        return runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, env);
    }

private:
    QTemporaryDir m_home;
};

} // namespace wa::test
