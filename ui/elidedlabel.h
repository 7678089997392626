#pragma once

#include <QFrame>

namespace wa {

// One line of plain text that gives way when space is short: it is cut in the middle ("/home/…
// /local.sqlite") rather than at the end, and the whole text is its tooltip. For the status bar,
// where a warning beside it must not push it out.
class ElidedLabel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    // What is painted now (the text, or its elided form).
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace wa
