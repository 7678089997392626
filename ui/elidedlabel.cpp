#include "elidedlabel.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>

namespace wa {

namespace {
constexpr int MinimumCharacters = 12;
}

ElidedLabel::ElidedLabel(QWidget *parent)
    : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

ElidedLabel::~ElidedLabel() = default;

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setToolTip(text);
    setAccessibleName(text);
    updateGeometry();
    update();
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(m_text, Qt::ElideMiddle, contentsRect().width());
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const QMargins margins = contentsMargins();
    return {fm.horizontalAdvance(m_text) + margins.left() + margins.right() + 2,
            fm.height() + margins.top() + margins.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const QMargins margins = contentsMargins();
    const int width
        = std::min(sizeHint().width(),
                   fm.averageCharWidth() * MinimumCharacters + margins.left() + margins.right());
    return {width, fm.height() + margins.top() + margins.bottom()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(contentsRect(), Qt::AlignVCenter | Qt::AlignLeft, shownText());
}

} // namespace wa
