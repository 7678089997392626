// The config actions of MainWindow, and what the selection enables: each calls WebhookService
// through the current backend (several selected rows: a bulk run, BulkController), puts
// the answer in the model at once, says what it did in the status bar (naming the config by its
// URL) and shows failures inline. Every continuation goes through continueOnGui() with the
// backend the call went to: after a profile switch, answers of the old backend are dropped.
#include "attempthistory.h"
#include "bulkcontroller.h"
#include "bulksummarybar.h"
#include "configactions.h"
#include "configdetailspanel.h"
#include "configeditordialog.h"
#include "configselection.h"
#include "configtablemodel.h"
#include "configtransfer.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "guarded.h"
#include "lasttestloader.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "receiverpanel.h"
#include "shortcutsdialog.h"
#include "signaturedialog.h"
#include "statusbarcontroller.h"
#include "testtracker.h"
#include "webhookservice.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMap>
#include <QTableView>

namespace wa {

namespace {
// What an editor's submit answers when the profile it was opened for is gone.
QFuture<Result<WebhookConfig>> profileGone()
{
    return QtFuture::makeReadyFuture(Result<WebhookConfig>(ApiError::coded(
        ApiError::Kind::Unsupported, QStringLiteral("profile-switched"),
        MainWindow::tr("The profile was switched while this dialog was open: nothing was saved. "
                       "Cancel, and open the dialog again in this profile."))));
}
} // namespace

void MainWindow::connectActions()
{
    connect(m_actions->newConfig, &QAction::triggered, this, &MainWindow::newConfig);
    connect(m_actions->editUrl, &QAction::triggered, this, &MainWindow::editUrl);
    // With several rows selected, Test, Deactivate and Reactivate are a bulk run over those they
    // apply to; with one, they act on it as before (Deactivate then offers Undo).
    connect(m_actions->test, &QAction::triggered, this, [this] {
        if (m_selection->count() <= 1) {
            testSelected();
            return;
        }
        QStringList ids;
        for (const WebhookConfig &config : m_selection->configs()) {
            if (config.state != ConfigState::Deactivated)
                ids << config.id;
        }
        m_bulk->test(ids);
    });
    connect(m_actions->deactivate, &QAction::triggered, this, [this] {
        if (m_selection->count() <= 1) {
            deactivateSelected();
            return;
        }
        QStringList ids;
        for (const WebhookConfig &config : m_selection->configs()) {
            if (config.state != ConfigState::Deactivated)
                ids << config.id;
        }
        m_bulk->deactivate(ids, ids.contains(m_model->defaultConfigId()));
    });
    connect(m_actions->reactivate, &QAction::triggered, this, [this] {
        if (m_selection->count() <= 1) {
            reactivateSelected();
            return;
        }
        QStringList ids;
        for (const WebhookConfig &config : m_selection->configs()) {
            if (config.state == ConfigState::Deactivated)
                ids << config.id;
        }
        m_bulk->reactivate(ids);
    });
    connect(m_actions->selectAll, &QAction::triggered, this, [this] {
        table()->selectAll();
        table()->setFocus();
    });
    connect(m_actions->exportSelected, &QAction::triggered, this, [this] { exportConfigs(true); });
    connect(m_actions->exportAll, &QAction::triggered, this,
            [this] { exportConfigs(m_selection->count() > 0); });
    connect(m_actions->importConfigs, &QAction::triggered, m_transfer, &ConfigTransfer::importFile);
    connect(m_actions->copyToProfile, &QAction::triggered, this, &MainWindow::copyToProfile);
    connect(m_transfer, &ConfigTransfer::failed, this,
            [this](const QString &what, const ApiError &error) { showError(what, error); });

    connect(m_bulk, &BulkController::runningChanged, this, &MainWindow::updateSelection);
    connect(m_bulk, &BulkController::testFinished, this, [this](const QString &id) {
        m_lastTests->invalidate(id);
        if (m_details->configId() == id)
            m_details->history()->reload();
    });
    connect(m_bulk, &BulkController::organisationMayHaveChanged, this,
            &MainWindow::reloadOrganisation);
    connect(m_bulk, &BulkController::reloadWanted, this, &MainWindow::reload);
    const auto copied = [this](const QString &what) {
        m_status->flash(tr("Copied the %1 to the clipboard.").arg(what));
    };
    connect(m_summary, &BulkSummaryBar::copied, this, copied);
    connect(m_details->history(), &AttemptHistory::copied, this, copied);
    connect(m_actions->setDefault, &QAction::triggered, this, &MainWindow::setDefaultSelected);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::reload);
    connect(m_actions->focusFilter, &QAction::triggered, m_filterBar, &FilterBar::focusText);
    connect(m_actions->copyId, &QAction::triggered, this, &MainWindow::copyIds);
    connect(m_actions->copySecret, &QAction::triggered, this, [this] {
        if (const auto config = selectedConfig())
            copy(config->secret, tr("secret"));
    });
}

std::optional<WebhookConfig> MainWindow::selectedConfig() const
{
    return m_selection->single();
}

QList<WebhookConfig> MainWindow::selectedConfigs() const
{
    return m_selection->configs();
}

