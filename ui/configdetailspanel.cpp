#include "configdetailspanel.h"

#include "attempthistory.h"
#include "icons.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

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
    , m_selection(new QLabel(this))
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
    m_selection->setObjectName(QStringLiteral("detailsSelection"));
    m_selection->setWordWrap(true);
    m_selection->setTextFormat(Qt::PlainText);
    m_selection->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_selection->hide();
    layout->addWidget(m_selection);

    auto *fieldsBox = new QGroupBox(tr("Config"), this);
    m_fieldsBox = fieldsBox;
    auto *form = new QFormLayout(fieldsBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("ID:"), m_id);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Organisation:"), m_organisation);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Default:"), m_default);

    // The secret on a line of its own, in a fixed-width font small enough for all of its 43
    // characters to show in a side dock; the buttons beside its label.
    auto *secretLabelRow = new QHBoxLayout;
    auto *secretLabel = new QLabel(tr("&Secret:"), fieldsBox);
    secretLabel->setBuddy(m_secret);
    secretLabelRow->addWidget(secretLabel);
    secretLabelRow->addStretch(1);
    m_secret->setObjectName(QStringLiteral("detailsSecret"));
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Signing secret"));
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));
    m_secret->setFont(fixed);
    m_reveal->setObjectName(QStringLiteral("detailsRevealSecret"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(themedIcon(QStringLiteral("reveal"), QStringLiteral("view-visible")));
    m_reveal->setText(tr("Reveal"));
    m_reveal->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reveal->setToolTip(tr("Show or hide the signing secret"));
    secretLabelRow->addWidget(m_reveal);
    m_copySecret->setObjectName(QStringLiteral("detailsCopySecret"));
    m_copySecret->setIcon(themedIcon(QStringLiteral("copy"), QStringLiteral("edit-copy")));
    m_copySecret->setText(tr("Copy"));
    m_copySecret->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copySecret->setToolTip(tr("Copy the signing secret to the clipboard"));
    secretLabelRow->addWidget(m_copySecret);
    form->addRow(secretLabelRow);
    form->addRow(m_secret);
    form->addRow(tr("Last test:"), m_lastTest);
    layout->addWidget(fieldsBox);

    auto *historyBox = new QGroupBox(tr("Test history"), this);
    m_historyBox = historyBox;
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

void ConfigDetailsPanel::setBackend(const std::shared_ptr<Backend> &backend)
{
    m_history->setBackend(backend);
}

void ConfigDetailsPanel::showConfig(const std::optional<WebhookConfig> &config, bool isDefault,
                                    const TestStatus &test)
{
    const bool other = !config || !m_config || config->id != m_config->id;
    m_config = config;
    setEnabled(config.has_value());
    m_selection->hide();
    m_fieldsBox->show();
    m_historyBox->show();
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
    const QString testText = test.longText();
    m_lastTest->setText(testText.isEmpty() ? tr("Looking it up…") : testText);
    m_history->setConfigId(config->id);
}

void ConfigDetailsPanel::showSelection(int count, const QString &states)
{
    showConfig(std::nullopt, false, {});
    setEnabled(true);
    m_fieldsBox->hide();
    m_historyBox->hide();
    m_selection->setText(
        tr("%n configs selected", nullptr, count) + QStringLiteral(": ") + states + u'\n' + u'\n'
        + tr("Test, Deactivate, Reactivate, Copy IDs, Export and Copy to Profile act on every "
             "selected config that they apply to. Select one config to see its fields and its "
             "test history."));
    m_selection->show();
}

QString ConfigDetailsPanel::selectionText() const
{
    return m_selection->isHidden() ? QString() : m_selection->text();
}

} // namespace wa
