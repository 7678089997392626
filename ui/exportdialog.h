#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace wa {

// What to export before the file is chosen: the selected configs or all of them, and whether
// with their secrets (off by default; ticking it shows what that means and that the file will
// be readable by its owner only).
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Scope
    {
        Selected,
        All
    };

    ExportDialog(int selected, int all, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setScope(Scope scope);
    Scope scope() const;
    bool includeSecrets() const;

private:
    QRadioButton *m_selected;
    QRadioButton *m_all;
    QCheckBox *m_secrets;
    QLabel *m_warning;
    QPushButton *m_ok;
};

} // namespace wa
