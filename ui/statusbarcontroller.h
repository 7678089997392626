#pragma once

#include <QObject>

#include <functional>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace wa {

class ConfigTableModel;

// The status bar: which profile and backend, an unmistakable warning while the organisation
// cannot be used (no valid config) or has no usable default, and progress of long work with a
// Cancel button.
class StatusBarController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarController)

public:
    StatusBarController(QStatusBar *bar, ConfigTableModel *model, QObject *parent = nullptr);
    ~StatusBarController() override;

    void setBackend(const QString &profile, const QString &description, bool local);
    // While nothing is loaded (a switch under way, a failed load) no verdict is given.
    void setLoaded(bool loaded);
    void showProgress(const QString &what, std::function<void()> cancel);
    void hideProgress();
    void flash(const QString &message); // a short note ("Copied the ID")

    QString warningText() const;

private:
    void updateWarning();

    QStatusBar *m_bar;
    ConfigTableModel *m_model;
    bool m_loaded = false;
    QLabel *m_profile;
    QLabel *m_warning;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    std::function<void()> m_cancelAction;
};

} // namespace wa
