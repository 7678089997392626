#pragma once

#include "webhookconfig.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace wa {

// Paints a config's state as a pill: the state's word on a color. Never color alone: the word is
// always there. The colors are mid-dark with white text so they read on light and dark palettes.
class StateBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateBadgeDelegate)

public:
    explicit StateBadgeDelegate(QObject *parent = nullptr);
    ~StateBadgeDelegate() override;

    static QColor badgeColor(ConfigState state);
    // The width a cell needs to show the badge of this text whole.
    static int badgeWidth(const QFont &font, const QString &text);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace wa
