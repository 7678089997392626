#include "bulkreportdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

BulkReportDialog::BulkReportDialog(const QString &title, const BulkReport &report, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("bulkReportDialog"));
    setWindowTitle(tr("Report: %1").arg(title));
    auto *layout = new QVBoxLayout(this);
    m_text->setObjectName(QStringLiteral("bulkReportText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(report.localizedText());
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("bulkReportCopy"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
        Q_EMIT copied(tr("report"));
    });
    resize(720, 420);
}

BulkReportDialog::~BulkReportDialog() = default;

QString BulkReportDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace wa
