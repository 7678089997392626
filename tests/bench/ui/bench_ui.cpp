// The console at scale: 100,000 configs. Not a test: figures, printed. Run a Release build:
//   QT_QPA_PLATFORM=offscreen build/release/tests/ui/bench_ui [count]
//
//  1. One filter keystroke, end to end: FilterBar text -> ConfigFilterProxy re-filter (through
//     wa::ConfigFilter::matches) -> the sorted table view's update. Median and p90 over every
//     keystroke of typing and erasing a few search words.
//  2. The console itself on a local database of `count` configs, each run in a fresh process
//     (bench_ui --console <db>): the real MainWindow at 1280x800 opens the Local profile (the
//     service in its own thread, as in the app) and loads every config. Load time from the
//     switch to the table shown; resident memory once shown (VmRSS) and the peak while loading
//     (VmHWM, the kernel's high-water mark of the process).
//  3. Where the memory goes (bench_ui --breakdown <db>, a fresh process): the same load step by
//     step, with the heap in use (glibc mallinfo2) after each step.
//
// Targets (issue 11): keystroke under 16 ms median, full load under 0.5 s, peak under 150 MB.
#include "configfilterproxy.h"
#include "configtablemodel.h"
#include "filterbar.h"
#include "localservicethread.h"
#include "mainwindow.h"
#include "store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

using namespace wa;

namespace {

QTextStream out(stdout);

const ConfigState States[]
    = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};

QList<WebhookConfig> makeConfigs(int count, const QString &organisation)
{
    QList<WebhookConfig> configs;
    configs.reserve(count);
    auto *random = QRandomGenerator::global();
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-400);
    for (int i = 0; i < count; ++i) {
        WebhookConfig c;
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.organisation = organisation;
        c.url = QStringLiteral("https://receiver-%1.example.com/webhooks/%2")
                    .arg(random->bounded(5000))
                    .arg(i);
        // A secret as the service makes them: 43 characters of URL-safe base64.
        c.secret = QString::fromLatin1(
                       QUuid::createUuid().toRfc4122().toBase64(QByteArray::Base64UrlEncoding
                                                                | QByteArray::OmitTrailingEquals)
                       + QUuid::createUuid().toRfc4122().toBase64(QByteArray::Base64UrlEncoding
                                                                  | QByteArray::OmitTrailingEquals))
                       .left(43);
        c.state = States[random->bounded(4)];
        c.dateCreated = base.addMSecs(qint64(i) * 300000 + random->bounded(1000));
        configs.append(c);
    }
    return configs;
}

// "VmRSS" or "VmHWM" of this process, in MB.
double statusMb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QString status = QString::fromLatin1(file.readAll());
    const QRegularExpression line(QStringLiteral("%1:\\s+(\\d+) kB").arg(QLatin1String(field)));
    const auto match = line.match(status);
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

double heapMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

struct Stats
{
    double median = 0;
    double p90 = 0;
    double max = 0;
};

Stats stats(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Stats s;
    if (samples.isEmpty())
        return s;
    s.median = samples.at(samples.size() / 2);
    s.p90 = samples.at(std::min<qsizetype>(samples.size() - 1, samples.size() * 9 / 10));
    s.max = samples.last();
    return s;
}

struct Table
{
    ConfigTableModel model;
    ConfigFilterProxy proxy;
    QTableView view;
    FilterBar bar;

    Table()
    {
        proxy.setConfigModel(&model);
        view.setModel(&proxy);
        view.verticalHeader()->hide();
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.setSortingEnabled(true);
        view.sortByColumn(ConfigTableModel::Created, Qt::DescendingOrder);
        view.resize(1200, 700);
        QObject::connect(&bar, &FilterBar::filterChanged, &proxy,
                         [this](const ConfigFilter &f) { proxy.setFilter(f); });
        proxy.setFilter(bar.filter());
    }
};

void benchKeystrokes(int count)
{
    Table table;
    table.model.setConfigs(makeConfigs(count, QStringLiteral("org")));
    table.view.show();
    QApplication::processEvents();
    auto *edit = table.bar.findChild<QLineEdit *>(QStringLiteral("filterText"));

    QList<double> typing;
    QList<double> erasing;
    const QStringList words = {QStringLiteral("receiver-12"), QStringLiteral("webhooks/99"),
                               QStringLiteral("4f"), QStringLiteral("example.com")};
    QElapsedTimer timer;
    for (int round = 0; round < 3; ++round) {
        for (const QString &word : words) {
            for (qsizetype n = 1; n <= word.size(); ++n) {
                timer.start();
                edit->setText(word.left(n)); // one keystroke: textChanged -> re-filter
                QApplication::processEvents(); // the view's share of the work
                typing << timer.nsecsElapsed() / 1e6;
            }
            for (qsizetype n = word.size() - 1; n >= 0; --n) {
                timer.start();
                edit->setText(word.left(n));
                QApplication::processEvents();
                erasing << timer.nsecsElapsed() / 1e6;
            }
        }
    }
    const Stats t = stats(typing);
    const Stats e = stats(erasing);
    const Stats a = stats(typing + erasing);
    out << QStringLiteral(
               "keystroke, %1 configs (%2 samples): median %3 ms, p90 %4 ms, max %5 ms\n")
               .arg(count)
               .arg(typing.size() + erasing.size())
               .arg(a.median, 0, 'f', 1)
               .arg(a.p90, 0, 'f', 1)
               .arg(a.max, 0, 'f', 1);
    out << QStringLiteral("  typing (narrowing): median %1 ms, p90 %2 ms; erasing (widening): "
                          "median %3 ms, p90 %4 ms\n")
               .arg(t.median, 0, 'f', 1)
               .arg(t.p90, 0, 'f', 1)
               .arg(e.median, 0, 'f', 1)
               .arg(e.p90, 0, 'f', 1);
    out.flush();
}

