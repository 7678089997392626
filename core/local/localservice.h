#pragma once

#include "webhookservice.h"

#include <QString>

#include <memory>

namespace wa {

class Store;
class Deliverer;

// The webhook config service itself, in-process: configs in a Store (SQLite), test tasks run by a
// Deliverer that really POSTs signed events. Holds every business rule of API.md (validation,
// state changes, stale test results, Ricloud-Await); LocalServer only decodes and encodes.
//
// Threading: construct and open() it in the thread it will live in (LocalServiceThread does that
// for the GUI). Every WebhookService call may come from any thread: it runs in the service's
// thread and the future is fulfilled there.
class LocalService final : public WebhookService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalService)

public:
    struct Options
    {
        QString databasePath; // empty: <AppDataLocation>/webhook-admin.sqlite
        QString token; // empty: the stored token, generated on first start
        int deliveryTimeoutMs = 10000; // API.md: any 2xx within 10 s
        int maxConcurrentDeliveries = 16;
        // Group commit: creates arriving in the same event-loop pass share one durable commit
        // (each still answers only after it). Their futures then finish on a later pass of the
        // service thread's event loop, never at once: only for callers that continue with
        // then() (the REST server turns it on; the default answers creates at once).
        bool batchCreates = false;
    };

    explicit LocalService(Options options, QObject *parent = nullptr);
    ~LocalService() override;

    // Opens (creating, migrating) the database and the local organisation and key; resumes test
    // tasks left pending or processing by a previous run.
    Result<Done> open();

    static QString defaultDatabasePath();

    QString databasePath() const;
    // The token of the local key (printed by `serve`, shown masked in the GUI). Thread-safe.
    QString token() const;
    // Constant-time comparison with the local key's token. Thread-safe.
    bool acceptsToken(QByteArrayView token) const;

    QString describe() const override;

    QFuture<Result<ListPage<WebhookConfig>>> listConfigs(const ConfigFilter &filter,
                                                         const PageRequest &page) override;
    QFuture<Result<QList<WebhookConfig>>> listAllConfigs(const ConfigFilter &filter) override;
    QFuture<Result<WebhookConfig>> config(const QString &id) override;
    QFuture<Result<WebhookConfig>> createConfig(const QString &url, int awaitSeconds) override;
    QFuture<Result<WebhookConfig>> updateConfig(const QString &id, const ConfigChanges &changes,
                                                int awaitSeconds) override;
    QFuture<Result<WebhookConfig>> deactivateConfig(const QString &id) override;
    QFuture<Result<Task>> testConfig(const QString &id, int awaitSeconds) override;
    QFuture<Result<Task>> task(const QString &id) override;
    QFuture<Result<ListPage<Task>>> listTasks(const TaskFilter &filter,
                                              const PageRequest &page) override;
    QFuture<Result<Event>> event(const QString &id) override;
    QFuture<Result<ListPage<Event>>> listEvents(const PageRequest &page) override;
    QFuture<Result<Organisation>> organisation() override;
    QFuture<Result<Organisation>> setDefaultConfig(const QString &configId) override;
    QFuture<Result<Key>> key() override;
    QFuture<Result<Key>> setKeyConfig(const QString &keyId, const QString &configId) override;
    QFuture<Result<ListPage<DeliveryAttempt>>> listAttempts(const QString &configId,
                                                            const PageRequest &page) override;
    QFuture<Result<DeliveryAttempt>> resendEvent(const QString &eventId) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wa
