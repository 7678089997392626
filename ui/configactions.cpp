#include "configactions.h"

#include "icons.h"

#include <QAction>
#include <QMenu>
#include <QToolBar>
#include <QWidget>

namespace wa {

namespace {
QAction *makeAction(QWidget *window, const QString &objectName, const QString &text,
                    const QString &icon, const QString &themeIcon, const QKeySequence &shortcut,
                    const QString &tip)
{
    auto *action = new QAction(themedIcon(icon, themeIcon), text, window);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setToolTip(shortcut.isEmpty() ? tip
                                          : QStringLiteral("%1 (%2)").arg(
                                              tip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
    window->addAction(action); // shortcuts work wherever the focus is in the window
    return action;
}
} // namespace

ConfigActions::ConfigActions(QWidget *window)
    : QObject(window)
{
    newConfig = makeAction(window, QStringLiteral("actionNew"), tr("&New…"), QStringLiteral("new"),
                           QStringLiteral("list-add"), QKeySequence::New,
                           tr("Create a webhook config and test it"));
    editUrl = makeAction(window, QStringLiteral("actionEdit"), tr("&Edit URL…"),
                         QStringLiteral("edit"), QStringLiteral("document-edit"),
                         QKeySequence(Qt::Key_F2), tr("Change the selected config's URL"));
    test = makeAction(window, QStringLiteral("actionTest"), tr("&Test"), QStringLiteral("test"),
                      QStringLiteral("system-run"), QKeySequence(Qt::CTRL | Qt::Key_T),
                      tr("Send a signed test event to the selected config's URL"));
    deactivate = makeAction(window, QStringLiteral("actionDeactivate"), tr("&Deactivate…"),
                            QStringLiteral("deactivate"), QStringLiteral("edit-delete"),
                            QKeySequence(Qt::Key_Delete),
                            tr("Retire the selected config (it can be reactivated)"));
    reactivate = makeAction(window, QStringLiteral("actionReactivate"), tr("&Reactivate"),
                            QStringLiteral("reactivate"), QStringLiteral("edit-undo"), {},
                            tr("Bring a deactivated config back as new and test it"));
    setDefault
        = makeAction(window, QStringLiteral("actionSetDefault"), tr("Set as Organisation &Default"),
                     QStringLiteral("default"), QStringLiteral("starred"), {},
                     tr("Make the selected config the one keys use by default"));
    copyId = makeAction(window, QStringLiteral("actionCopyId"), tr("Copy &IDs"),
                        QStringLiteral("copy"), QStringLiteral("edit-copy"), QKeySequence::Copy,
                        tr("Copy the selected configs' IDs, one a line"));
    copySecret = makeAction(window, QStringLiteral("actionCopySecret"), tr("Copy &Secret"),
                            QStringLiteral("copy"), QStringLiteral("edit-copy"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                            tr("Copy the selected config's signing secret"));
    refresh = makeAction(window, QStringLiteral("actionRefresh"), tr("&Refresh"),
                         QStringLiteral("refresh"), QStringLiteral("view-refresh"),
                         QKeySequence::Refresh, tr("Load every config again"));
    focusFilter = makeAction(window, QStringLiteral("actionFocusFilter"), tr("&Filter"), {},
                             QStringLiteral("edit-find"), QKeySequence::Find,
                             tr("Type to filter by URL or ID"));
    selectAll = makeAction(window, QStringLiteral("actionSelectAll"), tr("Select &All"), {},
                           QStringLiteral("edit-select-all"), QKeySequence::SelectAll,
                           tr("Select every config the filter shows"));
    exportSelected = makeAction(window, QStringLiteral("actionExportSelected"),
                                tr("E&xport Selected…"), {}, QStringLiteral("document-save-as"), {},
                                tr("Save the selected configs to a JSON file"));
    exportAll = makeAction(window, QStringLiteral("actionExportAll"), tr("&Export…"), {},
                           QStringLiteral("document-save-as"), QKeySequence(Qt::CTRL | Qt::Key_E),
                           tr("Save the selected or all configs to a JSON file"));
    importConfigs = makeAction(window, QStringLiteral("actionImport"), tr("&Import…"), {},
                               QStringLiteral("document-open"), QKeySequence(Qt::CTRL | Qt::Key_I),
                               tr("Create configs in this profile from an exported JSON file"));
    copyToProfile = makeAction(window, QStringLiteral("actionCopyToProfile"),
                               tr("Copy to &Profile…"), {}, QStringLiteral("document-send"), {},
                               tr("Create the selected configs in another profile (new secrets, "
                                  "tested there)"));
    // The filter box keeps Ctrl+A for its own text (a line edit overrides the shortcut).
    // In a toolbar that shows text beside icons, these show their icon only (their tooltip
    // names them): the bar then fits a 1280 px window with the profile switcher whole.
    for (QAction *action : {reactivate, setDefault, refresh})
        action->setPriority(QAction::LowPriority);
    update({}, false);
}

ConfigActions::~ConfigActions() = default;

void ConfigActions::update(const Selection &selection, bool connected)
{
    const auto &config = selection.config;
    const bool single = connected && config.has_value();
    const bool active = single && config->state != ConfigState::Deactivated;
    // Several rows: a bulk run, of which one at a time.
    const bool several = connected && selection.count > 1;
    const bool canRun = several && !selection.bulkRunning;
    newConfig->setEnabled(connected);
    refresh->setEnabled(connected);
    editUrl->setEnabled(single);
    test->setEnabled(several ? canRun && selection.active > 0 : active && !selection.testRunning);
    deactivate->setEnabled(several ? canRun && selection.active > 0 : active);
    reactivate->setEnabled(several ? canRun && selection.deactivated > 0
                                   : single && config->state == ConfigState::Deactivated);
    setDefault->setEnabled(active && !selection.isDefault);
    copyId->setEnabled(connected && selection.count > 0);
    copyId->setText(selection.count > 1 ? tr("Copy &IDs") : tr("Copy &ID"));
    copySecret->setEnabled(single && !config->secret.isEmpty());
    selectAll->setEnabled(connected && selection.total > 0);
    exportSelected->setEnabled(connected && selection.count > 0);
    exportAll->setEnabled(connected && selection.total > 0);
    importConfigs->setEnabled(connected && !selection.bulkRunning);
    copyToProfile->setEnabled(connected && selection.count > 0 && selection.otherProfiles
                              && !selection.bulkRunning);
}

void ConfigActions::fillToolBar(QToolBar *bar) const
{
    bar->addAction(newConfig);
    bar->addAction(editUrl);
    bar->addAction(test);
    bar->addAction(deactivate);
    bar->addAction(reactivate);
    bar->addAction(setDefault);
    bar->addSeparator();
    bar->addAction(refresh);
}

void ConfigActions::fillFileMenu(QMenu *menu) const
{
    menu->addAction(importConfigs);
    menu->addAction(exportAll);
}

void ConfigActions::fillMenu(QMenu *menu) const
{
    menu->addAction(newConfig);
    menu->addAction(editUrl);
    menu->addAction(test);
    menu->addSeparator();
    menu->addAction(deactivate);
    menu->addAction(reactivate);
    menu->addAction(setDefault);
    menu->addSeparator();
    menu->addAction(copyId);
    menu->addAction(copySecret);
    menu->addSeparator();
    menu->addAction(exportSelected);
    menu->addAction(copyToProfile);
    menu->addSeparator();
    menu->addAction(selectAll);
    menu->addAction(focusFilter);
    menu->addAction(refresh);
}

void ConfigActions::fillContextMenu(QMenu *menu) const
{
    menu->addAction(editUrl);
    menu->addAction(test);
    menu->addAction(deactivate);
    menu->addAction(reactivate);
    menu->addAction(setDefault);
    menu->addSeparator();
    menu->addAction(copyId);
    menu->addAction(copySecret);
    menu->addSeparator();
    menu->addAction(exportSelected);
    menu->addAction(copyToProfile);
    menu->addSeparator();
    menu->addAction(selectAll);
    menu->addAction(newConfig);
    menu->addAction(refresh);
}

} // namespace wa
