// The verdicts a receiver gives, each one named and explained: what a person reads when a
// check fails (the GUI panel, `verify`, `listen`).
#include "eventverifier.h"
#include "signature.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace wa;
using Code = EventVerdict::Code;

namespace {

const QByteArray Secret = "secret";
constexpr qint64 T = 1600000000;
const QByteArray Body = R"({"id": "x"})";
// API.md's worked example, written out (not computed by our code).
const QByteArray ExampleHeader = "t=1600000000,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=";

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

class TestEventVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void workedExampleIsValid()
    {
        const EventVerdict verdict = EventVerifier().verify(Secret, ExampleHeader, Body, at(T + 5));
        QCOMPARE(verdict.code, Code::Valid);
        QVERIFY(verdict.valid());
        QCOMPARE(verdict.name(), QStringLiteral("valid"));
        QCOMPARE(verdict.timestamp, std::optional<qint64>(T));
        QCOMPARE(verdict.ageSeconds, 5);
        QVERIFY2(verdict.detail.contains(QStringLiteral("5 s ago")), qPrintable(verdict.detail));
    }

    void missingHeader()
    {
        const EventVerdict verdict = EventVerifier().verify(Secret, std::nullopt, Body, at(T));
        QCOMPARE(verdict.code, Code::MissingHeader);
        QCOMPARE(verdict.name(), QStringLiteral("missing-header"));
        QVERIFY(verdict.detail.contains(QStringLiteral("no Ricloud-Signature header")));
    }

    void emptyHeaderIsMalformed()
    {
        const EventVerdict verdict = EventVerifier().verify(Secret, QByteArray(""), Body, at(T));
        QCOMPARE(verdict.code, Code::MalformedHeader);
        QVERIFY2(verdict.detail.contains(QStringLiteral("empty")), qPrintable(verdict.detail));
    }

