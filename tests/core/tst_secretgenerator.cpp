#include "secretgenerator.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>

using wa::SecretGenerator;

class TestSecretGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void urlSafeWithoutPadding()
    {
        for (int i = 0; i < 200; ++i) {
            const QString secret = SecretGenerator::generate();
            // 32 bytes in unpadded base64: 43 characters, nothing a URL or shell must escape.
            QCOMPARE(secret.size(), 43);
            for (const QChar c : secret) {
                const bool allowed = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')
                    || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
                QVERIFY2(allowed, qPrintable(secret));
            }
            const auto decoded = QByteArray::fromBase64Encoding(
                secret.toLatin1(),
                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                    | QByteArray::AbortOnBase64DecodingErrors);
            QVERIFY(decoded);
            QCOMPARE(decoded.decoded.size(), 32);
        }
    }

    void neverRepeats()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(SecretGenerator::generate());
        QCOMPARE(seen.size(), 1000);
    }

    void longerOnRequestNeverShorter()
    {
        QCOMPARE(SecretGenerator::generate(48).size(), 64);
        // Asking for fewer than the API's 32 bytes still gives 32.
        QCOMPARE(SecretGenerator::generate(4).size(), 43);
        QCOMPARE(SecretGenerator::generate(0).size(), 43);
    }
};

QTEST_GUILESS_MAIN(TestSecretGenerator)
#include "tst_secretgenerator.moc"
