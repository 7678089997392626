// The bulk engine as the console and the CLI use it: bounded concurrency, the summary a person
// reads, cancel half-way and a backend that goes away mid-way, each reporting exactly what was
// done, against the real local service and against `serve`'s REST face through RemoteService.

#include "bulkactions.h"
#include "bulkreport.h"
#include "bulkrunner.h"
#include "bulktestsupport.h"
#include "remoteservice.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wa;
using namespace wa::test;
using Outcome = BulkItemResult::Outcome;

namespace {

BulkItemResult tested(const QString &id, Outcome outcome, const QString &reason)
{
    BulkItemResult result;
    result.item.id = id;
    result.outcome = outcome;
    result.reason = reason;
    result.task = Task {};
    return result;
}

int testTasksOf(WebhookService &service, const QString &configId)
{
    TaskFilter filter;
    filter.target = configId;
    PageRequest page;
    page.limit = PageRequest::MaxLimit;
    const auto tasks = await(service.listTasks(filter, page));
    return tasks.ok() ? tasks.value().totalCount : -1;
}

} // namespace

class TestBulkRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryReadsAsTheIssueSays()
    {
        BulkReport report;
        report.action = BulkAction::Test;
        report.waitedForTests = true;
        for (int i = 0; i < 10; ++i)
            report.results << tested(QString::number(i), Outcome::Done, QStringLiteral("valid"));
        report.results << tested(QStringLiteral("a"), Outcome::Failed,
                                 QStringLiteral("webhook-refused"))
                       << tested(QStringLiteral("b"), Outcome::Failed,
                                 QStringLiteral("webhook-refused"));
        QCOMPARE(report.summary(),
                 QStringLiteral("12 tested: 10 valid, 2 invalid (connection refused: 2)."));

        // What was not done is named, item by item, after the summary.
        QVERIFY(report.text().contains(QStringLiteral("\na: invalid: connection refused")));

        report.results << BulkItemResult::fromError(
            BulkItem {QStringLiteral("gone")},
            ApiError::notFound(QStringLiteral("No such config.")));
        QCOMPARE(report.summary(),
                 QStringLiteral("12 tested: 10 valid, 2 invalid (connection refused: 2), "
                                "1 refused (not found: 1)."));
    }

    void neverMoreInFlightThanTheBound()
    {
        // A job that finishes each item a little later, counting how many are open at once.
        int open = 0;
        int most = 0;
        const BulkRunner::Job job
            = [&](const BulkItem &item, BulkRunner &runner, BulkRunner::Done done) {
                  most = std::max(most, ++open);
                  QTimer::singleShot(5, &runner, [&, item, done] {
                      --open;
                      BulkItemResult result;
                      result.item = item;
                      result.outcome = Outcome::Done;
                      done(result);
                  });
              };
        QList<BulkItem> items;
        for (int i = 0; i < 40; ++i)
            items << BulkItem {QString::number(i)};
        BulkRunner runner;
        runner.setConcurrency(3);
        QSignalSpy progress(&runner, &BulkRunner::progress);
        runner.start(BulkAction::Deactivate, items, job);
        QVERIFY(runner.isRunning());
        const BulkReport report = awaitReport(runner);
        QCOMPARE(most, 3);
        QCOMPARE(report.count(Outcome::Done), 40);
        QCOMPARE(progress.size(), 40);
        QCOMPARE(progress.constLast().at(0).toInt(), 40);
        QCOMPARE(report.summary(), QStringLiteral("40 deactivated."));
    }

    void emptyRunFinishesLater()
    {
        BulkRunner runner;
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start(BulkAction::Test, {}, [](const BulkItem &, BulkRunner &, BulkRunner::Done) {});
        QCOMPARE(finished.size(), 0); // never from inside start()
        QVERIFY(finished.wait(5000));
        QCOMPARE(runner.report().total(), 0);
    }

    void testManyAgainstTheLocalService()
    {
        AcceptingReceiver receiver;
        QVERIFY(receiver.started);
        LocalFixture local;
        QVERIFY(local.opened.ok());
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids << local.create(receiver.url(i));
        ids << local.create(RefusingUrl) << local.create(RefusingUrl);
        ids << QStringLiteral("no-such-config");
        QVERIFY(!ids.contains(QString()));

        BulkRunner runner;
        runner.setConcurrency(BulkRunner::LocalConcurrency);
        BulkActions::test(runner, local.service.get(), ids, true);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.ending, BulkReport::Ending::Completed);
        QCOMPARE(report.summary(),
                 QStringLiteral("8 tested: 6 valid, 2 invalid (connection refused: 2), "
                                "1 refused (not found: 1)."));
        // In the order given, each with its task.
        QCOMPARE(report.results.at(6).item.id, ids.at(6));
        QCOMPARE(report.results.at(6).reason, QStringLiteral("webhook-refused"));
        QVERIFY(report.results.at(0).task && report.results.at(0).task->finished());
        // Each config got exactly one more test (the create's, then this one).
        for (int i = 0; i < 8; ++i)
            QCOMPARE(testTasksOf(*local.service, ids.at(i)), 2);

        // Without waiting: the tests are started, and the summary says only that.
        BulkActions::test(runner, local.service.get(), ids.mid(0, 3), false);
        QCOMPARE(awaitReport(runner).summary(), QStringLiteral("3 test(s) started."));
    }

    void cancelHalfWayReportsExactlyWhatWasDone()
    {
        AcceptingReceiver receiver;
        QVERIFY(receiver.started);
        LocalFixture local;
        QVERIFY(local.opened.ok());
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << local.create(receiver.url(i));

        BulkRunner runner;
        runner.setConcurrency(2);
        QObject::connect(&runner, &BulkRunner::progress, &runner, [&runner](int finished, int) {
            if (finished == 4)
                runner.cancel();
        });
        BulkActions::deactivate(runner, local.service.get(), ids);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.ending, BulkReport::Ending::Cancelled);
        // The two under way when Cancel came finish; nothing starts after it.
        const int done = report.count(Outcome::Done);
        QVERIFY2(done >= 4 && done <= 5, qPrintable(report.text()));
        QCOMPARE(report.count(Outcome::NotDone), 10 - done);
        QCOMPARE(report.summary(),
                 QStringLiteral("Cancelled after %1 of 10: %1 deactivated, %2 not done.")
                     .arg(done)
                     .arg(10 - done));
        // What the report says is what the service holds.
        for (const BulkItemResult &result : report.results) {
            const auto config = await(local.service->config(result.item.id));
            QVERIFY(config.ok());
            const bool deactivated = config.value().state == ConfigState::Deactivated;
            QCOMPARE(deactivated, result.outcome == Outcome::Done);
        }
    }

    void reactivateBringsDeactivatedConfigsBack()
    {
        AcceptingReceiver receiver;
        QVERIFY(receiver.started);
        LocalFixture local;
        QVERIFY(local.opened.ok());
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << local.create(receiver.url(i));
        BulkRunner runner;
        BulkActions::deactivate(runner, local.service.get(), ids);
        QCOMPARE(awaitReport(runner).summary(), QStringLiteral("3 deactivated."));
        BulkActions::reactivate(runner, local.service.get(), ids);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.summary(), QStringLiteral("3 reactivated."));
        for (const QString &id : ids) {
            const auto config = await(local.service->config(id));
            QVERIFY(config.ok());
            QVERIFY(config.value().state != ConfigState::Deactivated);
        }
    }

    void backendGoneMidWayStopsAndSaysWhatWasNotDone()
    {
        AcceptingReceiver receiver;
        QVERIFY(receiver.started);
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        QStringList ids;
        for (int i = 0; i < 10; ++i) {
            const auto created = await(server.service->createConfig(receiver.url(i), 0));
            QVERIFY(created.ok());
            ids << created.value().id;
        }

        RemoteService::Options options;
        options.baseUrl = server.url;
        options.token = server.token;
        options.maxRetries = 0;
        RemoteService remote(options);

        BulkRunner runner;
        runner.setConcurrency(1);
        // `serve` goes away after the fourth item; the service itself stays, to check against.
        QObject::connect(&runner, &BulkRunner::progress, &runner, [&server](int finished, int) {
            if (finished == 4)
                server.server.reset();
        });
        BulkActions::deactivate(runner, &remote, ids);
        const BulkReport report = awaitReport(runner);
        QCOMPARE(report.ending, BulkReport::Ending::BackendGone);
        QCOMPARE(report.count(Outcome::Done), 4);
        QCOMPARE(report.count(Outcome::Unknown) + report.count(Outcome::NotDone), 6);
        QVERIFY2(report.summary().startsWith(QStringLiteral("Stopped after ")),
                 qPrintable(report.summary()));
        QVERIFY2(report.summary().contains(QStringLiteral("4 deactivated")),
                 qPrintable(report.summary()));
        for (int i = 0; i < 10; ++i) {
            const auto config = await(server.service->config(ids.at(i)));
            QVERIFY(config.ok());
            QCOMPARE(config.value().state == ConfigState::Deactivated, i < 4);
            QCOMPARE(report.results.at(i).outcome == Outcome::Done, i < 4);
        }
    }

    void serviceDestroyedMidRunIsNotACrash()
    {
        AcceptingReceiver receiver;
        QVERIFY(receiver.started);
        auto local = std::make_unique<LocalFixture>();
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids << local->create(receiver.url(i));
        BulkRunner runner;
        runner.setConcurrency(1);
        QObject::connect(&runner, &BulkRunner::progress, &runner, [&local](int finished, int) {
            if (finished == 2)
                QTimer::singleShot(0, [&local] { local.reset(); });
        });
        BulkActions::test(runner, local->service.get(), ids, true);
        const BulkReport report = awaitReport(runner);
        QVERIFY(!runner.isRunning());
        QCOMPARE(report.ending, BulkReport::Ending::BackendGone);
        QVERIFY(report.count(Outcome::Done) >= 2);
        QVERIFY(report.count(Outcome::NotDone) >= 1);
    }
};

QTEST_GUILESS_MAIN(TestBulkRunner)
#include "tst_bulkrunner.moc"
