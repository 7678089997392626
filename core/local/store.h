#pragma once

#include "deliveryattempt.h"
#include "event.h"
#include "key.h"
#include "listpage.h"
#include "organisation.h"
#include "result.h"
#include "task.h"
#include "webhookconfig.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace wa {

class StoreEngine;

// The local service's database: rows in, rows out, on SQLite (a file, the default) or
// PostgreSQL (a team service). It knows tables, not business rules: the service decides what to
// write from the rows it reads inside a write transaction, and the store writes it. Any number
// of processes may open one database; the database is the truth and every process sees what the
// others committed.
//
// Every SQL failure becomes an ApiError without the database's own words (they go to the log):
// server-error for a fault, service-unavailable when the database cannot be reached.
//
// Not thread-safe: use it from the thread that opened it (the service's thread).
class Store final
{
    Q_DISABLE_COPY_MOVE(Store)

public:
    struct OrganisationRow
    {
        Organisation organisation;
        // Raised by every write that changes a config, the organisation or a key, in commit
        // order: a cache reloads what changed after the sequence it last saw.
        qint64 changeSeq = 0;
    };

    struct KeyRow
    {
        Key key;
        QString token;
    };

    struct ConfigRow
    {
        WebhookConfig config;
        qint64 revision = 1; // bumped by every change the organisation makes
        qint64 changeSeq = 0; // the organisation's change sequence of its last change
    };

    struct TaskRow
    {
        Task task;
        qint64 configRevision = 0; // the config's revision the test was started for
        // The worker holding the task, and until when (ms since the epoch). A task whose lease
        // has run out may be claimed by any worker.
        QString claimedBy;
        qint64 leaseUntilMs = 0;
    };

    struct EventRow
    {
        Event event;
        QString configId;
        QString taskId; // empty when not made by a task
        QByteArray body; // the exact bytes delivered (a resend sends them again)
    };

    // Where a page starts: after or before an anchor row, newest first.
    struct Cursor
    {
        enum class Direction
        {
            None,
            After,
            Before
        };
        Direction direction = Direction::None;
        qint64 anchorMs = 0;
        QString anchorId;
        int limit = PageRequest::DefaultLimit;
    };

    // A file path (SQLite) or a postgresql:// URL.
    explicit Store(QString location);
    ~Store();

    static bool isPostgresUrl(const QString &location);

    // Connects, creating the SQLite file (mode 0600) and its folder (0700) when missing, and
    // applies pending migrations (once, whoever else opens the database at the same moment).
    Result<Done> open();
    QString location() const { return m_location; }
    // The database for people: a path, or a URL without its password.
    QString describe() const;
    bool isPostgres() const;
    int schemaVersion();

    // --- transactions

    enum class Durability
    {
        Durable, // on disk before commit() returns: everything a client is answered about
        Relaxed // survives the process, maybe not the machine: delivery bookkeeping
    };
    // A write transaction. An exclusive one is serialised with every other exclusive writer of
    // the database (all writers on SQLite): use it to write what was decided on rows read in it.
    // Prefer WriteTransaction, which rolls back when it goes out of scope.
    Result<Done> begin(Durability durability, bool exclusive = true);
    Result<Done> commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // True when another connection may have committed since the last call (cheap).
    bool othersMayHaveCommitted();
    // Called when another process announces a commit (PostgreSQL's NOTIFY; SQLite has none:
    // its users poll othersMayHaveCommitted()).
    void onAnnouncement(std::function<void()> handler);
    // Whether the database answers now (GET /health).
    Result<Done> ping();

    // --- organisation and keys

    Result<std::optional<OrganisationRow>> firstOrganisation();
    Result<Done> insertOrganisation(const Organisation &organisation);
    // Inside a write transaction: the organisation's next change sequence number.
    Result<qint64> nextChangeSeq(const QString &organisationId);
    Result<qint64> changeSeq(const QString &organisationId);
    Result<Done> setOrganisationDefault(const QString &organisationId, const QString &configId);
    Result<QList<KeyRow>> keys(const QString &organisationId);
    Result<Done> insertKey(const KeyRow &row);
    Result<Done> setKeyToken(const QString &keyId, const QString &token);
    Result<Done> setKeyConfig(const QString &keyId, const QString &configId);
    // Keys whose own config is `configId` get none: returns their ids.
    Result<QStringList> clearKeyConfigs(const QString &configId);

    // --- configs

    Result<std::optional<ConfigRow>> config(const QString &id);
    // Configs changed after `changeSeq` (all of them for 0), in no particular order.
    Result<QList<ConfigRow>> configsChangedSince(const QString &organisationId, qint64 changeSeq);
    Result<Done> insertConfig(const ConfigRow &row);
    Result<Done> updateConfig(const ConfigRow &row);

