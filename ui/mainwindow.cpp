#include "mainwindow.h"

#include "configactions.h"
#include "configdetailspanel.h"
#include "configfilterproxy.h"
#include "configtablemodel.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "guarded.h"
#include "icons.h"
#include "profilestore.h"
#include "profileswitcher.h"
#include "serverpanel.h"
#include "statebadgedelegate.h"
#include "statusbarcontroller.h"
#include "testprogressdelegate.h"
#include "testtracker.h"
#include "webhookservice.h"

#ifdef WA_HAVE_RECEIVER_PANEL
#include "configsecretindex.h"
#include "receiverpanel.h"
#include "signaturedialog.h"
#endif

#include <QApplication>
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
constexpr int WindowStateVersion = 1;

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
{
    if (!m_deps.confirm)
        m_deps.confirm = messageBoxConfirm();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Webhook Admin"));
    setWindowIcon(themedIcon(QString::fromLatin1(WA_APP_ID)));
    m_proxy->setConfigModel(m_model);

    buildTable();
    m_status = new StatusBarController(statusBar(), m_model, this);
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
    // The backend goes first, while every object waiting on one of its futures still exists:
    // its unfinished requests end (cancelled) before their continuations' contexts are gone.
    if (WebhookService *old = service())
        old->disconnect(this);
    m_backend.reset();
    m_tracker->setService(nullptr);
    m_details->setService(nullptr);
    m_serverPanel->setServer(nullptr);
    attachReceiver(nullptr);
}

void MainWindow::buildTable()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_banner = new ErrorBanner(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    layout->addWidget(m_banner);
    m_filterBar = new FilterBar(central);
    layout->addWidget(m_filterBar);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("configTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConfigTableModel::Created, Qt::DescendingOrder);
    m_table->setItemDelegateForColumn(ConfigTableModel::State, new StateBadgeDelegate(m_table));
    m_table->setItemDelegateForColumn(ConfigTableModel::LastTest,
                                      new TestProgressDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->resizeSection(ConfigTableModel::State, 90);
    header->resizeSection(ConfigTableModel::Default, 80);
    header->resizeSection(ConfigTableModel::Url, 290);
    header->resizeSection(ConfigTableModel::Id, 150);
    header->resizeSection(ConfigTableModel::Created, 150);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const ConfigFilter &filter) {
        m_proxy->setFilter(filter);
        updateCounts();
    });
    m_proxy->setFilter(m_filterBar->filter());
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCounts);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateSelection);
    // The selected row changed under us (a test finished, a REST client edited it).
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const auto selected = selectedConfig();
                if (!selected)
                    return;
                const int row = m_model->rowOf(selected->id);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateSelection();
            });
    connect(m_model, &ConfigTableModel::summaryChanged, this, &MainWindow::updateSelection);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        m_actions->fillContextMenu(menu);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_actions->editUrl->isEnabled())
            m_actions->editUrl->trigger();
    });
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
    m_detailsDock->raise();
    connect(m_serverPanel, &ServerPanel::copyRequested, this, &MainWindow::copy);

    // The built-in receiver (ReceiverPanel of the receiver helper), when this build has it.
    m_receiverDock = new QDockWidget(tr("Receiver"), this);
    m_receiverDock->setObjectName(QStringLiteral("receiverDock"));
    auto *placeholder
        = new QLabel(tr("The built-in receiver is not available in this build."), m_receiverDock);
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    m_receiverDock->setWidget(placeholder);
    addDockWidget(Qt::RightDockWidgetArea, m_receiverDock);
    tabifyDockWidget(m_serverDock, m_receiverDock);
#ifdef WA_HAVE_RECEIVER_PANEL
    m_receiverPanel = new ReceiverPanel({}, this);
    addReceiverPanel(m_receiverPanel);
    connect(m_receiverPanel, &ReceiverPanel::createConfigRequested, this,
            [this](const QUrl &url) { newConfigFor(url.toString()); });
    connect(m_receiverPanel->receiver(), &Receiver::listeningChanged, this, [this] {
        if (m_secretIndex)
            m_secretIndex->setPort(m_receiverPanel->receiver()->port());
    });
#endif
    m_detailsDock->raise();
}

