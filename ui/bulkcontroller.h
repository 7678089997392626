#pragma once

#include "backend.h"
#include "bulkreport.h"
#include "bulkrunner.h"
#include "confirm.h"
#include "teststatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace wa {

class BulkProgress;
class BulkSummaryBar;
class ConfigTableModel;
class TestTracker;

// The console's bulk actions over core's BulkRunner (one runner per run, one run at a time):
// test, deactivate and reactivate the selected configs, import a file's entries into the
// current profile, copy configs to another profile. A run never blocks the window: its progress
// is in the status bar with Cancel, each result goes to its row as it comes, and the end is a
// summary above the table that can be read and copied.
//
// Concurrency follows the backend: a few requests at a time to a remote API, more to the
// embedded service. A profile switch cancels the run; answers of the old backend no longer touch
// the table.
class BulkController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkController)

public:
    // Runs of up to this many configs on a remote backend are followed to their tests' end
    // (polled, as a single test is); a larger run shows each outcome as its item ends.
    static constexpr int FollowLimit = 20;

    BulkController(ConfigTableModel *model, TestTracker *tracker, BulkProgress *progress,
                   BulkSummaryBar *summary, ConfirmFunction confirm, QWidget *window);
    ~BulkController() override;

    void setBackend(const std::shared_ptr<Backend> &backend);
    bool isRunning() const { return m_runner != nullptr; }
    // The run under way, or null.
    BulkRunner *runner() const { return m_runner; }

    // Each awaits the tests' outcomes, so that the summary can say valid or invalid, and why.
    void test(const QStringList &ids);
    // Asks once, naming the count (and the default, when it is among them).
    void deactivate(const QStringList &ids, bool includesDefault);
    void reactivate(const QStringList &ids);
    // Entries of an import file (ConfigImportFile::parse), into the current backend.
    void importEntries(const QList<BulkItem> &entries, const QString &fileName,
                       const QString &profileName);
    // Copies configs of the current backend to `target` (another profile, opened for this run
    // and released at its end).
    void promote(const QStringList &ids, const QString &targetName,
                 std::shared_ptr<Backend> target);
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    void runFinished(const wa::BulkReport &report);
    // The outcome of a test of this config is known (its last test and history are worth
    // looking up again).
    void testFinished(const QString &configId);
    // Configs were deactivated: the organisation's default may have been cleared.
    void organisationMayHaveChanged();
    // Some items ended without their outcome known (the backend went away mid-way): what the
    // table shows may be stale.
    void reloadWanted();

private:
    struct Run
    {
        BulkAction action = BulkAction::Test;
        QString title; // "Test", "Import of configs.json into Local"
        std::weak_ptr<Backend> source; // the backend the run acts on (for promote: from)
        std::shared_ptr<Backend> target; // promote only: kept open for the run
        bool remote = false;
        bool follow = false; // remote runs small enough to follow each test to its end
        QHash<QString, TestStatus> before; // tests: what each row said before its test
        QHash<QString, TestStatus> marked; // tests: "testing…" as this run set it
    };

    void start(Run run, const QString &verb, int total,
               const std::function<void(BulkRunner &, WebhookService *)> &begin);
    BulkRunner::Job markingTests(BulkRunner::Job job);
    bool appliesToTable() const;
    void onItemFinished(const BulkItemResult &result);
    void onFinished(const BulkReport &report);
    void refreshRemote(const QString &id);

    ConfigTableModel *m_model;
    TestTracker *m_tracker;
    BulkProgress *m_progress;
    BulkSummaryBar *m_summary;
    ConfirmFunction m_confirm;
    QWidget *m_window;
    std::weak_ptr<Backend> m_backend;
    QPointer<BulkRunner> m_runner;
    Run m_run;
};

} // namespace wa
