#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace wa {

// An inline message above what failed: words a person can act on, a dismiss button, no modal
// box. Uses the palette only (no hard-coded colors).
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

    void showMessage(const QString &text, Level level = Level::Error);
    void dismiss();
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace wa
