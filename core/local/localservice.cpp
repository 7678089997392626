#include "localservice.h"

#include "awaitregistry.h"
#include "configrules.h"
#include "localcommands.h"
#include "localqueries.h"
#include "housekeeping.h"
#include "localview.h"
#include "store.h"
#include "taskworker.h"
#include "threadhandoff.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <utility>

namespace wa {

using namespace ThreadHandoff;

struct LocalService::Private
{
    Private(LocalService *service, Options opts)
        : q(service)
        , options(opts.resolved())
        , workerId(QStringLiteral("%1:%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(ConfigRules::newId()))
    { }

    LocalService *q;
    Options options;
    QString workerId;
    std::unique_ptr<Store> store;
    std::unique_ptr<LocalView> view;
    std::unique_ptr<LocalCommands> commands;
    std::unique_ptr<TaskWorker> worker; // after the store: stopped and gone first
    AwaitRegistry *awaits = nullptr;
    Housekeeping *housekeeping = nullptr;
    bool opened = false;

    struct PendingCreate
    {
        Store::ConfigRow config;
        int awaitSeconds = 0;
        PromisePtr<WebhookConfig> promise;
    };
    QList<PendingCreate> pendingCreates;
    struct PendingTest
    {
        QString configId;
        int awaitSeconds = 0;
        PromisePtr<Task> promise;
    };
    QList<PendingTest> pendingTests;
    QList<std::shared_ptr<QPromise<void>>> settling;

    Result<Done> open();
    std::optional<ApiError> notOpen() const;
    // Makes the view current, announcing what others changed. Before every answer.
    Result<Done> refresh();
    void settled();

    Result<WebhookConfig> config(const QString &id);
    Result<ListPage<WebhookConfig>> listConfigs(const ConfigFilter &filter,
                                                const PageRequest &page);
    void createConfig(const QString &url, int awaitSeconds, const PromisePtr<WebhookConfig> &p);
    void flushCreates();
    // Writes what is pending now, or (group commits) once, at the end of this event-loop pass:
    // `first` says that this call made the pending list non-empty.
    void flushSoon(bool first, void (Private::*flush)());
    void updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds,
                      const PromisePtr<WebhookConfig> &p);
    Result<WebhookConfig> deactivateConfig(const QString &id);
    void testConfig(const QString &id, int awaitSeconds, const PromisePtr<Task> &p);
    void flushTests();
    Result<Organisation> currentOrganisation();
    Result<Organisation> setDefaultConfig(const QString &configId);
    Result<Key> setKeyConfig(const QString &keyId, const QString &configId);
    Result<ListPage<DeliveryAttempt>> listAttempts(const QString &configId,
                                                   const PageRequest &page);
    void resendEvent(const QString &eventId, const PromisePtr<DeliveryAttempt> &p);

    // A started test: delivered by this process's worker; an await answers when it is done.
    void startedTest(const Store::TaskRow &task, int awaitSeconds, std::function<void()> answer);
};

// --- open, freshness and the poll

std::optional<ApiError> LocalService::Private::notOpen() const
{
    if (opened)
        return std::nullopt;
    return ApiError::serverError(QStringLiteral("The local service is not open."));
}

Result<Done> LocalService::Private::open()
{
    if (opened)
        return Done {};
    auto fail = [this](const ApiError &error) -> Result<Done> {
        commands.reset();
        view.reset();
        store.reset();
        return error;
    };
    if (options.databasePath == LocalService::defaultDatabasePath()) {
        // Our own data folder (an earlier release made it 0755): nobody else's to read.
        QFile::setPermissions(QFileInfo(options.databasePath).absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner);
    }
    store = std::make_unique<Store>(options.databasePath);
    if (auto r = store->open(); !r)
        return fail(r.error());
    // Another process's announced commit (PostgreSQL's NOTIFY) is looked at at once.
    store->onAnnouncement([this] {
        if (opened)
            housekeeping->tick();
    });
    view = std::make_unique<LocalView>(*store);
    commands = std::make_unique<LocalCommands>(
        *store, *view,
        LocalCommands::Context {workerId, options.leaseMs, options.maxWaitingTests,
                                TargetPolicy(options.allowPrivateTargets), options.clock});
    if (auto r = commands->ensureOrganisation(options.token); !r)
        return fail(r.error());
    if (auto r = view->refresh(); !r)
        return fail(r.error());

    TaskWorker::Options workerOptions {workerId,
                                       options.deliveryTimeoutMs,
                                       options.maxConcurrentDeliveries,
                                       options.maxDeliveriesPerHost,
                                       TargetPolicy(options.allowPrivateTargets),
                                       options.leaseMs,
                                       options.clock};
    worker = std::make_unique<TaskWorker>(*store, workerOptions);
    QObject::connect(worker.get(), &TaskWorker::taskChanged, q, &WebhookService::taskChanged);
    QObject::connect(worker.get(), &TaskWorker::attemptRecorded, q,
                     &WebhookService::attemptRecorded);
    QObject::connect(worker.get(), &TaskWorker::outcomeRecorded, q, [this] {
        view->markStale();
        refresh();
    });
    QObject::connect(worker.get(), &TaskWorker::taskLeft, q,
                     [this](const QString &taskId) { awaits->finished(taskId); });
    QObject::connect(worker.get(), &TaskWorker::idle, q, [this] { settled(); });

    awaits = new AwaitRegistry(q);
    Housekeeping::Options chores;
    chores.pollIntervalMs = options.pollIntervalMs;
    chores.claimWaitingTasks = options.worker == Worker::All;
    // The delivery log is pruned by the processes that serve everyone, not by one-shot ones.
    chores.pruneIntervalMs = options.worker == Worker::All ? options.pruneIntervalMs : 0;
    chores.retention = {options.retainAttemptsPerConfig, options.retainDays, 500};
    chores.now = options.clock;
    housekeeping = new Housekeeping(*store, *worker, *awaits, [this] { refresh(); }, chores, q);
    housekeeping->start();
    opened = true;
    return Done {};
}

Result<Done> LocalService::Private::refresh()
{
    auto changes = view->refresh();
    if (!changes)
        return changes.error();
    for (const WebhookConfig &config : std::as_const(changes.value().configs))
        Q_EMIT q->configChanged(config);
    if (changes.value().organisation)
        Q_EMIT q->organisationChanged();
    return Done {};
}

void LocalService::Private::settled()
{
    for (const auto &promise : std::exchange(settling, {}))
        promise->finish();
}

void LocalService::Private::startedTest(const Store::TaskRow &task, int awaitSeconds,
                                        std::function<void()> answer)
{
    Q_EMIT q->taskChanged(task.task);
    if (awaitSeconds > 0)
        awaits->add(task.task.id, awaitSeconds, std::move(answer));
    worker->adopt(task);
}

// --- configs

Result<WebhookConfig> LocalService::Private::config(const QString &id)
{
    if (auto e = notOpen())
        return *e;
    if (auto r = refresh(); !r)
        return r.error();
    const Store::ConfigRow *row = view->configs().find(id);
    if (!row)
        return ConfigRules::noConfig(id);
    return row->config;
}

Result<ListPage<WebhookConfig>> LocalService::Private::listConfigs(const ConfigFilter &filter,
                                                                   const PageRequest &page)
{
    if (auto e = notOpen())
        return *e;
    if (auto e = LocalQueries::pageProblem(page))
        return *e;
    if (auto r = refresh(); !r)
        return r.error();
    return view->configs().page(filter, page);
}

void LocalService::Private::createConfig(const QString &url, int awaitSeconds,
                                         const PromisePtr<WebhookConfig> &p)
{
    if (auto e = notOpen())
        return fulfil<WebhookConfig>(p, *e);
    auto config = ConfigRules::newConfig(view->organisation().id, url, options.clock(),
                                         TargetPolicy(options.allowPrivateTargets));
    if (!config)
        return fulfil<WebhookConfig>(p, config.error());
    pendingCreates.append({std::move(config.value()), awaitSeconds, p});
    flushSoon(pendingCreates.size() == 1, &Private::flushCreates);
}

void LocalService::Private::flushSoon(bool first, void (Private::*flush)())
{
    if (!options.groupCommits)
        (this->*flush)();
    else if (first)
        QMetaObject::invokeMethod(
            q, [this, flush] { (this->*flush)(); }, Qt::QueuedConnection);
}

void LocalService::Private::flushCreates()
{
    const QList<PendingCreate> batch = std::exchange(pendingCreates, {});
    if (batch.isEmpty())
        return;
    QList<Store::ConfigRow> rows;
    rows.reserve(batch.size());
    for (const PendingCreate &pending : batch)
        rows.append(pending.config);
    auto created = commands->create(rows);
    if (!created) {
        for (const PendingCreate &pending : batch)
            fulfil<WebhookConfig>(pending.promise, created.error());
        return;
    }
    refresh();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PendingCreate &pending = batch.at(i);
        const LocalCommands::Created &made = created.value().at(i);
        const QString configId = made.config.config.id;
        startedTest(made.task, pending.awaitSeconds,
                    [this, configId, p = pending.promise] { fulfil(p, config(configId)); });
        if (pending.awaitSeconds <= 0)
            fulfil<WebhookConfig>(pending.promise, made.config.config);
    }
}

void LocalService::Private::updateConfig(const QString &id, const ConfigChanges &changes,
                                         int awaitSeconds, const PromisePtr<WebhookConfig> &p)
{
    if (auto e = notOpen())
        return fulfil<WebhookConfig>(p, *e);
    auto updated = commands->update(id, changes);
    if (!updated)
        return fulfil<WebhookConfig>(p, updated.error());
    refresh();
    const auto &task = updated.value().task;
    if (task) {
        startedTest(*task, awaitSeconds, [this, id, p] { fulfil(p, config(id)); });
        if (awaitSeconds > 0)
            return;
    }
    fulfil<WebhookConfig>(p, updated.value().config);
}

Result<WebhookConfig> LocalService::Private::deactivateConfig(const QString &id)
{
    if (auto e = notOpen())
        return *e;
    auto config = commands->deactivate(id);
    if (config)
        refresh();
    return config;
}

void LocalService::Private::testConfig(const QString &id, int awaitSeconds,
                                       const PromisePtr<Task> &p)
{
    if (auto e = notOpen())
        return fulfil<Task>(p, *e);
    pendingTests.append({id, awaitSeconds, p});
    flushSoon(pendingTests.size() == 1, &Private::flushTests);
}

void LocalService::Private::flushTests()
{
    const QList<PendingTest> batch = std::exchange(pendingTests, {});
    if (batch.isEmpty())
        return;
    QStringList ids;
    ids.reserve(batch.size());
    for (const PendingTest &pending : batch)
        ids << pending.configId;
    auto tested = commands->test(ids);
    if (!tested) {
        for (const PendingTest &pending : batch)
            fulfil<Task>(pending.promise, tested.error());
        return;
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PendingTest &pending = batch.at(i);
        const Result<Store::TaskRow> &task = tested.value().at(size_t(i));
        if (!task) {
            fulfil<Task>(pending.promise, task.error());
            continue;
        }
        const QString taskId = task.value().task.id;
        startedTest(task.value(), pending.awaitSeconds, [this, taskId, p = pending.promise] {
            fulfil<Task>(p, LocalQueries::task(*store, view->organisation().id, taskId));
        });
        if (pending.awaitSeconds <= 0)
            fulfil<Task>(pending.promise, task.value().task);
    }
}

// --- organisation and key

Result<Organisation> LocalService::Private::currentOrganisation()
{
    if (auto e = notOpen())
        return *e;
    if (auto r = refresh(); !r)
        return r.error();
    Organisation result = view->organisation();
    auto page = view->configs().page(ConfigFilter {}, PageRequest {});
    if (!page)
        return page.error();
    result.webhookConfigs = page.value();
    return result;
}

Result<Organisation> LocalService::Private::setDefaultConfig(const QString &configId)
{
    if (auto e = notOpen())
        return *e;
    if (auto r = commands->setDefaultConfig(configId); !r)
        return r.error();
    return currentOrganisation();
}

Result<Key> LocalService::Private::setKeyConfig(const QString &keyId, const QString &configId)
{
    if (auto e = notOpen())
        return *e;
    if (auto r = commands->setKeyConfig(keyId, configId); !r)
        return r.error();
    if (auto r = refresh(); !r)
        return r.error();
    return view->key();
}

// --- the delivery log

Result<ListPage<DeliveryAttempt>> LocalService::Private::listAttempts(const QString &configId,
                                                                      const PageRequest &page)
{
    if (auto e = notOpen())
        return *e;
    auto row = store->config(configId);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->config.organisation != view->organisation().id)
        return ConfigRules::noConfig(configId);
    return LocalQueries::attempts(*store, configId, page);
}

