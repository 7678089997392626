#pragma once

#include <QStyledItemDelegate>

namespace wa {

// The "Last test" cell: a progress bar with "Testing…" while the test runs, the outcome's words
// otherwise.
class TestProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestProgressDelegate)

public:
    explicit TestProgressDelegate(QObject *parent = nullptr);
    ~TestProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace wa
