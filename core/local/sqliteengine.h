#pragma once

#include "storeengine.h"

#include <QSqlQuery>

#include <memory>

namespace wa {

// SQLite: one file shared by every process that opens it. WAL lets readers go on while one
// writer writes; BEGIN IMMEDIATE makes writers take turns (waiting up to the busy timeout);
// `PRAGMA data_version` tells a connection that another one has committed.
class SqliteEngine final : public StoreEngine
{
public:
    explicit SqliteEngine(QString path);
    ~SqliteEngine() override;

    Kind kind() const override { return Kind::Sqlite; }
    QString describe() const override;
    Result<QSqlDatabase> connect(const QString &name) override;
    QStringList beginWrite(bool durable, bool exclusive) const override;
    bool othersMayHaveCommitted(QSqlDatabase &db) override;
    QString int64Type() const override { return QStringLiteral("INTEGER"); }
    QString blobType() const override { return QStringLiteral("BLOB"); }
    QString skipLockedClause() const override { return {}; }
    bool isConnectionError(const QSqlError &error) const override;

    // How long a writer waits for another one before giving up.
    static constexpr int BusyTimeoutMs = 10000;

private:
    Result<Done> createPrivately() const;

    QString m_path;
    std::unique_ptr<QSqlQuery> m_dataVersion;
    qint64 m_lastDataVersion = -1;
};

} // namespace wa
