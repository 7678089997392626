#pragma once

#include "bulkreport.h"

#include <QDialog>

class QPlainTextEdit;

namespace wa {

// A bulk run's report in full, to read and copy: the summary, then one line per item that was
// not simply done, with its outcome and reason. Not modal.
class BulkReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkReportDialog)

public:
    BulkReportDialog(const QString &title, const BulkReport &report, QWidget *parent = nullptr);
    ~BulkReportDialog() override;

    QString text() const;

Q_SIGNALS:
    void copied(const QString &what);

private:
    QPlainTextEdit *m_text;
};

} // namespace wa
