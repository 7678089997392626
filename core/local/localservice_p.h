#pragma once

// Inside LocalService: shared by localservice.cpp (threading, configs, organisation) and
// localservicetasks.cpp (tasks, events, delivery outcomes). Not part of the interface.

#include "configcache.h"
#include "deliverer.h"
#include "localservice.h"
#include "store.h"

#include <QHash>
#include <QMutex>
#include <QPromise>

#include <functional>
#include <memory>

namespace wa {

template<typename T> using PromisePtr = std::shared_ptr<QPromise<Result<T>>>;

template<typename T> void fulfil(const PromisePtr<T> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

struct LocalService::Private
{
    Private(LocalService *service, Options options);

    LocalService *q;
    Options options;
    QString databasePath;
    std::unique_ptr<Store> store;
    std::unique_ptr<Deliverer> deliverer; // declared after store: stopped and gone first
    mutable QMutex tokenMutex;
    QString token;
    QByteArray tokenBytes; // what acceptsToken() compares, made once
    bool opened = false;
    Organisation organisation; // without webhookConfigs (filled on request)
    Key key;
    ConfigCache configs;
    // Creates waiting for their group commit (Options::batchCreates).
    struct PendingCreate
    {
        Store::ConfigRow config;
        Store::TaskRow task;
        int awaitSeconds = 0;
        PromisePtr<WebhookConfig> promise;
    };
    QList<PendingCreate> pendingCreates;
    // Ricloud-Await: answers to give when a task finishes (each also has a timer).
    QHash<QString, QList<std::function<void()>>> waiters;

    Result<Done> open();
    Result<Done> ensureOrganisation();
    std::optional<ApiError> notOpen() const;

    // Configs and organisation (localservice.cpp).
    Result<WebhookConfig> config(const QString &id) const;
    Result<ListPage<WebhookConfig>> listConfigs(const ConfigFilter &filter,
                                                const PageRequest &page) const;
    void createConfig(const QString &url, int awaitSeconds, const PromisePtr<WebhookConfig> &p);
    void flushCreates();
    void createdConfig(const PendingCreate &created);
    void updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds,
                      const PromisePtr<WebhookConfig> &p);
    Result<WebhookConfig> deactivateConfig(const QString &id);
    Result<Organisation> currentOrganisation() const;
    Result<Organisation> setDefaultConfig(const QString &configId);
    Result<Key> setKeyConfig(const QString &keyId, const QString &configId);
    // A default (or key config) must be an active config of this organisation.
    std::optional<QString> assignableProblem(const QString &configId) const;
    // Inside a transaction: what deactivating `configId` clears (default, keys' own configs).
    Result<bool> clearReferences(const QString &configId);
    void answerConfigWhenDone(const QString &taskId, const QString &configId, int awaitSeconds,
                              const PromisePtr<WebhookConfig> &p);

    // Tasks, events and delivery (localservicetasks.cpp).
    Store::TaskRow newTestTask(const Store::ConfigRow &config) const;
    void testConfig(const QString &id, int awaitSeconds, const PromisePtr<Task> &p);
    Result<Task> task(const QString &id) const;
    Result<ListPage<Task>> listTasks(const TaskFilter &filter, const PageRequest &page) const;
    Result<Event> event(const QString &id) const;
    Result<ListPage<Event>> listEvents(const PageRequest &page) const;
    Result<ListPage<DeliveryAttempt>> listAttempts(const QString &configId,
                                                   const PageRequest &page) const;
    void resendEvent(const QString &eventId, const PromisePtr<DeliveryAttempt> &p);
    void startTask(const Store::TaskRow &row);
    std::optional<Deliverer::Request> beginTask(Store::TaskRow &row, Store::EventRow &event);
    void recordOutcome(Store::TaskRow row, Store::EventRow event, const DeliveryAttempt &attempt);
    void resumeTasks();
    void whenTaskDone(const QString &taskId, int awaitSeconds, std::function<void()> answer);
    void taskDone(const QString &taskId);

    static QByteArray eventBody(const Event &event);
    static std::optional<ApiError> pageProblem(const PageRequest &page);
};

} // namespace wa
