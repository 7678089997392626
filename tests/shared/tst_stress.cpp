// Several processes make random creates, URL changes, deactivations, reactivations and tests on
// one database file for a bounded time; then what a user relies on is checked: every
// acknowledged write is there, no deactivation was undone but by an explicit reactivation, no
// URL change was written over by an older one, every test was delivered exactly once, and the
// file is sound.

#include "cliharness.h"
#include "testhttpserver.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <map>

using namespace wa::test;

namespace {

struct Ack
{
    QString op;
    QString id;
    QString url;
    qint64 start = 0;
    qint64 end = 0;
};

constexpr int Processes = 4;
constexpr int Seconds = 6;

} // namespace

class TestStress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void processesSharingOneFileLoseAndUndoNothing()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("stress.sqlite"));
        TestHttpServer receiver;
        QVERIFY(receiver.start());
        const QProcessEnvironment env = isolatedEnvironment(dir.path());

        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < Processes; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(env);
            // Half serve everyone (like `serve` and the console), half deliver only their own
            // tests (like one-shot CLI commands).
            process->start(QStringLiteral(WA_STRESS_CLIENT),
                           {db, receiver.url(QString()), QString::number(Seconds),
                            QString::number(1000 + i),
                            i % 2 ? QStringLiteral("own") : QStringLiteral("all")});
            processes.push_back(std::move(process));
        }
        QList<Ack> acks;
        for (auto &process : processes) {
            QVERIFY(QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; },
                                    (Seconds + 40) * 1000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
            const QList<QByteArray> lines = process->readAllStandardOutput().split('\n');
            for (const QByteArray &line : lines) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.isEmpty())
                    continue;
                acks.append({o.value(QStringLiteral("op")).toString(),
                             o.value(QStringLiteral("id")).toString(),
                             o.value(QStringLiteral("url")).toString(),
                             qint64(o.value(QStringLiteral("start")).toDouble()),
                             qint64(o.value(QStringLiteral("end")).toDouble())});
            }
        }
        QVERIFY2(acks.size() > 100, qPrintable(QString::number(acks.size())));

        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        QSqlQuery q(sql);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));

        std::map<QString, QPair<QString, QString>> rows; // id -> (state, url)
        QVERIFY(q.exec(QStringLiteral("SELECT id, state, url FROM configs")));
        while (q.next())
            rows[q.value(0).toString()] = {q.value(1).toString(), q.value(2).toString()};

        std::map<QString, QList<Ack>> byConfig;
        int creates = 0;
        for (const Ack &ack : std::as_const(acks)) {
            byConfig[ack.id].append(ack);
            creates += ack.op == QStringLiteral("create");
        }
        QCOMPARE(int(rows.size()), creates); // every acknowledged create, and nothing else

        int deactivatedChecked = 0;
        for (const auto &[id, ops] : byConfig) {
            QVERIFY2(rows.count(id), qPrintable(id));
            const auto &[state, url] = rows.at(id);
            qint64 lastDeactivateStart = -1;
            qint64 lastReactivateEnd = -1;
            QList<Ack> urlChanges;
            for (const Ack &ack : ops) {
                if (ack.op == QStringLiteral("deactivate"))
                    lastDeactivateStart = qMax(lastDeactivateStart, ack.start);
                else if (ack.op == QStringLiteral("reactivate"))
                    lastReactivateEnd = qMax(lastReactivateEnd, ack.end);
                else if (ack.op == QStringLiteral("url") || ack.op == QStringLiteral("create"))
                    urlChanges.append(ack);
            }
            // A config that is not deactivated was reactivated after its last deactivation
            // (a reactivation acknowledged before that deactivation started came first).
            if (lastDeactivateStart >= 0 && state != QStringLiteral("deactivated")) {
                QVERIFY2(lastReactivateEnd > lastDeactivateStart,
                         qPrintable(
                             QStringLiteral("%1 is %2: a deactivation was undone").arg(id, state)));
            }
            if (lastDeactivateStart >= 0)
                ++deactivatedChecked;
            // The URL is one written by a change no other change certainly came after.
            bool urlStands = false;
            for (const Ack &change : std::as_const(urlChanges)) {
                bool overwritten = false;
                for (const Ack &other : std::as_const(urlChanges))
                    overwritten |= &other != &change && other.start > change.end;
                urlStands |= !overwritten && change.url == url;
            }
            QVERIFY2(urlStands, qPrintable(QStringLiteral("%1 has %2, an older URL").arg(id, url)));
        }
        QVERIFY(deactivatedChecked > 5);

        // Every test delivered exactly once: one delivery per event, one event per task (no
        // lease ran out), and nothing left unfinished.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM tasks WHERE state IN "
                                      "('pending', 'processing')"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT task, COUNT(*) FROM events GROUP BY task "
                                      "HAVING COUNT(*) > 1")));
        QVERIFY2(!q.next(), "a task was started twice");
        std::map<QByteArray, int> deliveries;
        for (const RecordedRequest &request : receiver.requests)
            ++deliveries[request.target.mid(request.target.lastIndexOf('/') + 1)];
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next());
        const int events = q.value(0).toInt();
        QCOMPARE(int(deliveries.size()), events);
        for (const auto &[event, count] : deliveries)
            QVERIFY2(count == 1, event.constData());
        qInfo("%lld acknowledged writes, %d configs, %d tests delivered once each",
              qint64(acks.size()), creates, events);
    }
};

QTEST_GUILESS_MAIN(TestStress)
#include "tst_stress.moc"
