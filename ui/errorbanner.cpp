#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace wa {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    m_text->setObjectName(QStringLiteral("errorBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_retry->setObjectName(QStringLiteral("errorBannerRetry"));
    m_retry->hide();
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    m_close->setObjectName(QStringLiteral("errorBannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        auto retry = std::move(m_retryAction);
        dismiss();
        if (retry)
            retry();
    });
    hide();
}

ErrorBanner::~ErrorBanner() = default;

void ErrorBanner::showMessage(const QString &text, Level level, std::function<void()> retry)
{
    m_retryAction = std::move(retry);
    m_retry->setVisible(bool(m_retryAction));
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxCritical;
    if (level == Level::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    else if (level == Level::Info)
        pixmap = QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    m_text->setText(text);
    show();
}

void ErrorBanner::dismiss()
{
    m_retryAction = nullptr;
    m_retry->hide();
    m_text->clear();
    hide();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace wa
