#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <functional>

namespace wa {

// What differs between the database engines a Store runs on, in one place each (SQLite here,
// PostgreSQL in its own engine): how to connect, how a write transaction excludes the other
// writers, how a cache learns that another connection committed, and the few words of SQL
// that differ. Everything else in Store is plain SQL that both engines speak.
class StoreEngine
{
public:
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    virtual ~StoreEngine() = default;

    virtual Kind kind() const = 0;
    // "/home/me/.local/share/…/webhook-admin.sqlite" or "postgresql://user@host/db" (never a
    // password).
    virtual QString describe() const = 0;

    // Adds and opens the connection `name`. The error names the database, never a password.
    virtual Result<QSqlDatabase> connect(const QString &name) = 0;

    // Statements that start a write transaction. An exclusive one excludes every other
    // exclusive writer of the database until it ends (SQLite: BEGIN IMMEDIATE, which excludes
    // every writer; PostgreSQL: a transaction advisory lock), so that a write decided on the
    // rows it reads stays right until it commits. A shared one (PostgreSQL only) locks just the
    // rows it touches: task claims, which skip rows another worker holds. Migrations run in an
    // exclusive one, so that several processes starting at once migrate a database once.
    // Durable commits reach the disk before COMMIT returns; relaxed ones may be lost with the
    // machine (never with the process).
    virtual QStringList beginWrite(bool durable, bool exclusive) const = 0;

    // Freshness: true when another connection may have committed since the last call. Costs
    // next to nothing when nothing happened; never says false after another commit.
    virtual bool othersMayHaveCommitted(QSqlDatabase &db) = 0;

    // Column types and clauses that differ.
    virtual QString int64Type() const = 0;
    virtual QString blobType() const = 0;
    // Appended to a SELECT that claims rows other workers may claim at the same moment.
    virtual QString skipLockedClause() const = 0;
    // Whether an error means the database cannot be reached (answer "unavailable", retry later)
    // rather than a fault of ours.
    virtual bool isConnectionError(const QSqlError &error) const = 0;

    // Announcing a commit to the other processes: a statement run inside the transaction (none
    // where the freshness check needs no help), and how to hear the others' announcements.
    virtual QString announceSql() const { return {}; }
    virtual void listen(QSqlDatabase &db, std::function<void()> onAnnouncement)
    {
        Q_UNUSED(db);
        Q_UNUSED(onAnnouncement);
    }
};

} // namespace wa
