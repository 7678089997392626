#include "configdetailspanel.h"

#include "attempthistory.h"
#include "icons.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace wa {

namespace {
QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString stateWord(ConfigState state)
{
    switch (state) {
    case ConfigState::New:
        return ConfigDetailsPanel::tr("New: not tested yet");
    case ConfigState::Valid:
        return ConfigDetailsPanel::tr("Valid: passed its test");
    case ConfigState::Invalid:
        return ConfigDetailsPanel::tr("Invalid: failed its test; change the URL or test again");
    case ConfigState::Deactivated:
        return ConfigDetailsPanel::tr("Deactivated");
    }
    return {};
}
} // namespace

ConfigDetailsPanel::ConfigDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_id(valueLabel(QStringLiteral("detailsId"), this))
    , m_url(valueLabel(QStringLiteral("detailsUrl"), this))
    , m_state(valueLabel(QStringLiteral("detailsState"), this))
    , m_organisation(valueLabel(QStringLiteral("detailsOrganisation"), this))
    , m_created(valueLabel(QStringLiteral("detailsCreated"), this))
    , m_default(valueLabel(QStringLiteral("detailsDefault"), this))
    , m_lastTest(valueLabel(QStringLiteral("detailsLastTest"), this))
    , m_secret(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
    , m_copySecret(new QToolButton(this))
    , m_history(new AttemptHistory(this))
{
    setObjectName(QStringLiteral("detailsPanel"));
    auto *layout = new QVBoxLayout(this);

    auto *fieldsBox = new QGroupBox(tr("Config"), this);
    auto *form = new QFormLayout(fieldsBox);
    form->addRow(tr("ID:"), m_id);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Organisation:"), m_organisation);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Default:"), m_default);

    auto *secretRow = new QHBoxLayout;
    m_secret->setObjectName(QStringLiteral("detailsSecret"));
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Signing secret"));
    secretRow->addWidget(m_secret, 1);
    m_reveal->setObjectName(QStringLiteral("detailsRevealSecret"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(themedIcon(QStringLiteral("reveal"), QStringLiteral("view-visible")));
    m_reveal->setText(tr("Reveal"));
    m_reveal->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reveal->setToolTip(tr("Show or hide the signing secret"));
    secretRow->addWidget(m_reveal);
    m_copySecret->setObjectName(QStringLiteral("detailsCopySecret"));
    m_copySecret->setIcon(themedIcon(QStringLiteral("copy"), QStringLiteral("edit-copy")));
    m_copySecret->setText(tr("Copy"));
    m_copySecret->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copySecret->setToolTip(tr("Copy the signing secret to the clipboard"));
    secretRow->addWidget(m_copySecret);
    form->addRow(tr("Secret:"), secretRow);
    form->addRow(tr("Last test:"), m_lastTest);
    layout->addWidget(fieldsBox);

    auto *historyBox = new QGroupBox(tr("Test history"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);
    layout->addWidget(historyBox, 1);

    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(on ? tr("Hide") : tr("Reveal"));
    });
    connect(m_copySecret, &QToolButton::clicked, this, [this] {
        if (m_config)
            Q_EMIT copyRequested(m_config->secret, tr("secret"));
    });
    showConfig(std::nullopt, false, {});
}

ConfigDetailsPanel::~ConfigDetailsPanel() = default;

void ConfigDetailsPanel::setService(WebhookService *service)
{
    m_history->setService(service);
}

void ConfigDetailsPanel::showConfig(const std::optional<WebhookConfig> &config, bool isDefault,
                                    const TestStatus &test)
{
    const bool other = !config || !m_config || config->id != m_config->id;
    m_config = config;
    setEnabled(config.has_value());
    if (other) {
        // A newly selected config starts masked again.
        m_reveal->setChecked(false);
    }
    if (!config) {
        for (QLabel *label :
             {m_id, m_url, m_state, m_organisation, m_created, m_default, m_lastTest})
            label->setText(QStringLiteral("–"));
        m_secret->clear();
        m_history->setConfigId({});
        return;
    }
    m_id->setText(config->id);
    m_url->setText(config->url);
    m_state->setText(stateWord(config->state));
    m_organisation->setText(config->organisation);
    m_created->setText(QLocale().toString(config->dateCreated.toLocalTime(), QLocale::LongFormat));
    m_default->setText(isDefault ? tr("Yes: the organisation's default webhook config") : tr("No"));
    m_secret->setText(config->secret);
    m_secret->setPlaceholderText(config->secret.isEmpty() ? tr("not shown by this backend")
                                                          : QString());
    m_copySecret->setEnabled(!config->secret.isEmpty());
    m_reveal->setEnabled(!config->secret.isEmpty());
    const QString testText = test.text();
    m_lastTest->setText(testText.isEmpty() ? tr("No test seen in this session") : testText);
    m_history->setConfigId(config->id);
}

} // namespace wa
