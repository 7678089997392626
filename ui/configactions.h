#pragma once

#include "webhookconfig.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace wa {

// The config actions with their standard shortcuts, shared by toolbar, context menu and menu
// bar. Actions that do not apply to the selection are disabled, never hidden. Test, Deactivate,
// Reactivate, Copy IDs, Export Selected and Copy to Profile act on every selected row they apply
// to; Edit URL, Set as Default and Copy Secret on one config only.
class ConfigActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigActions)

public:
    explicit ConfigActions(QWidget *window);
    ~ConfigActions() override;

    struct Selection
    {
        std::optional<WebhookConfig> config; // the selected config, when exactly one is
        int count = 0; // selected rows
        int active = 0; // of which not deactivated
        int deactivated = 0;
        int total = 0; // configs loaded (what Export All and Select All act on)
        bool isDefault = false;
        bool testRunning = false;
        bool bulkRunning = false; // a bulk run is under way: no other may start
        bool otherProfiles = false; // there is a profile to copy to
    };

    void update(const Selection &selection, bool connected);

    void fillToolBar(QToolBar *bar) const;
    void fillMenu(QMenu *menu) const;
    void fillFileMenu(QMenu *menu) const; // Import, Export
    void fillContextMenu(QMenu *menu) const;

    QAction *newConfig;
    QAction *editUrl;
    QAction *test;
    QAction *deactivate;
    QAction *reactivate;
    QAction *setDefault;
    QAction *copyId;
    QAction *copySecret;
    QAction *refresh;
    QAction *focusFilter;
    QAction *selectAll;
    QAction *exportSelected;
    QAction *exportAll;
    QAction *importConfigs;
    QAction *copyToProfile;
};

} // namespace wa
