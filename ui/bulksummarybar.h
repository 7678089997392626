#pragma once

#include "bulkreport.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace wa {

// The end of a bulk run, inline above the table until dismissed or the next run: its summary
// in one line that can be selected ("12 tested: 10 valid, 2 invalid (connection refused: 2)."),
// Details (every item that was not simply done, in a dialog) and Copy (the whole report, as
// text, to the clipboard). No modal box: the run is over, nothing needs deciding.
class BulkSummaryBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkSummaryBar)

public:
    explicit BulkSummaryBar(QWidget *parent = nullptr);
    ~BulkSummaryBar() override;

    // `title` says what ran where ("Test", "Import of configs.json into Local").
    void showReport(const QString &title, const BulkReport &report);
    void dismiss();

    QString summary() const;
    const BulkReport &report() const { return m_report; }

Q_SIGNALS:
    // The report's text went to the clipboard (the window says so in its status bar).
    void copied(const QString &what);

private:
    void openDetails();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_details;
    QPushButton *m_copy;
    QToolButton *m_close;
    QString m_title;
    BulkReport m_report;
};

} // namespace wa
