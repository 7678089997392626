#include "statebadgedelegate.h"

#include "configtablemodel.h"

#include <QApplication>
#include <QPainter>

namespace wa {

namespace {
constexpr int HPadding = 8;
constexpr int VMargin = 3;
} // namespace

StateBadgeDelegate::StateBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

StateBadgeDelegate::~StateBadgeDelegate() = default;

QColor StateBadgeDelegate::badgeColor(ConfigState state)
{
    // Each has a contrast of at least 4.5:1 against white text.
    switch (state) {
    case ConfigState::New:
        return QColor(0x1e, 0x5f, 0xb4);
    case ConfigState::Valid:
        return QColor(0x1b, 0x76, 0x35);
    case ConfigState::Invalid:
        return QColor(0xb3, 0x26, 0x1e);
    case ConfigState::Deactivated:
        return QColor(0x5c, 0x60, 0x66);
    }
    return Qt::gray;
}

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection, focus

    const auto state = static_cast<ConfigState>(index.data(ConfigTableModel::StateRole).toInt());
    QFont bold = opt.font;
    bold.setBold(true);
    const int width = QFontMetrics(bold).horizontalAdvance(text) + 2 * HPadding;
    QRect pill(opt.rect.left() + 4, opt.rect.top() + VMargin, std::min(width, opt.rect.width() - 8),
               opt.rect.height() - 2 * VMargin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(state));
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(pill, radius, radius);
    painter->setPen(Qt::white);
    QFont font = opt.font;
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

int StateBadgeDelegate::badgeWidth(const QFont &font, const QString &text)
{
    QFont bold = font;
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(text) + 2 * HPadding + 8;
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics fm(font);
    size.setWidth(badgeWidth(option.font, index.data().toString()));
    size.setHeight(std::max(size.height(), fm.height() + 2 * VMargin + 4));
    return size;
}

} // namespace wa
