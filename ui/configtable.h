#pragma once

#include "emptystate.h"

#include <QWidget>

#include <optional>

class QMenu;
class QStackedWidget;
class QTableView;

namespace wa {

class ConfigFilterProxy;
class ConfigTableModel;

// The config table as the window shows it: the view with its delegates and its columns sized
// to read at a glance (state badges whole, "Last test" fitted to what the rows on screen say,
// the URL taking the spare width, the ID hidden until asked for through the column chooser),
// and, when there is no row to show, the empty state in its place.
class ConfigTable final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTable)

public:
    static constexpr int LastTestShare = 45; // per cent of the width "Last test" may take

    ConfigTable(ConfigFilterProxy *proxy, ConfigTableModel *model, QWidget *parent = nullptr);
    ~ConfigTable() override;

    QTableView *view() const { return m_view; }
    EmptyState *emptyState() const { return m_empty; }
    // Column chooser: one checkable action per column that may be hidden.
    QMenu *columnsMenu() const { return m_columnsMenu; }

    // Shows the empty state of this kind instead of the table, or the table (nullopt).
    void setEmptyState(std::optional<EmptyState::Kind> kind, const QString &why = {});

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

    // Sizes the columns that follow their content (State, Created, Last test) again.
    void fitColumns();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildColumnsMenu();
    void scheduleFit();

    ConfigTableModel *m_model;
    QStackedWidget *m_stack;
    QTableView *m_view;
    EmptyState *m_empty;
    QMenu *m_columnsMenu;
    bool m_fitting = false;
    bool m_lastTestSizedByHand = false;
    bool m_fitScheduled = false;
};

} // namespace wa
