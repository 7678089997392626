#include "bulkrunner.h"

#include <QTimer>

#include <algorithm>

namespace wa {

BulkRunner::BulkRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wa::BulkItemResult>();
    qRegisterMetaType<wa::BulkReport>();
}

BulkRunner::~BulkRunner() = default;

void BulkRunner::setConcurrency(int concurrency)
{
    m_concurrency = std::clamp(concurrency, 1, MaxConcurrency);
}

void BulkRunner::start(BulkAction action, const QList<BulkItem> &items, Job job, bool waitsForTests)
{
    if (m_running)
        return;
    ++m_run;
    m_items = items;
    m_job = std::move(job);
    m_report = BulkReport();
    m_report.action = action;
    m_report.waitedForTests = waitsForTests;
    m_report.results.resize(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        m_report.results[i].item = items.at(i);
    m_reported = QList<bool>(items.size(), false);
    m_next = 0;
    m_inFlight = 0;
    m_finished = 0;
    m_running = true;
    m_stopping = false;
    emit started(int(items.size()));
    // Later, so that a caller connects to what it needs after start() and never sees the
    // whole run happen inside the call.
    QTimer::singleShot(0, this, [this, run = m_run] {
        if (run == m_run)
            pump();
    });
}

void BulkRunner::cancel()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_report.ending = BulkReport::Ending::Cancelled;
    if (m_inFlight == 0 && !m_pumping)
        finish();
}

void BulkRunner::pump()
{
    if (m_pumping || !m_running)
        return;
    m_pumping = true;
    while (!m_stopping && m_inFlight < m_concurrency && m_next < m_items.size()) {
        const qsizetype index = m_next++;
        ++m_inFlight;
        m_job(m_items.at(index), *this, [this, index, run = m_run](BulkItemResult result) {
            if (run == m_run)
                onItemDone(index, std::move(result));
        });
    }
    m_pumping = false;
    if (m_running && m_inFlight == 0 && (m_stopping || m_next >= m_items.size()))
        finish();
}

void BulkRunner::onItemDone(qsizetype index, BulkItemResult result)
{
    if (!m_running || m_reported.at(index))
        return; // a job that called done twice: the first answer stands
    m_reported[index] = true;
    --m_inFlight;
    ++m_finished;
    // Jobs may name the item better than it started (a promoted config's URL); else as given.
    if (result.item.id.isEmpty() && result.item.url.isEmpty() && result.item.index < 0)
        result.item = m_items.at(index);
    if (result.error && BulkItemResult::isBackendFailure(*result.error) && !m_stopping) {
        m_stopping = true;
        m_report.ending = BulkReport::Ending::BackendGone;
        m_report.backendError = result.error;
    }
    m_report.results[index] = result;
    emit itemFinished(result);
    emit progress(m_finished, int(m_items.size()));
    pump();
}

void BulkRunner::finish()
{
    if (!m_running)
        return;
    m_running = false;
    for (qsizetype i = 0; i < m_report.results.size(); ++i) {
        if (m_reported.at(i))
            continue;
        BulkItemResult &result = m_report.results[i];
        result.outcome = BulkItemResult::Outcome::NotDone;
        result.reason = m_report.ending == BulkReport::Ending::BackendGone
            ? QStringLiteral("stopped")
            : QStringLiteral("cancelled");
    }
    m_job = {};
    emit finished(m_report);
}

} // namespace wa
