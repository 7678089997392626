#include "store.h"

#include "storerows.h"
#include "storeschema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlRecord>

#include <algorithm>

namespace wa {

using namespace StoreRows;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

Store::Store(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("wa-store-%1").arg(++s_connectionCounter))
{ }

Store::~Store()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

qint64 Store::toMs(const QDateTime &dateTime)
{
    return dateTime.toMSecsSinceEpoch();
}

QDateTime Store::fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

ApiError Store::sqlError(const QString &what, const QSqlQuery *query) const
{
    const QSqlError error = query ? query->lastError() : m_db.lastError();
    return ApiError::serverError(
        QStringLiteral("Database error while %1: %2").arg(what, error.text()));
}

Result<Done> Store::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return ApiError::serverError(
            QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
    }
    // Create the file ourselves so that it is private from its first byte; SQLite gives its
    // -wal and -shm files the same mode.
    QFile file(m_path);
    if (!file.exists()) {
        if (!file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return ApiError::serverError(
                QStringLiteral("Cannot create %1: %2.").arg(m_path, file.errorString()));
        }
        file.close();
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return ApiError::serverError(QStringLiteral("The Qt SQLite driver is not available."));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return sqlError(QStringLiteral("opening %1").arg(m_path));

    QSqlQuery pragma(m_db);
    for (const auto *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (!pragma.exec(QString::fromLatin1(sql)))
            return sqlError(QStringLiteral("setting up the database"), &pragma);
        pragma.finish();
    }
    return migrate();
}

int Store::schemaVersion()
{
    auto q = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"), {});
    if (!q || !q.value()->next())
        return 0;
    const int version = q.value()->value(0).toInt();
    q.value()->finish();
    return version;
}

Result<Done> Store::migrate()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                               " version INTEGER NOT NULL, date_applied INTEGER NOT NULL)")))
        return sqlError(QStringLiteral("creating schema_version"), &q);
    int current = schemaVersion();
    const auto &all = StoreSchema::migrations();
    if (current > all.size()) {
        return ApiError::serverError(
            QStringLiteral("The database %1 has schema version %2; this build knows up to %3.")
                .arg(m_path)
                .arg(current)
                .arg(all.size()));
    }
    for (int version = current + 1; version <= all.size(); ++version) {
        if (auto r = begin(); !r)
            return r;
        for (const QString &sql : all.at(version - 1)) {
            if (!q.exec(sql)) {
                const ApiError error = sqlError(QStringLiteral("migrating to %1").arg(version), &q);
                rollback();
                return error;
            }
        }
        if (auto r = execDone(QStringLiteral("INSERT INTO schema_version (version, date_applied) "
                                             "VALUES (?, ?)"),
                              {version, QDateTime::currentMSecsSinceEpoch()});
            !r) {
            rollback();
            return r;
        }
        if (auto r = commit(); !r)
            return r;
    }
    return Done {};
}

Result<QSqlQuery *> Store::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    if (!m_db.isOpen())
        return ApiError::serverError(QStringLiteral("The database is not open."));
    auto query = std::make_unique<QSqlQuery>(m_db);
    if (!query->prepare(sql))
        return sqlError(QStringLiteral("preparing a statement"), query.get());
    QSqlQuery *raw = query.get();
    m_statements.emplace(sql, std::move(query));
    return raw;
}

Result<QSqlQuery *> Store::exec(const QString &sql, const QVariantList &values)
{
    auto prepared = prepare(sql);
    if (!prepared)
        return prepared;
    QSqlQuery *q = prepared.value();
    for (qsizetype i = 0; i < values.size(); ++i)
        q->bindValue(int(i), values.at(i));
    if (!q->exec()) {
        const ApiError error = sqlError(QStringLiteral("running a statement"), q);
        q->finish();
        return error;
    }
    return q;
}

Result<Done> Store::execDone(const QString &sql, const QVariantList &values)
{
    auto q = exec(sql, values);
    if (!q)
        return q.error();
    q.value()->finish();
    return Done {};
}

