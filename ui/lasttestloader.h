#pragma once

#include "backend.h"
#include "teststatus.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QTableView;

namespace wa {

class ConfigFilterProxy;
class ConfigTableModel;

// Fills the table's "Last test" column from WebhookService::lastTests(): for the rows on screen
// only (one call per screenful, whatever the backend), each config once, kept until something
// says it changed: a config, task or attempt signal of the backend, a test the console followed
// to its end (invalidate()), or a reload (invalidateAll()).
//
// What the console learnt meanwhile wins: an answer is applied to a row only if the row still
// shows what it showed when the question was asked; otherwise the row is asked about again.
class LastTestLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LastTestLoader)

public:
    static constexpr int SettleMs = 40; // scrolling and bursts of signals: one call at the end

    LastTestLoader(QTableView *view, ConfigTableModel *model, QObject *parent = nullptr);
    ~LastTestLoader() override;

    void setBackend(const std::shared_ptr<Backend> &backend);
    void invalidate(const QString &configId);
    void invalidateAll();

    // Config ids of the rows on screen now, top to bottom.
    QStringList visibleIds() const;
    // How many lastTests() calls were made (for tests: one per screenful, not one per row).
    int callCount() const { return m_calls; }

Q_SIGNALS:
    // A looked-up test is still running, and the console was not following it.
    void runningFound(const QString &configId, const QString &taskId, const QDateTime &started);

private:
    void schedule();
    void fetchVisible();

    QTableView *m_view;
    ConfigTableModel *m_model;
    std::weak_ptr<Backend> m_backend;
    QList<QMetaObject::Connection> m_connections;
    QSet<QString> m_known; // looked up, and nothing changed since
    QSet<QString> m_inFlight;
    QSet<QString> m_changedInFlight; // changed while being looked up: ask again
    quint64 m_generation = 0;
    int m_calls = 0;
    QTimer m_settle;
};

} // namespace wa