void LocalService::Private::resendEvent(const QString &eventId,
                                        const PromisePtr<DeliveryAttempt> &p)
{
    if (auto e = notOpen())
        return fulfil<DeliveryAttempt>(p, *e);
    auto event = LocalQueries::event(*store, view->organisation().id, eventId);
    if (!event)
        return fulfil<DeliveryAttempt>(p, event.error());
    worker->resend(event.value(),
                   [p](Result<DeliveryAttempt> attempt) { fulfil(p, std::move(attempt)); });
}

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
    return immediate<ListPage<WebhookConfig>>(
        this, [this, filter, page] { return d->listConfigs(filter, page); });
}

QFuture<Result<QList<WebhookConfig>>> LocalService::listAllConfigs(const ConfigFilter &filter)
{
    return immediate<QList<WebhookConfig>>(this, [this, filter]() -> Result<QList<WebhookConfig>> {
        if (auto e = d->notOpen())
            return *e;
        if (auto r = d->refresh(); !r)
            return r.error();
        return d->view->configs().all(filter);
    });
}

QFuture<Result<WebhookConfig>> LocalService::config(const QString &id)
{
    return immediate<WebhookConfig>(this, [this, id] { return d->config(id); });
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
    return immediate<Organisation>(this, [this] { return d->currentOrganisation(); });
}

