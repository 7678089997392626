#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace wa {

// What the table area says when it has no row to show: a short guide for a newcomer (no config
// yet) with the two ways to start, or, when the filter hides every config, that nothing
// matches and a button to clear the filter.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    enum class Kind
    {
        Newcomer,
        NoMatch
    };

    explicit EmptyState(QWidget *parent = nullptr);
    ~EmptyState() override;

    void setKind(Kind kind, const QString &why = {});
    // Whether this build has the built-in receiver (else its button is not offered).
    void setReceiverAvailable(bool available);
    Kind kind() const { return m_kind; }

Q_SIGNALS:
    void createRequested();
    void receiverRequested(); // start the receiver and point a new config at it
    void clearFiltersRequested();

private:
    Kind m_kind = Kind::Newcomer;
    bool m_receiverAvailable = true;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_create;
    QPushButton *m_receiver;
    QPushButton *m_clear;
};

} // namespace wa
