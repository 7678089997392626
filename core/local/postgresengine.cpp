#include "postgresengine.h"

#include <QSqlDriver>
#include <QUrlQuery>

namespace wa {

namespace {

// One number for the advisory lock of exclusive writers ("WA" in ASCII).
constexpr int WriterLock = 0x5741;

} // namespace

PostgresEngine::PostgresEngine(const QString &url)
    : m_url(url)
{ }

std::optional<Phrase> PostgresEngine::urlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::PostgresEngine", "not a valid URL (%1)"))
            .arg(url.errorString());
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::PostgresEngine", "a postgresql:// URL is needed"));
    if (url.path().size() <= 1 || url.path().indexOf(QLatin1Char('/'), 1) > 0)
        return WA_PHRASE(QT_TRANSLATE_NOOP(
            "wa::PostgresEngine", "name the database: postgresql://user@host:port/dbname"));
    return std::nullopt;
}

QString PostgresEngine::describe() const
{
    // Never the password.
    return m_url.toString(QUrl::RemovePassword | QUrl::RemoveQuery);
}

Result<QSqlDatabase> PostgresEngine::connect(const QString &name)
{
    if (auto problem = urlProblem(m_url.toString()))
        return ApiError::serviceUnavailable(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::PostgresEngine", "Cannot use the database %1: %2."))
                .arg(describe())
                .arg(*problem));
    QSqlDatabase db = QSqlDatabase::contains(name)
        ? QSqlDatabase::database(name, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid())
        return ApiError::serverError(WA_PHRASE(QT_TRANSLATE_NOOP(
            "wa::PostgresEngine",
            "The Qt PostgreSQL driver is not available: install libqt6sql6-psql.")));
    if (!m_url.host().isEmpty())
        db.setHostName(m_url.host());
    if (m_url.port() > 0)
        db.setPort(m_url.port());
    db.setUserName(m_url.userName());
    db.setPassword(m_url.password()); // empty: libpq reads ~/.pgpass or PGPASSFILE
    db.setDatabaseName(m_url.path().mid(1));
    // libpq's own options from the URL's query (sslmode, ...); a bounded wait to connect.
    QStringList options;
    bool timeout = false;
    const auto items = QUrlQuery(m_url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        options << key + QLatin1Char('=') + value;
        timeout |= key == QLatin1String("connect_timeout");
    }
    if (!timeout)
        options << QStringLiteral("connect_timeout=3");
    options << QStringLiteral("application_name=webhook-admin");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString reason
            = db.lastError().databaseText().trimmed().section(QLatin1Char('\n'), 0, 0);
        return ApiError::serviceUnavailable(
            WA_PHRASE(
                QT_TRANSLATE_NOOP("wa::PostgresEngine", "Cannot connect to the database %1: %2"))
                .arg(describe())
                .arg(reason.isEmpty()
                         ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::PostgresEngine", "no answer."))
                         : Phrase::plain(reason)));
    }
    return db;
}

QStringList PostgresEngine::beginWrite(bool durable, bool exclusive) const
{
    QStringList statements {QStringLiteral("BEGIN")};
    if (!durable)
        statements << QStringLiteral("SET LOCAL synchronous_commit = off");
    if (exclusive)
        statements << QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(WriterLock);
    return statements;
}

bool PostgresEngine::isConnectionError(const QSqlError &error) const
{
    // Class 08 (connection exception), 57P01..03 (the server is shutting down or starting).
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P")))
        return true;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString text = error.databaseText() + error.driverText();
    for (const char *sign : {"server closed the connection", "no connection to the server",
                             "could not connect", "connection to server", "terminating connection",
                             "could not send data", "could not receive data"}) {
        if (text.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString PostgresEngine::announceSql() const
{
    return QStringLiteral("SELECT pg_notify('%1', '')").arg(QLatin1String(Channel));
}

void PostgresEngine::listen(QSqlDatabase &db, std::function<void()> onAnnouncement)
{
    QSqlDriver *driver = db.driver();
    QObject::disconnect(driver, &QSqlDriver::notification, nullptr, nullptr);
    driver->subscribeToNotification(QLatin1String(Channel));
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [onAnnouncement = std::move(onAnnouncement)](
                         const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
                         if (source == QSqlDriver::OtherSource)
                             onAnnouncement();
                     });
}

} // namespace wa
