#include "store.h"

#include "postgresengine.h"
#include "sqliteengine.h"
#include "storerows.h"
#include "storeschema.h"

#include <QAtomicInteger>
#include <QSqlError>

namespace wa {

using namespace StoreRows;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

std::unique_ptr<StoreEngine> engineFor(const QString &location);

} // namespace

Store::Store(QString location)
    : m_location(std::move(location))
    , m_engine(engineFor(m_location))
    , m_connectionName(QStringLiteral("wa-store-%1").arg(++s_connectionCounter))
{ }

Store::~Store()
{
    m_statements.clear();
    if (m_db.isValid()) {
        if (m_inTransaction)
            rollback();
        m_db.close();
        m_db = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Store::isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"))
        || location.startsWith(QLatin1String("postgres://"));
}

QString Store::describe() const
{
    return m_engine->describe();
}

bool Store::isPostgres() const
{
    return m_engine->kind() == StoreEngine::Kind::Postgres;
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

namespace {

Phrase unreachable()
{
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store",
                                       "The service's database cannot be reached; "
                                       "try again shortly."));
}

} // namespace

ApiError Store::sqlError(const Phrase &what, const QSqlError &error) const
{
    // The database's own words are for the log: a client learns that it failed, not how.
    qWarning("webhook-admin: database error while %s (%s): %s", qUtf8Printable(what.english()),
             qUtf8Printable(m_engine->describe()), qUtf8Printable(error.text()));
    if (!m_db.isOpen() || m_engine->isConnectionError(error)) {
        // Connect again before the next statement; until then every call says "unavailable".
        auto *self = const_cast<Store *>(this);
        self->m_broken = true;
        self->m_inTransaction = false;
        return ApiError::serviceUnavailable(unreachable());
    }
    return ApiError::serverError(
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store",
                                    "The service's database failed while %1; the "
                                    "details are in the service's log."))
            .arg(what));
}

ApiError Store::sqlError(const Phrase &what, const QSqlQuery *query) const
{
    return sqlError(what, query ? query->lastError() : m_db.lastError());
}

Result<Done> Store::open()
{
    m_lastConnectMs = QDateTime::currentMSecsSinceEpoch();
    auto db = m_engine->connect(m_connectionName);
    if (!db)
        return db.error();
    m_db = db.value();
    return migrate();
}

Result<Done> Store::ensureConnected()
{
    if (!m_broken && m_db.isOpen())
        return Done {};
    m_broken = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastConnectMs < ReconnectIntervalMs) {
        return ApiError::serviceUnavailable(unreachable());
    }
    m_lastConnectMs = now;
    m_statements.clear();
    m_db.close();
    auto db = m_engine->connect(m_connectionName);
    if (!db)
        return db.error();
    m_db = db.value();
    m_broken = false;
    m_inTransaction = false;
    if (m_onAnnouncement)
        m_engine->listen(m_db, m_onAnnouncement);
    qInfo("webhook-admin: connected to %s again", qUtf8Printable(m_engine->describe()));
    return Done {};
}

void Store::onAnnouncement(std::function<void()> handler)
{
    m_onAnnouncement = std::move(handler);
    if (m_db.isOpen())
        m_engine->listen(m_db, m_onAnnouncement);
}

Result<Done> Store::announce()
{
    const QString sql = m_engine->announceSql();
    if (sql.isEmpty())
        return Done {};
    return execDone(sql, {});
}

Result<Done> Store::ping()
{
    return execDone(QStringLiteral("SELECT 1"), {});
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

Result<Done> Store::execScript(const QStringList &statements, const Phrase &what)
{
    QSqlQuery q(m_db);
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return sqlError(what, &q);
        q.finish();
    }
    return Done {};
}

Result<Done> Store::migrate()
{
    // In one exclusive write: several processes opening a new database at once migrate it once.
    if (auto r = begin(Durability::Durable); !r)
        return r;
    auto r = applyMigrations();
    if (!r) {
        rollback();
        return r;
    }
    return commit();
}

Result<Done> Store::applyMigrations()
{
    if (auto r = execScript({QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                            " version INTEGER NOT NULL, date_applied %1 NOT NULL)")
                                 .arg(m_engine->int64Type())},
                            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "creating schema_version")));
        !r)
        return r;
    const int current = schemaVersion();
    const auto &all = StoreSchema::migrations();
    if (current > all.size()) {
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store",
                                        "The database %1 has schema version %2; this build knows "
                                        "up to %3: use a newer webhook-admin."))
                .arg(describe())
                .arg(current)
                .arg(all.size()));
    }
    const auto only
        = isPostgres() ? StoreSchema::Step::Only::Postgres : StoreSchema::Step::Only::Sqlite;
    for (int version = current + 1; version <= all.size(); ++version) {
        QStringList statements;
        for (const StoreSchema::Step &step : all.at(version - 1)) {
            if (step.only != StoreSchema::Step::Only::Both && step.only != only)
                continue;
            QString sql = step.sql;
            sql.replace(QLatin1String("%INT64%"), m_engine->int64Type());
            sql.replace(QLatin1String("%BLOB%"), m_engine->blobType());
            statements << sql;
        }
        if (auto r = execScript(
                statements,
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "migrating to version %1")).arg(version));
            !r)
            return r;
        if (auto r = execDone(QStringLiteral("INSERT INTO schema_version (version, date_applied) "
                                             "VALUES (?, ?)"),
                              {version, QDateTime::currentMSecsSinceEpoch()});
            !r)
            return r;
    }
    return Done {};
}