Result<Done> Store::begin(Durability durability)
{
    if (durability != m_durability) {
        const QString sql = durability == Durability::Durable
            ? QStringLiteral("PRAGMA synchronous=FULL")
            : QStringLiteral("PRAGMA synchronous=NORMAL");
        if (auto r = execDone(sql, {}); !r)
            return r;
        m_durability = durability;
    }
    return execDone(QStringLiteral("BEGIN IMMEDIATE"), {});
}

Result<Done> Store::commit()
{
    auto r = execDone(QStringLiteral("COMMIT"), {});
    if (!r)
        rollback();
    return r;
}

void Store::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

// --- organisation and keys

Result<std::optional<Organisation>> Store::firstOrganisation()
{
    auto q = exec(QStringLiteral("SELECT id, name, state, webhook_config_default, date_created "
                                 "FROM organisations ORDER BY date_created, id LIMIT 1"),
                  {});
    if (!q)
        return q.error();
    QSqlQuery *query = q.value();
    std::optional<Organisation> result;
    if (query->next()) {
        Organisation o;
        o.id = query->value(0).toString();
        o.name = query->value(1).toString();
        o.state = query->value(2).toString();
        o.webhookConfigDefault = query->value(3).toString();
        o.dateCreated = fromMs(query->value(4));
        result = o;
    }
    query->finish();
    return result;
}

Result<Done> Store::insertOrganisation(const Organisation &o)
{
    return execDone(
        QStringLiteral("INSERT INTO organisations (id, name, state, "
                       "webhook_config_default, date_created) VALUES (?, ?, ?, ?, ?)"),
        {o.id, o.name, o.state, textOrNull(o.webhookConfigDefault), toMs(o.dateCreated)});
}

Result<Done> Store::setOrganisationDefault(const QString &organisationId, const QString &configId)
{
    return execDone(
        QStringLiteral("UPDATE organisations SET webhook_config_default = ? WHERE id = ?"),
        {textOrNull(configId), organisationId});
}

Result<QList<Store::KeyRow>> Store::keys(const QString &organisationId)
{
    auto q = exec(QStringLiteral("SELECT id, organisation, token, webhook_config, state, "
                                 "date_created FROM keys WHERE organisation = ? "
                                 "ORDER BY date_created, id"),
                  {organisationId});
    if (!q)
        return q.error();
    QSqlQuery *query = q.value();
    QList<KeyRow> rows;
    while (query->next()) {
        KeyRow row;
        row.key.id = query->value(0).toString();
        row.key.organisation = query->value(1).toString();
        row.token = query->value(2).toString();
        row.key.webhookConfig = query->value(3).toString();
        row.key.state = query->value(4).toString();
        row.key.dateCreated = fromMs(query->value(5));
        rows.append(row);
    }
    query->finish();
    return rows;
}

Result<Done> Store::insertKey(const KeyRow &row)
{
    return execDone(QStringLiteral("INSERT INTO keys (id, organisation, token, webhook_config, "
                                   "state, date_created) VALUES (?, ?, ?, ?, ?, ?)"),
                    {row.key.id, row.key.organisation, row.token, textOrNull(row.key.webhookConfig),
                     row.key.state, toMs(row.key.dateCreated)});
}

Result<Done> Store::setKeyToken(const QString &keyId, const QString &token)
{
    return execDone(QStringLiteral("UPDATE keys SET token = ? WHERE id = ?"), {token, keyId});
}

Result<Done> Store::setKeyConfig(const QString &keyId, const QString &configId)
{
    return execDone(QStringLiteral("UPDATE keys SET webhook_config = ? WHERE id = ?"),
                    {textOrNull(configId), keyId});
}

Result<QStringList> Store::clearKeyConfigs(const QString &configId)
{
    auto q = exec(QStringLiteral("SELECT id FROM keys WHERE webhook_config = ?"), {configId});
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value()->next())
        ids.append(q.value()->value(0).toString());
    q.value()->finish();
    if (ids.isEmpty())
        return ids;
    if (auto r = execDone(QStringLiteral("UPDATE keys SET webhook_config = NULL "
                                         "WHERE webhook_config = ?"),
                          {configId});
        !r)
        return r.error();
    return ids;
}

