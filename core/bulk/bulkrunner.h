#pragma once

#include "bulkaction.h"
#include "bulkitem.h"
#include "bulkitemresult.h"
#include "bulkreport.h"

#include <QList>
#include <QObject>

#include <functional>

namespace wa {

// Runs one bulk action over many items with bounded concurrency, so that a remote API is not
// flooded and a window never waits: start() returns at once, results come as signals in the
// runner's thread. cancel() starts nothing more; the items under way finish (at most
// concurrency() of them) and the rest are reported as not done. A backend failure (network,
// TLS, token refused, 5xx) stops the run the same way, and the report says so.
//
// The runner knows nothing of what an item means: a Job does one item and calls `done` once
// (BulkActions and ConfigImport make the jobs). Widget-free: the console and the CLI share it.
class BulkRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkRunner)

public:
    // A remote API is shared with others: a few requests at a time. The local service delivers
    // 16 tests at once; a few more in flight keep it busy.
    static constexpr int RemoteConcurrency = 4;
    static constexpr int LocalConcurrency = 32;
    static constexpr int MaxConcurrency = 64;

    using Done = std::function<void(BulkItemResult)>;
    // Does `item` and calls `done` exactly once, now or later, from the runner's thread.
    using Job = std::function<void(const BulkItem &item, BulkRunner &runner, Done done)>;

    explicit BulkRunner(QObject *parent = nullptr);
    ~BulkRunner() override;

    void setConcurrency(int concurrency); // clamped to 1..MaxConcurrency
    int concurrency() const { return m_concurrency; }

    // Starts a run (only when none is running). finished() always comes later, never from
    // inside start(), even for an empty list.
    void start(BulkAction action, const QList<BulkItem> &items, Job job,
               bool waitsForTests = false);
    void cancel();
    bool isRunning() const { return m_running; }
    // For jobs that wait (a test's outcome): stop waiting and report what is known.
    bool isStopping() const { return m_stopping; }

    // The report so far (complete once finished() was emitted).
    const BulkReport &report() const { return m_report; }

Q_SIGNALS:
    void started(int total);
    void itemFinished(const wa::BulkItemResult &result);
    void progress(int finished, int total);
    void finished(const wa::BulkReport &report);

private:
    void pump();
    void onItemDone(qsizetype index, BulkItemResult result);
    void finish();

    QList<BulkItem> m_items;
    Job m_job;
    BulkReport m_report;
    QList<bool> m_reported;
    int m_concurrency = RemoteConcurrency;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_finished = 0;
    quint64 m_run = 0; // which run a late `done` belongs to
    bool m_running = false;
    bool m_stopping = false;
    bool m_pumping = false;
};

} // namespace wa
