// Profiles in QSettings and tokens in the keychain, or in the 0600 fallback file when no
// keychain runs (this test makes sure none is reachable).

#include "profilestore.h"
#include "tokenstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wa;

namespace {

template<typename T> Result<T> wait(QFuture<Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return ApiError::serverError(QStringLiteral("test: the future did not finish"));
    return future.result();
}

} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // No secret service: QtKeychain must fail and the store fall back to its file.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/webhook-admin-test-bus");
    }

    void profilesRoundTrip()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            ProfileStore store(ini);
            Profile remote {QStringLiteral("work"),
                            Profile::Kind::Remote,
                            QUrl(QStringLiteral("https://api.example.com")),
                            {}};
            Profile local {
                QStringLiteral("desk"), Profile::Kind::Local, {}, QStringLiteral("/tmp/x.sqlite")};
            QVERIFY(store.save(remote).ok());
            QVERIFY(store.save(local).ok());
            store.setLastUsed(QStringLiteral("work"));
        }
        ProfileStore store(ini); // a second reader sees what the first wrote (GUI and CLI)
        const auto profiles = store.profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).name, QStringLiteral("desk")); // sorted by name
        QCOMPARE(profiles.at(0).kind, Profile::Kind::Local);
        QCOMPARE(profiles.at(0).databasePath, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(profiles.at(1).url, QUrl(QStringLiteral("https://api.example.com")));
        QCOMPARE(store.lastUsed(), QStringLiteral("work"));
        QVERIFY(store.remove(QStringLiteral("work")));
        QVERIFY(!store.remove(QStringLiteral("work")));
        QVERIFY(store.lastUsed().isEmpty());
        QCOMPARE(store.profiles().size(), 1);
        // Nothing secret in the settings file.
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("token"));
    }

    void badProfilesAreRefused()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
        auto slash = store.save({QStringLiteral("a/b"), Profile::Kind::Local, {}, {}});
        QVERIFY(!slash.ok());
        QVERIFY(slash.error().params.contains(QStringLiteral("name")));
        auto noUrl = store.save(
            {QStringLiteral("r"), Profile::Kind::Remote, QUrl(QStringLiteral("ftp://x")), {}});
        QVERIFY(!noUrl.ok());
        QVERIFY(noUrl.error().params.contains(QStringLiteral("url")));
        QVERIFY(store.profiles().isEmpty()); // nothing written on bad input
    }

    void tokensFallBackToAPrivateFile()
    {
        QTemporaryDir dir;
        TokenStore::Options options;
        options.service = QStringLiteral("webhook-admin-test");
        options.fallbackPath = dir.filePath(QStringLiteral("data/tokens.json"));
        TokenStore tokens(options);
        QSignalSpy fallback(&tokens, &TokenStore::fallbackActivated);

        QVERIFY(wait(tokens.write(QStringLiteral("work"), QStringLiteral("tok-secret-1"))).ok());
        QVERIFY(tokens.usingFallback());
        QCOMPARE(fallback.size(), 1);
        QVERIFY(tokens.fallbackWarning().contains(options.fallbackPath));
        QVERIFY(!tokens.fallbackWarning().contains(QStringLiteral("tok-secret-1")));

        QFile file(options.fallbackPath);
        QVERIFY(file.exists());
        QCOMPARE(file.permissions()
                     & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());

        auto read = wait(tokens.read(QStringLiteral("work")));
        QVERIFY(read.ok());
        QCOMPARE(read.value(), QStringLiteral("tok-secret-1"));
        auto none = wait(tokens.read(QStringLiteral("other")));
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());

        // A new store (the next run of the CLI) reads what the last one wrote.
        TokenStore again(options);
        auto reread = wait(again.read(QStringLiteral("work")));
        QVERIFY(reread.ok());
        QCOMPARE(reread.value(), QStringLiteral("tok-secret-1"));

        QVERIFY(wait(again.remove(QStringLiteral("work"))).ok());
        auto gone = wait(again.read(QStringLiteral("work")));
        QVERIFY(gone.ok());
        QVERIFY(gone.value().isEmpty());
        QVERIFY(wait(again.remove(QStringLiteral("never-there"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
