#pragma once

#include <QDialog>

class QComboBox;
class QPushButton;

namespace wa {

// Where "Copy to Profile…" sends the selected configs: another saved profile, or Local.
class CopyToProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyToProfileDialog)

public:
    // `profiles`: the names to offer (localProfileName() for the embedded service).
    CopyToProfileDialog(int count, const QStringList &profiles, QWidget *parent = nullptr);
    ~CopyToProfileDialog() override;

    QString profile() const;

private:
    QComboBox *m_profiles;
    QPushButton *m_ok;
};

} // namespace wa
