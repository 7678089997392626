// Store, second half: test tasks and their claims, events and delivery attempts.

#include "store.h"
#include "storeengine.h"
#include "storerows.h"

#include <QJsonDocument>

#include <algorithm>

namespace wa {

using namespace StoreRows;

Result<Done> Store::insertTask(const TaskRow &row)
{
    // Workers elsewhere hear of it at once (PostgreSQL) rather than at their next poll.
    if (auto r = announce(); !r)
        return r;
    const Task &t = row.task;
    return execDone(
        QStringLiteral("INSERT INTO tasks (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(TaskColumns),
        {t.id, t.organisation, textOrNull(t.key), t.type, t.target, toString(t.state),
         textOrNull(t.error), row.configRevision, toMs(t.dateCreated), msOrNull(t.dateStarted),
         msOrNull(t.dateCompleted), textOrNull(row.claimedBy),
         row.claimedBy.isEmpty() ? QVariant() : QVariant(row.leaseUntilMs)});
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

Result<QList<Store::TaskRow>> Store::tasks(const QStringList &ids)
{
    QList<TaskRow> rows;
    if (ids.isEmpty())
        return rows;
    QStringList marks(ids.size(), QStringLiteral("?"));
    QVariantList values;
    for (const QString &id : ids)
        values << id;
    auto q = exec(QStringLiteral("SELECT %1 FROM tasks WHERE id IN (%2)")
                      .arg(TaskColumns, marks.join(QLatin1Char(','))),
                  values);
    if (!q)
        return q.error();
    while (q.value()->next())
        rows.append(taskFromQuery(*q.value()));
    q.value()->finish();
    return rows;
}

Result<QList<Store::LastTest>> Store::lastTests(const QStringList &configIds)
{
    QList<LastTest> found;
    if (configIds.isEmpty())
        return found;
    const QString marks = QStringList(configIds.size(), QStringLiteral("?")).join(u',');
    QVariantList ids;
    for (const QString &id : configIds)
        ids << id;
    auto q = exec(QStringLiteral("SELECT %1 FROM (SELECT %1, ROW_NUMBER() OVER (PARTITION BY "
                                 "target ORDER BY date_created DESC, id DESC) AS newest "
                                 "FROM tasks WHERE type = 'webhook_config.test' AND target IN (%2))"
                                 " ranked WHERE newest = 1")
                      .arg(TaskColumns, marks),
                  ids);
    if (!q)
        return q.error();
    QHash<QString, qsizetype> byTask;
    while (q.value()->next()) {
        found.append({taskFromQuery(*q.value()), std::nullopt});
        byTask.insert(found.constLast().task.task.id, found.size() - 1);
    }
    q.value()->finish();
    if (found.isEmpty())
        return found;
    QVariantList taskIds;
    for (const LastTest &test : std::as_const(found))
        taskIds << test.task.task.id;
    auto a = exec(
        QStringLiteral("SELECT %1 FROM attempts WHERE task IN (%2) "
                       "ORDER BY date_started, id")
            .arg(AttemptColumns, QStringList(taskIds.size(), QStringLiteral("?")).join(u',')),
        taskIds);
    if (!a)
        return a.error();
    while (a.value()->next()) {
        DeliveryAttempt attempt = attemptFromQuery(*a.value());
        found[byTask.value(attempt.taskId)].attempt = std::move(attempt); // the newest stays
    }
    a.value()->finish();
    return found;
}

namespace {

// Unfinished, and held by nobody: never claimed, or its worker's lease ran out.
const QString Claimable = QStringLiteral(
    "state IN ('pending', 'processing') AND (claimed_by IS NULL OR lease_until < ?)");

} // namespace

Result<bool> Store::hasClaimableTasks(qint64 nowMs)
{
    auto q = exec(QStringLiteral("SELECT id FROM tasks WHERE %1 LIMIT 1").arg(Claimable), {nowMs});
    if (!q)
        return q.error();
    const bool any = q.value()->next();
    q.value()->finish();
    return any;
}

Result<QList<Store::TaskRow>> Store::claimTasks(const QString &worker, qint64 nowMs,
                                                qint64 leaseUntilMs, int limit)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM tasks WHERE %2 ORDER BY date_created, id "
                                 "LIMIT ? %3")
                      .arg(TaskColumns, Claimable, m_engine->skipLockedClause()),
                  {nowMs, limit});
    if (!q)
        return q.error();
    QList<TaskRow> rows;
    while (q.value()->next())
        rows.append(taskFromQuery(*q.value()));
    q.value()->finish();
    for (TaskRow &row : rows) {
        row.claimedBy = worker;
        row.leaseUntilMs = leaseUntilMs;
        if (auto r = execDone(QStringLiteral("UPDATE tasks SET claimed_by = ?, lease_until = ? "
                                             "WHERE id = ?"),
                              {worker, leaseUntilMs, row.task.id});
            !r)
            return r.error();
    }
    return rows;
}

