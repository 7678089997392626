// LocalService's options: defaults, and what the environment overrides.

#include "localservice.h"

#include <QDir>
#include <QStandardPaths>

namespace wa {

LocalService::Options LocalService::Options::resolved() const
{
    Options options = *this;
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("WEBHOOK_ADMIN_DELIVERY_TIMEOUT_MS", &ok);
    if (ok && timeout > 0)
        options.deliveryTimeoutMs = timeout;
    const int lease = qEnvironmentVariableIntValue("WEBHOOK_ADMIN_TASK_LEASE_MS", &ok);
    if (ok && lease > 0)
        options.leaseMs = lease;
    // A claim outlives the slowest delivery, or a live worker would lose its task to another.
    if (options.leaseMs <= 0)
        options.leaseMs = qint64(options.deliveryTimeoutMs) + 20000;
    if (!options.clock)
        options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    if (options.databasePath.isEmpty())
        options.databasePath = LocalService::defaultDatabase();
    return options;
}

QString LocalService::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("webhook-admin.sqlite"));
}

QString LocalService::defaultDatabase()
{
    const QString given = qEnvironmentVariable(DatabaseVariable);
    return given.isEmpty() ? defaultDatabasePath() : given;
}

} // namespace wa
