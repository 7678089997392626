#include "mainwindow.h"

#include "attempthistory.h"
#include "bulkcontroller.h"
#include "bulkprogress.h"
#include "bulksummarybar.h"
#include "configactions.h"
#include "configdetailspanel.h"
#include "configfilterproxy.h"
#include "configsecretindex.h"
#include "configselection.h"
#include "configtable.h"
#include "configtablemodel.h"
#include "configtransfer.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "guarded.h"
#include "icons.h"
#include "lasttestloader.h"
#include "localservice.h"
#include "profileports.h"
#include "profilestore.h"
#include "profileswitcher.h"
#include "receiverpanel.h"
#include "serverpanel.h"
#include "statusbarcontroller.h"
#include "testtracker.h"
#include "webhookservice.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace wa {

namespace {
const auto SettingsWindowGeometry = QStringLiteral("window/geometry");
const auto SettingsWindowState = QStringLiteral("window/state");
const auto SettingsHeader = QStringLiteral("table/header");
const auto SettingsLastProfile = QStringLiteral("profiles/lastUsed");
constexpr int WindowStateVersion = 2; // 2: the toolbar's name, the Receiver out of Tools

// Dock contents scroll rather than force the window wider than the screen.
QScrollArea *scrollable(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(content);
    return area;
}
} // namespace

MainWindow::MainWindow(Dependencies dependencies, QWidget *parent)
    : QMainWindow(parent)
    , m_deps(std::move(dependencies))
    , m_model(new ConfigTableModel(this))
    , m_proxy(new ConfigFilterProxy(this))
    , m_tracker(new TestTracker(m_model, this))
    , m_secretIndex(new ConfigSecretIndex(nullptr, this))
{
    if (!m_deps.confirm)
        m_deps.confirm = messageBoxConfirm();
    if (!m_deps.chooseFile)
        m_deps.chooseFile = fileDialogChooser();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(themedIcon(QString::fromLatin1(WA_APP_ID)));
    m_proxy->setConfigModel(m_model);

    buildCentral();
    m_status = new StatusBarController(statusBar(), m_model, this);
    auto *bulkProgress = new BulkProgress(statusBar());
    statusBar()->addPermanentWidget(bulkProgress);
    m_bulk = new BulkController(m_model, m_tracker, bulkProgress, m_summary, m_deps.confirm, this);
    m_transfer = new ConfigTransfer({this, m_deps.chooseFile, m_deps.confirm, m_deps.openBackend},
                                    m_bulk, m_status);
    m_actions = new ConfigActions(this);
    buildDocks();
    buildMenus();
    connectActions();
    reloadProfiles();
    restoreSettings();
    updateSelection();
    updateCounts();
    m_status->setBackend(tr("none"), tr("not connected"), false);
}

MainWindow::~MainWindow()
{
    // Nothing may call the backend once it is released; its service then ends in its thread.
    detach();
    m_backend.reset();
}

