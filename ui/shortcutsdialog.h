#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace wa {

// Help > Keyboard Shortcuts: every action of the window that has a shortcut, with its keys as
// this platform writes them, plus the keys of the table and the filter box.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
};

} // namespace wa