void MainWindow::addReceiverPanel(QWidget *panel)
{
    QWidget *old = m_receiverDock->widget();
    m_receiverDock->setWidget(scrollable(panel));
    if (old)
        old->deleteLater();
}

void MainWindow::buildMenus()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_switcher = new ProfileSwitcher(toolbar);
    toolbar->addWidget(m_switcher);
    m_profilesAction = new QAction(themedIcon(QStringLiteral("profile")), tr("&Profiles…"), this);
    m_profilesAction->setObjectName(QStringLiteral("actionProfiles"));
    m_profilesAction->setToolTip(tr("Add, edit or remove remote profiles"));
    m_profilesAction->setEnabled(m_deps.profiles != nullptr);
    toolbar->addAction(m_profilesAction);
    toolbar->addSeparator();
    m_actions->fillToolBar(toolbar);
    connect(m_switcher, &ProfileSwitcher::profileChosen, this, &MainWindow::switchProfile);
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::openProfileDialog);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_profilesAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    m_actions->fillMenu(menuBar()->addMenu(tr("&Configs")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_serverDock->toggleViewAction());
    m_viewMenu->addAction(m_receiverDock->toggleViewAction());
    m_viewMenu->addAction(toolbar->toggleViewAction());

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    m_toolsMenu->addAction(m_receiverDock->toggleViewAction());
    QAction *signature
        = m_toolsMenu->addAction(themedIcon(QStringLiteral("sign")), tr("&Signature Tools…"), this,
                                 &MainWindow::openSignatureTools);
    signature->setObjectName(QStringLiteral("actionSignatureTools"));
    signature->setEnabled(m_receiverPanel != nullptr);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Webhook Admin"), this, [this] {
        QMessageBox::about(this, tr("About Webhook Admin"),
                           tr("<b>Webhook Admin %1</b><p>A desktop console for ricloud webhook "
                              "configs, on the hosted API or the embedded local service.</p>")
                               .arg(QStringLiteral(WA_VERSION)));
    });
}

void MainWindow::attachReceiver([[maybe_unused]] WebhookService *service)
{
#ifdef WA_HAVE_RECEIVER_PANEL
    // The receiver verifies events with the secret of the config its path belongs to.
    delete m_secretIndex;
    m_secretIndex = nullptr;
    if (!service) {
        m_receiverPanel->setSecretResolver({});
        return;
    }
    m_secretIndex = new ConfigSecretIndex(service, this);
    m_secretIndex->setPort(m_receiverPanel->receiver()->port());
    m_receiverPanel->setSecretResolver(m_secretIndex->resolver());
    connect(m_secretIndex, &ConfigSecretIndex::changed, m_receiverPanel, &ReceiverPanel::recheck);
    m_secretIndex->refresh();
#endif
}

