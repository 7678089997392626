// The console's bulk test (issue 12): 1,000 configs selected with Ctrl+A and tested with the
// toolbar's Test, against the local service and a local receiver. Not a test: figures, printed.
// Run a Release build:
//   QT_QPA_PLATFORM=offscreen build/release/tests/ui/bench_bulk_ui [count] [runs]
//
// Each run, side by side on the same database and receiver:
//  - engine: core's BulkRunner alone (BulkActions::test, outcomes awaited, 32 at once) on a
//    LocalService in its own thread, as the CLI's `test - --wait --local` does: the baseline.
//  - console: the real MainWindow at 1280x800 (the service in its own thread, as in the app),
//    every row selected and tested; timed from the click to the summary, and to every row
//    showing its outcome. Meanwhile a 10 ms timer on the GUI thread records how late each of its
//    ticks comes: the longest gap between ticks is how long the window could not answer a click
//    or paint. The GUI thread's CPU time over the run is its own share of the work.
//
// The receiver (core's Receiver, answering 200) runs in a thread of its own. Target (issue 12):
// 500 configs a second or more, the window responsive throughout.
#include "bulkactions.h"
#include "bulkcontroller.h"
#include "configtablemodel.h"
#include "localservicethread.h"
#include "mainwindow.h"
#include "receiver.h"
#include "store.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <ctime>

using namespace wa;

namespace {

QTextStream out(stdout);

// A receiver answering 200 to every event, in a thread of its own.
class ReceiverThread
{
public:
    ReceiverThread()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_receiver = new Receiver;
                m_receiver->setBehaviour({200, 0, {}});
                if (m_receiver->start(0))
                    m_url = m_receiver->url();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ReceiverThread()
    {
        QThread *here = QThread::currentThread();
        QMetaObject::invokeMethod(
            &m_context,
            [this, here] {
                delete m_receiver;
                m_context.moveToThread(here); // pushed back from its own thread
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QUrl url() const { return m_url; }
    int received()
    {
        int count = 0;
        QMetaObject::invokeMethod(
            &m_context, [this, &count] { count = int(m_receiver->requests().size()); },
            Qt::BlockingQueuedConnection);
        return count;
    }
    void clear()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_receiver->clear(); }, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
    Receiver *m_receiver = nullptr;
    QUrl m_url;
};

QString seed(const QString &path, int count, const QUrl &receiver)
{
    QString organisation;
    {
        LocalService service({path});
        if (!service.open())
            return QStringLiteral("cannot open the service");
        auto org = service.organisation();
        // Answered through this thread's event loop (the service lives here): never block on it.
        while (!org.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        organisation = org.result().value().id;
    }
    Store store(path);
    if (!store.open())
        return QStringLiteral("cannot open the store");
    store.begin(Store::Durability::Relaxed);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-1);
    for (int i = 0; i < count; ++i) {
        WebhookConfig c;
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.organisation = organisation;
        c.url = receiver.toString() + QStringLiteral("/c%1").arg(i);
        c.secret = QString::fromLatin1(
                       QUuid::createUuid().toRfc4122().toBase64(QByteArray::Base64UrlEncoding
                                                                | QByteArray::OmitTrailingEquals))
                       .repeated(2)
                       .left(43);
        c.state = ConfigState::Valid;
        c.dateCreated = base.addSecs(i);
        store.insertConfig(Store::ConfigRow {c, 1, 1});
    }
    store.commit();
    return {};
}

// How late the ticks of a 10 ms timer come on this thread.
class TickGaps
{
public:
    static constexpr int IntervalMs = 10;

    explicit TickGaps(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, context,
                         [this] { m_gaps.append(m_since.restart()); });
    }
    void start()
    {
        m_gaps.clear();
        m_since.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 max() const
    {
        return m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end());
    }
    qint64 percentile(double p) const
    {
        if (m_gaps.isEmpty())
            return 0;
        QList<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }
    qsizetype over(qint64 ms) const
    {
        return std::count_if(m_gaps.begin(), m_gaps.end(), [ms](qint64 gap) { return gap > ms; });
    }
    qsizetype count() const { return m_gaps.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    QList<qint64> m_gaps;
};

// CPU time this thread has used, in ms (the GUI thread's own share of a run).
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Runs the event loop until `done` (checked every 5 ms). A bench may nest a loop; the app never
// does. (processEvents() in a loop would spin, and charge its spinning to the GUI thread.)
void waitUntil(const std::function<bool()> &done)
{
    if (done())
        return;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start();
    loop.exec();
}

double engineRun(const QString &path, int count)
{
    auto thread = std::make_unique<LocalServiceThread>(LocalService::Options {path});
    auto opened = thread->start();
    waitUntil([&] { return opened.isFinished(); });
    ConfigFilter all;
    auto listed = thread->service()->listAllConfigs(all);
    waitUntil([&] { return listed.isFinished(); });
    QStringList ids;
    for (const WebhookConfig &config : listed.result().value())
        ids << config.id;
    BulkRunner runner;
    runner.setConcurrency(BulkRunner::LocalConcurrency);
    bool finished = false;
    BulkReport report;
    QObject::connect(&runner, &BulkRunner::finished, &runner, [&](const BulkReport &r) {
        report = r;
        finished = true;
    });
    QElapsedTimer timer;
    timer.start();
    BulkActions::test(runner, thread->service(), ids, true);
    waitUntil([&] { return finished; });
    const double seconds = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral("  engine alone:  %1 configs in %2 s: %3 configs/s  (%4)\n")
               .arg(ids.size())
               .arg(seconds, 0, 'f', 2)
               .arg(count / seconds, 0, 'f', 0)
               .arg(report.summary());
    out.flush();
    thread.reset();
    LocalServiceThread::waitForAllStopped();
    return count / seconds;
}

class BenchBackend final : public Backend
{
public:
    explicit BenchBackend(const QString &path)
        : thread(LocalService::Options {path})
    { }
    WebhookService *service() const override { return thread.service(); }
    bool isLocal() const override { return true; }
    LocalServiceThread thread;
};

struct ConsoleFigures
{
    double perSecond = 0; // to the summary
    double settledPerSecond = 0; // to every row showing its outcome
    qint64 maxGap = 0;
};

ConsoleFigures consoleRun(const QString &path, int count)
{
    MainWindow::Dependencies deps;
    deps.persistState = false;
    deps.openBackend = [path](const QString &) {
        auto *raw = new BenchBackend(path);
        std::shared_ptr<Backend> backend(raw);
        return raw->thread.start().then(
            [backend](const Result<Done> &r) -> Result<std::shared_ptr<Backend>> {
                if (!r)
                    return r.error();
                return backend;
            });
    };
    auto window = std::make_unique<MainWindow>(deps);
    window->resize(1280, 800);
    window->show();
    int loaded = -2;
    QObject::connect(window.get(), &MainWindow::configsLoaded, window.get(),
                     [&loaded](int n) { loaded = n; });
    window->switchProfile(localProfileName());
    waitUntil([&] { return loaded != -2; });
    // Let the rows on screen get their last test.
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 500; });

