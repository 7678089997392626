#include "localservice.h"

#include "localservice_p.h"
#include "secretgenerator.h"
#include "signature.h"
#include "urlrule.h"

#include <QDir>
#include <QMetaObject>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <utility>

namespace wa {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs `body(promise)` in the service's thread: at once when already there (the future may then
// be finished on return), else queued. The future is fulfilled in the service's thread.
template<typename T, typename Body> QFuture<Result<T>> deferred(QObject *service, Body body)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    if (QThread::currentThread() == service->thread()) {
        body(promise);
    } else {
        QMetaObject::invokeMethod(
            service, [promise, body]() mutable { body(promise); }, Qt::QueuedConnection);
    }
    return future;
}

// The same for bodies that answer at once: a ready future without a promise when possible.
template<typename T, typename Body> QFuture<Result<T>> immediate(QObject *service, Body body)
{
    if (QThread::currentThread() == service->thread())
        return QtFuture::makeReadyFuture(Result<T>(body()));
    return deferred<T>(service, [body](const PromisePtr<T> &p) { fulfil<T>(p, body()); });
}

QString noConfig(const QString &id)
{
    return QStringLiteral("No webhook config with id %1.").arg(id);
}

} // namespace

LocalService::Private::Private(LocalService *service, Options opts)
    : q(service)
    , options(std::move(opts))
    , databasePath(options.databasePath.isEmpty() ? LocalService::defaultDatabasePath()
                                                  : options.databasePath)
{ }

std::optional<ApiError> LocalService::Private::notOpen() const
{
    if (opened)
        return std::nullopt;
    return ApiError::serverError(QStringLiteral("The local service is not open."));
}

std::optional<ApiError> LocalService::Private::pageProblem(const PageRequest &page)
{
    if (page.limit < 1 || page.limit > PageRequest::MaxLimit) {
        return ApiError::invalidParameter(
            QStringLiteral("limit"),
            QStringLiteral("must be between 1 and %1").arg(PageRequest::MaxLimit));
    }
    if (!page.afterId.isEmpty() && !page.beforeId.isEmpty()) {
        return ApiError::invalidParameter(QStringLiteral("before_id"),
                                          QStringLiteral("cannot be combined with after_id"));
    }
    return std::nullopt;
}

// --- open

Result<Done> LocalService::Private::open()
{
    if (opened)
        return Done {};
    store = std::make_unique<Store>(databasePath);
    if (auto r = store->open(); !r) {
        store.reset();
        return r;
    }
    if (auto r = ensureOrganisation(); !r) {
        store.reset();
        return r;
    }
    auto rows = store->configs(organisation.id);
    if (!rows) {
        store.reset();
        return rows.error();
    }
    configs.reset(std::move(rows.value()));
    deliverer
        = std::make_unique<Deliverer>(options.deliveryTimeoutMs, options.maxConcurrentDeliveries);
    opened = true;
    resumeTasks();
    return Done {};
}

Result<Done> LocalService::Private::ensureOrganisation()
{
    auto existing = store->firstOrganisation();
    if (!existing)
        return existing.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto r = store->begin(); !r)
        return r;
    auto fail = [this](const ApiError &error) -> Result<Done> {
        store->rollback();
        return error;
    };
    if (existing.value()) {
        organisation = *existing.value();
    } else {
        organisation = {};
        organisation.id = newId();
        organisation.name = QStringLiteral("Local organisation");
        organisation.dateCreated = now;
        if (auto r = store->insertOrganisation(organisation); !r)
            return fail(r.error());
    }
    auto keys = store->keys(organisation.id);
    if (!keys)
        return fail(keys.error());
    QString storedToken;
    if (keys.value().isEmpty()) {
        Store::KeyRow row;
        row.key.id = newId();
        row.key.organisation = organisation.id;
        row.key.dateCreated = now;
        row.token = options.token.isEmpty() ? SecretGenerator::generate() : options.token;
        if (auto r = store->insertKey(row); !r)
            return fail(r.error());
        key = row.key;
        storedToken = row.token;
    } else {
        key = keys.value().constFirst().key;
        storedToken = keys.value().constFirst().token;
        if (!options.token.isEmpty() && options.token != storedToken) {
            if (auto r = store->setKeyToken(key.id, options.token); !r)
                return fail(r.error());
            storedToken = options.token;
        }
    }
    if (auto r = store->commit(); !r)
        return r;
    QMutexLocker locker(&tokenMutex);
    token = storedToken;
    tokenBytes = storedToken.toUtf8();
    return Done {};
}

// --- configs

Result<WebhookConfig> LocalService::Private::config(const QString &id) const
{
    if (auto e = notOpen())
        return *e;
    const Store::ConfigRow *row = configs.find(id);
    if (!row)
        return ApiError::notFound(noConfig(id));
    return row->config;
}

