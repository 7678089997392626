#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace wa {

// A bulk run's progress in the status bar: what it does ("Testing 120 of 1,000"), a bar, and
// Cancel. Hidden while no run is under way. Cancel only asks: the run decides when it stops
// (the items under way finish), and says so ("Cancelling…"). A thousand items a second would
// relayout the status bar as often: what is shown is brought up to date at most every
// RefreshMs.
class BulkProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkProgress)

public:
    static constexpr int RefreshMs = 50;

    explicit BulkProgress(QWidget *parent = nullptr);
    ~BulkProgress() override;

    // `verb` names the action: "Testing", "Deactivating", "Copying to Staging".
    void start(const QString &verb, int total);
    void setProgress(int finished, int total);
    void setCancelling();
    void stop();

    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    void updateText();
    void refresh();

    QLabel *m_text;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QString m_verb;
    int m_finished = 0;
    int m_total = 0;
    bool m_cancelling = false;
    bool m_refreshScheduled = false;
};

} // namespace wa
