#pragma once

#include "backend.h"
#include "confirm.h"
#include "webhookconfig.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QDockWidget;
class QMenu;
class QTableView;

namespace wa {

class ConfigActions;
class ConfigSecretIndex;
class ReceiverPanel;
class ConfigDetailsPanel;
class ConfigFilterProxy;
class ConfigTableModel;
class ErrorBanner;
class FilterBar;
class ProfileStore;
class ProfileSwitcher;
class ServerPanel;
class StatusBarController;
class TestTracker;
class TokenStore;
class WebhookService;

// The console: composes the config table (model, proxy, delegates), the filter bar, details,
// server panel, profile switcher, actions, error banner and status bar, over whichever backend
// the current profile opens. It holds no business rule: every change goes through
// WebhookService, every failure is shown inline.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Dependencies
    {
        BackendFactory openBackend; // required
        ConfirmFunction confirm; // empty: a window-modal QMessageBox
        ProfileStore *profiles = nullptr; // not owned; null: only the local profile
        TokenStore *tokens = nullptr; // not owned
        bool persistState = true; // window layout, columns, filter, last profile
    };

    explicit MainWindow(Dependencies dependencies, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a profile ("Local" or a saved remote profile's name); the window stays responsive
    // and keeps the current backend until the new one is ready.
    void switchProfile(const QString &name);
    // The profile to open at start: the last one used, else "Local".
    QString initialProfile() const;

    QString currentProfile() const { return m_profileName; }
    WebhookService *service() const;
    ConfigTableModel *model() const { return m_model; }
    ConfigFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    bool isLoaded() const { return m_loaded; }
    // The selected config, if any.
    std::optional<WebhookConfig> selectedConfig() const;
    bool selectConfig(const QString &id);

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
    void buildTable();
    void buildDocks();
    void buildMenus();
    void restoreSettings();
    void saveSettings() const;
    void attach(const QString &profile, std::shared_ptr<Backend> backend);
    void reload();
    void reloadOrganisation();
    void updateSelection();
    void updateCounts();
    void reloadProfiles();
    void showError(const QString &what, const ApiError &error);

    // Config actions (mainwindowactions.cpp).
    void connectActions();
    void newConfig();
    void editUrl();
    void testSelected();
    void deactivateSelected();
    void reactivateSelected();
    void setDefaultSelected();
    void copy(const QString &text, const QString &what);
    void openProfileDialog();
    void newConfigFor(const QString &url);
    void openSignatureTools();
    void attachReceiver(WebhookService *service);

    Dependencies m_deps;
    std::shared_ptr<Backend> m_backend;
    QString m_profileName;
    bool m_loaded = false;
    quint64 m_switchGeneration = 0;
    quint64 m_loadGeneration = 0;

    ConfigTableModel *m_model;
    ConfigFilterProxy *m_proxy;
    TestTracker *m_tracker;
    QTableView *m_table = nullptr;
    FilterBar *m_filterBar = nullptr;
    ErrorBanner *m_banner = nullptr;
    ConfigDetailsPanel *m_details = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    ProfileSwitcher *m_switcher = nullptr;
    ConfigActions *m_actions = nullptr;
    StatusBarController *m_status = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_serverDock = nullptr;
    QDockWidget *m_receiverDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QAction *m_profilesAction = nullptr;
    ReceiverPanel *m_receiverPanel = nullptr; // null in a build without the receiver panel
    ConfigSecretIndex *m_secretIndex = nullptr; // the receiver's secrets, from this service
};

} // namespace wa
