#include "localservice.h"

#include "localservice_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <utility>

namespace wa {

// --- open, freshness and the poll

std::optional<ApiError> LocalService::Private::notOpen() const
{
    if (opened)
        return std::nullopt;
    return ApiError::serverError(
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalService", "The local service is not open.")));
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
    housekeeping = new Housekeeping(
        *store, *worker, *awaits, [this] { refresh(); }, chores, q);
    housekeeping->start();
    opened = true;
    return Done {};
}

Result<Done> LocalService::Private::refresh(quint64 readNumber)
{
    auto changes = view->refresh(readNumber, reads.load());
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

Result<WebhookConfig> LocalService::Private::config(const QString &id, quint64 readNumber)
{
    if (auto e = notOpen())
        return *e;
    if (auto r = refresh(readNumber); !r)
        return r.error();
    const Store::ConfigRow *row = view->configs().find(id);
    if (!row)
        return ConfigRules::noConfig(id);
    return row->config;
}

Result<ListPage<WebhookConfig>> LocalService::Private::listConfigs(const ConfigFilter &filter,
                                                                   const PageRequest &page,
                                                                   quint64 readNumber)
{
    if (auto e = notOpen())
        return *e;
    if (auto e = LocalQueries::pageProblem(page))
        return *e;
    if (auto r = refresh(readNumber); !r)
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

Result<Organisation> LocalService::Private::currentOrganisation(quint64 readNumber)
{
    if (auto e = notOpen())
        return *e;
    if (auto r = refresh(readNumber); !r)
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

} // namespace wa