QTableView *MainWindow::table() const
{
    return m_table->view();
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_banner = new ErrorBanner(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    layout->addWidget(m_banner);
    m_summary = new BulkSummaryBar(central); // the end of a bulk run
    layout->addWidget(m_summary);
    m_filterBar = new FilterBar(central);
    layout->addWidget(m_filterBar);
    m_table = new ConfigTable(m_proxy, m_model, central);
    layout->addWidget(m_table, 1);
    m_selection = new ConfigSelection(m_table->view(), m_proxy, m_model, this);
    setCentralWidget(central);
    m_lastTests = new LastTestLoader(table(), m_model, this);
    // A test the window did not see start (found by looking it up): follow it to its end.
    connect(m_lastTests, &LastTestLoader::runningFound, m_tracker, &TestTracker::trackStarted);
    connect(m_tracker, &TestTracker::testFinished, this, [this](const QString &id) {
        m_lastTests->invalidate(id);
        if (m_details->configId() == id)
            m_details->history()->reload(); // backends without attempt signals (remote)
    });

    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const ConfigFilter &filter) {
        m_proxy->setFilter(filter);
        updateCounts();
    });
    m_proxy->setFilter(m_filterBar->filter());
    // Whatever can show or hide rows: the counts, the empty state and the selection follow (a
    // selected row the filter hides is no longer selected, so details and actions agree).
    auto rowsShownChanged = [this] {
        updateCounts();
        updateSelection();
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, rowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, rowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, rowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, rowsShownChanged);
    QTableView *view = table();
    // The selection, or a selected row that changed under us (a test finished, a REST client
    // edited it).
    connect(m_selection, &ConfigSelection::changed, this, &MainWindow::updateSelection);
    connect(m_model, &ConfigTableModel::summaryChanged, m_selection, &ConfigSelection::touch);
    connect(view, &QTableView::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        m_actions->fillContextMenu(menu);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
    connect(view, &QTableView::doubleClicked, this, [this] {
        if (m_actions->editUrl->isEnabled())
            m_actions->editUrl->trigger();
    });
    EmptyState *empty = m_table->emptyState();
    connect(empty, &EmptyState::createRequested, this, &MainWindow::newConfig);
    connect(empty, &EmptyState::receiverRequested, this, &MainWindow::startReceiverAndCreate);
    connect(empty, &EmptyState::clearFiltersRequested, m_filterBar, &FilterBar::clear);
}

void MainWindow::buildDocks()
{
    m_details = new ConfigDetailsPanel(this);
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(scrollable(m_details));
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    connect(m_details, &ConfigDetailsPanel::copyRequested, this, &MainWindow::copy);

    m_serverPanel = new ServerPanel(this);
    m_serverDock = new QDockWidget(tr("Local Server"), this);
    m_serverDock->setObjectName(QStringLiteral("serverDock"));
    m_serverDock->setWidget(scrollable(m_serverPanel));
    addDockWidget(Qt::RightDockWidgetArea, m_serverDock);
    tabifyDockWidget(m_detailsDock, m_serverDock);
    connect(m_serverPanel, &ServerPanel::copyRequested, this, &MainWindow::copy);

    // The built-in receiver, when this build has it. It is the window's, not a profile's: it
    // knows the secrets of every config the window has seen, in any profile.
    m_receiverDock = new QDockWidget(tr("Receiver"), this);
    m_receiverDock->setObjectName(QStringLiteral("receiverDock"));
    auto *placeholder
        = new QLabel(tr("The built-in receiver is not available in this build."), m_receiverDock);
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    m_receiverDock->setWidget(placeholder);
    addDockWidget(Qt::RightDockWidgetArea, m_receiverDock);
    tabifyDockWidget(m_serverDock, m_receiverDock);
    m_receiverPanel = new ReceiverPanel(m_secretIndex->resolver(), this);
    addReceiverPanel(m_receiverPanel);
    connect(m_receiverPanel, &ReceiverPanel::createConfigRequested, this,
            [this](const QUrl &url) { newConfigFor(url.toString()); });
    connect(m_receiverPanel->receiver(), &Receiver::listeningChanged, this,
            [this] { m_secretIndex->setPort(m_receiverPanel->receiver()->port()); });
    connect(m_secretIndex, &ConfigSecretIndex::changed, m_receiverPanel,
            &ReceiverPanel::recheckUndecided);
    // Every config the window learns of (a create's answer on a remote, a live change) is
    // known to the receiver at once.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    m_secretIndex->addConfig(m_model->configAt(row));
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.column() > ConfigTableModel::Url)
                    return; // a test outcome, not the config
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    m_secretIndex->addConfig(m_model->configAt(row));
            });
    m_table->emptyState()->setReceiverAvailable(m_receiverPanel != nullptr);
    m_ports = new ProfilePorts(m_deps.persistState, m_serverPanel, m_receiverPanel, this);
    m_detailsDock->raise();
}

