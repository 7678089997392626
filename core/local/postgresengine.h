#pragma once

#include "storeengine.h"

#include <QUrl>

#include <functional>
#include <optional>

namespace wa {

// PostgreSQL, for a team service: any number of `serve` instances on one database. Writers of
// the organisation's data take turns through a transaction advisory lock; task claims lock only
// their rows (FOR UPDATE SKIP LOCKED). Commits are announced with NOTIFY, so that the other
// instances refresh at once; reads still check the change sequence, because a notification may
// arrive after a client that was answered elsewhere asks here.
//
// The location is a URL: postgresql://user:password@host:port/dbname?sslmode=require. Without a
// password in it, libpq looks in ~/.pgpass (or PGPASSFILE), as its users expect.
class PostgresEngine final : public StoreEngine
{
public:
    explicit PostgresEngine(const QString &url);

    // The URL's problem for a person, or nullopt when it can be used.
    static std::optional<Phrase> urlProblem(const QString &url);

    Kind kind() const override { return Kind::Postgres; }
    QString describe() const override;
    Result<QSqlDatabase> connect(const QString &name) override;
    QStringList beginWrite(bool durable, bool exclusive) const override;
    bool othersMayHaveCommitted(QSqlDatabase &) override { return true; }
    QString int64Type() const override { return QStringLiteral("BIGINT"); }
    QString blobType() const override { return QStringLiteral("BYTEA"); }
    QString skipLockedClause() const override { return QStringLiteral("FOR UPDATE SKIP LOCKED"); }
    bool isConnectionError(const QSqlError &error) const override;
    QString announceSql() const override;
    void listen(QSqlDatabase &db, std::function<void()> onAnnouncement) override;

    static constexpr auto Channel = "webhook_admin";

private:
    QUrl m_url;
};

} // namespace wa
