#pragma once

#include "backend.h"
#include "deliveryattempt.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace wa {

// One delivery attempt in full, from the details' test history: the request as it was sent
// (URL, headers, the body byte for byte, the Ricloud-Signature and when it was signed), the
// answer (status and the first 4 KiB of its body), the latency, and an error in plain words.
//
// Resend delivers the same event again (same id and body, freshly signed) and shows the new
// attempt; the local service and `serve` offer it, the hosted API does not: there the button is
// disabled and its tooltip says why. Copy as curl puts a command on the clipboard that repeats
// the request byte for byte, signature included. Not modal; holds the backend weakly.
class AttemptDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptDialog)

public:
    AttemptDialog(const DeliveryAttempt &attempt, std::weak_ptr<Backend> backend,
                  QWidget *parent = nullptr);
    ~AttemptDialog() override;

    const DeliveryAttempt &attempt() const { return m_attempt; }
    // False once the backend answered that it cannot resend (the hosted API).
    void setResendSupported(bool supported);
    void resend();
    void copyAsCurl();

    // Plain words for why an attempt failed, longer than the table's ("connection refused").
    static QString explainError(const DeliveryAttempt &attempt);
    // The body as text: UTF-8 as it is, any other byte as \xNN.
    static QString bodyText(const QByteArray &bytes);

Q_SIGNALS:
    // A new attempt was made by Resend.
    void resent(const wa::DeliveryAttempt &attempt);
    // The backend answered that it does not offer Resend.
    void resendUnsupported();
    void copied(const QString &what);

private:
    void display(const DeliveryAttempt &attempt);
    QWidget *buildRequestTab();
    QWidget *buildResponseTab();

    DeliveryAttempt m_attempt;
    std::weak_ptr<Backend> m_backend;
    QLabel *m_outcome;
    QLabel *m_time;
    QLabel *m_event;
    QLabel *m_latency;
    QLabel *m_error;
    QLabel *m_url;
    QLabel *m_signature;
    QPlainTextEdit *m_headers;
    QLabel *m_bodyTitle;
    QPlainTextEdit *m_body;
    QLabel *m_status;
    QLabel *m_responseTitle;
    QPlainTextEdit *m_response;
    QTabWidget *m_tabs;
    QLabel *m_note;
    QPushButton *m_resend;
    QPushButton *m_copyCurl;
};

} // namespace wa
