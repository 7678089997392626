// The local server's list answers are texts joined, not objects encoded: each config's text is
// JsonCodec's, kept with its row in the cache, and the list around them is the codec's too.
// Whatever the joining writes must be, byte for byte, what encoding the whole page writes.
#include "configcache.h"
#include "jsoncodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace wa;

class TstListText : public QObject
{
    Q_OBJECT

private:
    static Store::ConfigRow sample(const QString &id, const QString &url, qint64 ms)
    {
        Store::ConfigRow row;
        row.config.id = id;
        row.config.organisation = QStringLiteral("42");
        row.config.url = url;
        row.config.secret = QStringLiteral("s3cr3t-_AZ");
        row.config.state = ConfigState::Invalid;
        row.config.dateCreated = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        row.changeSeq = 1;
        return row;
    }

    static QByteArray encoded(const ListPage<WebhookConfig> &page)
    {
        return QJsonDocument(JsonCodec::toJson(page)).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void joinedTextIsTheCodecsPage_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << QStringLiteral("https://example.com/webhooks");
        QTest::newRow("quotes and backslash") << QStringLiteral("http://h/a\"b\\c");
        QTest::newRow("control characters") << QStringLiteral("http://h/\n\t\r\x01\x1f");
        QTest::newRow("non-ascii") << QStringLiteral("http://h\u00e9/\u2603/\U0001F600");
    }

    void joinedTextIsTheCodecsPage()
    {
        QFETCH(QString, url);
        ConfigCache cache;
        cache.apply({sample(QStringLiteral("a"), url, 1000), sample(QStringLiteral("b"), url, 2000),
                     sample(QStringLiteral("c"), url, 3000)});
        for (int limit : {1, 2, 10}) {
            PageRequest request;
            request.limit = limit;
            const auto page = cache.page({}, request);
            QCOMPARE(cache.pageText({}, request).value(), encoded(page.value()));
        }
        PageRequest after;
        after.afterId = QStringLiteral("c");
        QCOMPARE(cache.pageText({}, after).value(), encoded(cache.page({}, after).value()));
        QCOMPARE(cache.text(QStringLiteral("b")),
                 QJsonDocument(JsonCodec::toJson(cache.find(QStringLiteral("b"))->config))
                     .toJson(QJsonDocument::Compact));
        QVERIFY(cache.text(QStringLiteral("nope")).isEmpty());
    }

    void aChangedRowIsEncodedAgain()
    {
        ConfigCache cache;
        cache.apply({sample(QStringLiteral("a"), QStringLiteral("http://old/"), 1000)});
        QVERIFY(cache.text(QStringLiteral("a")).contains("http://old/"));
        Store::ConfigRow changed = sample(QStringLiteral("a"), QStringLiteral("http://new/"), 1000);
        changed.changeSeq = 2;
        cache.apply({changed});
        QVERIFY(cache.text(QStringLiteral("a")).contains("http://new/"));
        QVERIFY(cache.pageText({}, {}).value().contains("http://new/"));
    }

    void emptyPage()
    {
        ConfigCache cache;
        ListPage<WebhookConfig> empty;
        empty.url = QStringLiteral("/configs/webhook");
        QCOMPARE(cache.pageText({}, {}).value(), encoded(empty));
        PageRequest unknown;
        unknown.beforeId = QStringLiteral("x");
        QCOMPARE(cache.pageText({}, unknown).error().params.value(QStringLiteral("before_id")),
                 QStringLiteral("no webhook config with id x"));
    }
};

QTEST_GUILESS_MAIN(TstListText)
#include "tst_listtext.moc"
