#include "backends.h"

#include "localserver.h"
#include "localservicethread.h"
#include "profilestore.h"
#include "remoteservice.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QPointer>
#include <QThread>

namespace wa {

namespace {

// Whoever drops the last reference, deletion happens on the GUI thread (a LocalServer and a
// RemoteService belong to it; a LocalServiceThread hands its service to its own thread to end).
template<typename T> std::shared_ptr<Backend> guiOwned(T *backend)
{
    return std::shared_ptr<Backend>(backend, [](Backend *b) {
        QCoreApplication *app = QCoreApplication::instance();
        if (!app || QThread::currentThread() == app->thread())
            delete b;
        else
            QMetaObject::invokeMethod(
                app, [b] { delete b; }, Qt::QueuedConnection);
    });
}

class LocalBackend final : public Backend, public ServerControl
{
public:
    explicit LocalBackend(LocalService::Options options)
        : m_thread(std::make_unique<LocalServiceThread>(std::move(options)))
    { }
    ~LocalBackend() override
    {
        m_server.reset(); // before the service it serves
        m_thread.reset();
    }

    QFuture<Result<Done>> open() { return m_thread->start(); }

    WebhookService *service() const override { return m_thread->service(); }
    bool isLocal() const override { return true; }
    ServerControl *server() const override { return const_cast<LocalBackend *>(this); }

    QFuture<Result<ServeEndpoint>> start(quint16 port) override
    {
        if (m_server && m_server->isListening() && port != 0 && m_server->port() != port)
            stop();
        if (!m_server)
            m_server = std::make_unique<LocalServer>(m_thread->service());
        if (!m_server->isListening()) {
            if (const auto listening
                = m_server->listen(QHostAddress(QHostAddress::LocalHost), port);
                !listening) {
                m_server.reset();
                return QtFuture::makeReadyFuture(Result<ServeEndpoint>(listening.error()));
            }
        }
        return QtFuture::makeReadyFuture(
            Result<ServeEndpoint>(ServeEndpoint {m_server->url(), m_thread->service()->token()}));
    }
    void stop() override
    {
        if (m_server)
            m_server->close();
        m_server.reset();
    }
    bool isRunning() const override { return m_server && m_server->isListening(); }

private:
    std::unique_ptr<LocalServiceThread> m_thread;
    std::unique_ptr<LocalServer> m_server;
};

class RemoteBackend final : public Backend
{
public:
    explicit RemoteBackend(RemoteService::Options options)
        : m_service(std::make_unique<RemoteService>(std::move(options)))
    { }
    WebhookService *service() const override { return m_service.get(); }
    bool isLocal() const override { return false; }

private:
    std::unique_ptr<RemoteService> m_service;
};

using Opened = Result<std::shared_ptr<Backend>>;

QFuture<Opened> openLocal(QObject *context, LocalService::Options options)
{
    auto *raw = new LocalBackend(std::move(options));
    std::shared_ptr<Backend> backend = guiOwned(raw);
    return raw->open().then(context, [backend](const Result<Done> &opened) -> Opened {
        if (!opened)
            return opened.error();
        return backend;
    });
}

} // namespace

ConnectionTester makeConnectionTester()
{
    return [](const QUrl &url, const QString &token) -> QFuture<Result<QString>> {
        RemoteService::Options options;
        options.baseUrl = url;
        options.token = token;
        // Lives until its one answer is in (on the GUI thread, where it was made).
        auto service = std::shared_ptr<RemoteService>(new RemoteService(options),
                                                      [](RemoteService *s) { s->deleteLater(); });
        return service->organisation().then(
            service.get(), [service](const Result<Organisation> &organisation) -> Result<QString> {
                if (!organisation)
                    return organisation.error();
                return organisation.value().name;
            });
    };
}

BackendFactory makeBackendFactory(QObject *context, ProfileStore *profiles, TokenStore *tokens,
                                  BackendOptions options)
{
    QPointer<QObject> guard(context);
    return [guard, profiles, tokens, options](const QString &name) -> QFuture<Opened> {
        LocalService::Options local;
        local.databasePath = options.localDatabasePath;
        local.deliveryTimeoutMs = options.deliveryTimeoutMs;
        // The console continues asynchronously: a bulk test's tests share durable commits.
        local.groupCommits = true;
        if (name == localProfileName())
            return openLocal(guard, local);
        const auto profile = profiles ? profiles->profile(name) : std::nullopt;
        if (!profile) {
            return QtFuture::makeReadyFuture(Opened(ApiError::notFound(
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::Backends", "There is no profile named \"%1\"."))
                    .arg(name))));
        }
        if (profile->kind == Profile::Kind::Local) {
            local.databasePath = profile->databasePath;
            return openLocal(guard, local);
        }
        RemoteService::Options remote;
        remote.baseUrl = profile->url;
        if (!tokens)
            return QtFuture::makeReadyFuture(Opened(guiOwned(new RemoteBackend(remote))));
        return tokens->read(name).then(guard, [remote](const Result<QString> &token) -> Opened {
            if (!token)
                return token.error();
            RemoteService::Options withToken = remote;
            withToken.token = token.value();
            return guiOwned(new RemoteBackend(withToken));
        });
    };
}

} // namespace wa
