#include "statusbarcontroller.h"

#include "configtablemodel.h"
#include "elidedlabel.h"
#include "statebadgedelegate.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

namespace wa {

StatusBarController::StatusBarController(QStatusBar *bar, ConfigTableModel *model, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_model(model)
    , m_profile(new ElidedLabel(bar))
    , m_warning(new QLabel(bar))
    , m_undo(new QPushButton(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
{
    m_profile->setObjectName(QStringLiteral("statusProfile"));
    m_warning->setObjectName(QStringLiteral("statusWarning"));
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setWordWrap(false);
    // The badge palette (white on the "invalid" red) reads on light and dark themes alike.
    const QColor red = StateBadgeDelegate::badgeColor(ConfigState::Invalid);
    m_warning->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; "
                       "padding: 2px 8px; border-radius: 3px; }")
            .arg(red.name()));
    m_warning->hide();
    m_undo->setObjectName(QStringLiteral("statusUndo"));
    m_undo->hide();
    m_progress->setObjectName(QStringLiteral("statusProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("statusCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    // The profile gives way first (it elides); the warning keeps its words.
    bar->addWidget(m_profile, 1);
    bar->addWidget(m_warning);
    bar->addPermanentWidget(m_undo);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        auto cancel = std::move(m_cancelAction);
        hideProgress();
        if (cancel)
            cancel();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        auto undo = std::move(m_undoAction);
        hideUndo();
        m_bar->clearMessage();
        if (undo)
            undo();
    });
    connect(bar, &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message.isEmpty())
            hideUndo();
    });
    connect(model, &ConfigTableModel::summaryChanged, this, &StatusBarController::updateWarning);
    connect(model, &QAbstractItemModel::modelReset, this, &StatusBarController::updateWarning);
}

StatusBarController::~StatusBarController() = default;

void StatusBarController::setBackend(const QString &profile, const QString &description, bool local)
{
    m_profile->setText(local ? tr("Profile: %1 · embedded service · %2").arg(profile, description)
                             : tr("Profile: %1 · remote API · %2").arg(profile, description));
}

void StatusBarController::setLoaded(bool loaded)
{
    m_loaded = loaded;
    updateWarning();
}

void StatusBarController::showProgress(const QString &what, std::function<void()> cancel)
{
    m_cancelAction = std::move(cancel);
    m_progress->setToolTip(what);
    m_progress->show();
    m_cancel->setVisible(bool(m_cancelAction));
    m_bar->showMessage(what);
}

void StatusBarController::hideProgress()
{
    m_cancelAction = nullptr;
    m_progress->hide();
    m_cancel->hide();
    m_bar->clearMessage();
}

void StatusBarController::flash(const QString &message)
{
    hideUndo();
    m_bar->showMessage(message, FlashMs);
}

void StatusBarController::flash(const QString &message, const QString &undoText,
                                std::function<void()> undo)
{
    m_bar->showMessage(message, UndoMs);
    m_undoAction = std::move(undo);
    m_undo->setText(undoText);
    m_undo->setVisible(bool(m_undoAction));
}

void StatusBarController::hideUndo()
{
    m_undoAction = nullptr;
    m_undo->hide();
}

QString StatusBarController::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QString StatusBarController::profileText() const
{
    return m_profile->text();
}

void StatusBarController::updateWarning()
{
    QString text;
    QString tip;
    // No configs at all is a newcomer's start, which the table's guide explains; nothing to
    // warn about yet.
    if (m_loaded && m_model->rowCount() > 0) {
        if (!m_model->hasValidConfig()) {
            text = tr("No valid webhook config: this organisation cannot be used");
            tip = tr("Test a config until it passes, or create one that points at a working "
                     "receiver.");
        } else {
            const QString defaultId = m_model->defaultConfigId();
            const int row = m_model->rowOf(defaultId);
            if (defaultId.isEmpty() || row < 0) {
                text = tr("No default webhook config");
                tip = tr("Keys without a config of their own get no events. Select a valid "
                         "config and choose Set as Organisation Default.");
            } else if (m_model->configAt(row).state != ConfigState::Valid) {
                text = tr("The default webhook config is not valid");
                tip = tr("Keys without a config of their own get no events until it passes its "
                         "test.");
            }
        }
    }
    m_warning->setText(text);
    m_warning->setToolTip(tip);
    m_warning->setVisible(!text.isEmpty());
}

} // namespace wa