// --- configs

Result<QList<Store::ConfigRow>> Store::configs(const QString &organisationId)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM configs WHERE organisation = ? "
                                 "ORDER BY date_created, id")
                      .arg(ConfigColumns),
                  {organisationId});
    if (!q)
        return q.error();
    QList<ConfigRow> rows;
    while (q.value()->next())
        rows.append(configFromQuery(*q.value()));
    q.value()->finish();
    return rows;
}

Result<Done> Store::insertConfig(const ConfigRow &row)
{
    const WebhookConfig &c = row.config;
    return execDone(
        QStringLiteral("INSERT INTO configs (%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(ConfigColumns),
        {c.id, c.organisation, c.url, c.secret, toString(c.state), row.revision,
         toMs(c.dateCreated)});
}

Result<Done> Store::updateConfig(const ConfigRow &row)
{
    const WebhookConfig &c = row.config;
    return execDone(
        QStringLiteral("UPDATE configs SET url = ?, secret = ?, state = ?, revision = ? "
                       "WHERE id = ?"),
        {c.url, c.secret, toString(c.state), row.revision, c.id});
}

// --- tasks

Result<Done> Store::insertTask(const TaskRow &row)
{
    const Task &t = row.task;
    return execDone(
        QStringLiteral("INSERT INTO tasks (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(TaskColumns),
        {t.id, t.organisation, textOrNull(t.key), t.type, t.target, toString(t.state),
         textOrNull(t.error), row.configRevision, toMs(t.dateCreated), msOrNull(t.dateStarted),
         msOrNull(t.dateCompleted)});
}

Result<Done> Store::updateTask(const TaskRow &row)
{
    const Task &t = row.task;
    return execDone(QStringLiteral("UPDATE tasks SET state = ?, error = ?, date_started = ?, "
                                   "date_completed = ? WHERE id = ?"),
                    {toString(t.state), textOrNull(t.error), msOrNull(t.dateStarted),
                     msOrNull(t.dateCompleted), t.id});
}

Result<std::optional<Store::TaskRow>> Store::task(const QString &id)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM tasks WHERE id = ?").arg(TaskColumns), {id});
    if (!q)
        return q.error();
    std::optional<TaskRow> row;
    if (q.value()->next())
        row = taskFromQuery(*q.value());
    q.value()->finish();
    return row;
}

Result<QList<Store::TaskRow>> Store::unfinishedTasks()
{
    auto q = exec(QStringLiteral("SELECT %1 FROM tasks WHERE state IN ('pending', 'processing') "
                                 "ORDER BY date_created, id")
                      .arg(TaskColumns),
                  {});
    if (!q)
        return q.error();
    QList<TaskRow> rows;
    while (q.value()->next())
        rows.append(taskFromQuery(*q.value()));
    q.value()->finish();
    return rows;
}

template<typename T, typename Convert>
Result<ListPage<T>> Store::page(const QString &table, const QString &columns,
                                const QString &dateColumn, const QString &where,
                                const QVariantList &values, const Cursor &cursor, Convert convert)
{
    ListPage<T> result;
    auto count = exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where), values);
    if (!count)
        return count.error();
    if (count.value()->next())
        result.totalCount = count.value()->value(0).toInt();
    count.value()->finish();

    const bool before = cursor.direction == Cursor::Direction::Before;
    QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columns, table, where);
    QVariantList bound = values;
    if (cursor.direction != Cursor::Direction::None) {
        sql += QStringLiteral(" AND (%1 %2 ? OR (%1 = ? AND id %2 ?))")
                   .arg(dateColumn, before ? QStringLiteral(">") : QStringLiteral("<"));
        bound << cursor.anchorMs << cursor.anchorMs << cursor.anchorId;
    }
    const QString order = before ? QStringLiteral("ASC") : QStringLiteral("DESC");
    sql += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(dateColumn, order);
    bound << cursor.limit + 1;

    auto q = exec(sql, bound);
    if (!q)
        return q.error();
    while (q.value()->next())
        result.data.append(convert(*q.value()));
    q.value()->finish();
    if (result.data.size() > cursor.limit) {
        result.hasMore = true;
        result.data.removeLast();
    }
    if (before)
        std::reverse(result.data.begin(), result.data.end());
    return result;
}

