#include "bulksummarybar.h"

#include "bulkreportdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace wa {

namespace {
bool allDone(const BulkReport &report)
{
    return report.ending == BulkReport::Ending::Completed
        && report.count(BulkItemResult::Outcome::Done) == report.total();
}
} // namespace

BulkSummaryBar::BulkSummaryBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_details(new QPushButton(tr("&Details…"), this))
    , m_copy(new QPushButton(tr("Cop&y Report"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("bulkSummary"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text->setObjectName(QStringLiteral("bulkSummaryText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_text, 1);
    m_details->setObjectName(QStringLiteral("bulkSummaryDetails"));
    m_details->setToolTip(tr("Every item that was not simply done, and why"));
    layout->addWidget(m_details, 0, Qt::AlignVCenter);
    m_copy->setObjectName(QStringLiteral("bulkSummaryCopy"));
    m_copy->setToolTip(tr("Copy the summary and every item's outcome as text"));
    layout->addWidget(m_copy, 0, Qt::AlignVCenter);
    m_close->setObjectName(QStringLiteral("bulkSummaryClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the summary"));
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &BulkSummaryBar::dismiss);
    connect(m_details, &QPushButton::clicked, this, &BulkSummaryBar::openDetails);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_report.localizedText());
        Q_EMIT copied(tr("report"));
    });
    hide();
}

BulkSummaryBar::~BulkSummaryBar() = default;

void BulkSummaryBar::showReport(const QString &title, const BulkReport &report)
{
    m_title = title;
    m_report = report;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const auto pixmap
        = allDone(report) ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxWarning;
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    //: "Test: 12 tested: 10 valid, 2 invalid (connection refused: 2)."
    m_text->setText(tr("%1: %2").arg(title, report.localizedSummary()));
    m_details->setEnabled(!allDone(report));
    show();
}

void BulkSummaryBar::dismiss()
{
    hide();
}

QString BulkSummaryBar::summary() const
{
    return isHidden() ? QString() : m_report.localizedSummary();
}

void BulkSummaryBar::openDetails()
{
    auto *dialog = new BulkReportDialog(m_title, m_report, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BulkReportDialog::copied, this, &BulkSummaryBar::copied);
    dialog->show();
}

} // namespace wa
