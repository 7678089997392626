#include "configeditordialog.h"

#include "guarded.h"
#include "urlrule.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

ConfigEditorDialog::ConfigEditorDialog(Mode mode, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_submit(std::move(submit))
    , m_url(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_busy(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("configEditor"));
    setWindowTitle(mode == Mode::Create ? tr("New webhook config") : tr("Edit webhook URL"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(mode == Mode::Create
                                 ? tr("Events are POSTed to this URL with the event ID appended. "
                                      "The new config is tested at once.")
                                 : tr("Changing the URL puts the config back to \"new\" and tests "
                                      "it again (a deactivated config stays deactivated)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_url->setObjectName(QStringLiteral("configUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://example.com/webhooks"));
    m_url->setAccessibleName(tr("Webhook URL"));
    form->addRow(tr("&URL:"), m_url);
    layout->addLayout(form);

    m_problem->setObjectName(QStringLiteral("configUrlProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    layout->addWidget(m_problem);

    m_busy->setObjectName(QStringLiteral("configEditorBusy"));
    m_busy->setText(tr("Saving…"));
    m_busy->hide();
    layout->addWidget(m_busy);

    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("configEditorOk"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Create ? tr("Create") : tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("configEditorCancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConfigEditorDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConfigEditorDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &ConfigEditorDialog::validate);
    validate();
}

ConfigEditorDialog::~ConfigEditorDialog() = default;

void ConfigEditorDialog::setUrl(const QString &url)
{
    m_url->setText(url);
    m_url->selectAll();
}

QString ConfigEditorDialog::url() const
{
    return m_url->text();
}

void ConfigEditorDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    // A long message wraps onto more lines than the dialog had room for: grow to show it all.
    if (QLayout *box = layout()) {
        box->activate();
        const int needed = box->hasHeightForWidth() ? box->totalHeightForWidth(width())
                                                    : box->totalSizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
}

void ConfigEditorDialog::validate()
{
    const QString text = m_url->text();
    const auto problem = UrlRule::problem(text);
    // Nothing typed yet is not an error worth shouting about.
    showProblem(problem && !text.isEmpty() ? tr("The URL %1.").arg(problem->translated())
                                           : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!problem && !m_saving);
}

void ConfigEditorDialog::submit()
{
    if (m_saving || UrlRule::problem(m_url->text()))
        return;
    m_saving = true;
    m_busy->show();
    m_url->setReadOnly(true);
    validate();
    continueOnGui(m_submit(m_url->text()), this, [this](const Result<WebhookConfig> &result) {
        m_saving = false;
        m_busy->hide();
        m_url->setReadOnly(false);
        if (result) {
            Q_EMIT saved(result.value());
            accept();
            return;
        }
        const ApiError &error = result.error();
        const QString urlReason = error.localizedParam(QStringLiteral("url"));
        showProblem(urlReason.isEmpty() ? tr("Not saved: %1").arg(error.localizedMessage())
                                        : tr("The service refused the URL: %1.").arg(urlReason));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    });
}

} // namespace wa
