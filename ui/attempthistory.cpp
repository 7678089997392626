#include "attempthistory.h"

#include "attemptdialog.h"
#include "attempthistorymodel.h"
#include "guarded.h"
#include "webhookservice.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace wa {

AttemptHistory::AttemptHistory(QWidget *parent)
    : QWidget(parent)
    , m_model(new AttemptHistoryModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_open(new QPushButton(tr("&Open Attempt…"), this))
{
    setObjectName(QStringLiteral("attemptHistoryPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status->setObjectName(QStringLiteral("attemptHistoryStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_view->setObjectName(QStringLiteral("attemptHistory"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A side dock is narrow: time and outcome whole, the response takes what is left.
    QHeaderView *header = m_view->horizontalHeader();
    // A side dock is narrow: the time, and the outcome in words (status and latency, or the
    // error) take the width; the other columns, the answer's start among them, are in the
    // outcome's tooltip and can be shown from the header's menu.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AttemptHistoryModel::Time, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AttemptHistoryModel::Outcome, QHeaderView::Stretch);
    for (int column : {AttemptHistoryModel::HttpStatus, AttemptHistoryModel::Latency,
                       AttemptHistoryModel::Error, AttemptHistoryModel::Response})
        header->setSectionHidden(column, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) {
                auto *menu = new QMenu(this);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                for (int column = 0; column < AttemptHistoryModel::ColumnCount; ++column) {
                    QAction *action
                        = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
                    action->setCheckable(true);
                    action->setChecked(!header->isSectionHidden(column));
                    action->setEnabled(column != AttemptHistoryModel::Outcome);
                    connect(action, &QAction::toggled, header,
                            [header, column](bool on) { header->setSectionHidden(column, !on); });
                }
                menu->popup(header->mapToGlobal(pos));
            });
    layout->addWidget(m_view, 1);
    m_open->setObjectName(QStringLiteral("attemptOpen"));
    m_open->setToolTip(tr("The request and answer in full, with Resend and Copy as curl "
                          "(or double-click the attempt)"));
    layout->addWidget(m_open, 0, Qt::AlignRight);
    // Double-click, or Enter on the current row (QAbstractItemView::activated).
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { openAttempt(index.row()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        openAttempt(current.isValid() ? current.row() : 0);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AttemptHistory::updateOpenButton);
    updateOpenButton();
}

AttemptHistory::~AttemptHistory() = default;

void AttemptHistory::setBackend(const std::shared_ptr<Backend> &backend)
{
    disconnect(m_recorded);
    m_backend = backend;
    m_resendUnsupported = false;
    if (backend) {
        m_recorded = connect(backend->service(), &WebhookService::attemptRecorded, this,
                             [this](const DeliveryAttempt &attempt) {
                                 if (attempt.configId == m_configId)
                                     reload();
                             });
    }
    m_configId.clear();
    reload();
}

void AttemptHistory::setConfigId(const QString &configId)
{
    if (configId == m_configId && !configId.isEmpty())
        return;
    m_configId = configId;
    m_model->setAttempts({}); // not another config's history while this one's loads
    reload();
}

void AttemptHistory::reload()
{
    const quint64 generation = ++m_generation;
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (m_configId.isEmpty() || !backend) {
        m_model->setAttempts({});
        m_status->setText(tr("Select a config to see its test history."));
        return;
    }
    m_status->setText(tr("Loading test history…"));
    PageRequest page;
    page.limit = Limit;
    continueOnGui(backend->service()->listAttempts(m_configId, page), this, m_backend,
                  [this, generation](const Result<ListPage<DeliveryAttempt>> &result) {
                      if (generation != m_generation)
                          return; // another config was selected meanwhile
                      if (!result) {
                          m_model->setAttempts({});
                          if (result.error().kind == ApiError::Kind::Unsupported)
                              m_status->setText(tr("This backend keeps no test history."));
                          else
                              m_status->setText(tr("Test history could not be loaded: %1")
                                                    .arg(result.error().localizedMessage()));
                          return;
                      }
                      const auto &page = result.value();
                      m_model->setAttempts(page.data);
                      if (page.data.isEmpty())
                          m_status->setText(tr("No test has been delivered yet."));
                      else
                          m_status->setText(
                              tr("%n attempt(s), newest first", nullptr, page.totalCount));
                  });
}

void AttemptHistory::updateOpenButton()
{
    m_open->setEnabled(m_model->rowCount() > 0);
}

AttemptDialog *AttemptHistory::openAttempt(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return nullptr;
    auto *dialog = new AttemptDialog(m_model->attemptAt(row), m_backend, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_resendUnsupported)
        dialog->setResendSupported(false);
    connect(dialog, &AttemptDialog::resendUnsupported, this,
            [this] { m_resendUnsupported = true; });
    // The new attempt shows in the history: the local service says so itself (attemptRecorded);
    // a remote one does not.
    connect(dialog, &AttemptDialog::resent, this, [this](const DeliveryAttempt &attempt) {
        if (attempt.configId == m_configId)
            reload();
    });
    connect(dialog, &AttemptDialog::copied, this, &AttemptHistory::copied);
    dialog->show();
    return dialog;
}

} // namespace wa
