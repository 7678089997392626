#include "profileswitcher.h"

#include "backend.h"
#include "icons.h"

namespace wa {

ProfileSwitcher::ProfileSwitcher(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("profileSwitcher"));
    setToolTip(tr("Which backend this window administers"));
    setAccessibleName(tr("Profile"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setProfiles({});
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            Q_EMIT profileChosen(itemData(index).toString());
    });
}

ProfileSwitcher::~ProfileSwitcher() = default;

void ProfileSwitcher::setProfiles(const QStringList &names)
{
    const QString current = currentProfile();
    m_updating = true;
    clear();
    addItem(themedIcon(QStringLiteral("profile")), tr("Local"), localProfileName());
    setItemData(0, tr("The embedded service on this computer"), Qt::ToolTipRole);
    for (const QString &name : names) {
        if (name != localProfileName())
            addItem(themedIcon(QStringLiteral("profile")), name, name);
    }
    const int index = findData(current);
    setCurrentIndex(index >= 0 ? index : 0);
    m_updating = false;
    // Never squeezed by a crowded toolbar: a profile name is read whole.
    setMinimumWidth(sizeHint().width());
}

void ProfileSwitcher::setCurrentProfile(const QString &name)
{
    m_updating = true;
    const int index = findData(name);
    if (index >= 0)
        setCurrentIndex(index);
    m_updating = false;
}

QString ProfileSwitcher::currentProfile() const
{
    return currentData().toString();
}

} // namespace wa
