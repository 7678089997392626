#pragma once

#include "eventverdict.h"

#include <QByteArray>
#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace wa {

// Signature tools: secret + timestamp + body -> the Ricloud-Signature header; header + body ->
// the verdict, with the reason when it fails. Works on exact bytes: a body handed in with
// setBody() is used as is (even if it is not UTF-8) until the person edits the text.
class SignatureDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignatureDialog)

public:
    explicit SignatureDialog(QWidget *parent = nullptr);
    ~SignatureDialog() override;

    void setSecret(const QString &secret);
    void setBody(const QByteArray &body);
    void setHeader(const QByteArray &header);
    void setTimestamp(qint64 timestamp);
    void setWindowSeconds(int seconds);

    QByteArray body() const { return m_body; }
    // The header made from secret, timestamp and body (empty without a secret).
    QByteArray signedHeader() const;
    // The verdict on the header to verify against the body.
    EventVerdict verdict() const { return m_verdict; }

private:
    void onBodyEdited();
    void refresh();

    QByteArray m_body;
    EventVerdict m_verdict;
    bool m_settingBody = false;
    QLineEdit *m_secret;
    QPlainTextEdit *m_bodyEdit;
    QLabel *m_bodyNote;
    QLineEdit *m_timestamp;
    QPushButton *m_now;
    QLineEdit *m_signed;
    QPushButton *m_copySigned;
    QPushButton *m_useSigned;
    QLineEdit *m_header;
    QSpinBox *m_window;
    QLabel *m_verdictLabel;
};

} // namespace wa