Result<ListPage<Task>> Store::tasks(const QString &organisationId, const TaskFilter &filter,
                                    const Cursor &cursor)
{
    QString where = QStringLiteral("organisation = ?");
    QVariantList values {organisationId};
    if (!filter.type.isEmpty()) {
        where += QStringLiteral(" AND type = ?");
        values << filter.type;
    }
    if (!filter.target.isEmpty()) {
        where += QStringLiteral(" AND target = ?");
        values << filter.target;
    }
    if (filter.state) {
        where += QStringLiteral(" AND state = ?");
        values << toString(*filter.state);
    }
    return page<Task>(QStringLiteral("tasks"), TaskColumns, QStringLiteral("date_created"), where,
                      values, cursor, [](const QSqlQuery &q) { return taskFromQuery(q).task; });
}

// --- events

Result<Done> Store::insertEvent(const EventRow &row)
{
    const Event &e = row.event;
    return execDone(
        QStringLiteral("INSERT INTO events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(EventColumns),
        {e.id, e.organisation, row.configId, textOrNull(row.taskId), e.type, e.action,
         QJsonDocument(e.data).toJson(QJsonDocument::Compact), blob(row.body), toString(e.state),
         e.retries, toMs(e.dateCreated), msOrNull(e.dateDelivered)});
}

Result<Done> Store::updateEvent(const EventRow &row)
{
    const Event &e = row.event;
    return execDone(QStringLiteral("UPDATE events SET state = ?, retries = ?, date_delivered = ? "
                                   "WHERE id = ?"),
                    {toString(e.state), e.retries, msOrNull(e.dateDelivered), e.id});
}

Result<std::optional<Store::EventRow>> Store::event(const QString &id)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM events WHERE id = ?").arg(EventColumns), {id});
    if (!q)
        return q.error();
    std::optional<EventRow> row;
    if (q.value()->next())
        row = eventFromQuery(*q.value());
    q.value()->finish();
    return row;
}

Result<ListPage<Event>> Store::events(const QString &organisationId, const Cursor &cursor)
{
    return page<Event>(QStringLiteral("events"), EventColumns, QStringLiteral("date_created"),
                       QStringLiteral("organisation = ?"), {organisationId}, cursor,
                       [](const QSqlQuery &q) { return eventFromQuery(q).event; });
}

Result<Done> Store::failPendingEvents()
{
    return execDone(QStringLiteral("UPDATE events SET state = 'failed' WHERE state = 'pending'"),
                    {});
}

// --- attempts

Result<Done> Store::insertAttempt(const DeliveryAttempt &a)
{
    return execDone(
        QStringLiteral("INSERT INTO attempts (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(AttemptColumns),
        {a.id, a.configId, textOrNull(a.taskId), a.eventId, toMs(a.dateStarted), a.requestUrl,
         QString::fromUtf8(headersToJson(a.requestHeaders)), blob(a.requestBody), a.responseStatus,
         blob(a.responseBodyStart), a.latencyMs, textOrNull(a.error), textOrNull(a.errorDetail)});
}

Result<std::optional<DeliveryAttempt>> Store::attempt(const QString &id)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM attempts WHERE id = ?").arg(AttemptColumns), {id});
    if (!q)
        return q.error();
    std::optional<DeliveryAttempt> row;
    if (q.value()->next())
        row = attemptFromQuery(*q.value());
    q.value()->finish();
    return row;
}

Result<ListPage<DeliveryAttempt>> Store::attempts(const QString &configId, const Cursor &cursor)
{
    return page<DeliveryAttempt>(QStringLiteral("attempts"), AttemptColumns,
                                 QStringLiteral("date_started"), QStringLiteral("config = ?"),
                                 {configId}, cursor, attemptFromQuery);
}

} // namespace wa
