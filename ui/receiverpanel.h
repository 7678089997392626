#pragma once

#include "receiver.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace wa {

class ErrorBanner;
class ReceivedRequestModel;

// "Receiver": the built-in receiver on 127.0.0.1. Start and stop it, copy its URL, make a config
// that points at it (createConfigRequested: the window hands the URL to
// WebhookService::createConfig), choose how it answers (by verdict, a failing status, a
// redirect, a delay) and watch the events arrive with their verdicts, headers and bodies.
// The secret of a path comes from the resolver (ConfigSecretIndex::resolver() does it from a
// service's configs).
class ReceiverPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPanel)

public:
    explicit ReceiverPanel(Receiver::SecretResolver resolver = {}, QWidget *parent = nullptr);
    ~ReceiverPanel() override;

    void setSecretResolver(Receiver::SecretResolver resolver);
    Receiver *receiver() const { return m_receiver; }
    ReceivedRequestModel *model() const { return m_model; }

    // Starts the receiver on the port chosen in the panel (0: any free one).
    void start();
    void stop();
    // Verifies every kept request again with the secrets known now ("Verify Again").
    void recheck();
    // The same, only when a request judged "no secret" now has one (a config learnt late).
    void recheckUndecided();

    // The port the receiver listens on, or will (0: any free one; a start sets the one taken).
    quint16 port() const;
    void setPort(quint16 port);

Q_SIGNALS:
    // "New config pointing here": a fresh URL on this receiver, for a new config.
    void createConfigRequested(const QUrl &url);

private:
    void updateState();
    void applyBehaviour();
    void showRequest(int row);
    void onRowsInserted(int first, int last);
    void openSignatureTools();

    Receiver *m_receiver;
    ReceivedRequestModel *m_model;
    ErrorBanner *m_banner;
    QPushButton *m_startStop;
    QSpinBox *m_port;
    QLineEdit *m_url;
    QPushButton *m_copyUrl;
    QPushButton *m_newConfig;
    QComboBox *m_answer;
    QSpinBox *m_status;
    QSpinBox *m_delay;
    QTableView *m_table;
    QLabel *m_verdict;
    QPlainTextEdit *m_headers;
    QLabel *m_bodyCaption;
    QPlainTextEdit *m_prettyBody;
    QPlainTextEdit *m_rawBody;
    QPushButton *m_recheck;
    QPushButton *m_clear;
    QPushButton *m_checkSignature;
    int m_shownSequence = 0;
};

} // namespace wa
