#pragma once

#include "configfilter.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSettings;
class QToolButton;

namespace wa {

// Free text over URL and ID, the states to show (deactivated off by default, as the API hides
// them) and a creation date range. Emits the filter on every keystroke or click.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    ConfigFilter filter() const;
    void setCounts(int shown, int total);
    void focusText();
    // Back to showing every config the API shows: no text, no dates, every state but
    // deactivated.
    void clear();
    // Why the filter cannot match anything ("from" after "to"), or empty.
    QString problem() const;
    // In words, what the filter asks for beyond the default ("text "abc", states New, Valid").
    QString describe() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

Q_SIGNALS:
    void filterChanged(const wa::ConfigFilter &filter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void emitChanged();
    void updateStateButton(QToolButton *button);
    void checkDates();
    QToolButton *stateButton(ConfigState state) const;

    QLineEdit *m_text;
    QList<QToolButton *> m_stateButtons; // indexed by ConfigState
    QCheckBox *m_fromEnabled;
    QDateEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateEdit *m_to;
    QLabel *m_count;
    QLabel *m_dateProblem;
    bool m_restoring = false;
};

} // namespace wa