    ConfigTableModel *model = window->model();
    auto running = [model] {
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            n += model->testStatus(model->configAt(row).id).running() ? 1 : 0;
        return n;
    };
    window->table()->setFocus();
    window->table()->selectAll();
    bool finished = false;
    BulkReport report;
    QObject::connect(window->bulk(), &BulkController::runFinished, window.get(),
                     [&](const BulkReport &r) {
                         report = r;
                         finished = true;
                     });
    TickGaps gaps(window.get());
    gaps.start();
    const double cpuBefore = threadCpuMs();
    QElapsedTimer timer;
    timer.start();
    window->findChild<QAction *>(QStringLiteral("actionTest"))->trigger();
    waitUntil([&] { return finished; });
    const double toSummary = timer.nsecsElapsed() / 1e9;
    waitUntil([&] { return running() == 0; });
    const double toSettled = timer.nsecsElapsed() / 1e9;
    const double guiCpuMs = threadCpuMs() - cpuBefore;
    gaps.stop();
    ConsoleFigures figures;
    figures.perSecond = count / toSummary;
    figures.settledPerSecond = count / toSettled;
    figures.maxGap = gaps.max();
    out << QStringLiteral("  console:       %1 configs in %2 s: %3 configs/s to the summary, %4 "
                          "to every row showing its outcome  (%5)\n")
               .arg(report.total())
               .arg(toSummary, 0, 'f', 2)
               .arg(figures.perSecond, 0, 'f', 0)
               .arg(figures.settledPerSecond, 0, 'f', 0)
               .arg(report.summary());
    out << QStringLiteral("  GUI thread:    %1 ms of CPU over the run (%2 %)\n")
               .arg(guiCpuMs, 0, 'f', 0)
               .arg(100 * guiCpuMs / (toSettled * 1e3), 0, 'f', 0);
    out << QStringLiteral("  window ticks:  %1 ticks of a %2 ms timer; gap median %3 ms, p99 %4 "
                          "ms, longest %5 ms; %6 over 50 ms, %7 over 100 ms\n")
               .arg(gaps.count())
               .arg(TickGaps::IntervalMs)
               .arg(gaps.percentile(0.5))
               .arg(gaps.percentile(0.99))
               .arg(gaps.max())
               .arg(gaps.over(50))
               .arg(gaps.over(100));
    out.flush();
    window.reset();
    LocalServiceThread::waitForAllStopped();
    return figures;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 3;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    ReceiverThread receiver;
    if (receiver.url().isEmpty()) {
        out << "the receiver did not start\n";
        return 1;
    }
    if (const QString problem = seed(path, count, receiver.url()); !problem.isEmpty()) {
        out << problem << '\n';
        return 1;
    }
    out << QStringLiteral("%1 configs, receiver %2; %3 core(s), load average %4 at start\n")
               .arg(count)
               .arg(receiver.url().toString())
               .arg(QThread::idealThreadCount())
               .arg(loadAverage());
    QList<double> engine;
    QList<double> console;
    QList<double> settled;
    qint64 longest = 0;
    for (int run = 1; run <= runs; ++run) {
        out << QStringLiteral("run %1 (load average %2):\n").arg(run).arg(loadAverage());
        engine << engineRun(path, count);
        const ConsoleFigures figures = consoleRun(path, count);
        console << figures.perSecond;
        settled << figures.settledPerSecond;
        longest = std::max(longest, figures.maxGap);
        receiver.clear();
    }
    auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    out << QStringLiteral("median of %1 runs: engine alone %2 configs/s; console %3 configs/s to "
                          "the summary, %4 to every row settled; longest gap between window "
                          "ticks %5 ms; load average %6 at the end\n")
               .arg(runs)
               .arg(median(engine), 0, 'f', 0)
               .arg(median(console), 0, 'f', 0)
               .arg(median(settled), 0, 'f', 0)
               .arg(longest)
               .arg(loadAverage());
    out.flush();
    return 0;
}
