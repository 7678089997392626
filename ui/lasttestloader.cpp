#include "lasttestloader.h"

#include "configtablemodel.h"
#include "guarded.h"
#include "webhookservice.h"

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace wa {

LastTestLoader::LastTestLoader(QTableView *view, ConfigTableModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &LastTestLoader::fetchVisible);
    // Whatever may bring other rows on screen.
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LastTestLoader::schedule);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &LastTestLoader::schedule);
    QAbstractItemModel *shown = view->model();
    connect(shown, &QAbstractItemModel::layoutChanged, this, &LastTestLoader::schedule);
    connect(shown, &QAbstractItemModel::modelReset, this, &LastTestLoader::schedule);
    connect(shown, &QAbstractItemModel::rowsInserted, this, &LastTestLoader::schedule);
    connect(shown, &QAbstractItemModel::rowsRemoved, this, &LastTestLoader::schedule);
    connect(shown, &QAbstractItemModel::rowsMoved, this, &LastTestLoader::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // New rows (a load): what is known of ids still there stays shown until looked up again.
        invalidateAll();
    });
}

LastTestLoader::~LastTestLoader() = default;

void LastTestLoader::setBackend(const std::shared_ptr<Backend> &backend)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_backend = backend;
    ++m_generation;
    m_known.clear();
    m_inFlight.clear();
    m_changedInFlight.clear();
    if (!backend)
        return;
    WebhookService *service = backend->service();
    m_connections << connect(service, &WebhookService::configChanged, this,
                             [this](const WebhookConfig &config) { invalidate(config.id); })
                  << connect(service, &WebhookService::taskChanged, this,
                             [this](const Task &task) { invalidate(task.target); })
                  << connect(
                         service, &WebhookService::attemptRecorded, this,
                         [this](const DeliveryAttempt &attempt) { invalidate(attempt.configId); });
    schedule();
}

void LastTestLoader::invalidate(const QString &configId)
{
    m_known.remove(configId);
    if (m_inFlight.contains(configId))
        m_changedInFlight.insert(configId);
    schedule();
}

void LastTestLoader::invalidateAll()
{
    m_known.clear();
    m_changedInFlight.unite(m_inFlight);
    schedule();
}

void LastTestLoader::schedule()
{
    if (!m_settle.isActive())
        m_settle.start();
}

QStringList LastTestLoader::visibleIds() const
{
    QStringList ids;
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m_view->model());
    const int rows = m_view->model()->rowCount();
    if (rows == 0 || !m_view->isVisible())
        return ids;
    int first = m_view->rowAt(0);
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (first < 0)
        first = 0;
    if (last < 0)
        last = rows - 1;
    for (int row = first; row <= last; ++row) {
        QModelIndex index = m_view->model()->index(row, 0);
        if (proxy)
            index = proxy->mapToSource(index);
        if (index.isValid())
            ids << m_model->configAt(index.row()).id;
    }
    return ids;
}

void LastTestLoader::fetchVisible()
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend)
        return;
    QStringList wanted;
    QHash<QString, TestStatus> shownThen;
    for (const QString &id : visibleIds()) {
        if (m_known.contains(id) || m_inFlight.contains(id))
            continue;
        wanted << id;
        shownThen.insert(id, m_model->testStatus(id));
        m_inFlight.insert(id);
    }
    if (wanted.isEmpty())
        return;
    ++m_calls;
    const quint64 generation = m_generation;
    continueOnGui(
        backend->service()->lastTests(wanted), this, m_backend,
        [this, generation, wanted, shownThen](const Result<QHash<QString, TestOutcome>> &result) {
            if (generation != m_generation)
                return;
            bool again = false;
            for (const QString &id : wanted) {
                m_inFlight.remove(id);
                if (!result)
                    continue; // not known: asked again when next on screen
                if (m_changedInFlight.remove(id)
                    || m_model->testStatus(id) != shownThen.value(id)) {
                    again = true; // newer news came meanwhile
                    continue;
                }
                m_known.insert(id);
                const auto outcome = result.value().constFind(id);
                if (outcome == result.value().cend()) {
                    TestStatus never;
                    never.phase = TestStatus::Phase::NeverTested;
                    m_model->setTestStatus(id, never);
                    continue;
                }
                const TestStatus status = TestStatus::fromOutcome(*outcome);
                m_model->setTestStatus(id, status);
                if (status.running())
                    Q_EMIT runningFound(id, status.taskId, status.started);
            }
            if (again)
                schedule();
        });
}

} // namespace wa