void MainWindow::addReceiverPanel(QWidget *panel)
{
    QWidget *old = m_receiverDock->widget();
    m_receiverDock->setWidget(scrollable(panel));
    if (old)
        old->deleteLater();
}

bool MainWindow::raisePanel(const QString &name)
{
    QDockWidget *dock = name == QLatin1String("details") ? m_detailsDock
        : name == QLatin1String("server")                ? m_serverDock
        : name == QLatin1String("receiver")              ? m_receiverDock
                                                         : nullptr;
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    return true;
}

void MainWindow::buildMenus()
{
    auto *toolbar = addToolBar(tr("Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_switcher = new ProfileSwitcher(toolbar);
    toolbar->addWidget(m_switcher);
    m_profilesAction = new QAction(themedIcon(QStringLiteral("profile")), tr("&Profiles…"), this);
    m_profilesAction->setObjectName(QStringLiteral("actionProfiles"));
    m_profilesAction->setToolTip(tr("List, add, test or remove profiles"));
    m_profilesAction->setEnabled(m_deps.profiles != nullptr);
    toolbar->addAction(m_profilesAction);
    toolbar->addSeparator();
    m_actions->fillToolBar(toolbar);
    connect(m_switcher, &ProfileSwitcher::profileChosen, this, &MainWindow::switchProfile);
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::openProfileDialog);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_actions->fillFileMenu(file);
    file->addSeparator();
    file->addAction(m_profilesAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    m_actions->fillMenu(menuBar()->addMenu(tr("&Configs")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_detailsDock->toggleViewAction());
    view->addAction(m_serverDock->toggleViewAction());
    view->addAction(m_receiverDock->toggleViewAction());
    view->addAction(toolbar->toggleViewAction());
    view->addSeparator();
    view->addMenu(m_table->columnsMenu());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *signature
        = tools->addAction(themedIcon(QStringLiteral("sign")), tr("&Signature Tools…"), this,
                           &MainWindow::openSignatureTools);
    signature->setObjectName(QStringLiteral("actionSignatureTools"));
    signature->setEnabled(m_receiverPanel != nullptr);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts
        = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::openShortcuts);
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    addAction(shortcuts);
    help->addAction(tr("&About Webhook Admin"), this, [this] {
        QMessageBox::about(this, tr("About Webhook Admin"),
                           tr("<b>Webhook Admin %1</b><p>A desktop console for ricloud webhook "
                              "configs, on the hosted API or the embedded local service.</p>")
                               .arg(QStringLiteral(WA_VERSION)));
    });
}

void MainWindow::reloadProfiles()
{
    QStringList names;
    if (m_deps.profiles) {
        for (const Profile &profile : m_deps.profiles->profiles())
            names << profile.name;
    }
    m_switcher->setProfiles(names);
    m_switcher->setCurrentProfile(m_profileName.isEmpty() ? localProfileName() : m_profileName);
}

QString MainWindow::initialProfile() const
{
    QString last;
    if (m_deps.profiles)
        last = m_deps.profiles->lastUsed();
    else if (m_deps.persistState)
        last = QSettings().value(SettingsLastProfile).toString();
    if (last.isEmpty() || last == localProfileName())
        return localProfileName();
    if (m_deps.profiles && !m_deps.profiles->profile(last))
        return localProfileName();
    return last;
}

WebhookService *MainWindow::service() const
{
    return m_backend ? m_backend->service() : nullptr;
}

void MainWindow::switchProfile(const QString &name)
{
    const quint64 generation = ++m_switchGeneration;
    m_banner->dismiss();
    m_switcher->setEnabled(false);
    m_status->showProgress(tr("Opening profile %1…").arg(name), [this, generation] {
        if (generation != m_switchGeneration)
            return;
        ++m_switchGeneration; // drop the answer when it comes
        m_switcher->setEnabled(true);
        m_switcher->setCurrentProfile(m_profileName);
    });
    continueOnGui(m_deps.openBackend(name), this,
                  [this, name, generation](const Result<std::shared_ptr<Backend>> &opened) {
                      if (generation != m_switchGeneration)
                          return;
                      m_switcher->setEnabled(true);
                      m_status->hideProgress();
                      if (!opened) {
                          m_switcher->setCurrentProfile(m_profileName);
                          showError(tr("Could not open the profile \"%1\"").arg(name),
                                    opened.error(), [this, name] { switchProfile(name); });
                          return;
                      }
                      attach(name, opened.value());
                  });
}

void MainWindow::detach()
{
    ++m_attachGeneration; // signals of the old backend still queued are dropped
    if (WebhookService *old = service())
        old->disconnect(this);
    m_tracker->setBackend(nullptr);
    m_bulk->setBackend(nullptr);
    m_transfer->setBackend(nullptr, {});
    m_lastTests->setBackend(nullptr);
    m_details->setBackend(nullptr);
    m_secretIndex->setService(nullptr);
    m_serverPanel->setServer(nullptr);
}

void MainWindow::attach(const QString &profile, std::shared_ptr<Backend> backend)
{
    detach();
    m_model->clear();
    m_loaded = false;
    m_status->setLoaded(false);
    updateSelection();
    // The old backend goes now; a local service shuts down in its own thread.
    m_backend = std::move(backend);
    m_profileName = profile;

    WebhookService *service = m_backend->service();
    const quint64 generation = m_attachGeneration;
    connect(service, &WebhookService::configChanged, this,
            [this, generation](const WebhookConfig &config) {
                if (generation == m_attachGeneration)
                    m_model->upsertLater(config); // inserted if never seen (another process)
            });
    connect(service, &WebhookService::organisationChanged, this, [this, generation] {
        if (generation == m_attachGeneration)
            reloadOrganisation();
    });
    m_tracker->setBackend(m_backend);
    m_bulk->setBackend(m_backend);
    m_transfer->setBackend(m_backend, profile == localProfileName() ? tr("Local") : profile);
    m_lastTests->setBackend(m_backend);
    m_details->setBackend(m_backend);
    m_secretIndex->setService(service);
    m_serverPanel->setServer(m_backend->server());
    m_serverDock->setEnabled(m_backend->isLocal());
    m_ports->setProfile(profile);
    m_switcher->setCurrentProfile(profile);
    const QString shownName = profile == localProfileName() ? tr("Local") : profile;
    // describe() is core's and English ("Local (<path>)"): the local one is said here, in words.
    const auto *local = qobject_cast<const LocalService *>(service);
    m_status->setBackend(
        shownName, local ? tr("Local (%1)").arg(local->describeDatabase()) : service->describe(),
        m_backend->isLocal());
    // The platform adds the application's name ("Local — Webhook Admin").
    setWindowTitle(shownName);
    if (m_deps.persistState) {
        if (m_deps.profiles)
            m_deps.profiles->setLastUsed(profile);
        else
            QSettings().setValue(SettingsLastProfile, profile);
    }
    reload();
}

void MainWindow::reload()
{
    if (!m_backend)
        return;
    const quint64 generation = ++m_loadGeneration;
    const QStringList selectedIds = m_selection->ids();
    m_actions->refresh->setEnabled(false);
    m_status->showProgress(tr("Loading configs…"), [this, generation] {
        if (generation != m_loadGeneration)
            return;
        ++m_loadGeneration;
        m_actions->refresh->setEnabled(true);
        m_banner->showMessage(tr("Loading was cancelled: the table may be incomplete."),
                              ErrorBanner::Level::Warning, [this] { reload(); });
    });
    // Every state: the proxy decides what to show, so toggling a state needs no new query.
    ConfigFilter all;
    all.states
        = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};
    continueOnGui(
        m_backend->service()->listAllConfigs(all), this, m_backend,
        [this, generation, selectedIds](const Result<QList<WebhookConfig>> &result) {
            if (generation != m_loadGeneration)
                return;
            m_status->hideProgress();
            m_actions->refresh->setEnabled(true);
            if (!result) {
                // What the table shows may be stale, and the console cannot know whether the
                // organisation is usable: no verdict until a load succeeds.
                m_loaded = false;
                m_status->setLoaded(false);
                showError(tr("Could not load the configs"), result.error(), [this] { reload(); });
                updateSelection();
                Q_EMIT configsLoaded(-1);
                return;
            }
            m_banner->dismiss();
            m_secretIndex->addConfigs(result.value());
            m_model->setConfigs(result.value()); // shared with the answer: no copy
            m_loaded = true;
            m_status->setLoaded(true);
            updateSelection();
            updateCounts();
            // Keep the selection across a reload; else start on the first row, so that the
            // keyboard and the details panel have something to work on.
            if ((selectedIds.isEmpty() || !m_selection->select(selectedIds))
                && m_proxy->rowCount() > 0)
                selectConfig(
                    m_model->configAt(m_proxy->mapToSource(m_proxy->index(0, 0)).row()).id);
            reloadOrganisation();
            Q_EMIT configsLoaded(int(result.value().size()));
            Q_EMIT backendReady(m_profileName);
        });
}

void MainWindow::reloadOrganisation()
{
    if (!m_backend)
        return;
    continueOnGui(m_backend->service()->organisation(), this, m_backend,
                  [this](const Result<Organisation> &result) {
                      if (!result) {
                          showError(tr("Could not load the organisation"), result.error(),
                                    [this] { reloadOrganisation(); });
                          return;
                      }
                      m_model->setDefaultConfigId(result.value().webhookConfigDefault);
                  });
}

void MainWindow::updateCounts()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_filterBar->setCounts(shown, total);
    if (m_loaded && total == 0) {
        m_table->setEmptyState(EmptyState::Kind::Newcomer);
    } else if (total > 0 && shown == 0) {
        const QString problem = m_filterBar->problem();
        const QString asked = m_filterBar->describe();
        m_table->setEmptyState(
            EmptyState::Kind::NoMatch,
            !problem.isEmpty() ? problem
                : asked.isEmpty()
                ? tr("None of the %n config(s) is in a state shown.", nullptr, total)
                : tr("None of the %n config(s) matches %1.", nullptr, total).arg(asked));
    } else {
        m_table->setEmptyState(std::nullopt);
    }
}

