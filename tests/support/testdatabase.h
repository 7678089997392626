#pragma once

// Fresh databases for tests, on either engine the Store runs on. Header-only.
//
// SQLite: a file in a temporary folder. PostgreSQL: a new database on the throwaway cluster the
// ctest fixture `postgres` starts (tests/support/postgres-cluster.sh), dropped afterwards.
// A suite that runs on both asks for each engine in turn; PostgreSQL is skipped, and says so,
// when no cluster was started.

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtDebug>

#include <memory>

namespace wa::test {

class TestDatabase final
{
public:
    enum class Engine
    {
        Sqlite,
        Postgres
    };

    // WA_TEST_POSTGRES_URL, else the URL the ctest fixture wrote to its state file.
    static QString adminUrl()
    {
        const QString given = qEnvironmentVariable("WA_TEST_POSTGRES_URL");
        if (!given.isEmpty())
            return given;
#ifdef WA_POSTGRES_STATE_FILE
        QFile state(QStringLiteral(WA_POSTGRES_STATE_FILE));
        if (state.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : state.readAll().split('\n')) {
                if (line.startsWith("URL="))
                    return QString::fromUtf8(line.mid(4));
            }
        }
#endif
        return {};
    }
    static bool postgresAvailable()
    {
        return !adminUrl().isEmpty();
    }
    static QString name(Engine engine)
    {
        return engine == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres");
    }

    explicit TestDatabase(Engine engine)
        : m_engine(engine)
    {
        if (engine == Engine::Sqlite) {
            m_location = m_dir.filePath(QStringLiteral("test.sqlite"));
            return;
        }
        m_name
            = QStringLiteral("wa_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        if (!admin(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
            return;
        QUrl url(adminUrl());
        url.setPath(QLatin1Char('/') + m_name);
        m_location = url.toString();
    }

    ~TestDatabase()
    {
        if (m_engine == Engine::Postgres && !m_location.isEmpty())
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }

    Engine engine() const
    {
        return m_engine;
    }
    // A file path or a postgresql:// URL; empty when the database could not be made.
    QString location() const
    {
        return m_location;
    }
    QString folder() const
    {
        return m_dir.path();
    }

    // Runs one statement on the cluster as its administrator.
    static bool admin(const QString &sql)
    {
        const QString connection = QStringLiteral("wa-test-admin");
        bool ok = false;
        {
            const QUrl url(adminUrl());
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    qWarning() << "test database:" << sql << q.lastError().text();
            } else {
                qWarning() << "test database: cannot connect:" << db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

private:
    Engine m_engine;
    QTemporaryDir m_dir;
    QString m_name;
    QString m_location;
};

} // namespace wa::test