Result<QSqlQuery *> Store::prepare(const QString &sql)
{
    if (auto connected = ensureConnected(); !connected)
        return connected.error();
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    if (!m_db.isOpen())
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "The service's database is not open.")));
    auto query = std::make_unique<QSqlQuery>(m_db);
    // Rows are read once, in order: without this Qt keeps a copy of every row it has read (a
    // first load of 100,000 configs would be held twice).
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return sqlError(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "preparing a statement")),
                        query.get());
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
        const ApiError error
            = sqlError(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "running a statement")), q);
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

// --- transactions

Result<Done> Store::begin(Durability durability, bool exclusive)
{
    if (m_inTransaction)
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "A transaction is already open.")));
    if (auto connected = ensureConnected(); !connected)
        return connected;
    // Not prepared: PostgreSQL prepares no transaction control.
    QSqlQuery q(m_db);
    for (const QString &sql : m_engine->beginWrite(durability == Durability::Durable, exclusive)) {
        if (!q.exec(sql)) {
            const ApiError error
                = sqlError(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "starting a transaction")), &q);
            if (m_inTransaction)
                rollback();
            return error;
        }
        q.finish();
        if (sql.startsWith(QLatin1String("BEGIN")))
            m_inTransaction = true;
    }
    return Done {};
}

Result<Done> Store::commit()
{
    QSqlQuery q(m_db);
    const bool committed = q.exec(QStringLiteral("COMMIT"));
    if (!committed) {
        const ApiError error
            = sqlError(WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "committing")), &q);
        rollback();
        return error;
    }
    m_inTransaction = false;
    return Done {};
}

void Store::rollback()
{
    m_inTransaction = false;
    if (m_broken)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

bool Store::othersMayHaveCommitted()
{
    return m_engine->othersMayHaveCommitted(m_db);
}

// --- organisation and keys

Result<std::optional<Store::OrganisationRow>> Store::firstOrganisation()
{
    auto q = exec(QStringLiteral("SELECT id, name, state, webhook_config_default, date_created, "
                                 "change_seq FROM organisations ORDER BY date_created, id LIMIT 1"),
                  {});
    if (!q)
        return q.error();
    QSqlQuery *query = q.value();
    std::optional<OrganisationRow> result;
    if (query->next()) {
        OrganisationRow row;
        Organisation &o = row.organisation;
        o.id = query->value(0).toString();
        o.name = query->value(1).toString();
        o.state = query->value(2).toString();
        o.webhookConfigDefault = query->value(3).toString();
        o.dateCreated = fromMs(query->value(4));
        row.changeSeq = query->value(5).toLongLong();
        result = row;
    }
    query->finish();
    return result;
}

Result<Done> Store::insertOrganisation(const Organisation &o)
{
    return execDone(
        QStringLiteral("INSERT INTO organisations (id, name, state, "
                       "webhook_config_default, date_created, change_seq) "
                       "VALUES (?, ?, ?, ?, ?, 1)"),
        {o.id, o.name, o.state, textOrNull(o.webhookConfigDefault), toMs(o.dateCreated)});
}

Result<qint64> Store::nextChangeSeq(const QString &organisationId)
{
    auto q = exec(QStringLiteral("UPDATE organisations SET change_seq = change_seq + 1 "
                                 "WHERE id = ? RETURNING change_seq"),
                  {organisationId});
    if (!q)
        return q.error();
    qint64 seq = 0;
    if (q.value()->next())
        seq = q.value()->value(0).toLongLong();
    q.value()->finish();
    if (seq == 0)
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Store", "The organisation %1 is gone."))
                .arg(organisationId));
    if (auto r = announce(); !r)
        return r.error();
    return seq;
}

Result<qint64> Store::changeSeq(const QString &organisationId)
{
    auto q = exec(QStringLiteral("SELECT change_seq FROM organisations WHERE id = ?"),
                  {organisationId});
    if (!q)
        return q.error();
    qint64 seq = 0;
    if (q.value()->next())
        seq = q.value()->value(0).toLongLong();
    q.value()->finish();
    return seq;
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

Result<std::optional<Store::ConfigRow>> Store::config(const QString &id)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM configs WHERE id = ?").arg(ConfigColumns), {id});
    if (!q)
        return q.error();
    std::optional<ConfigRow> row;
    if (q.value()->next())
        row = configFromQuery(*q.value());
    q.value()->finish();
    return row;
}

Result<QList<Store::ConfigRow>> Store::configsChangedSince(const QString &organisationId,
                                                           qint64 changeSeq)
{
    auto q = exec(QStringLiteral("SELECT %1 FROM configs WHERE organisation = ? AND change_seq > ?")
                      .arg(ConfigColumns),
                  {organisationId, changeSeq});
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
    return execDone(QStringLiteral("INSERT INTO configs (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .arg(ConfigColumns),
                    {c.id, c.organisation, c.url, c.secret, toString(c.state), row.revision,
                     toMs(c.dateCreated), row.changeSeq});
}

Result<Done> Store::updateConfig(const ConfigRow &row)
{
    const WebhookConfig &c = row.config;
    return execDone(
        QStringLiteral("UPDATE configs SET url = ?, secret = ?, state = ?, revision = ?, "
                       "change_seq = ? WHERE id = ?"),
        {c.url, c.secret, toString(c.state), row.revision, row.changeSeq, c.id});
}

namespace {

std::unique_ptr<StoreEngine> engineFor(const QString &location)
{
    if (Store::isPostgresUrl(location))
        return std::make_unique<PostgresEngine>(location);
    return std::make_unique<SqliteEngine>(location);
}

} // namespace

} // namespace wa
