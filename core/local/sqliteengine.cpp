#include "sqliteengine.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace wa {

SqliteEngine::SqliteEngine(QString path)
    : m_path(std::move(path))
{ }

SqliteEngine::~SqliteEngine() = default;

QString SqliteEngine::describe() const
{
    return QDir::toNativeSeparators(m_path);
}

Result<Done> SqliteEngine::createPrivately() const
{
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder)) {
        // The folder holds the database and its WAL: nobody else's to read.
        if (!QDir().mkpath(folder))
            return ApiError::serverError(
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::SqliteEngine", "Cannot create the folder %1."))
                    .arg(folder));
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    // Create the file ourselves so that it is private from its first byte; SQLite gives its
    // -wal and -shm files the same mode.
    QFile file(m_path);
    if (!file.exists()) {
        if (!file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return ApiError::serverError(
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::SqliteEngine", "Cannot create %1: %2."))
                    .arg(m_path)
                    .arg(file.errorString()));
        }
        file.close();
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Done {};
}

Result<QSqlDatabase> SqliteEngine::connect(const QString &name)
{
    if (auto created = createPrivately(); !created)
        return created.error();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return ApiError::serverError(WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::SqliteEngine", "The Qt SQLite driver is not available.")));
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open()) {
        qWarning("webhook-admin: cannot open %s: %s", qUtf8Printable(m_path),
                 qUtf8Printable(db.lastError().text()));
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::SqliteEngine", "Cannot open the database %1: %2."))
                .arg(m_path)
                .arg(db.lastError().driverText()));
    }
    QSqlQuery pragma(db);
    for (const auto *sql : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON"}) {
        // Switching a new file to WAL needs it to itself for a moment: several processes opening
        // it at once take turns (SQLite's busy handler does not cover this one).
        QDeadlineTimer deadline(BusyTimeoutMs);
        bool done = pragma.exec(QString::fromLatin1(sql));
        while (!done && !deadline.hasExpired()
               && pragma.lastError().nativeErrorCode() == QLatin1String("5")) { // SQLITE_BUSY
            QThread::msleep(20);
            done = pragma.exec(QString::fromLatin1(sql));
        }
        if (!done) {
            qWarning("webhook-admin: %s on %s: %s", sql, qUtf8Printable(m_path),
                     qUtf8Printable(pragma.lastError().text()));
            return ApiError::serverError(
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::SqliteEngine", "Cannot set up the database %1."))
                    .arg(m_path));
        }
        pragma.finish();
    }
    m_dataVersion = std::make_unique<QSqlQuery>(db);
    m_dataVersion->prepare(QStringLiteral("PRAGMA data_version"));
    return db;
}

QStringList SqliteEngine::beginWrite(bool durable, bool) const
{
    // synchronous is per connection: every transaction says which it needs, so that a relaxed
    // one never leaves the next durable one without its fsync.
    return {durable ? QStringLiteral("PRAGMA synchronous=FULL")
                    : QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("BEGIN IMMEDIATE")};
}

bool SqliteEngine::othersMayHaveCommitted(QSqlDatabase &)
{
    // data_version changes when another connection commits, never for our own commits.
    if (!m_dataVersion || !m_dataVersion->exec() || !m_dataVersion->next())
        return true;
    const qint64 version = m_dataVersion->value(0).toLongLong();
    m_dataVersion->finish();
    const bool changed = version != m_lastDataVersion;
    m_lastDataVersion = version;
    return changed;
}

bool SqliteEngine::isConnectionError(const QSqlError &) const
{
    return false;
}

} // namespace wa