Result<ListPage<WebhookConfig>> LocalService::Private::listConfigs(const ConfigFilter &filter,
                                                                   const PageRequest &page) const
{
    if (auto e = notOpen())
        return *e;
    if (auto e = pageProblem(page))
        return *e;
    return configs.page(filter, page);
}

void LocalService::Private::answerConfigWhenDone(const QString &taskId, const QString &configId,
                                                 int awaitSeconds,
                                                 const PromisePtr<WebhookConfig> &p)
{
    whenTaskDone(taskId, awaitSeconds, [this, configId, p] { fulfil(p, config(configId)); });
}

void LocalService::Private::createConfig(const QString &url, int awaitSeconds,
                                         const PromisePtr<WebhookConfig> &p)
{
    if (auto e = notOpen())
        return fulfil<WebhookConfig>(p, *e);
    if (const auto problem = UrlRule::problem(url))
        return fulfil<WebhookConfig>(p,
                                     ApiError::invalidParameter(QStringLiteral("url"), *problem));

    Store::ConfigRow row;
    row.config.id = newId();
    row.config.organisation = organisation.id;
    row.config.url = url;
    row.config.secret = SecretGenerator::generate(SecretGenerator::DefaultBytes);
    row.config.state = ConfigState::New;
    row.config.dateCreated = QDateTime::currentDateTimeUtc();
    row.revision = 1;
    PendingCreate created {row, newTestTask(row), awaitSeconds, p};
    if (options.batchCreates) {
        if (pendingCreates.isEmpty())
            QMetaObject::invokeMethod(
                q, [this] { flushCreates(); }, Qt::QueuedConnection);
        pendingCreates.append(std::move(created));
        return;
    }
    pendingCreates.append(std::move(created));
    flushCreates();
}

void LocalService::Private::flushCreates()
{
    const QList<PendingCreate> batch = std::exchange(pendingCreates, {});
    if (batch.isEmpty())
        return;
    // Each config and its test task are in the same commit: a crash never leaves an untested
    // config. One durable commit serves the whole batch.
    auto write = [&]() -> Result<Done> {
        if (auto r = store->begin(); !r)
            return r;
        Result<Done> r = Done {};
        for (const PendingCreate &created : batch) {
            r = store->insertConfig(created.config);
            if (r)
                r = store->insertTask(created.task);
            if (!r)
                break;
        }
        if (!r) {
            store->rollback();
            return r;
        }
        return store->commit();
    };
    if (auto r = write(); !r) {
        for (const PendingCreate &created : batch)
            fulfil<WebhookConfig>(created.promise, r.error());
        return;
    }
    for (const PendingCreate &created : batch)
        createdConfig(created);
}

void LocalService::Private::createdConfig(const PendingCreate &created)
{
    configs.insert(created.config);
    Q_EMIT q->configChanged(created.config.config);
    Q_EMIT q->taskChanged(created.task.task);
    if (created.awaitSeconds > 0) {
        answerConfigWhenDone(created.task.task.id, created.config.config.id, created.awaitSeconds,
                             created.promise);
    }
    startTask(created.task);
    if (created.awaitSeconds <= 0)
        fulfil<WebhookConfig>(created.promise, created.config.config);
}

void LocalService::Private::updateConfig(const QString &id, const ConfigChanges &changes,
                                         int awaitSeconds, const PromisePtr<WebhookConfig> &p)
{
    if (auto e = notOpen())
        return fulfil<WebhookConfig>(p, *e);
    const Store::ConfigRow *current = configs.find(id);
    if (!current)
        return fulfil<WebhookConfig>(p, ApiError::notFound(noConfig(id)));

    // Check every field before changing anything, and name each one at fault.
    QMap<QString, QString> problems;
    if (changes.state && *changes.state != ConfigState::New
        && *changes.state != ConfigState::Deactivated) {
        problems.insert(QStringLiteral("state"),
                        QStringLiteral("can only be set to new or deactivated"));
    }
    if (changes.url) {
        if (const auto problem = UrlRule::problem(*changes.url))
            problems.insert(QStringLiteral("url"), *problem);
    }
    if (!problems.isEmpty())
        return fulfil<WebhookConfig>(p, ApiError::invalidParameters(problems));

    Store::ConfigRow row = *current;
    const bool urlChanged = changes.url && *changes.url != row.config.url;
    if (urlChanged)
        row.config.url = *changes.url;
    bool test = false;
    if (changes.state == ConfigState::Deactivated) {
        row.config.state = ConfigState::Deactivated;
    } else if (changes.state == ConfigState::New) {
        row.config.state = ConfigState::New;
        test = true;
    } else if (urlChanged && row.config.state != ConfigState::Deactivated) {
        // A deactivated config keeps its state when only its URL changes (API.md, decided).
        row.config.state = ConfigState::New;
        test = true;
    }
    const bool changed = urlChanged || row.config.state != current->config.state || test;
    if (!changed)
        return fulfil<WebhookConfig>(p, current->config);
    // A new revision makes any test still running for the old one stale.
    ++row.revision;
    const bool deactivating = row.config.state == ConfigState::Deactivated
        && current->config.state != ConfigState::Deactivated;

    std::optional<Store::TaskRow> task;
    if (test)
        task = newTestTask(row);
    bool organisationChanged = false;
    auto write = [&]() -> Result<Done> {
        if (auto r = store->begin(); !r)
            return r;
        Result<Done> r = store->updateConfig(row);
        if (r && task)
            r = store->insertTask(*task);
        if (r && deactivating) {
            auto cleared = clearReferences(row.config.id);
            if (cleared)
                organisationChanged = cleared.value();
            else
                r = cleared.error();
        }
        if (!r) {
            store->rollback();
            return r;
        }
        return store->commit();
    };
    const Organisation previousOrganisation = organisation;
    const Key previousKey = key;
    if (auto r = write(); !r) {
        organisation = previousOrganisation;
        key = previousKey;
        return fulfil<WebhookConfig>(p, r.error());
    }

    configs.update(row);
    Q_EMIT q->configChanged(row.config);
    if (organisationChanged)
        Q_EMIT q->organisationChanged();
    if (!task)
        return fulfil<WebhookConfig>(p, row.config);
    Q_EMIT q->taskChanged(task->task);
    if (awaitSeconds > 0)
        answerConfigWhenDone(task->task.id, row.config.id, awaitSeconds, p);
    startTask(*task);
    if (awaitSeconds <= 0)
        fulfil<WebhookConfig>(p, row.config);
}

