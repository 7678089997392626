#include "bulkprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace wa {

BulkProgress::BulkProgress(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("bulkProgress"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setObjectName(QStringLiteral("bulkProgressText"));
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text);
    m_bar->setObjectName(QStringLiteral("bulkProgressBar"));
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    layout->addWidget(m_bar);
    m_cancel->setObjectName(QStringLiteral("bulkCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Start no more items; those under way finish"));
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        setCancelling();
        Q_EMIT cancelRequested();
    });
    hide();
}

BulkProgress::~BulkProgress() = default;

void BulkProgress::start(const QString &verb, int total)
{
    m_verb = verb;
    m_cancelling = false;
    m_cancel->setEnabled(true);
    m_finished = 0;
    m_total = total;
    refresh();
    // As wide as it will be: the status bar is laid out once, not at every count.
    m_text->setMinimumWidth(m_text->fontMetrics().horizontalAdvance(m_text->text()));
    show();
}

void BulkProgress::setProgress(int finished, int total)
{
    const bool first = total != m_total || finished == 0;
    m_finished = finished;
    m_total = total;
    if (first || finished >= total) {
        refresh();
        return;
    }
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(RefreshMs, this, [this] {
        if (m_refreshScheduled)
            refresh();
    });
}

void BulkProgress::refresh()
{
    m_refreshScheduled = false;
    m_bar->setRange(0, std::max(m_total, 1));
    m_bar->setValue(m_finished);
    updateText();
}

void BulkProgress::setCancelling()
{
    m_cancelling = true;
    m_cancel->setEnabled(false);
    refresh();
}

void BulkProgress::stop()
{
    m_refreshScheduled = false;
    hide();
}

QString BulkProgress::text() const
{
    return m_text->text();
}

void BulkProgress::updateText()
{
    const QLocale locale;
    //: "Testing 120 of 1,000"
    QString text
        = tr("%1 %2 of %3").arg(m_verb, locale.toString(m_finished), locale.toString(m_total));
    if (m_cancelling)
        text += QLatin1Char(' ') + tr("(cancelling: waiting for those under way)");
    m_text->setText(text);
    m_bar->setToolTip(text);
}

} // namespace wa
