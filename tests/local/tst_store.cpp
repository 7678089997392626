#include "store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace wa;

namespace {

Organisation makeOrganisation()
{
    Organisation o;
    o.id = QStringLiteral("org-1");
    o.name = QStringLiteral("Local organisation");
    o.dateCreated = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    return o;
}

Store::ConfigRow makeConfig(const QString &id, qint64 ms)
{
    Store::ConfigRow row;
    row.config.id = id;
    row.config.organisation = QStringLiteral("org-1");
    row.config.url = QStringLiteral("https://example.com/webhooks");
    row.config.secret = QStringLiteral("c2VjcmV0");
    row.config.state = ConfigState::Valid;
    row.config.dateCreated = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    row.revision = 3;
    return row;
}

// Reads the file with a connection of its own, not through the Store.
int countRows(const QString &path, const QString &sql)
{
    int result = -1;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return result;
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newFileGetsSchemaVersionOneAndPrivateMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/db.sqlite"));
        {
            Store store(path);
            const auto opened = store.open();
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
            QCOMPARE(store.schemaVersion(), 1);
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFile::permissions(path)
                     & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(QFile::permissions(path) & QFileDevice::ReadOwner);
        QCOMPARE(countRows(path,
                           QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                          "type = 'table' AND name IN ('organisations', "
                                          "'keys', 'configs', 'tasks', 'events', "
                                          "'attempts')")),
                 6);
        QCOMPARE(countRows(path, QStringLiteral("SELECT COUNT(*) FROM schema_version")), 1);
    }

    void reopenKeepsDataAndDoesNotMigrateTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        const Store::ConfigRow older = makeConfig(QStringLiteral("a"), 1'700'000'000'000);
        const Store::ConfigRow newer = makeConfig(QStringLiteral("b"), 1'700'000'000'500);
        {
            Store store(path);
            QVERIFY(store.open().ok());
            QVERIFY(store.insertOrganisation(makeOrganisation()).ok());
            QVERIFY(store.begin().ok());
            QVERIFY(store.insertConfig(newer).ok());
            QVERIFY(store.insertConfig(older).ok());
            QVERIFY(store.commit().ok());
            QVERIFY(
                store.setOrganisationDefault(QStringLiteral("org-1"), QStringLiteral("b")).ok());
        }
        Store store(path);
        QVERIFY(store.open().ok());
        QCOMPARE(store.schemaVersion(), 1);
        QCOMPARE(countRows(path, QStringLiteral("SELECT COUNT(*) FROM schema_version")), 1);
        const auto organisation = store.firstOrganisation();
        QVERIFY(organisation.ok() && organisation.value());
        QCOMPARE(organisation.value()->name, QStringLiteral("Local organisation"));
        QCOMPARE(organisation.value()->webhookConfigDefault, QStringLiteral("b"));
        QCOMPARE(organisation.value()->dateCreated, makeOrganisation().dateCreated);
        const auto configs = store.configs(QStringLiteral("org-1"));
        QVERIFY(configs.ok());
        QCOMPARE(configs.value().size(), 2);
        QCOMPARE(configs.value().at(0).config, older.config);
        QCOMPARE(configs.value().at(1).config, newer.config);
        QCOMPARE(configs.value().at(1).revision, qint64(3));
    }

    void rolledBackTransactionLeavesNothing()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.insertOrganisation(makeOrganisation()).ok());
        QVERIFY(store.begin().ok());
        QVERIFY(store.insertConfig(makeConfig(QStringLiteral("a"), 1)).ok());
        store.rollback();
        QCOMPARE(store.configs(QStringLiteral("org-1")).value().size(), 0);
    }

    void sqlErrorsAreServerErrorsNotCrashes()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.insertOrganisation(makeOrganisation()).ok());
        QVERIFY(store.insertConfig(makeConfig(QStringLiteral("a"), 1)).ok());
        const auto duplicate = store.insertConfig(makeConfig(QStringLiteral("a"), 2));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().status, 500);
        QCOMPARE(duplicate.error().code, QStringLiteral("server-error"));
        QVERIFY(duplicate.error().message.contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive));
        // A config of an organisation that does not exist breaks a foreign key.
        Store::ConfigRow orphan = makeConfig(QStringLiteral("z"), 3);
        orphan.config.organisation = QStringLiteral("nobody");
        QVERIFY(!store.insertConfig(orphan).ok());
        // The store still works after errors.
        QVERIFY(store.insertConfig(makeConfig(QStringLiteral("b"), 2)).ok());
        QCOMPARE(store.configs(QStringLiteral("org-1")).value().size(), 2);
    }

    void unopenableFileIsAnError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Store store(dir.filePath(QStringLiteral("file/db.sqlite")));
        const auto opened = store.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("server-error"));
    }

    void attemptsKeepHeadersAndBodies()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.insertOrganisation(makeOrganisation()).ok());
        QVERIFY(store.insertConfig(makeConfig(QStringLiteral("a"), 1)).ok());
        Store::EventRow event;
        event.event.id = QStringLiteral("e1");
        event.event.organisation = QStringLiteral("org-1");
        event.event.data = QJsonObject {{QStringLiteral("id"), QStringLiteral("a")}};
        event.event.dateCreated = QDateTime::fromMSecsSinceEpoch(5, Qt::UTC);
        event.configId = QStringLiteral("a");
        event.body = QByteArrayLiteral("{\"id\":\"e1\"}");
        QVERIFY(store.insertEvent(event).ok());

        DeliveryAttempt attempt;
        attempt.id = QStringLiteral("at1");
        attempt.configId = QStringLiteral("a");
        attempt.eventId = QStringLiteral("e1");
        attempt.dateStarted = QDateTime::fromMSecsSinceEpoch(10, Qt::UTC);
        attempt.requestUrl = QStringLiteral("http://127.0.0.1:1/webhooks/e1");
        attempt.requestHeaders
            = {{"Content-Type", "application/json"}, {"Ricloud-Signature", "t=1,s=abc="}};
        attempt.requestBody = event.body;
        attempt.latencyMs = 12;
        attempt.error = QStringLiteral("webhook-refused");
        attempt.errorDetail = QStringLiteral("Connection refused");
        QVERIFY(store.insertAttempt(attempt).ok()); // empty response body is fine

        const auto back = store.attempt(QStringLiteral("at1"));
        QVERIFY(back.ok() && back.value());
        QCOMPARE(back.value()->requestHeaders, attempt.requestHeaders);
        QCOMPARE(back.value()->requestBody, attempt.requestBody);
        QCOMPARE(back.value()->error, attempt.error);
        QCOMPARE(back.value()->errorDetail, attempt.errorDetail);
        QCOMPARE(back.value()->taskId, QString());
        QVERIFY(back.value()->responseBodyStart.isEmpty());

        const auto events = store.event(QStringLiteral("e1"));
        QVERIFY(events.ok() && events.value());
        QCOMPARE(events.value()->body, event.body);
        QCOMPARE(events.value()->event.data, event.event.data);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
