#include "profiledialog.h"

#include "backend.h"
#include "guarded.h"
#include "profilestore.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

ProfileDialog::ProfileDialog(ProfileStore *profiles, TokenStore *tokens, ConfirmFunction confirm,
                             QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
    , m_confirm(std::move(confirm))
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_tokenWarning(new QLabel(this))
    , m_new(new QPushButton(tr("&New"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Profiles"));
    setMinimumSize(640, 360);

    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMaximumWidth(200);
    columns->addWidget(m_list);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("profileName"));
    m_url->setObjectName(QStringLiteral("profileUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://ricloud-api.reincubate.com"));
    m_token->setObjectName(QStringLiteral("profileToken"));
    m_token->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("API &URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    right->addLayout(form);
    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    right->addWidget(m_problem);
    m_tokenWarning->setObjectName(QStringLiteral("profileTokenWarning"));
    m_tokenWarning->setWordWrap(true);
    m_tokenWarning->setTextFormat(Qt::PlainText);
    m_tokenWarning->hide();
    right->addWidget(m_tokenWarning);
    auto *buttons = new QHBoxLayout;
    m_new->setObjectName(QStringLiteral("profileNew"));
    m_save->setObjectName(QStringLiteral("profileSave"));
    m_remove->setObjectName(QStringLiteral("profileRemove"));
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);
    right->addLayout(buttons);
    right->addStretch();
    columns->addLayout(right, 1);
    layout->addLayout(columns, 1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_new, &QPushButton::clicked, this, &ProfileDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_remove, &QPushButton::clicked, this, &ProfileDialog::removeSelected);
    connect(m_list, &QListWidget::currentTextChanged, this, &ProfileDialog::showProfile);

    reloadList();
    if (m_list->count() == 0)
        startNew();
    showTokenWarning();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Profile &profile : m_profiles->profiles()) {
        if (profile.kind == Profile::Kind::Remote)
            m_list->addItem(profile.name);
    }
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    m_remove->setEnabled(!found.isEmpty());
}

void ProfileDialog::showProfile(const QString &name)
{
    const auto profile = m_profiles->profile(name);
    if (!profile)
        return;
    m_editing = name;
    m_name->setText(profile->name);
    m_url->setText(profile->url.toString());
    m_token->clear();
    m_token->setPlaceholderText(tr("unchanged (type to replace the stored token)"));
    m_remove->setEnabled(true);
    showProblem({});
}

void ProfileDialog::startNew()
{
    m_editing.clear();
    m_list->clearSelection();
    m_name->clear();
    m_url->clear();
    m_token->clear();
    m_token->setPlaceholderText(tr("the API key's token"));
    m_remove->setEnabled(false);
    showProblem({});
    m_name->setFocus();
}

void ProfileDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void ProfileDialog::showTokenWarning()
{
    const bool fallback = m_tokens && m_tokens->usingFallback();
    m_tokenWarning->setText(fallback ? m_tokens->fallbackWarning() : QString());
    m_tokenWarning->setVisible(fallback);
}

void ProfileDialog::save()
{
    Profile profile;
    profile.name = m_name->text().trimmed();
    profile.kind = Profile::Kind::Remote;
    profile.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    if (profile.name == localProfileName()) {
        showProblem(tr("The name \"%1\" belongs to the embedded service: choose another.")
                        .arg(profile.name));
        return;
    }
    if (const auto problem = profile.problem()) {
        showProblem(tr("Not saved: %1").arg(*problem));
        return;
    }
    if (m_editing.isEmpty() && m_token->text().isEmpty()) {
        showProblem(tr("Not saved: a remote profile needs the API key's token."));
        return;
    }
    if (const auto saved = m_profiles->save(profile); !saved) {
        showProblem(tr("Not saved: %1").arg(saved.error().message));
        return;
    }
    if (!m_editing.isEmpty() && m_editing != profile.name) {
        // A rename: the old entry and its token go.
        m_profiles->remove(m_editing);
        if (m_tokens && m_token->text().isEmpty()) {
            // Carry the stored token over to the new name.
            const QString newName = profile.name;
            const QString oldName = m_editing;
            continueOnGui(m_tokens->read(oldName), this,
                          [this, newName, oldName](const Result<QString> &t) {
                              if (t && !t.value().isEmpty())
                                  m_tokens->write(newName, t.value());
                              m_tokens->remove(oldName);
                          });
        } else if (m_tokens) {
            m_tokens->remove(m_editing);
        }
    }
    m_editing = profile.name;
    if (m_tokens && !m_token->text().isEmpty()) {
        continueOnGui(m_tokens->write(profile.name, m_token->text()), this,
                      [this](const Result<Done> &written) {
                          if (!written)
                              showProblem(
                                  tr("The token was not stored: %1").arg(written.error().message));
                          showTokenWarning();
                      });
        m_token->clear();
        m_token->setPlaceholderText(tr("unchanged (type to replace the stored token)"));
    }
    showProblem({});
    reloadList(profile.name);
    Q_EMIT profilesChanged();
}

void ProfileDialog::removeSelected()
{
    const QString name = m_editing;
    if (name.isEmpty())
        return;
    m_confirm(this,
              {tr("Remove profile"),
               tr("Remove the profile \"%1\" and its stored token? The remote configs are not "
                  "touched.")
                   .arg(name),
               tr("Remove")},
              [this, name](bool accepted) {
                  if (!accepted)
                      return;
                  m_profiles->remove(name);
                  if (m_tokens)
                      m_tokens->remove(name);
                  reloadList();
                  startNew();
                  Q_EMIT profilesChanged();
              });
}

} // namespace wa
