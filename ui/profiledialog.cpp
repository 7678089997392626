#include "profiledialog.h"

#include "backend.h"
#include "guarded.h"
#include "profilestore.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

namespace {
constexpr int LocalRole = Qt::UserRole + 1;
}

ProfileDialog::ProfileDialog(ProfileStore *profiles, TokenStore *tokens, ConfirmFunction confirm,
                             ConnectionTester tester, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
    , m_confirm(std::move(confirm))
    , m_tester(std::move(tester))
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_tokenWarning(new QLabel(this))
    , m_localNote(new QLabel(this))
    , m_testResult(new QLabel(this))
    , m_new(new QPushButton(tr("&New"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
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
    m_localNote->setObjectName(QStringLiteral("profileLocalNote"));
    m_localNote->setWordWrap(true);
    m_localNote->setTextFormat(Qt::PlainText);
    m_localNote->setText(tr("The embedded service on this computer: configs in a local "
                            "database, test events really delivered. No URL or token needed, "
                            "and nothing to edit here."));
    m_localNote->hide();
    right->addWidget(m_localNote);
    m_testResult->setObjectName(QStringLiteral("profileTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    right->addWidget(m_testResult);
    auto *buttons = new QHBoxLayout;
    m_new->setObjectName(QStringLiteral("profileNew"));
    m_save->setObjectName(QStringLiteral("profileSave"));
    m_remove->setObjectName(QStringLiteral("profileRemove"));
    m_test->setObjectName(QStringLiteral("profileTest"));
    m_test->setToolTip(tr("Try the URL and token without saving them"));
    m_test->setEnabled(bool(m_tester));
    buttons->addWidget(m_new);
    buttons->addWidget(m_test);
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
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showProfile(item->data(LocalRole).toBool() ? QString() : item->text());
    });

    reloadList();
    if (m_list->count() <= 1)
        startNew();
    showTokenWarning();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto *local = new QListWidgetItem(tr("Local (embedded service)"), m_list);
    local->setData(LocalRole, true);
    local->setToolTip(tr("The built-in profile: always there, nothing to edit"));
    for (const Profile &profile : m_profiles->profiles()) {
        if (profile.kind == Profile::Kind::Remote)
            m_list->addItem(profile.name);
    }
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    m_remove->setEnabled(!found.isEmpty());
}

void ProfileDialog::setFormEditable(bool editable)
{
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url),
                       static_cast<QWidget *>(m_token), static_cast<QWidget *>(m_save)})
        w->setEnabled(editable);
    m_test->setEnabled(editable && bool(m_tester));
    m_localNote->setVisible(!editable);
}

void ProfileDialog::showProfile(const QString &name)
{
    ++m_testGeneration;
    m_testResult->hide();
    if (name.isEmpty()) { // the built-in local profile
        m_editing.clear();
        m_name->setText(localProfileName());
        m_url->clear();
        m_token->clear();
        m_token->setPlaceholderText(QString());
        m_remove->setEnabled(false);
        setFormEditable(false);
        showProblem({});
        return;
    }
    const auto profile = m_profiles->profile(name);
    if (!profile)
        return;
    setFormEditable(true);
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
    ++m_testGeneration;
    m_testResult->hide();
    setFormEditable(true);
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
    // The keychain library's own words ("dbus-launch ...") help nobody here: say what it means
    // for the user, and keep them for the tooltip.
    m_tokenWarning->setText(
        fallback ? tr("No keychain service is running on this desktop, so API tokens are kept "
                      "in %1, a file only you can read.")
                       .arg(QDir::toNativeSeparators(m_tokens->fallbackPath()))
                 : QString());
    m_tokenWarning->setToolTip(fallback ? m_tokens->localizedFallbackWarning() : QString());
    m_tokenWarning->setVisible(fallback);
}

void ProfileDialog::testConnection()
{
    if (!m_tester)
        return;
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        showProblem(tr("Enter the API's URL first, such as https://ricloud-api.reincubate.com."));
        return;
    }
    showProblem({});
    const quint64 generation = ++m_testGeneration;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(url.toString()));
    m_testResult->show();
    auto run = [this, generation, url](const QString &token) {
        if (generation != m_testGeneration)
            return;
        if (token.isEmpty()) {
            m_test->setEnabled(true);
            m_testResult->setText(tr("Enter the API key's token to test the connection."));
            return;
        }
        continueOnGui(
            m_tester(url, token), this, [this, generation, url](const Result<QString> &result) {
                if (generation != m_testGeneration)
                    return;
                m_test->setEnabled(true);
                m_testResult->setText(
                    result ? tr("Connected to %1: organisation \"%2\".")
                                 .arg(url.host(), result.value())
                           : tr("Could not connect: %1").arg(result.error().localizedMessage()));
            });
    };
    if (!m_token->text().isEmpty() || m_editing.isEmpty() || !m_tokens) {
        run(m_token->text());
        return;
    }
    // The stored token of the profile being edited.
    continueOnGui(m_tokens->read(m_editing), this,
                  [run](const Result<QString> &token) { run(token ? token.value() : QString()); });
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
        showProblem(tr("Not saved: %1").arg(problem->translated()));
        return;
    }
    if (m_editing.isEmpty() && m_token->text().isEmpty()) {
        showProblem(tr("Not saved: a remote profile needs the API key's token."));
        return;
    }
    if (const auto saved = m_profiles->save(profile); !saved) {
        showProblem(tr("Not saved: %1").arg(saved.error().localizedMessage()));
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
        continueOnGui(
            m_tokens->write(profile.name, m_token->text()), this,
            [this](const Result<Done> &written) {
                if (!written)
                    showProblem(
                        tr("The token was not stored: %1").arg(written.error().localizedMessage()));
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
