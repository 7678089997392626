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

#include <memory>
#include <optional>
#include <unordered_map>

namespace wa {

// The local service's SQLite file: rows in, rows out. Knows tables, not business rules: the
// service decides what to write, the store writes it (inside the service's transactions) and
// turns every SQL failure into ApiError::serverError.
//
// Not thread-safe: use it from the thread that opened it (the service's thread).
class Store final
{
    Q_DISABLE_COPY_MOVE(Store)

public:
    static constexpr int SchemaVersion = 1;

    struct KeyRow
    {
        Key key;
        QString token;
    };

    struct ConfigRow
    {
        WebhookConfig config;
        qint64 revision = 1; // bumped by every change the organisation makes
    };

    struct TaskRow
    {
        Task task;
        qint64 configRevision = 0; // the config's revision the test was started for
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

    explicit Store(QString path);
    ~Store();

    // Creates the file (mode 0600) and its folder, opens it, applies pending migrations.
    Result<Done> open();
    QString path() const { return m_path; }
    int schemaVersion();

    // Durable commits reach the disk before commit() returns (synchronous=FULL): everything a
    // client is answered about. Relaxed ones (synchronous=NORMAL, WAL) survive a crash of the
    // process but maybe not of the machine: delivery bookkeeping, which a restart redoes.
    enum class Durability
    {
        Durable,
        Relaxed
    };
    Result<Done> begin(Durability durability = Durability::Durable);
    Result<Done> commit();
    void rollback();

    // Organisation and keys.
    Result<std::optional<Organisation>> firstOrganisation();
    Result<Done> insertOrganisation(const Organisation &organisation);
    Result<Done> setOrganisationDefault(const QString &organisationId, const QString &configId);
    Result<QList<KeyRow>> keys(const QString &organisationId);
    Result<Done> insertKey(const KeyRow &row);
    Result<Done> setKeyToken(const QString &keyId, const QString &token);
    Result<Done> setKeyConfig(const QString &keyId, const QString &configId);
    // Keys whose own config is `configId` get none: returns their ids.
    Result<QStringList> clearKeyConfigs(const QString &configId);

    // Configs (the service keeps them in memory; these write through and load at open).
    Result<QList<ConfigRow>> configs(const QString &organisationId);
    Result<Done> insertConfig(const ConfigRow &row);
    Result<Done> updateConfig(const ConfigRow &row);

    // Tasks.
    Result<Done> insertTask(const TaskRow &row);
    Result<Done> updateTask(const TaskRow &row);
    Result<std::optional<TaskRow>> task(const QString &id);
    Result<QList<TaskRow>> unfinishedTasks();
    Result<ListPage<Task>> tasks(const QString &organisationId, const TaskFilter &filter,
                                 const Cursor &cursor);

    // Events.
    Result<Done> insertEvent(const EventRow &row);
    Result<Done> updateEvent(const EventRow &row);
    Result<std::optional<EventRow>> event(const QString &id);
    Result<ListPage<Event>> events(const QString &organisationId, const Cursor &cursor);
    // Events left pending by a stopped run are failed (their task runs again with a new event).
    Result<Done> failPendingEvents();

    // Delivery attempts.
    Result<Done> insertAttempt(const DeliveryAttempt &attempt);
    Result<std::optional<DeliveryAttempt>> attempt(const QString &id);
    Result<ListPage<DeliveryAttempt>> attempts(const QString &configId, const Cursor &cursor);

    static qint64 toMs(const QDateTime &dateTime);
    static QDateTime fromMs(const QVariant &value); // null stays null

private:
    // A statement prepared once and reused; keyed by its SQL text.
    Result<QSqlQuery *> prepare(const QString &sql);
    Result<QSqlQuery *> exec(const QString &sql, const QVariantList &values);
    Result<Done> execDone(const QString &sql, const QVariantList &values);
    Result<Done> migrate();
    ApiError sqlError(const QString &what, const QSqlQuery *query = nullptr) const;

    template<typename T, typename Convert>
    Result<ListPage<T>> page(const QString &table, const QString &columns,
                             const QString &dateColumn, const QString &where,
                             const QVariantList &values, const Cursor &cursor, Convert convert);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    Durability m_durability = Durability::Durable;
};

} // namespace wa
