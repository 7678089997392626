#pragma once

#include <QComboBox>

namespace wa {

// The toolbar's choice of backend: "Local" (the embedded service) first, then every saved
// remote profile by name. Emits profileChosen only on a choice of the user.
class ProfileSwitcher final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSwitcher)

public:
    explicit ProfileSwitcher(QWidget *parent = nullptr);
    ~ProfileSwitcher() override;

    // Names of saved profiles (the built-in local profile is always listed first).
    void setProfiles(const QStringList &names);
    void setCurrentProfile(const QString &name);
    QString currentProfile() const;

Q_SIGNALS:
    void profileChosen(const QString &name);

private:
    bool m_updating = false;
};

} // namespace wa