bool MainWindow::selectConfig(const QString &id)
{
    return m_selection->select(id);
}

void MainWindow::updateSelection()
{
    const QList<WebhookConfig> selected = m_selection->configs();
    ConfigActions::Selection selection;
    selection.count = int(selected.size());
    selection.total = m_model->rowCount();
    selection.bulkRunning = m_bulk->isRunning();
    selection.otherProfiles = !otherProfiles().isEmpty();
    QMap<ConfigState, int> byState;
    for (const WebhookConfig &config : selected)
        ++byState[config.state];
    selection.deactivated = byState.value(ConfigState::Deactivated);
    selection.active = selection.count - selection.deactivated;
    if (selection.count == 1) {
        const WebhookConfig &config = selected.constFirst();
        selection.config = config;
        selection.isDefault = config.id == m_model->defaultConfigId();
        selection.testRunning = m_model->testStatus(config.id).running();
    }
    m_actions->update(selection, m_backend != nullptr && m_loaded);
    if (selection.count > 1) {
        QStringList states;
        for (auto it = byState.cbegin(); it != byState.cend(); ++it)
            states << tr("%1 %2").arg(it.value()).arg(ConfigTableModel::stateText(it.key()));
        m_details->showSelection(selection.count, states.join(QStringLiteral(", ")));
        return;
    }
    const auto &config = selection.config;
    m_details->showConfig(config, selection.isDefault,
                          config ? m_model->testStatus(config->id) : TestStatus {});
}

QString MainWindow::urlOf(const QString &id) const
{
    const int row = m_model->rowOf(id);
    return row < 0 ? id : m_model->configAt(row).url;
}

void MainWindow::newConfig()
{
    newConfigFor({});
}

void MainWindow::newConfigFor(const QString &url)
{
    if (!m_backend)
        return;
    // The dialog may outlive the profile it was opened for: it holds the backend weakly.
    auto submit = [this, weak = std::weak_ptr<Backend>(m_backend)](const QString &url) {
        const std::shared_ptr<Backend> backend = weak.lock();
        if (!backend || backend != m_backend)
            return profileGone();
        return continueOnGui(backend->service()->createConfig(url), this, weak,
                             [this](const Result<WebhookConfig> &result) {
                                 if (!result)
                                     return;
                                 const WebhookConfig &config = result.value();
                                 // Shown at once, in state new, with its automatic test running.
                                 m_model->upsert(config);
                                 m_tracker->trackStarted(config.id);
                                 if (!selectConfig(config.id))
                                     m_status->flash(
                                         tr("Created %1; the filter hides it.").arg(config.url));
                                 else
                                     m_status->flash(tr("Created %1; testing it.").arg(config.url));
                             });
    };
    auto *dialog = new ConfigEditorDialog(ConfigEditorDialog::Mode::Create, submit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!url.isEmpty())
        dialog->setUrl(url);
    dialog->open();
}

void MainWindow::startReceiverAndCreate()
{
    raisePanel(QStringLiteral("receiver"));
    if (!m_receiverPanel->receiver()->isListening())
        m_receiverPanel->start();
    const QUrl url = m_receiverPanel->receiver()->freshConfigUrl();
    if (!url.isEmpty())
        newConfigFor(url.toString());
}

