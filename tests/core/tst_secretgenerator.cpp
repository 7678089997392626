#include "secretgenerator.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <array>

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

    // 1,000 secrets (32,000 bytes): none repeats, every byte value turns up about as often as
    // any other and every bit is set about half the time. A constant, a counter, a clock or a
    // generator that fills only some bytes fails this; a uniqueness check alone would pass most
    // of them.
    void bytesLookUniformlyRandom()
    {
        constexpr int Secrets = 1000;
        constexpr int Bytes = 32;
        QSet<QString> seen;
        std::array<int, 256> values {};
        std::array<int, Bytes * 8> bits {};
        for (int i = 0; i < Secrets; ++i) {
            const QString secret = SecretGenerator::generate();
            seen.insert(secret);
            const QByteArray raw = QByteArray::fromBase64(
                secret.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            QCOMPARE(raw.size(), Bytes);
            for (int b = 0; b < Bytes; ++b) {
                const auto byte = quint8(raw.at(b));
                ++values[byte];
                for (int bit = 0; bit < 8; ++bit)
                    bits[b * 8 + bit] += (byte >> bit) & 1;
            }
        }
        QCOMPARE(seen.size(), Secrets);

        // Chi-square over the 256 byte values (255 degrees of freedom: mean 255, sd 22.6); a
        // fair generator stays under 400 with a probability far above one in a billion.
        const double expected = double(Secrets) * Bytes / 256;
        double chiSquare = 0;
        for (const int count : values)
            chiSquare += (count - expected) * (count - expected) / expected;
        QVERIFY2(chiSquare < 400, qPrintable(QString::number(chiSquare)));

        // Each of the 256 bit positions: 1,000 fair coin flips (sd 15.8): within 7 sd of 500.
        for (const int ones : bits)
            QVERIFY2(ones > 390 && ones < 610, qPrintable(QString::number(ones)));
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