QFuture<Result<Organisation>> LocalService::setDefaultConfig(const QString &configId)
{
    return immediate<Organisation>(this,
                                   [this, configId] { return d->setDefaultConfig(configId); });
}

QFuture<Result<Key>> LocalService::key()
{
    return immediate<Key>(this, [this]() -> Result<Key> {
        if (auto e = d->notOpen())
            return *e;
        if (auto r = d->refresh(); !r)
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
    return immediate<QByteArray>(this, [this, filter, page]() -> Result<QByteArray> {
        if (auto e = d->notOpen())
            return *e;
        if (auto e = LocalQueries::pageProblem(page))
            return *e;
        if (auto r = d->refresh(); !r)
            return r.error();
        return d->view->configs().pageText(filter, page);
    });
}

QFuture<Result<QByteArray>> LocalService::configText(const QString &id)
{
    return immediate<QByteArray>(this, [this, id]() -> Result<QByteArray> {
        if (auto e = d->notOpen())
            return *e;
        if (auto r = d->refresh(); !r)
            return r.error();
        QByteArray text = d->view->configs().text(id);
        if (text.isEmpty())
            return ConfigRules::noConfig(id);
        return text;
    });
}

QFuture<Result<QHash<QString, TestOutcome>>>
LocalService::lastTests(const QStringList &configIds)
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
            outcomes.insert(test.task.task.target,
                            TestOutcome::fromTask(test.task.task,
                                                  test.attempt ? &*test.attempt : nullptr));
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
