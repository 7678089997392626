#pragma once

#include <QObject>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;
class QToolButton;

namespace wa {

class ConfigTableModel;
class ElidedLabel;

// The status bar: which profile and backend (cut in the middle when space is short, whole in
// its tooltip), a warning while the organisation cannot be used (no valid config) or has no
// usable default, progress of long work with a Cancel button, and short notes that may offer
// to undo what was just done.
class StatusBarController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarController)

public:
    static constexpr int FlashMs = 4000;
    static constexpr int UndoMs = 10000;

    StatusBarController(QStatusBar *bar, ConfigTableModel *model, QObject *parent = nullptr);
    ~StatusBarController() override;

    void setBackend(const QString &profile, const QString &description, bool local);
    // Only while the configs are loaded and current is a verdict given; not while nothing is
    // loaded (a switch under way), a load failed, or the server could not be reached.
    void setLoaded(bool loaded);
    void showProgress(const QString &what, std::function<void()> cancel);
    void hideProgress();
    void flash(const QString &message); // a short note ("Copied the ID")
    // A note with a button that undoes what it reports (shown for UndoMs).
    void flash(const QString &message, const QString &undoText, std::function<void()> undo);

    QString warningText() const;
    QString profileText() const;

private:
    void updateWarning();
    void hideUndo();

    QStatusBar *m_bar;
    ConfigTableModel *m_model;
    bool m_loaded = false;
    ElidedLabel *m_profile;
    QLabel *m_warning;
    QPushButton *m_undo;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    std::function<void()> m_cancelAction;
    std::function<void()> m_undoAction;
};

} // namespace wa
