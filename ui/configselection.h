#pragma once

#include "webhookconfig.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

class QTableView;

namespace wa {

class ConfigFilterProxy;
class ConfigTableModel;

// The configs selected in the table (extended selection: Shift, Ctrl, Ctrl+A), read through the
// filter: a row the filter hides is not selected. changed() follows the selection and the
// selected rows' own changes (a test finished, a REST client edited one), several changes in a
// burst coalesced into one, so that a bulk run over a thousand selected rows costs one pass per
// burst and not one per row.
class ConfigSelection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigSelection)

public:
    static constexpr int CoalesceMs = 30;

    ConfigSelection(QTableView *view, ConfigFilterProxy *proxy, ConfigTableModel *model,
                    QObject *parent = nullptr);
    ~ConfigSelection() override;

    int count() const;
    // The selected configs, top to bottom as shown.
    QList<WebhookConfig> configs() const;
    QStringList ids() const;
    // The selected config when exactly one is selected.
    std::optional<WebhookConfig> single() const;

    // Something the selection's actions depend on changed (the organisation's default, the
    // counts by state): changed() follows, at once for one selected config, coalesced for
    // several.
    void touch();

    // Selects this one config (clearing the rest) and scrolls to it; false when not shown.
    bool select(const QString &id);
    // Selects these (those shown), keeping the first as the current row; false when none is.
    bool select(const QStringList &ids);

Q_SIGNALS:
    void changed();

private:
    void schedule();
    bool isSingle() const; // without listing every selected row

    QTableView *m_view;
    ConfigFilterProxy *m_proxy;
    ConfigTableModel *m_model;
    bool m_scheduled = false;
};

} // namespace wa
