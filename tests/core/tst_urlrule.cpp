#include "urlrule.h"

#include <QStandardPaths>
#include <QTest>

using wa::UrlRule;

class TestUrlRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void accepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("http") << QStringLiteral("http://example.com/webhooks");
        QTest::newRow("https") << QStringLiteral("https://example.com/webhooks");
        QTest::newRow("upper scheme") << QStringLiteral("HTTPS://Example.com/");
        QTest::newRow("port and query") << QStringLiteral("http://127.0.0.1:8080/hook?x=1&y=2");
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:9000/hook");
        QTest::newRow("exactly 2048")
            << QStringLiteral("https://example.com/") + QString(2048 - 20, u'a');
    }

    void accepted()
    {
        QFETCH(QString, url);
        const auto problem = UrlRule::problem(url);
        QVERIFY2(!problem, qPrintable(problem.value_or(wa::Phrase()).english()));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/x")
                             << QStringLiteral("must use http or https");
        QTest::newRow("javascript")
            << QStringLiteral("javascript:alert(1)") << QStringLiteral("must use http or https");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd")
                              << QStringLiteral("must use http or https");
        QTest::newRow("no scheme")
            << QStringLiteral("example.com/webhooks") << QStringLiteral("http");
        QTest::newRow("no host") << QStringLiteral("http:///webhooks") << QStringLiteral("host");
        QTest::newRow("empty") << QString() << QStringLiteral("must not be empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("must not be empty");
        QTest::newRow("too long") << QStringLiteral("https://example.com/") + QString(2029, u'a')
                                  << QStringLiteral("at most 2048 characters");
        QTest::newRow("spaces") << QStringLiteral(" https://example.com/")
                                << QStringLiteral("spaces");
        QTest::newRow("credentials") << QStringLiteral("https://user:pw@example.com/")
                                     << QStringLiteral("user name or password");
        QTest::newRow("empty user info")
            << QStringLiteral("http://@example.com/") << QStringLiteral("user name or password");
        QTest::newRow("fragment") << QStringLiteral("https://example.com/#x")
                                  << QStringLiteral("fragment");
    }

    void refused()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const auto problem = UrlRule::problem(url);
        QVERIFY2(problem, qPrintable(url));
        QVERIFY2(problem->english().contains(reason), qPrintable(problem->english()));
    }
};

QTEST_GUILESS_MAIN(TestUrlRule)
#include "tst_urlrule.moc"