void MainWindow::showError(const QString &what, const ApiError &error, std::function<void()> retry)
{
    QString text = tr("%1: %2").arg(what, error.localizedMessage());
    if (error.kind == ApiError::Kind::Unauthorized)
        text += QLatin1Char(' ') + tr("Check the profile's token (File > Profiles).");
    // Trying again helps when the way to the service failed, not when the service said no.
    const bool transient = error.kind == ApiError::Kind::Network
        || error.kind == ApiError::Kind::Timeout || error.isServerFault();
    m_banner->showMessage(text, ErrorBanner::Level::Error,
                          transient || !retry ? std::move(retry) : std::function<void()>());
}

void MainWindow::restoreSettings()
{
    resize(1240, 760);
    resizeDocks({m_detailsDock}, {420}, Qt::Horizontal);
    if (!m_deps.persistState)
        return;
    const QSettings settings;
    restoreGeometry(settings.value(SettingsWindowGeometry).toByteArray());
    restoreState(settings.value(SettingsWindowState).toByteArray(), WindowStateVersion);
    m_table->restoreState(settings.value(SettingsHeader).toByteArray());
    m_filterBar->restoreState(settings);
}

void MainWindow::saveSettings() const
{
    if (!m_deps.persistState)
        return;
    QSettings settings;
    settings.setValue(SettingsWindowGeometry, saveGeometry());
    settings.setValue(SettingsWindowState, saveState(WindowStateVersion));
    settings.setValue(SettingsHeader, m_table->saveState());
    m_filterBar->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace wa
