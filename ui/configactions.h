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
// bar. Actions that do not apply to the selection are disabled, never hidden.
class ConfigActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigActions)

public:
    explicit ConfigActions(QWidget *window);
    ~ConfigActions() override;

    struct Selection
    {
        std::optional<WebhookConfig> config;
        bool isDefault = false;
        bool testRunning = false;
    };

    void update(const Selection &selection, bool connected);

    void fillToolBar(QToolBar *bar) const;
    void fillMenu(QMenu *menu) const;
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
};

} // namespace wa