void MainWindow::openSignatureTools()
{
#ifdef WA_HAVE_RECEIVER_PANEL
    auto *dialog = new SignatureDialog(this);
    dialog->setObjectName(QStringLiteral("signatureDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto config = selectedConfig())
        dialog->setSecret(config->secret);
    dialog->show();
#endif
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
    m_deps.openBackend(name).then(
        this, [this, name, generation](const Result<std::shared_ptr<Backend>> &opened) {
            if (generation != m_switchGeneration)
                return;
            m_switcher->setEnabled(true);
            m_status->hideProgress();
            if (!opened) {
                m_switcher->setCurrentProfile(m_profileName);
                showError(tr("Could not open the profile \"%1\"").arg(name), opened.error());
                return;
            }
            attach(name, opened.value());
        });
}

void MainWindow::attach(const QString &profile, std::shared_ptr<Backend> backend)
{
    // Detach the old backend's signals before it goes.
    if (WebhookService *old = service())
        old->disconnect(this);
    m_tracker->setService(nullptr);
    m_details->setService(nullptr);
    m_serverPanel->setServer(nullptr);
    m_model->clear();
    m_loaded = false;
    m_status->setLoaded(false);
    updateSelection();
    m_backend = std::move(backend);
    m_profileName = profile;

    WebhookService *service = m_backend->service();
    connect(service, &WebhookService::configChanged, this,
            [this](const WebhookConfig &config) { m_model->upsertLater(config); });
    connect(service, &WebhookService::organisationChanged, this, &MainWindow::reloadOrganisation);
    m_tracker->setService(service);
    m_details->setService(service);
    attachReceiver(service);
    m_serverPanel->setServer(m_backend->server());
    m_serverDock->setEnabled(m_backend->isLocal());
    m_switcher->setCurrentProfile(profile);
    m_status->setBackend(profile == localProfileName() ? tr("Local") : profile, service->describe(),
                         m_backend->isLocal());
    setWindowTitle(
        tr("Webhook Admin – %1").arg(profile == localProfileName() ? tr("Local") : profile));
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
    WebhookService *service = this->service();
    if (!service)
        return;
    const quint64 generation = ++m_loadGeneration;
    const QString selectedId = selectedConfig() ? selectedConfig()->id : QString();
    m_actions->refresh->setEnabled(false);
    m_status->showProgress(tr("Loading configs…"), [this, generation] {
        if (generation != m_loadGeneration)
            return;
        ++m_loadGeneration;
        m_actions->refresh->setEnabled(true);
        m_banner->showMessage(tr("Loading was cancelled: the table may be incomplete. Press F5 "
                                 "to load again."),
                              ErrorBanner::Level::Warning);
    });
    // Every state: the proxy decides what to show, so toggling a state needs no new query.
    ConfigFilter all;
    all.states
        = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};
    service->listAllConfigs(all).then(
        this, [this, generation, selectedId](const Result<QList<WebhookConfig>> &result) {
            if (generation != m_loadGeneration)
                return;
            m_status->hideProgress();
            m_actions->refresh->setEnabled(true);
            if (!result) {
                showError(tr("Could not load the configs"), result.error());
                Q_EMIT configsLoaded(-1);
                return;
            }
            m_banner->dismiss();
            m_model->setConfigs(result.value());
            m_loaded = true;
            m_status->setLoaded(true);
            updateSelection();
            // Keep the selection across a reload; else start on the first row, so that the
            // keyboard and the details panel have something to work on.
            if ((selectedId.isEmpty() || !selectConfig(selectedId)) && m_proxy->rowCount() > 0)
                selectConfig(
                    m_model->configAt(m_proxy->mapToSource(m_proxy->index(0, 0)).row()).id);
            reloadOrganisation();
            m_tracker->findRunningTests();
            Q_EMIT configsLoaded(int(result.value().size()));
            Q_EMIT backendReady(m_profileName);
        });
}

void MainWindow::reloadOrganisation()
{
    WebhookService *service = this->service();
    if (!service)
        return;
    continueOnGui(service->organisation(), this,
                  [this, service](const Result<Organisation> &result) {
                      if (service != this->service())
                          return;
                      if (!result) {
                          showError(tr("Could not load the organisation"), result.error());
                          return;
                      }
                      m_model->setDefaultConfigId(result.value().webhookConfigDefault);
                  });
}

std::optional<WebhookConfig> MainWindow::selectedConfig() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->configAt(source.row());
}

bool MainWindow::selectConfig(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void MainWindow::updateSelection()
{
    const auto config = selectedConfig();
    ConfigActions::Selection selection;
    selection.config = config;
    if (config) {
        selection.isDefault = config->id == m_model->defaultConfigId();
        selection.testRunning = m_model->testStatus(config->id).running();
    }
    m_actions->update(selection, service() != nullptr && m_loaded);
    m_details->showConfig(config, selection.isDefault,
                          config ? m_model->testStatus(config->id) : TestStatus {});
}

void MainWindow::updateCounts()
{
    m_filterBar->setCounts(m_proxy->rowCount(), m_model->rowCount());
}

void MainWindow::showError(const QString &what, const ApiError &error)
{
    QString text = tr("%1: %2").arg(what, error.message);
    if (error.kind == ApiError::Kind::Unauthorized)
        text += QLatin1Char(' ') + tr("Check the profile's token (File > Profiles).");
    m_banner->showMessage(text);
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
    const QByteArray header = settings.value(SettingsHeader).toByteArray();
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
    m_filterBar->restoreState(settings);
}

void MainWindow::saveSettings() const
{
    if (!m_deps.persistState)
        return;
    QSettings settings;
    settings.setValue(SettingsWindowGeometry, saveGeometry());
    settings.setValue(SettingsWindowState, saveState(WindowStateVersion));
    settings.setValue(SettingsHeader, m_table->horizontalHeader()->saveState());
    m_filterBar->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace wa
