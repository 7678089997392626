// LocalService's public calls: each hands its body to the service's thread (ThreadHandoff) and
// answers through a future; what the bodies do is in localservice.cpp.

#include "localservice_p.h"

#include <QThread>

#include <utility>

namespace wa {

// --- LocalService: each call runs its body in the service's thread

LocalService::LocalService(Options options, QObject *parent)
    : WebhookService(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{ }

LocalService::~LocalService()
{
    // No delivery callback may run into a half-destroyed service.
    if (d->worker)
        d->worker->stop();
    delete d->housekeeping;
    d->housekeeping = nullptr;
    d->worker.reset();
    delete d->awaits;
    d->awaits = nullptr;
    d->settled();
    d->commands.reset();
    d->view.reset();
    d->store.reset();
}

Result<Done> LocalService::open()
{
    return d->open();
}

QString LocalService::databasePath() const
{
    return d->options.databasePath;
}

QString LocalService::describeDatabase() const
{
    if (d->store)
        return d->store->describe();
    return Store(d->options.databasePath).describe();
}

QString LocalService::token() const
{
    return d->view ? d->view->token() : QString();
}

bool LocalService::acceptsToken(QByteArrayView token) const
{
    return d->view && d->view->acceptsToken(token);
}

QString LocalService::describe() const
{
    return QStringLiteral("Local (%1)").arg(describeDatabase());
}

QFuture<Result<ListPage<WebhookConfig>>> LocalService::listConfigs(const ConfigFilter &filter,
                                                                   const PageRequest &page)
{
    const quint64 read = d->readCalled();
    return queuedRead<ListPage<WebhookConfig>>(
        this, [this, filter, page, read] { return d->listConfigs(filter, page, read); });
}

QFuture<Result<QList<WebhookConfig>>> LocalService::listAllConfigs(const ConfigFilter &filter)
{
    const quint64 read = d->readCalled();
    return queuedRead<QList<WebhookConfig>>(this,
                                            [this, filter, read]() -> Result<QList<WebhookConfig>> {
                                                if (auto e = d->notOpen())
                                                    return *e;
                                                if (auto r = d->refresh(read); !r)
                                                    return r.error();
                                                return d->view->configs().all(filter);
                                            });
}

QFuture<Result<WebhookConfig>> LocalService::config(const QString &id)
{
    const quint64 read = d->readCalled();
    return queuedRead<WebhookConfig>(this, [this, id, read] { return d->config(id, read); });
}

QFuture<Result<WebhookConfig>> LocalService::createConfig(const QString &url, int awaitSeconds)
{
    const int wait = std::clamp(awaitSeconds, 0, MaxAwaitSeconds);
    return deferred<WebhookConfig>(this, [this, url, wait](const PromisePtr<WebhookConfig> &p) {
        d->createConfig(url, wait, p);
    });
}

QFuture<Result<WebhookConfig>>
LocalService::updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds)
{
    const int wait = std::clamp(awaitSeconds, 0, MaxAwaitSeconds);
    return deferred<WebhookConfig>(this,
                                   [this, id, changes, wait](const PromisePtr<WebhookConfig> &p) {
                                       d->updateConfig(id, changes, wait, p);
                                   });
}

QFuture<Result<WebhookConfig>> LocalService::deactivateConfig(const QString &id)
{
    return immediate<WebhookConfig>(this, [this, id] { return d->deactivateConfig(id); });
}

QFuture<Result<Task>> LocalService::testConfig(const QString &id, int awaitSeconds)
{
    const int wait = std::clamp(awaitSeconds, 0, MaxAwaitSeconds);
    return deferred<Task>(
        this, [this, id, wait](const PromisePtr<Task> &p) { d->testConfig(id, wait, p); });
}

QFuture<Result<Task>> LocalService::task(const QString &id)
{
    return immediate<Task>(this, [this, id]() -> Result<Task> {
        if (auto e = d->notOpen())
            return *e;
        return LocalQueries::task(*d->store, d->view->organisation().id, id);
    });
}

QFuture<Result<ListPage<Task>>> LocalService::listTasks(const TaskFilter &filter,
                                                        const PageRequest &page)
{
    return immediate<ListPage<Task>>(this, [this, filter, page]() -> Result<ListPage<Task>> {
        if (auto e = d->notOpen())
            return *e;
        return LocalQueries::tasks(*d->store, d->view->organisation().id, filter, page);
    });
}

QFuture<Result<Event>> LocalService::event(const QString &id)
{
    return immediate<Event>(this, [this, id]() -> Result<Event> {
        if (auto e = d->notOpen())
            return *e;
        auto row = LocalQueries::event(*d->store, d->view->organisation().id, id);
        if (!row)
            return row.error();
        return row.value().event;
    });
}

QFuture<Result<ListPage<Event>>> LocalService::listEvents(const PageRequest &page)
{
    return immediate<ListPage<Event>>(this, [this, page]() -> Result<ListPage<Event>> {
        if (auto e = d->notOpen())
            return *e;
        return LocalQueries::events(*d->store, d->view->organisation().id, page);
    });
}

QFuture<Result<Organisation>> LocalService::organisation()
{
    const quint64 read = d->readCalled();
    return queuedRead<Organisation>(this, [this, read] { return d->currentOrganisation(read); });
}

QFuture<Result<Organisation>> LocalService::setDefaultConfig(const QString &configId)
{
    return immediate<Organisation>(this,
                                   [this, configId] { return d->setDefaultConfig(configId); });
}

QFuture<Result<Key>> LocalService::key()
{
    const quint64 read = d->readCalled();
    return queuedRead<Key>(this, [this, read]() -> Result<Key> {
        if (auto e = d->notOpen())
            return *e;
        if (auto r = d->refresh(read); !r)
            return r.error();
        return d->view->key();
    });
}

QFuture<Result<Key>> LocalService::setKeyConfig(const QString &keyId, const QString &configId)
{
    return immediate<Key>(this,
                          [this, keyId, configId] { return d->setKeyConfig(keyId, configId); });
}

QFuture<Result<ListPage<DeliveryAttempt>>> LocalService::listAttempts(const QString &configId,
                                                                      const PageRequest &page)
{
    return immediate<ListPage<DeliveryAttempt>>(
        this, [this, configId, page] { return d->listAttempts(configId, page); });
}

QFuture<Result<DeliveryAttempt>> LocalService::resendEvent(const QString &eventId)
{
    return deferred<DeliveryAttempt>(this, [this, eventId](const PromisePtr<DeliveryAttempt> &p) {
        d->resendEvent(eventId, p);
    });
}

QFuture<Result<QByteArray>> LocalService::listConfigsText(const ConfigFilter &filter,
                                                          const PageRequest &page)
{
    const quint64 read = d->readCalled();
    return queuedRead<QByteArray>(this, [this, filter, page, read]() -> Result<QByteArray> {
        if (auto e = d->notOpen())
            return *e;
        if (auto e = LocalQueries::pageProblem(page))
            return *e;
        if (auto r = d->refresh(read); !r)
            return r.error();
        return d->view->configs().pageText(filter, page);
    });
}

QFuture<Result<QByteArray>> LocalService::configText(const QString &id)
{
    const quint64 read = d->readCalled();
    return queuedRead<QByteArray>(this, [this, id, read]() -> Result<QByteArray> {
        if (auto e = d->notOpen())
            return *e;
        if (auto r = d->refresh(read); !r)
            return r.error();
        QByteArray text = d->view->configs().text(id);
        if (text.isEmpty())
            return ConfigRules::noConfig(id);
        return text;
    });
}

QFuture<Result<QHash<QString, TestOutcome>>> LocalService::lastTests(const QStringList &configIds)
{
    using Outcomes = QHash<QString, TestOutcome>;
    return immediate<Outcomes>(this, [this, configIds]() -> Result<Outcomes> {
        if (auto e = d->notOpen())
            return *e;
        QStringList ids = configIds;
        ids.removeAll(QString());
        ids.removeDuplicates();
        auto tests = d->store->lastTests(ids);
        if (!tests)
            return tests.error();
        Outcomes outcomes;
        for (const Store::LastTest &test : std::as_const(tests.value())) {
            outcomes.insert(
                test.task.task.target,
                TestOutcome::fromTask(test.task.task, test.attempt ? &*test.attempt : nullptr));
        }
        return outcomes;
    });
}

QFuture<Result<Done>> LocalService::health()
{
    return immediate<Done>(this, [this]() -> Result<Done> {
        if (auto e = d->notOpen())
            return *e;
        return d->store->ping();
    });
}

QFuture<void> LocalService::settle()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    auto body = [this, promise] {
        if (!d->worker || d->worker->isIdle())
            promise->finish();
        else
            d->settling.append(promise);
    };
    if (QThread::currentThread() == thread())
        body();
    else
        QMetaObject::invokeMethod(this, body, Qt::QueuedConnection);
    return future;
}

} // namespace wa
