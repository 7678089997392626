// The CLI does not change with the user's language: the real binary under a German environment
// (LANG=de_DE.UTF-8, LANGUAGE=de) and under LANG=C, on the same database, prints the same bytes
// and exits with the same codes, for what it lists and for what it refuses. Scripts parse it.
#include "cliharness.h"
#include "testhttpserver.h"

#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>

using namespace wa::test;
using namespace Qt::StringLiterals;

class TestCliLocale final : public QObject
{
    Q_OBJECT

    CliHarness m_cli;
    TestHttpServer m_receiver;

    QStringList local() const
    {
        return {u"--local"_s, u"--database"_s, m_cli.path(u"db.sqlite"_s)};
    }

    QProcessEnvironment environment(bool german) const
    {
        QProcessEnvironment env = m_cli.environment();
        for (const QString &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANGUAGE"_s, u"LANG"_s})
            env.remove(name);
        if (german) {
            env.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
            env.insert(u"LANGUAGE"_s, u"de"_s);
        } else {
            env.insert(u"LANG"_s, u"C"_s);
        }
        return env;
    }

    CliRun run(const QStringList &arguments, bool german) const
    {
        const QProcessEnvironment env = environment(german);
        return m_cli.run(QStringList(arguments) << local(), {}, &env, 60000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_cli.valid());
        QVERIFY(m_receiver.start());
        // A valid config and an invalid one, their tests done (a one-shot command settles them).
        QCOMPARE(run({u"create"_s, u"--url"_s, m_receiver.url(u"/orders"_s)}, false).code, 0);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QString refused = u"http://127.0.0.1:%1/hooks"_s.arg(closed.serverPort());
        closed.close();
        QCOMPARE(run({u"create"_s, u"--url"_s, refused}, false).code, 0);
    }

    void sameBytesInGermanAndC_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("english"); // a sentence the C run prints (stdout or stderr)
        QTest::newRow("list --json") << QStringList {u"list"_s, u"--json"_s} << 0 << u"\"url\""_s;
        QTest::newRow("list") << QStringList {u"list"_s} << 0 << u"/orders"_s;
        QTest::newRow("get unknown")
            << QStringList {u"get"_s, u"nope"_s} << 1 << u"No webhook config with id nope."_s;
        QTest::newRow("get unknown --json") << QStringList {u"get"_s, u"nope"_s, u"--json"_s} << 1
                                            << u"No webhook config with id nope."_s;
        QTest::newRow("create refused")
            << QStringList {u"create"_s, u"--url"_s, u"ftp://example.com/hook"_s} << 1
            << u"must use http or https, not ftp"_s;
        QTest::newRow("create refused --json")
            << QStringList {u"create"_s, u"--url"_s, u"ftp://example.com/hook"_s, u"--json"_s} << 1
            << u"must use http or https, not ftp"_s;
        QTest::newRow("usage") << QStringList {u"create"_s} << 2 << u"create"_s;
    }

    void sameBytesInGermanAndC()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, english);
        const CliRun c = run(arguments, false);
        const CliRun german = run(arguments, true);
        QCOMPARE(c.code, code);
        const QString both = c.out + c.err;
        QVERIFY2(both.contains(english), qPrintable(both));
        QCOMPARE(german.code, c.code);
        QCOMPARE(german.out, c.out);
        QCOMPARE(german.err, c.err);
    }
};

QTEST_GUILESS_MAIN(TestCliLocale)
#include "tst_clilocale.moc"