Result<bool> LocalService::Private::clearReferences(const QString &configId)
{
    bool changed = false;
    if (organisation.webhookConfigDefault == configId) {
        if (auto r = store->setOrganisationDefault(organisation.id, QString()); !r)
            return r.error();
        organisation.webhookConfigDefault.clear();
        changed = true;
    }
    auto keys = store->clearKeyConfigs(configId);
    if (!keys)
        return keys.error();
    if (keys.value().contains(key.id)) {
        key.webhookConfig.clear();
        changed = true;
    }
    return changed;
}

Result<WebhookConfig> LocalService::Private::deactivateConfig(const QString &id)
{
    if (auto e = notOpen())
        return *e;
    const Store::ConfigRow *current = configs.find(id);
    if (!current)
        return ApiError::notFound(noConfig(id));
    if (current->config.state == ConfigState::Deactivated)
        return current->config;
    Store::ConfigRow row = *current;
    row.config.state = ConfigState::Deactivated;
    ++row.revision;

    const Organisation previousOrganisation = organisation;
    const Key previousKey = key;
    if (auto r = store->begin(); !r)
        return r.error();
    Result<Done> r = store->updateConfig(row);
    bool organisationChanged = false;
    if (r) {
        auto cleared = clearReferences(id);
        if (cleared)
            organisationChanged = cleared.value();
        else
            r = cleared.error();
    }
    if (r)
        r = store->commit();
    else
        store->rollback();
    if (!r) {
        organisation = previousOrganisation;
        key = previousKey;
        return r.error();
    }
    configs.update(row);
    Q_EMIT q->configChanged(row.config);
    if (organisationChanged)
        Q_EMIT q->organisationChanged();
    return row.config;
}

// --- LocalService: each call runs its body in the service's thread

LocalService::LocalService(Options options, QObject *parent)
    : WebhookService(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{ }

LocalService::~LocalService()
{
    // No delivery callback may run into a half-destroyed service.
    if (d->deliverer)
        d->deliverer->stop();
    d->deliverer.reset();
    d->waiters.clear();
    d->store.reset();
}

Result<Done> LocalService::open()
{
    return d->open();
}

QString LocalService::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("webhook-admin.sqlite"));
}

QString LocalService::databasePath() const
{
    return d->databasePath;
}

QString LocalService::token() const
{
    QMutexLocker locker(&d->tokenMutex);
    return d->token;
}

bool LocalService::acceptsToken(QByteArrayView token) const
{
    QMutexLocker locker(&d->tokenMutex);
    if (d->tokenBytes.isEmpty())
        return false;
    return Signature::constantTimeEquals(d->tokenBytes, token);
}

QString LocalService::describe() const
{
    return QStringLiteral("Local (%1)").arg(QDir::toNativeSeparators(d->databasePath));
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
        return d->configs.all(filter);
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
    return immediate<Task>(this, [this, id] { return d->task(id); });
}

QFuture<Result<ListPage<Task>>> LocalService::listTasks(const TaskFilter &filter,
                                                        const PageRequest &page)
{
    return immediate<ListPage<Task>>(this,
                                     [this, filter, page] { return d->listTasks(filter, page); });
}

QFuture<Result<Event>> LocalService::event(const QString &id)
{
    return immediate<Event>(this, [this, id] { return d->event(id); });
}

QFuture<Result<ListPage<Event>>> LocalService::listEvents(const PageRequest &page)
{
    return immediate<ListPage<Event>>(this, [this, page] { return d->listEvents(page); });
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
        return d->key;
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

} // namespace wa