    void malformedHeaderSaysWhat_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("no fields") << QByteArray("nonsense");
        QTest::newRow("no signature") << QByteArray("t=1600000000");
        QTest::newRow("no timestamp")
            << QByteArray("s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=");
        QTest::newRow("timestamp not a number")
            << QByteArray("t=yesterday,s=FPhPzpIFhFJybCK7zv3f8ANK4w9PJiz0bo7AXxYc38A=");
    }
    void malformedHeaderSaysWhat()
    {
        QFETCH(QByteArray, header);
        const EventVerdict verdict = EventVerifier().verify(Secret, header, Body, at(T));
        QCOMPARE(verdict.code, Code::MalformedHeader);
        QCOMPARE(verdict.name(), QStringLiteral("malformed-header"));
        QVERIFY2(verdict.detail.startsWith(QStringLiteral("The Ricloud-Signature header is "
                                                          "malformed: ")),
                 qPrintable(verdict.detail));
        // Says what is wrong, not only that something is.
        QVERIFY2(verdict.detail.size() > 50, qPrintable(verdict.detail));
    }

    void wrongSecretIsMismatch()
    {
        const EventVerdict verdict
            = EventVerifier().verify("another secret", ExampleHeader, Body, at(T));
        QCOMPARE(verdict.code, Code::Mismatch);
        QCOMPARE(verdict.name(), QStringLiteral("mismatch"));
        QVERIFY(verdict.detail.contains(QStringLiteral("another secret")));
        QVERIFY(verdict.detail.contains(QStringLiteral("body")));
    }

    void tamperedBodyIsMismatch()
    {
        const EventVerdict verdict
            = EventVerifier().verify(Secret, ExampleHeader, R"({"id": "y"})", at(T));
        QCOMPARE(verdict.code, Code::Mismatch);
        QVERIFY(verdict.detail.contains(QStringLiteral("body may have been altered")));
    }

    void bodyAlteredInKnownWays_data()
    {
        QTest::addColumn<QByteArray>("signedBody");
        QTest::addColumn<QByteArray>("receivedBody");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("newline added") << Body << Body + "\n"
                                       << QStringLiteral("line break was added");
        QTest::newRow("newline removed") << Body
                + "\n" << Body << QStringLiteral("line break at its end was removed");
        QTest::newRow("CRLF") << QByteArray("{\n\"id\": \"x\"\n}")
                              << QByteArray("{\r\n\"id\": \"x\"\r\n}") << QStringLiteral("CRLF");
        QTest::newRow("re-serialised")
            << QByteArray(R"({"id":"x"})") << Body << QStringLiteral("re-serialised");
    }
    void bodyAlteredInKnownWays()
    {
        QFETCH(QByteArray, signedBody);
        QFETCH(QByteArray, receivedBody);
        QFETCH(QString, explanation);
        const QByteArray header = Signature::header(Secret, T, signedBody);
        const EventVerdict verdict = EventVerifier().verify(Secret, header, receivedBody, at(T));
        QCOMPARE(verdict.code, Code::BodyAltered);
        QCOMPARE(verdict.name(), QStringLiteral("body-altered"));
        QVERIFY2(verdict.detail.contains(explanation), qPrintable(verdict.detail));
        QVERIFY(verdict.detail.contains(QStringLiteral("differ from what was signed")));
    }

    void knownSignedBodyLocatesTheChange()
    {
        const QByteArray original = R"({"id": "x", "amount": 10})";
        const QByteArray tampered = R"({"id": "x", "amount": 99})";
        const QByteArray header = Signature::header(Secret, T, original);
        const EventVerdict verdict
            = EventVerifier().verify(Secret, header, tampered, at(T), &original);
        QCOMPARE(verdict.code, Code::BodyAltered);
        QVERIFY2(verdict.detail.contains(QStringLiteral("first difference at byte 22")),
                 qPrintable(verdict.detail));
    }

    void tooOldSaysByHowMuch()
    {
        const EventVerdict verdict
            = EventVerifier().verify(Secret, ExampleHeader, Body, at(T + 700));
        QCOMPARE(verdict.code, Code::TooOld);
        QCOMPARE(verdict.name(), QStringLiteral("too-old"));
        QCOMPARE(verdict.ageSeconds, 700);
        QVERIFY2(verdict.detail.contains(QStringLiteral("signed 700 s ago, 100 s past the 600 s "
                                                        "window")),
                 qPrintable(verdict.detail));
        QVERIFY(verdict.detail.contains(QStringLiteral("signature itself matches")));
    }

    void windowIsConfigurable()
    {
        QCOMPARE(EventVerifier(800).verify(Secret, ExampleHeader, Body, at(T + 700)).code,
                 Code::Valid);
        QCOMPARE(EventVerifier(600).verify(Secret, ExampleHeader, Body, at(T + 600)).code,
                 Code::Valid);
    }

    void tooNewSaysByHowMuch()
    {
        const EventVerdict verdict
            = EventVerifier().verify(Secret, ExampleHeader, Body, at(T - 100));
        QCOMPARE(verdict.code, Code::TooNew);
        QCOMPARE(verdict.name(), QStringLiteral("too-new"));
        QCOMPARE(verdict.ageSeconds, -100);
        QVERIFY2(
            verdict.detail.contains(QStringLiteral("100 s in the future, 40 s beyond the 60 s")),
            qPrintable(verdict.detail));
    }

    void futureSkewIsAllowed()
    {
        const EventVerdict verdict
            = EventVerifier().verify(Secret, ExampleHeader, Body, at(T - 30));
        QCOMPARE(verdict.code, Code::Valid);
        QVERIFY(verdict.detail.contains(QStringLiteral("30 s in the future")));
        QCOMPARE(EventVerifier(600, 0).verify(Secret, ExampleHeader, Body, at(T - 30)).code,
                 Code::TooNew);
    }

    void bodyNotJson()
    {
        const QByteArray body = "amount=10&id=x";
        const EventVerdict verdict
            = EventVerifier().verify(Secret, Signature::header(Secret, T, body), body, at(T));
        QCOMPARE(verdict.code, Code::NotJson);
        QCOMPARE(verdict.name(), QStringLiteral("not-json"));
        QVERIFY(!verdict.bodyIsJson);
        QVERIFY2(verdict.detail.contains(QStringLiteral("not JSON")), qPrintable(verdict.detail));
        QVERIFY(verdict.detail.contains(QStringLiteral("at byte")));
    }

    void noSecret()
    {
        const EventVerdict verdict = EventVerifier().verify({}, ExampleHeader, Body, at(T));
        QCOMPARE(verdict.code, Code::NoSecret);
        QCOMPARE(verdict.name(), QStringLiteral("no-secret"));
        QCOMPARE(verdict.timestamp, std::optional<qint64>(T)); // still read from the header
    }

    void binaryBodyIsCheckedByteForByte()
    {
        QByteArray body("\x00\xff\xfe{\r\n}", 7);
        const EventVerdict verdict
            = EventVerifier().verify(Secret, Signature::header(Secret, T, body), body, at(T));
        QCOMPARE(verdict.code, Code::NotJson); // the signature held over every byte
        body[0] = '\x01';
        QCOMPARE(EventVerifier()
                     .verify(Secret,
                             Signature::header(Secret, T, QByteArray("\x00\xff\xfe{\r\n}", 7)),
                             body, at(T))
                     .code,
                 Code::Mismatch);
    }
};

QTEST_GUILESS_MAIN(TestEventVerifier)
#include "tst_eventverifier.moc"
