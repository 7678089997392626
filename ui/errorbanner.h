#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace wa {

// An inline message above what failed: words a person can act on, Retry where trying again may
// help, a dismiss button, no modal box. Uses the palette only (no hard-coded colors).
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Level
    {
        Error,
        Warning,
        Info
    };

    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    // With `retry`, the banner offers a Retry button that dismisses it and calls retry.
    void showMessage(const QString &text, Level level = Level::Error,
                     std::function<void()> retry = {});
    void dismiss();
    QString text() const;
    bool canRetry() const { return bool(m_retryAction); }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QToolButton *m_close;
    std::function<void()> m_retryAction;
};

} // namespace wa
