#include "copytoprofiledialog.h"

#include "backend.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

CopyToProfileDialog::CopyToProfileDialog(int count, const QStringList &profiles, QWidget *parent)
    : QDialog(parent)
    , m_profiles(new QComboBox(this))
{
    setObjectName(QStringLiteral("copyToProfileDialog"));
    setWindowTitle(tr("Copy to Profile"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_profiles->setObjectName(QStringLiteral("copyToProfileChoice"));
    for (const QString &name : profiles)
        m_profiles->addItem(name == localProfileName() ? tr("Local (embedded service)") : name,
                            name);
    form->addRow(count == 1 ? tr("Copy 1 config &to:") : tr("Copy %n configs &to:", nullptr, count),
                 m_profiles);
    layout->addLayout(form);
    auto *explain = new QLabel(
        tr("Each is created there with its URL (and deactivated, if it is deactivated here). The "
           "other profile makes a new secret and tests it; a URL it already has is skipped. "
           "Nothing changes in this profile. A report follows."),
        this);
    explain->setWordWrap(true);
    layout->addWidget(explain);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("&Copy"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("copyToProfileOk"));
    m_ok->setDefault(true);
    m_ok->setEnabled(!profiles.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(440);
}

CopyToProfileDialog::~CopyToProfileDialog() = default;

QString CopyToProfileDialog::profile() const
{
    return m_profiles->currentData().toString();
}

} // namespace wa