void MainWindow::editUrl()
{
    const auto config = selectedConfig();
    if (!m_backend || !config)
        return;
    const QString id = config->id;
    auto submit = [this, id, weak = std::weak_ptr<Backend>(m_backend)](const QString &url) {
        const std::shared_ptr<Backend> backend = weak.lock();
        if (!backend || backend != m_backend)
            return profileGone();
        ConfigChanges changes;
        changes.url = url;
        return continueOnGui(
            backend->service()->updateConfig(id, changes), this, weak,
            [this](const Result<WebhookConfig> &result) {
                if (!result)
                    return;
                m_model->upsert(result.value());
                if (result.value().state == ConfigState::New) {
                    m_tracker->trackStarted(result.value().id);
                    m_status->flash(tr("Saved the URL %1; testing it.").arg(result.value().url));
                } else {
                    m_status->flash(tr("Saved the URL %1.").arg(result.value().url));
                }
            });
    };
    auto *dialog = new ConfigEditorDialog(ConfigEditorDialog::Mode::EditUrl, submit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUrl(config->url);
    dialog->open();
}

void MainWindow::testSelected()
{
    if (const auto config = selectedConfig())
        testConfig(config->id);
}

void MainWindow::testConfig(const QString &id)
{
    if (!m_backend || m_model->rowOf(id) < 0)
        return;
    // If the test cannot even start, the row keeps what it said before.
    const TestStatus before = m_model->testStatus(id);
    m_tracker->trackStarted(id);
    updateSelection();
    continueOnGui(m_backend->service()->testConfig(id), this, m_backend,
                  [this, id, before](const Result<Task> &task) {
                      if (!task) {
                          m_tracker->forget(id);
                          m_model->setTestStatus(id, before);
                          updateSelection();
                          showError(tr("The test of %1 could not start").arg(urlOf(id)),
                                    task.error(), [this, id] { testConfig(id); });
                          return;
                      }
                      // The task's own outcome decides from now on.
                      if (m_model->testStatus(id).running())
                          m_tracker->trackStarted(id, task.value().id);
                  });
}

void MainWindow::deactivateSelected()
{
    const auto config = selectedConfig();
    if (!m_backend || !config || config->state == ConfigState::Deactivated)
        return;
    const QString id = config->id;
    const QString url = config->url;
    const bool isDefault = id == m_model->defaultConfigId();
    QString question = tr("Deactivate the webhook config for %1?\n\nIt stops receiving events "
                          "and is hidden from the list; it can be reactivated later.")
                           .arg(url);
    if (isDefault)
        question += QStringLiteral("\n\n")
            + tr("It is the organisation's default: the organisation will have no default.");
    m_deps.confirm(this, {tr("Deactivate webhook config"), question, tr("Deactivate")},
                   [this, id, url, weak = std::weak_ptr<Backend>(m_backend)](bool accepted) {
                       const std::shared_ptr<Backend> backend = weak.lock();
                       if (!accepted || !backend || backend != m_backend)
                           return;
                       continueOnGui(backend->service()->deactivateConfig(id), this, weak,
                                     [this, id, url](const Result<WebhookConfig> &result) {
                                         if (!result) {
                                             showError(tr("Could not deactivate %1").arg(url),
                                                       result.error(), [this, id] {
                                                           if (selectConfig(id))
                                                               deactivateSelected();
                                                       });
                                             return;
                                         }
                                         m_model->upsert(result.value());
                                         reloadOrganisation(); // deactivating the default clears it
                                         m_status->flash(tr("Deactivated %1.").arg(url),
                                                         tr("&Undo"),
                                                         [this, id, url] { reactivate(id, url); });
                                     });
                   });
}

void MainWindow::reactivateSelected()
{
    if (const auto config = selectedConfig())
        reactivate(config->id, config->url);
}

void MainWindow::reactivate(const QString &id, const QString &url)
{
    if (!m_backend)
        return;
    ConfigChanges changes;
    changes.state = ConfigState::New;
    continueOnGui(m_backend->service()->updateConfig(id, changes), this, m_backend,
                  [this, id, url](const Result<WebhookConfig> &r) {
                      if (!r) {
                          showError(tr("Could not reactivate %1").arg(url), r.error(),
                                    [this, id, url] { reactivate(id, url); });
                          return;
                      }
                      m_model->upsert(r.value());
                      m_tracker->trackStarted(id);
                      if (!selectConfig(id))
                          m_status->flash(tr("Reactivated %1; the filter hides it.").arg(url));
                      else
                          m_status->flash(tr("Reactivated %1; testing it.").arg(url));
                  });
}

void MainWindow::setDefaultSelected()
{
    const auto config = selectedConfig();
    if (!m_backend || !config)
        return;
    const QString url = config->url;
    continueOnGui(m_backend->service()->setDefaultConfig(config->id), this, m_backend,
                  [this, url](const Result<Organisation> &result) {
                      if (!result) {
                          showError(tr("Could not make %1 the default").arg(url), result.error());
                          return;
                      }
                      m_model->setDefaultConfigId(result.value().webhookConfigDefault);
                      m_status->flash(
                          tr("%1 is now the organisation's default webhook config.").arg(url));
                  });
}

void MainWindow::copyIds()
{
    const QStringList ids = m_selection->ids();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    m_status->flash(ids.size() == 1 ? tr("Copied the ID to the clipboard.")
                                    : tr("Copied %n IDs to the clipboard, one a line.", nullptr,
                                         int(ids.size())));
}

void MainWindow::exportConfigs(bool selectedFirst)
{
    QList<WebhookConfig> all;
    all.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        all.append(m_model->configAt(row));
    m_transfer->exportConfigs(selectedFirst ? ExportDialog::Scope::Selected
                                            : ExportDialog::Scope::All,
                              m_selection->configs(), all);
}

QStringList MainWindow::otherProfiles() const
{
    QStringList names {localProfileName()};
    if (m_deps.profiles) {
        for (const Profile &profile : m_deps.profiles->profiles())
            names << profile.name;
    }
    names.removeAll(m_profileName);
    return names;
}

void MainWindow::copyToProfile()
{
    m_transfer->copyToProfile(m_selection->ids(), otherProfiles());
}

void MainWindow::copy(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    m_status->flash(tr("Copied the %1 to the clipboard.").arg(what));
}

void MainWindow::openProfileDialog()
{
    if (!m_deps.profiles)
        return;
    auto *dialog = new ProfileDialog(m_deps.profiles, m_deps.tokens, m_deps.confirm,
                                     m_deps.testConnection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::profilesChanged, this, &MainWindow::reloadProfiles);
    dialog->open();
}

void MainWindow::openSignatureTools()
{
    auto *dialog = new SignatureDialog(this);
    dialog->setObjectName(QStringLiteral("signatureDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto config = selectedConfig())
        dialog->setSecret(config->secret);
    dialog->show();
}

void MainWindow::openShortcuts()
{
    auto *dialog = new ShortcutsDialog(actions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace wa
