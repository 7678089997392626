#include "signature.h"

#include <QDateTime>
#include <QStandardPaths>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using wa::Signature;

namespace {

const QByteArray Secret = "secret";
const QByteArray Body = R"({"id": "x"})";
constexpr qint64 T = 1600000000;

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

class TestSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void workedExample()
    {
        // API.md's worked example: what every receiver in the world checks against.
        QCOMPARE(Signature::compute(Secret, T, Body),
                 QByteArray("FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A="));
        QCOMPARE(Signature::header(Secret, T, Body),
                 QByteArray("t=1600000000,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A="));
        const auto result
            = Signature::verify(Secret, Signature::header(Secret, T, Body), Body, at(T + 5));
        QVERIFY(result.valid());
        QCOMPARE(result.ageSeconds, 5);
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("valid"));
    }

    void matchesOpenSslDirectly()
    {
        // An independent computation of the same HMAC, over a body that is not UTF-8.
        QByteArray body;
        for (int i = 0; i < 300; ++i)
            body.append(char(i * 7));
        const QByteArray secret = "s3cr\xc3\xa9t-with-utf8";
        const QByteArray message = "1700000000." + body;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
             reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
             digest, &length);
        QCOMPARE(length, 32u);
        QCOMPARE(Signature::compute(secret, 1700000000, body),
                 QByteArray(reinterpret_cast<const char *>(digest), int(length)).toBase64());
        // Standard, padded base64 of 32 bytes: 44 characters ending in '='.
        QCOMPARE(Signature::compute(secret, 1700000000, body).size(), 44);
        QVERIFY(Signature::compute(secret, 1700000000, body).endsWith('='));
    }

    void emptyBodyAndEmptySecret()
    {
        const QByteArray header = Signature::header("", T, "");
        QVERIFY(Signature::verify("", header, "", at(T)).valid());
        QCOMPARE(Signature::verify("x", header, "", at(T)).verdict, Signature::Verdict::Mismatch);
    }

    void tamperedBody()
    {
        const QByteArray header = Signature::header(Secret, T, Body);
        const auto result = Signature::verify(Secret, header, R"({"id": "y"})", at(T));
        QCOMPARE(result.verdict, Signature::Verdict::Mismatch);
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("mismatch"));
        QVERIFY(result.detail.contains(QStringLiteral("does not match")));
        // One trailing byte is enough.
        QCOMPARE(Signature::verify(Secret, header, QByteArray(Body + ' '), at(T)).verdict,
                 Signature::Verdict::Mismatch);
    }

    void wrongSecret()
    {
        const QByteArray header = Signature::header(Secret, T, Body);
        QCOMPARE(Signature::verify("Secret", header, Body, at(T)).verdict,
                 Signature::Verdict::Mismatch);
    }

    void tamperedTimestamp()
    {
        // Moving t to make an old event look fresh breaks the signature.
        const QByteArray s = Signature::compute(Secret, T, Body);
        const QByteArray header = "t=" + QByteArray::number(T + 100) + ",s=" + s;
        QCOMPARE(Signature::verify(Secret, header, Body, at(T + 100)).verdict,
                 Signature::Verdict::Mismatch);
    }

    void stale()
    {
        const QByteArray header = Signature::header(Secret, T, Body);
        const auto result = Signature::verify(Secret, header, Body, at(T + 742));
        QCOMPARE(result.verdict, Signature::Verdict::TooOld);
        QCOMPARE(result.ageSeconds, 742);
        QCOMPARE(result.detail,
                 QStringLiteral("The timestamp is 742 seconds old (the window is 600 seconds)."));
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("too-old"));
        // The window's edge is still inside; a custom window applies.
        QVERIFY(Signature::verify(Secret, header, Body, at(T + 600)).valid());
        QCOMPARE(Signature::verify(Secret, header, Body, at(T + 601)).verdict,
                 Signature::Verdict::TooOld);
        QVERIFY(Signature::verify(Secret, header, Body, at(T + 742), 1000).valid());
    }

    void future()
    {
        const QByteArray header = Signature::header(Secret, T, Body);
        const auto result = Signature::verify(Secret, header, Body, at(T - 120));
        QCOMPARE(result.verdict, Signature::Verdict::TooNew);
        QCOMPARE(result.ageSeconds, -120);
        QVERIFY2(result.detail.contains(QStringLiteral("120 seconds in the future")),
                 qPrintable(result.detail));
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("too-new"));
        // Small clock skew is tolerated.
        QVERIFY(Signature::verify(Secret, header, Body, at(T - 60)).valid());
    }

    void missingHeader()
    {
        const auto result = Signature::verify(Secret, "", Body, at(T));
        QCOMPARE(result.verdict, Signature::Verdict::MissingHeader);
        QVERIFY(result.detail.contains(QStringLiteral("Ricloud-Signature")));
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("missing-header"));
        QCOMPARE(Signature::verify(Secret, "   ", Body, at(T)).verdict,
                 Signature::Verdict::MissingHeader);
    }

    void malformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no t") << QByteArray("s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=")
                              << QStringLiteral("no timestamp");
        QTest::newRow("t not integer")
            << QByteArray("t=soon,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=")
            << QStringLiteral("not an integer");
        QTest::newRow("t negative")
            << QByteArray("t=-5,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=")
            << QStringLiteral("not an integer");
        QTest::newRow("t empty") << QByteArray("t=,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=")
                                 << QStringLiteral("not an integer");
        QTest::newRow("no s") << QByteArray("t=1600000000") << QStringLiteral("no signature");
        QTest::newRow("s empty") << QByteArray("t=1600000000,s=") << QStringLiteral("empty");
        QTest::newRow("s not base64")
            << QByteArray("t=1600000000,s=not*base64!") << QStringLiteral("not base64");
        QTest::newRow("no key=value") << QByteArray("garbage") << QStringLiteral("key=value");
    }

    void malformedHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, problem);
        QString parseProblem;
        QVERIFY(!Signature::parse(header, &parseProblem));
        QVERIFY2(parseProblem.contains(problem), qPrintable(parseProblem));
        const auto result = Signature::verify(Secret, header, Body, at(T));
        QCOMPARE(result.verdict, Signature::Verdict::MalformedHeader);
        QCOMPARE(result.detail, parseProblem);
        QCOMPARE(Signature::verdictName(result.verdict), QStringLiteral("malformed-header"));
    }

    void tolerantParse()
    {
        // Spaces around the parts and unknown extra parts are accepted; order does not matter.
        const QByteArray s = Signature::compute(Secret, T, Body);
        for (const QByteArray &header :
             QList<QByteArray> {"t=1600000000, s=" + s, " s=" + s + " ,t=1600000000 ",
                                "t=1600000000,v=2,s=" + s, "t = 1600000000 , s = " + s}) {
            QString problem;
            const auto parsed = Signature::parse(header, &problem);
            QVERIFY2(parsed, qPrintable(QString::fromLatin1(header) + u' ' + problem));
            QCOMPARE(parsed->timestamp, T);
            QCOMPARE(parsed->signature, s);
            QVERIFY(Signature::verify(Secret, header, Body, at(T)).valid());
        }
    }

    void constantTimeEquals()
    {
        QVERIFY(Signature::constantTimeEquals("abc", "abc"));
        QVERIFY(!Signature::constantTimeEquals("abc", "abd"));
        QVERIFY(!Signature::constantTimeEquals("abc", "abcd"));
        QVERIFY(!Signature::constantTimeEquals("", "a"));
        QVERIFY(Signature::constantTimeEquals("", ""));
    }
};

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
