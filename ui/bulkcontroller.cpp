#include "bulkcontroller.h"

#include "bulkactions.h"
#include "bulkprogress.h"
#include "bulksummarybar.h"
#include "configimport.h"
#include "configtablemodel.h"
#include "guarded.h"
#include "testoutcome.h"
#include "testtracker.h"
#include "webhookservice.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

namespace wa {

using Outcome = BulkItemResult::Outcome;

BulkController::BulkController(ConfigTableModel *model, TestTracker *tracker,
                               BulkProgress *progress, BulkSummaryBar *summary,
                               ConfirmFunction confirm, QWidget *window)
    : QObject(window)
    , m_model(model)
    , m_tracker(tracker)
    , m_progress(progress)
    , m_summary(summary)
    , m_confirm(std::move(confirm))
    , m_window(window)
{
    connect(m_progress, &BulkProgress::cancelRequested, this, &BulkController::cancel);
}

BulkController::~BulkController() = default;

void BulkController::setBackend(const std::shared_ptr<Backend> &backend)
{
    m_backend = backend;
    // A run of another backend stops; its answers no longer touch the table (appliesToTable).
    if (isRunning() && m_run.source.lock() != backend)
        cancel();
}

bool BulkController::appliesToTable() const
{
    const std::shared_ptr<Backend> current = m_backend.lock();
    return current && current == m_run.source.lock();
}

void BulkController::cancel()
{
    if (!m_runner)
        return;
    m_progress->setCancelling();
    m_runner->cancel();
}

void BulkController::start(Run run, const QString &verb, int total,
                           const std::function<void(BulkRunner &, WebhookService *)> &begin)
{
    const std::shared_ptr<Backend> source = run.source.lock();
    if (!source || isRunning())
        return;
    m_run = std::move(run);
    auto *runner = new BulkRunner(this);
    runner->setObjectName(QStringLiteral("bulkRunner"));
    m_runner = runner;
    runner->setConcurrency(m_run.remote ? BulkRunner::RemoteConcurrency
                                        : BulkRunner::LocalConcurrency);
    connect(runner, &BulkRunner::itemFinished, this, &BulkController::onItemFinished);
    connect(runner, &BulkRunner::progress, m_progress, &BulkProgress::setProgress);
    connect(runner, &BulkRunner::finished, this, &BulkController::onFinished);
    m_summary->dismiss();
    m_progress->start(verb, total);
    Q_EMIT runningChanged(true);
    begin(*runner, source->service());
}

BulkRunner::Job BulkController::markingTests(BulkRunner::Job job)
{
    // Each row shows "testing…" from the moment its item starts, not when the run started.
    return [this, job = std::move(job)](const BulkItem &item, BulkRunner &runner,
                                        BulkRunner::Done done) {
        if (appliesToTable() && m_model->rowOf(item.id) >= 0) {
            TestStatus marked;
            marked.phase = TestStatus::Phase::Running;
            marked.started = QDateTime::currentDateTimeUtc();
            m_run.before.insert(item.id, m_model->testStatus(item.id));
            m_run.marked.insert(item.id, marked);
            m_model->setTestStatus(item.id, marked);
        }
        job(item, runner, std::move(done));
    };
}

void BulkController::test(const QStringList &ids)
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || ids.isEmpty())
        return;
    Run run;
    run.action = BulkAction::Test;
    run.title = ids.size() == 1 ? tr("Test of 1 config")
                                : tr("Test of %n configs", nullptr, int(ids.size()));
    run.source = backend;
    run.remote = !backend->isLocal();
    run.follow = run.remote && ids.size() <= FollowLimit;
    start(std::move(run), tr("Testing"), int(ids.size()),
          [this, ids](BulkRunner &runner, WebhookService *service) {
              runner.start(BulkAction::Test, BulkActions::itemsFor(ids),
                           markingTests(BulkActions::testJob(service, true)), true);
          });
}

void BulkController::deactivate(const QStringList &ids, bool includesDefault)
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || ids.isEmpty() || isRunning())
        return;
    const int count = int(ids.size());
    QString question = tr("Deactivate %n webhook configs?\n\nThey stop receiving events and are "
                          "hidden from the list; they can be reactivated later.",
                          nullptr, count);
    if (includesDefault)
        question += QStringLiteral("\n\n")
            + tr("The organisation's default is one of them: the organisation will have no "
                 "default.");
    m_confirm(m_window,
              {tr("Deactivate webhook configs"), question, tr("Deactivate %n", nullptr, count)},
              [this, ids, count, weak = std::weak_ptr<Backend>(backend)](bool accepted) {
                  const std::shared_ptr<Backend> backend = weak.lock();
                  if (!accepted || !backend || backend != m_backend.lock())
                      return;
                  Run run;
                  run.action = BulkAction::Deactivate;
                  run.title = count == 1 ? tr("Deactivation of 1 config")
                                         : tr("Deactivation of %n configs", nullptr, count);
                  run.source = backend;
                  run.remote = !backend->isLocal();
                  start(std::move(run), tr("Deactivating"), count,
                        [ids](BulkRunner &runner, WebhookService *service) {
                            BulkActions::deactivate(runner, service, ids);
                        });
              });
}

