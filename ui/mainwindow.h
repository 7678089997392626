#pragma once

#include "backend.h"
#include "confirm.h"
#include "filechooser.h"
#include "webhookconfig.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QDockWidget;
class QMenu;
class QTableView;

namespace wa {

class BulkController;
class BulkSummaryBar;
class ConfigActions;
class ConfigDetailsPanel;
class ConfigFilterProxy;
class ConfigSecretIndex;
class ConfigSelection;
class ConfigTable;
class ConfigTransfer;
class ConfigTableModel;
class ErrorBanner;
class FilterBar;
class LastTestLoader;
class ProfilePorts;
class ProfileStore;
class ProfileSwitcher;
class ReceiverPanel;
class ServerPanel;
class StatusBarController;
class TestStatus;
class TestTracker;
class TokenStore;
class WebhookService;

// The console: composes the config table (model, proxy, delegates, empty states), the filter
// bar, details, server and receiver panels, profile switcher, actions, error banner and status
// bar, over whichever backend the current profile opens. It holds no business rule: every change
// goes through WebhookService, every failure is shown inline.
//
// Lifetimes: the window owns the backend (a shared_ptr); everything else holds it weakly and
// continues after a call through continueOnGui() (guarded.h), so an answer that arrives after a
// profile switch, or after its dialog closed, is dropped. A switch never blocks: the old local
// service shuts down in its own thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Dependencies
    {
        BackendFactory openBackend; // required
        ConfirmFunction confirm; // empty: a window-modal QMessageBox
        FileChooser chooseFile; // empty: a window-modal QFileDialog
        ConnectionTester testConnection; // empty: the Profiles dialog cannot test
        ProfileStore *profiles = nullptr; // not owned; null: only the local profile
        TokenStore *tokens = nullptr; // not owned
        bool persistState = true; // window layout, columns, filter, last profile, ports
    };

    explicit MainWindow(Dependencies dependencies, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a profile ("Local" or a saved remote profile's name); the window stays responsive
    // and keeps the current backend until the new one is ready.
    void switchProfile(const QString &name);
    // The profile to open at start: the last one used, else "Local".
    QString initialProfile() const;
    // Shows and raises a side panel: "details", "server" or "receiver".
    bool raisePanel(const QString &name);

    QString currentProfile() const { return m_profileName; }
    WebhookService *service() const;
    ConfigTableModel *model() const { return m_model; }
    ConfigFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const;
    bool isLoaded() const { return m_loaded; }
    // The selected config, when exactly one is (a row the filter hides is not selected).
    std::optional<WebhookConfig> selectedConfig() const;
    // Every selected config, top to bottom as shown.
    QList<WebhookConfig> selectedConfigs() const;
    bool selectConfig(const QString &id);
    // Bulk actions: the run under way, its progress and summary.
    BulkController *bulk() const { return m_bulk; }

    // Receiver integration point: a panel added here becomes the "Receiver" dock.
    void addReceiverPanel(QWidget *panel);

Q_SIGNALS:
    // A profile was opened and its configs loaded (or failed to load).
    void backendReady(const QString &profile);
    void configsLoaded(int count);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Composition (mainwindow.cpp).
    void buildCentral();
    void buildDocks();
    void buildMenus();
    void restoreSettings();
    void saveSettings() const;
    void attach(const QString &profile, std::shared_ptr<Backend> backend);
    void detach();
    void reload();
    void reloadOrganisation();
    void updateSelection();
    void updateCounts();
    void reloadProfiles();
    void showError(const QString &what, const ApiError &error, std::function<void()> retry = {});

    // Config actions (mainwindowactions.cpp).
    void connectActions();
    void newConfig();
    void newConfigFor(const QString &url);
    void startReceiverAndCreate();
    void editUrl();
    void testSelected();
    void testConfig(const QString &id);
    void deactivateSelected();
    void reactivateSelected();
    void reactivate(const QString &id, const QString &url);
    void copyIds();
    void exportConfigs(bool selectedFirst);
    void copyToProfile();
    QStringList otherProfiles() const;
    void setDefaultSelected();
    void copy(const QString &text, const QString &what);
    void openProfileDialog();
    void openSignatureTools();
    void openShortcuts();
    QString urlOf(const QString &id) const;

    Dependencies m_deps;
    std::shared_ptr<Backend> m_backend;
    QString m_profileName;
    bool m_loaded = false;
    quint64 m_switchGeneration = 0;
    quint64 m_loadGeneration = 0;
    quint64 m_attachGeneration = 0;

    ConfigTableModel *m_model;
    ConfigFilterProxy *m_proxy;
    TestTracker *m_tracker;
    ConfigTable *m_table = nullptr;
    ConfigSelection *m_selection = nullptr;
    BulkController *m_bulk = nullptr;
    BulkSummaryBar *m_summary = nullptr;
    ConfigTransfer *m_transfer = nullptr;
    LastTestLoader *m_lastTests = nullptr;
    FilterBar *m_filterBar = nullptr;
    ErrorBanner *m_banner = nullptr;
    ConfigDetailsPanel *m_details = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    ProfileSwitcher *m_switcher = nullptr;
    ConfigActions *m_actions = nullptr;
    StatusBarController *m_status = nullptr;
    ProfilePorts *m_ports = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_serverDock = nullptr;
    QDockWidget *m_receiverDock = nullptr;
    QAction *m_profilesAction = nullptr;
    ReceiverPanel *m_receiverPanel = nullptr; // null in a build without the receiver panel
    ConfigSecretIndex *m_secretIndex = nullptr; // the receiver's secrets, from every profile
};

} // namespace wa
