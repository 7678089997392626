#include "exportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace wa {

ExportDialog::ExportDialog(int selected, int all, QWidget *parent)
    : QDialog(parent)
    , m_selected(new QRadioButton(selected == 1 ? tr("The &selected config")
                                                : tr("The %n &selected configs", nullptr, selected),
                                  this))
    , m_all(new QRadioButton(
          all == 1 ? tr("&All of this profile: 1 config")
                   : tr("&All %n configs of this profile, deactivated ones included", nullptr, all),
          this))
    , m_secrets(new QCheckBox(tr("Include &secrets"), this))
    , m_warning(new QLabel(this))
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Configs"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Saves configs as JSON in the API's own list shape, which Import, "
                                "the command line's import, jq and the official client read."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_selected->setObjectName(QStringLiteral("exportScopeSelected"));
    m_selected->setEnabled(selected > 0);
    m_all->setObjectName(QStringLiteral("exportScopeAll"));
    layout->addWidget(m_selected);
    layout->addWidget(m_all);
    m_secrets->setObjectName(QStringLiteral("exportIncludeSecrets"));
    m_secrets->setToolTip(tr("Without secrets the file can be shared; an import makes new "
                             "secrets in any case"));
    layout->addSpacing(6);
    layout->addWidget(m_secrets);
    m_warning->setObjectName(QStringLiteral("exportSecretsWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setText(tr("The file will hold each config's signing secret: whoever reads it "
                          "can sign events that its receivers accept. It is written readable by "
                          "you only (mode 0600); keep it out of shared folders and version "
                          "control."));
    m_warning->setVisible(false);
    layout->addWidget(m_warning);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("exportOk"));
    m_ok->setDefault(true);
    m_ok->setEnabled(selected > 0 || all > 0);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_secrets, &QCheckBox::toggled, m_warning, &QLabel::setVisible);
    setScope(selected > 0 ? Scope::Selected : Scope::All);
    setMinimumWidth(460);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setScope(Scope scope)
{
    if (scope == Scope::Selected && m_selected->isEnabled())
        m_selected->setChecked(true);
    else
        m_all->setChecked(true);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return m_selected->isChecked() ? Scope::Selected : Scope::All;
}

bool ExportDialog::includeSecrets() const
{
    return m_secrets->isChecked();
}

} // namespace wa