void BulkController::reactivate(const QStringList &ids)
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || ids.isEmpty())
        return;
    Run run;
    run.action = BulkAction::Reactivate;
    run.title = ids.size() == 1 ? tr("Reactivation of 1 config")
                                : tr("Reactivation of %n configs", nullptr, int(ids.size()));
    run.source = backend;
    run.remote = !backend->isLocal();
    run.follow = run.remote && ids.size() <= FollowLimit;
    start(std::move(run), tr("Reactivating"), int(ids.size()),
          [ids](BulkRunner &runner, WebhookService *service) {
              BulkActions::reactivate(runner, service, ids);
          });
}

void BulkController::importEntries(const QList<BulkItem> &entries, const QString &fileName,
                                   const QString &profileName)
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend)
        return;
    Run run;
    run.action = BulkAction::Import;
    run.title = tr("Import of %1 into %2").arg(fileName, profileName);
    run.source = backend;
    run.remote = !backend->isLocal();
    start(std::move(run), tr("Importing"), int(entries.size()),
          [entries](BulkRunner &runner, WebhookService *service) {
              ConfigImport::start(runner, service, entries, true);
          });
}

void BulkController::promote(const QStringList &ids, const QString &targetName,
                             std::shared_ptr<Backend> target)
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || !target || ids.isEmpty())
        return;
    Run run;
    run.action = BulkAction::Promote;
    run.title = (ids.size() == 1 ? tr("Copy of 1 config to %1")
                                 : tr("Copy of %n configs to %1", nullptr, int(ids.size())))
                    .arg(targetName);
    run.source = backend;
    // A remote API on either side sets the pace.
    run.remote = !backend->isLocal() || !target->isLocal();
    run.target = target;
    WebhookService *to = target->service();
    start(std::move(run), tr("Copying to %1").arg(targetName), int(ids.size()),
          [ids, to](BulkRunner &runner, WebhookService *from) {
              ConfigImport::promote(runner, from, to, ids, true);
          });
}

void BulkController::onItemFinished(const BulkItemResult &result)
{
    if (!appliesToTable())
        return;
    const QString id = result.config ? result.config->id : result.item.id;
    switch (m_run.action) {
    case BulkAction::Test: {
        const TestStatus before = m_run.before.take(id);
        const TestStatus marked = m_run.marked.take(id);
        // Still what this run set: no one else (the tracker, following the local service's
        // signals) has said more.
        const bool unchanged = m_model->testStatus(id) == marked;
        if (!result.task) {
            if (unchanged)
                m_model->setTestStatus(id, before); // it never started
            break;
        }
        if (!result.task->finished()) {
            // Started, its outcome not awaited (the run was cancelled): follow it to its end.
            m_tracker->trackStarted(id, result.task->id, result.task->dateCreated);
            break;
        }
        if (unchanged)
            m_model->setTestStatus(id,
                                   TestStatus::fromOutcome(TestOutcome::fromTask(*result.task)));
        if (m_run.remote)
            refreshRemote(id);
        break;
    }
    case BulkAction::Deactivate:
        if (result.config)
            m_model->upsert(*result.config);
        break;
    case BulkAction::Reactivate:
        if (result.config) {
            m_model->upsert(*result.config);
            if (m_run.follow)
                m_tracker->trackStarted(id);
        }
        break;
    case BulkAction::Import:
        if (result.config) {
            m_model->upsert(*result.config);
            if (m_run.remote)
                Q_EMIT testFinished(id);
        }
        break;
    case BulkAction::Promote:
        break; // into another profile: nothing of this table changed
    }
}

void BulkController::refreshRemote(const QString &id)
{
    // A remote API sends no signals: its config's state after the test, and the test's details.
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend)
        return;
    continueOnGui(backend->service()->config(id), this, m_backend,
                  [this, id](const Result<WebhookConfig> &config) {
                      if (config)
                          m_model->upsert(config.value());
                      Q_EMIT testFinished(id);
                  });
}

void BulkController::onFinished(const BulkReport &report)
{
    BulkRunner *runner = m_runner;
    m_runner = nullptr;
    if (runner)
        runner->deleteLater();
    const bool current = appliesToTable();
    // Released later: the target's service may still be in the call stack that ended the run.
    QTimer::singleShot(0, this, [target = std::move(m_run.target)] { Q_UNUSED(target); });
    // Rows whose test this run marked and nobody finished (the run stopped early).
    for (auto it = m_run.marked.cbegin(); it != m_run.marked.cend(); ++it) {
        if (m_model->testStatus(it.key()) == it.value())
            m_model->setTestStatus(it.key(), m_run.before.value(it.key()));
    }
    m_run.marked.clear();
    m_run.before.clear();
    m_progress->stop();
    m_summary->showReport(m_run.title, report);
    Q_EMIT runningChanged(false);
    Q_EMIT runFinished(report);
    if (!current)
        return;
    if (m_run.action == BulkAction::Deactivate && report.count(Outcome::Done) > 0)
        Q_EMIT organisationMayHaveChanged();
    if (report.count(Outcome::Unknown) > 0 && m_run.action != BulkAction::Promote)
        Q_EMIT reloadWanted();
}

} // namespace wa
