// The config actions of MainWindow: each calls WebhookService, puts the answer in the model at
// once and shows failures inline.
#include "configactions.h"
#include "configeditordialog.h"
#include "configtablemodel.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "guarded.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "statusbarcontroller.h"
#include "testtracker.h"
#include "webhookservice.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>

namespace wa {

void MainWindow::connectActions()
{
    connect(m_actions->newConfig, &QAction::triggered, this, &MainWindow::newConfig);
    connect(m_actions->editUrl, &QAction::triggered, this, &MainWindow::editUrl);
    connect(m_actions->test, &QAction::triggered, this, &MainWindow::testSelected);
    connect(m_actions->deactivate, &QAction::triggered, this, &MainWindow::deactivateSelected);
    connect(m_actions->reactivate, &QAction::triggered, this, &MainWindow::reactivateSelected);
    connect(m_actions->setDefault, &QAction::triggered, this, &MainWindow::setDefaultSelected);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::reload);
    connect(m_actions->focusFilter, &QAction::triggered, m_filterBar, &FilterBar::focusText);
    connect(m_actions->copyId, &QAction::triggered, this, [this] {
        if (const auto config = selectedConfig())
            copy(config->id, tr("ID"));
    });
    connect(m_actions->copySecret, &QAction::triggered, this, [this] {
        if (const auto config = selectedConfig())
            copy(config->secret, tr("secret"));
    });
}

void MainWindow::newConfig()
{
    newConfigFor({});
}

void MainWindow::newConfigFor(const QString &url)
{
    WebhookService *service = this->service();
    if (!service)
        return;
    auto submit = [this, service](const QString &url) {
        return service->createConfig(url).then(this, [this](Result<WebhookConfig> created) {
            if (created) {
                // Shown at once, in state new, with its automatic test running.
                m_model->upsert(created.value());
                m_tracker->trackStarted(created.value().id);
                if (!selectConfig(created.value().id))
                    m_status->flash(tr("Created %1; the filter hides it.").arg(created.value().id));
            }
            return created;
        });
    };
    auto *dialog = new ConfigEditorDialog(ConfigEditorDialog::Mode::Create, submit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!url.isEmpty())
        dialog->setUrl(url);
    dialog->open();
}

void MainWindow::editUrl()
{
    WebhookService *service = this->service();
    const auto config = selectedConfig();
    if (!service || !config)
        return;
    const QString id = config->id;
    auto submit = [this, service, id](const QString &url) {
        ConfigChanges changes;
        changes.url = url;
        return service->updateConfig(id, changes).then(this, [this](Result<WebhookConfig> r) {
            if (r) {
                m_model->upsert(r.value());
                if (r.value().state == ConfigState::New)
                    m_tracker->trackStarted(r.value().id);
            }
            return r;
        });
    };
    auto *dialog = new ConfigEditorDialog(ConfigEditorDialog::Mode::EditUrl, submit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUrl(config->url);
    dialog->open();
}

void MainWindow::testSelected()
{
    WebhookService *service = this->service();
    const auto config = selectedConfig();
    if (!service || !config)
        return;
    const QString id = config->id;
    m_tracker->trackStarted(id);
    updateSelection();
    continueOnGui(service->testConfig(id), this, [this, id](const Result<Task> &task) {
        if (!task) {
            m_model->setTestStatus(id, {});
            updateSelection();
            showError(tr("The test of %1 could not start").arg(id), task.error());
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
    if (!service() || !config || config->state == ConfigState::Deactivated)
        return;
    const QString id = config->id;
    const bool isDefault = id == m_model->defaultConfigId();
    QString question = tr("Deactivate the webhook config for %1?\n\nIt stops receiving events "
                          "and is hidden from the list; it can be reactivated later.")
                           .arg(config->url);
    if (isDefault)
        question += QStringLiteral("\n\n")
            + tr("It is the organisation's default: the organisation will have no default.");
    m_deps.confirm(this, {tr("Deactivate webhook config"), question, tr("Deactivate")},
                   [this, id, service = QPointer<WebhookService>(service())](bool accepted) {
                       if (!accepted || !service || service != this->service())
                           return;
                       service->deactivateConfig(id).then(
                           this, [this, id](const Result<WebhookConfig> &result) {
                               if (!result) {
                                   showError(tr("Could not deactivate %1").arg(id), result.error());
                                   return;
                               }
                               m_model->upsert(result.value());
                               m_model->setTestStatus(id, {});
                               reloadOrganisation(); // deactivating the default clears it
                           });
                   });
}

void MainWindow::reactivateSelected()
{
    WebhookService *service = this->service();
    const auto config = selectedConfig();
    if (!service || !config)
        return;
    ConfigChanges changes;
    changes.state = ConfigState::New;
    const QString id = config->id;
    continueOnGui(service->updateConfig(id, changes), this,
                  [this, id](const Result<WebhookConfig> &r) {
                      if (!r) {
                          showError(tr("Could not reactivate %1").arg(id), r.error());
                          return;
                      }
                      m_model->upsert(r.value());
                      m_tracker->trackStarted(id);
                      if (!selectConfig(id))
                          m_status->flash(tr("Reactivated %1; the filter hides it.").arg(id));
                  });
}

void MainWindow::setDefaultSelected()
{
    WebhookService *service = this->service();
    const auto config = selectedConfig();
    if (!service || !config)
        return;
    const QString id = config->id;
    continueOnGui(
        service->setDefaultConfig(id), this, [this, id](const Result<Organisation> &result) {
            if (!result) {
                showError(tr("Could not make %1 the default").arg(id), result.error());
                return;
            }
            m_model->setDefaultConfigId(result.value().webhookConfigDefault);
            m_status->flash(tr("%1 is now the organisation's default webhook config.").arg(id));
        });
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
    auto *dialog = new ProfileDialog(m_deps.profiles, m_deps.tokens, m_deps.confirm, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::profilesChanged, this, &MainWindow::reloadProfiles);
    dialog->open();
}

} // namespace wa