    // --- tasks (storetasks.cpp)

    Result<Done> insertTask(const TaskRow &row);
    Result<std::optional<TaskRow>> task(const QString &id);
    Result<QList<TaskRow>> tasks(const QStringList &ids);
    Result<ListPage<Task>> tasks(const QString &organisationId, const TaskFilter &filter,
                                 const Cursor &cursor);
    // The newest test task of each of these configs (configs never tested are absent), with the
    // newest attempt it made, if any: two queries whatever the number of configs.
    struct LastTest
    {
        TaskRow task;
        std::optional<DeliveryAttempt> attempt;
    };
    Result<QList<LastTest>> lastTests(const QStringList &configIds);
    // Unfinished tasks that no worker holds (never claimed, or their lease ran out).
    Result<bool> hasClaimableTasks(qint64 nowMs);
    // Inside a write transaction: takes up to `limit` claimable tasks for `worker`, oldest first.
    Result<QList<TaskRow>> claimTasks(const QString &worker, qint64 nowMs, qint64 leaseUntilMs,
                                      int limit);
    // Writes the task's state, error, dates and lease, only while `worker` holds it and it is
    // unfinished: false when another worker has taken it over or it was superseded. A finished
    // task is released.
    Result<bool> updateClaimedTask(const TaskRow &row, const QString &worker);
    // Tests of the config still waiting to start, other than `keepTaskId`, end as failed with
    // the error "superseded" (the newer test's outcome is what counts); returns their ids.
    Result<QStringList> supersedeWaitingTests(const QString &configId, const QString &keepTaskId,
                                              qint64 nowMs);
    // Tests waiting to start, for the backlog's bound.
    Result<int> waitingTests();

    // --- retention (a batch each call: at most `batch` rows)

    // Attempts beyond the newest `keepPerConfig` of their config, or started before `beforeMs`.
    Result<int> pruneAttempts(int keepPerConfig, qint64 beforeMs, int batch);
    // Finished events made before `beforeMs` whose attempts are all gone.
    Result<int> pruneEvents(qint64 beforeMs, int batch);
    // Finished tasks with no event or attempt left: beyond the newest `keepPerConfig` of their
    // config and made before `settledMs`, or made before `expiredMs`.
    Result<int> pruneTasks(int keepPerConfig, qint64 settledMs, qint64 expiredMs, int batch);

    // --- events

    Result<Done> insertEvent(const EventRow &row);
    Result<Done> updateEvent(const EventRow &row);
    Result<std::optional<EventRow>> event(const QString &id);
    Result<ListPage<Event>> events(const QString &organisationId, const Cursor &cursor);
    // The events of a task left pending by a worker that is gone are failed.
    Result<Done> failPendingEvents(const QString &taskId);

    // --- delivery attempts

    Result<Done> insertAttempt(const DeliveryAttempt &attempt);
    Result<std::optional<DeliveryAttempt>> attempt(const QString &id);
    Result<ListPage<DeliveryAttempt>> attempts(const QString &configId, const Cursor &cursor);

    static qint64 toMs(const QDateTime &dateTime);
    static QDateTime fromMs(const QVariant &value); // null stays null

private:
    // After the connection was lost: connects again (at most every ReconnectIntervalMs), or
    // says the database is unavailable.
    Result<Done> ensureConnected();
    // Inside a write: tells the other processes that a commit is coming (PostgreSQL).
    Result<Done> announce();
    // A statement prepared once and reused; keyed by its SQL text.
    Result<QSqlQuery *> prepare(const QString &sql);
    Result<QSqlQuery *> exec(const QString &sql, const QVariantList &values);
    Result<Done> execDone(const QString &sql, const QVariantList &values);
    Result<Done> execScript(const QStringList &statements, const Phrase &what);
    Result<Done> migrate();
    Result<Done> applyMigrations();
    // Logs the database's own words and returns an error fit for a client.
    // `what` was being done: "committing".
    ApiError sqlError(const Phrase &what, const QSqlError &error) const;
    ApiError sqlError(const Phrase &what, const QSqlQuery *query = nullptr) const;

    template<typename T, typename Convert>
    Result<ListPage<T>> page(const QString &table, const QString &columns,
                             const QString &dateColumn, const QString &where,
                             const QVariantList &values, const Cursor &cursor, Convert convert);

    QString m_location;
    std::unique_ptr<StoreEngine> m_engine;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    bool m_inTransaction = false;
    bool m_broken = false;
    qint64 m_lastConnectMs = 0;
    std::function<void()> m_onAnnouncement;

    static constexpr qint64 ReconnectIntervalMs = 500;
};

} // namespace wa