QString seed(const QString &path, int count)
{
    QString organisation;
    {
        // Let the service create its schema, organisation and key.
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
    for (const WebhookConfig &config : makeConfigs(count, organisation))
        store.insertConfig(Store::ConfigRow {config, 1, 1});
    store.commit();
    return {};
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

// A fresh process: the real window over the database.
int runConsole(const QString &path)
{
    const double startRss = statusMb("VmRSS");
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
    QApplication::processEvents();
    const double windowRss = statusMb("VmRSS");

    int loaded = -2;
    QObject::connect(window.get(), &MainWindow::configsLoaded, window.get(),
                     [&loaded](int count) { loaded = count; });
    QElapsedTimer timer;
    timer.start();
    window->switchProfile(localProfileName());
    while (loaded == -2)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QApplication::processEvents(); // the first paint of the table
    const double loadMs = timer.nsecsElapsed() / 1e6;
    // Let the rows on screen get their last test, and everything settle.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    out << QStringLiteral("console: %1 configs loaded in %2 ms; resident %3 MB at start, %4 MB "
                          "with the window, %5 MB with the table shown; peak %6 MB\n")
               .arg(loaded)
               .arg(loadMs, 0, 'f', 0)
               .arg(startRss, 0, 'f', 0)
               .arg(windowRss, 0, 'f', 0)
               .arg(statusMb("VmRSS"), 0, 'f', 0)
               .arg(statusMb("VmHWM"), 0, 'f', 0);
    out.flush();
    std::_Exit(0); // the figures are out; skip the teardown
}

// A fresh process: the load step by step.
int runBreakdown(const QString &path)
{
    QElapsedTimer step;
    step.start();
    auto line = [&step](const QString &what, double before) {
        const double now = heapMb();
        out << QStringLiteral("  %1: %2 ms, heap %3 MB (%4%5 MB), resident %6 MB, peak %7 MB\n")
                   .arg(what, -34)
                   .arg(step.restart(), 5)
                   .arg(now, 6, 'f', 1)
                   .arg(now >= before ? QStringLiteral("+") : QString())
                   .arg(now - before, 0, 'f', 1)
                   .arg(statusMb("VmRSS"), 0, 'f', 0)
                   .arg(statusMb("VmHWM"), 0, 'f', 0);
        out.flush();
        return now;
    };
    out << "where the time and memory go (heap in use after each step):\n";
    double heap = line(QStringLiteral("start (QApplication)"), heapMb());
    auto table = std::make_unique<Table>();
    table->view.show();
    QApplication::processEvents();
    heap = line(QStringLiteral("empty table shown"), heap);
    LocalServiceThread thread(LocalService::Options {path});
    auto opened = thread.start();
    opened.waitForFinished();
    heap = line(QStringLiteral("service open (its config cache)"), heap);
    ConfigFilter all;
    all.states
        = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};
    auto listed = thread.service()->listAllConfigs(all);
    listed.waitForFinished();
    heap = line(QStringLiteral("listAllConfigs answered"), heap);
    {
        QList<WebhookConfig> configs = listed.result().value();
        listed = {}; // the future's copy goes; the model holds the rows
        table->model.setConfigs(std::move(configs));
    }
    heap = line(QStringLiteral("model filled (future released)"), heap);
    QApplication::processEvents();
    heap = line(QStringLiteral("proxy + view laid out"), heap);
    std::_Exit(0);
}

double figure(const QString &text, const QString &pattern)
{
    const auto match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

void benchConsole(int count)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    QElapsedTimer timer;
    timer.start();
    if (const QString problem = seed(path, count); !problem.isEmpty()) {
        out << problem << '\n';
        return;
    }
    out << QStringLiteral("seeded %1 configs into SQLite in %2 ms\n")
               .arg(count)
               .arg(timer.elapsed());
    out.flush();
    auto run = [&](const QString &mode) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {mode, path});
        child.waitForFinished(300000);
        return QString::fromUtf8(child.readAllStandardOutput());
    };
    QList<double> loads;
    QList<double> peaks;
    QList<double> resident;
    for (int i = 0; i < 3; ++i) {
        const QString text = run(QStringLiteral("--console"));
        out << QStringLiteral("run %1 ").arg(i + 1) << text;
        out.flush();
        loads << figure(text, QStringLiteral("loaded in (\\d+) ms"));
        resident << figure(text, QStringLiteral("(\\d+) MB with the table shown"));
        peaks << figure(text, QStringLiteral("peak (\\d+) MB"));
    }
    out << QStringLiteral("console, %1 configs, median of 3 fresh processes: full load %2 ms, "
                          "resident %3 MB, peak (VmHWM) %4 MB\n")
               .arg(count)
               .arg(stats(loads).median, 0, 'f', 0)
               .arg(stats(resident).median, 0, 'f', 0)
               .arg(stats(peaks).median, 0, 'f', 0);
    out << run(QStringLiteral("--breakdown"));
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 2 && args.at(1) == QLatin1String("--console"))
        return runConsole(args.at(2));
    if (args.size() > 2 && args.at(1) == QLatin1String("--breakdown"))
        return runBreakdown(args.at(2));
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    benchKeystrokes(count);
    benchConsole(count);
    return 0;
}