Result<bool> Store::updateClaimedTask(const TaskRow &row, const QString &worker)
{
    const Task &t = row.task;
    const bool release = t.finished();
    auto q = exec(QStringLiteral("UPDATE tasks SET state = ?, error = ?, date_started = ?, "
                                 "date_completed = ?, claimed_by = ?, lease_until = ? "
                                 "WHERE id = ? AND claimed_by = ? "
                                 "AND state IN ('pending', 'processing')"),
                  {toString(t.state), textOrNull(t.error), msOrNull(t.dateStarted),
                   msOrNull(t.dateCompleted), release ? QVariant() : QVariant(worker),
                   release ? QVariant() : QVariant(row.leaseUntilMs), t.id, worker});
    if (!q)
        return q.error();
    const bool held = q.value()->numRowsAffected() == 1;
    q.value()->finish();
    return held;
}

Result<QStringList> Store::supersedeWaitingTests(const QString &configId, const QString &keepTaskId,
                                                 qint64 nowMs)
{
    auto q = exec(QStringLiteral("UPDATE tasks SET state = 'failed', error = 'superseded', "
                                 "date_completed = ?, claimed_by = NULL, lease_until = NULL "
                                 "WHERE target = ? AND state = 'pending' AND id <> ? RETURNING id"),
                  {nowMs, configId, keepTaskId});
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value()->next())
        ids << q.value()->value(0).toString();
    q.value()->finish();
    return ids;
}

Result<int> Store::waitingTests()
{
    auto q = exec(QStringLiteral("SELECT COUNT(*) FROM tasks WHERE state = 'pending'"), {});
    if (!q)
        return q.error();
    const int count = q.value()->next() ? q.value()->value(0).toInt() : 0;
    q.value()->finish();
    return count;
}

// --- retention

namespace {

int affected(QSqlQuery *q)
{
    const int rows = q->numRowsAffected();
    q->finish();
    return qMax(0, rows);
}

} // namespace

Result<int> Store::pruneAttempts(int keepPerConfig, qint64 beforeMs, int batch)
{
    auto q = exec(QStringLiteral(
                      "DELETE FROM attempts WHERE id IN (SELECT id FROM (SELECT id, date_started,"
                      " ROW_NUMBER() OVER (PARTITION BY config ORDER BY date_started DESC, id DESC)"
                      " AS newest FROM attempts) ranked"
                      " WHERE ranked.newest > ? OR ranked.date_started < ? LIMIT ?)"),
                  {keepPerConfig, beforeMs, batch});
    if (!q)
        return q.error();
    return affected(q.value());
}

Result<int> Store::pruneEvents(qint64 beforeMs, int batch)
{
    auto q = exec(
        QStringLiteral("DELETE FROM events WHERE id IN (SELECT e.id FROM events e"
                       " WHERE e.state <> 'pending' AND e.date_created < ?"
                       " AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.event = e.id) LIMIT ?)"),
        {beforeMs, batch});
    if (!q)
        return q.error();
    return affected(q.value());
}

Result<int> Store::pruneTasks(int keepPerConfig, qint64 settledMs, qint64 expiredMs, int batch)
{
    auto q = exec(QStringLiteral(
                      "DELETE FROM tasks WHERE id IN (SELECT id FROM (SELECT id, date_created,"
                      " ROW_NUMBER() OVER (PARTITION BY target ORDER BY date_created DESC, id DESC)"
                      " AS newest FROM tasks WHERE state IN ('succeeded', 'failed')) ranked"
                      " WHERE ((ranked.newest > ? AND ranked.date_created < ?)"
                      " OR ranked.date_created < ?)"
                      " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.task = ranked.id)"
                      " AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.task = ranked.id)"
                      " LIMIT ?)"),
                  {keepPerConfig, settledMs, expiredMs, batch});
    if (!q)
        return q.error();
    return affected(q.value());
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
         QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact)), blob(row.body),
         toString(e.state), e.retries, toMs(e.dateCreated), msOrNull(e.dateDelivered)});
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

Result<Done> Store::failPendingEvents(const QString &taskId)
{
    return execDone(
        QStringLiteral("UPDATE events SET state = 'failed' WHERE task = ? AND state = 'pending'"),
        {taskId});
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
