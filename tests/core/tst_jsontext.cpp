#include "jsoncodec.h"
#include "jsontext.h"

#include <QJsonDocument>
#include <QTest>

using namespace wa;

// JsonText is the fast path of the local server: whatever it writes must be exactly what the
// codec means, for every character a URL or id can hold.
class TstJsonText : public QObject
{
    Q_OBJECT

private:
    static WebhookConfig sample(const QString &url)
    {
        WebhookConfig config;
        config.id = QStringLiteral("5f0c7f2e-4a8e-4c39-9d7c-0b5d4f7a2e11");
        config.organisation = QStringLiteral("42");
        config.url = url;
        config.secret = QStringLiteral("s3cr3t-_AZ");
        config.state = ConfigState::Invalid;
        config.dateCreated = QDateTime(QDate(2026, 11, 28), QTime(10, 25, 5, 123), Qt::UTC);
        return config;
    }

    static QJsonObject parse(const QByteArray &text)
    {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << error.errorString() << text;
        return document.object();
    }

private Q_SLOTS:
    void configMatchesCodec_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << QStringLiteral("https://example.com/webhooks");
        QTest::newRow("quotes and backslash") << QStringLiteral("http://h/a\"b\\c");
        QTest::newRow("control characters") << QStringLiteral("http://h/\n\t\r\x01\x1f");
        QTest::newRow("non-ascii") << QStringLiteral("http://h\u00e9/\u2603/\U0001F600");
        QTest::newRow("empty") << QString();
    }

    void configMatchesCodec()
    {
        QFETCH(QString, url);
        const WebhookConfig config = sample(url);
        QCOMPARE(parse(JsonText::config(config)), JsonCodec::toJson(config));
        QCOMPARE(parse(JsonText::config(config, JsonCodec::Secret::Omit)),
                 JsonCodec::toJson(config, JsonCodec::Secret::Omit));
        // Byte for byte too, so that a client caching by content sees no difference.
        QCOMPARE(JsonText::config(config),
                 QJsonDocument(JsonCodec::toJson(config)).toJson(QJsonDocument::Compact));
    }

    void pageMatchesCodec()
    {
        ListPage<WebhookConfig> page;
        page.data = {sample(QStringLiteral("http://a/1")), sample(QStringLiteral("http://b/\"2"))};
        page.hasMore = true;
        page.totalCount = 17;
        page.url = QStringLiteral("/configs/webhook");
        QCOMPARE(parse(JsonText::configPage(page)), JsonCodec::toJson(page));

        ListPage<WebhookConfig> empty;
        empty.url = QStringLiteral("/configs/webhook");
        QCOMPARE(parse(JsonText::configPage(empty)), JsonCodec::toJson(empty));
    }
};

QTEST_GUILESS_MAIN(TstJsonText)
#include "tst_jsontext.moc"
