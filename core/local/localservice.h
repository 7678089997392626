#pragma once

#include "webhookservice.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace wa {

// The webhook config service itself, in-process: configs in a database (a SQLite file, or
// PostgreSQL for a team), test tasks delivered by a worker that really POSTs signed events. Any
// number of processes may open one database: the database is the truth, every answer is made
// from what is committed there, every write is decided on the rows as they are inside its
// transaction, and a change made by another process is announced (configChanged, ...) within a
// poll interval. LocalServer only decodes and encodes; the rules of API.md are in ConfigRules.
//
// Threading: construct and open() it in the thread it will live in (LocalServiceThread does that
// for the GUI). Every WebhookService call may come from any thread: it runs in the service's
// thread and the future is fulfilled there. Reads are always queued, even from that thread (so
// that reads arriving together share one freshness check): in the service's own thread, wait
// for a future through the event loop (then(), a watcher), never with waitForFinished().
class LocalService final : public WebhookService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalService)

public:
    // Which test tasks this process delivers.
    enum class Worker
    {
        // Every task nobody holds, including the ones of processes that died (serve, console).
        All,
        // Only the tests it starts itself (a one-shot command, which settle()s before exiting).
        OwnTasks
    };

    struct Options
    {
        QString databasePath; // a file, or a postgresql:// URL; empty: defaultDatabasePath()
        QString token; // empty: the stored token, generated on first start
        Worker worker = Worker::All;
        // API.md: any 2xx within 10 s. WEBHOOK_ADMIN_DELIVERY_TIMEOUT_MS overrides it.
        int deliveryTimeoutMs = 10000;
        // Deliveries in flight at once, and to one receiver (scheme, host, port): receivers
        // that stall hold up their own tests only; the others are served in turns.
        int maxConcurrentDeliveries = 64;
        int maxDeliveriesPerHost = 4;
        // How long a claim on a task lasts; 0: the delivery timeout plus 20 s.
        // WEBHOOK_ADMIN_TASK_LEASE_MS overrides it (tests of a worker that dies).
        qint64 leaseMs = 0;
        // How often the service looks for others' commits (to announce them), for tasks nobody
        // holds, and for awaited tasks another process finishes.
        int pollIntervalMs = 250;
        // Past this many tests waiting to start, another test is refused (429) until the
        // worker catches up. A config's older waiting test is superseded by its newer one.
        int maxWaitingTests = 10000;
        // The delivery log keeps the newest attempts of each config, for so many days; a
        // worker that serves everyone (Worker::All) prunes the rest every pruneIntervalMs.
        int retainAttemptsPerConfig = 100;
        int retainDays = 30;
        int pruneIntervalMs = 60000;
        // Whether test events may go to loopback, link-local and private addresses. `serve`
        // bound beyond loopback turns this off unless told --allow-private-targets.
        bool allowPrivateTargets = true;
        // Group commit: creates, and tests, arriving in the same event-loop pass share one
        // durable commit (each still answers only after it), so that a bulk run pays one fsync
        // per burst rather than one per config. Their futures then finish on a later pass of
        // the service thread's event loop, never at once: only for callers that continue
        // asynchronously (`serve`, the CLI and the console turn it on; the default answers at
        // once, which tests that wait for a result in the same thread need).
        bool groupCommits = false;
        // The time, for tests; empty: the system clock.
        std::function<QDateTime()> clock;

        // With every default filled in and the environment's overrides applied.
        Options resolved() const;
    };

    explicit LocalService(Options options, QObject *parent = nullptr);
    ~LocalService() override;

    // Opens (creating, migrating) the database, and the organisation and key on first start.
    // Never takes tasks over: a worker claims a task only when its lease has run out.
    Result<Done> open();

    // The SQLite file of a user's own service.
    static QString defaultDatabasePath();
    // Where `serve` and `--local` go without --database: WEBHOOK_ADMIN_DATABASE (a file or a
    // postgresql:// URL), else defaultDatabasePath().
    static QString defaultDatabase();
    static constexpr auto DatabaseVariable = "WEBHOOK_ADMIN_DATABASE";

    // Where the database is, as given (a URL may hold a password: not for display).
    QString databasePath() const;
    // The database for people: a path, or a URL without its password.
    QString describeDatabase() const;
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
    QFuture<void> settle() override;
    // One query for all the ids, from the database.
    QFuture<Result<QHash<QString, TestOutcome>>> lastTests(const QStringList &configIds) override;

    // A list page and one config as the API's JSON text, joined from texts the cache keeps with
    // each row (the REST API's hottest answers: nothing is encoded twice).
    QFuture<Result<QByteArray>> listConfigsText(const ConfigFilter &filter,
                                                const PageRequest &page);
    QFuture<Result<QByteArray>> configText(const QString &id);

    // Whether the database answers now (GET /health of `serve`).
    QFuture<Result<Done>> health();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wa
