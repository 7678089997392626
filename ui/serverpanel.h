#pragma once

#include "backend.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace wa {

// "Serve on 127.0.0.1": exposes the local service's REST API (LocalServer, started by the app's
// ServerControl), then shows its URL, the token (masked, copyable) and a curl line to paste.
class ServerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    explicit ServerPanel(QWidget *parent = nullptr);
    ~ServerPanel() override;

    // Null in remote mode: the panel says serving is a local-mode feature.
    void setServer(ServerControl *server);
    bool isServing() const { return m_endpoint.has_value(); }
    std::optional<ServeEndpoint> endpoint() const { return m_endpoint; }
    void setServing(bool on);
    // The port to serve on (0: any free one); a start sets the one taken, so it stays.
    quint16 port() const;
    void setPort(quint16 port);

Q_SIGNALS:
    void copyRequested(const QString &text, const QString &what);
    // On or off by the user's hand or by setServing(); `port` is the port served on.
    void servingChanged(bool serving, quint16 port);

private:
    QString curlLine(bool maskToken) const;
    void refresh();

    ServerControl *m_server = nullptr;
    std::optional<ServeEndpoint> m_endpoint;
    quint64 m_generation = 0;
    QCheckBox *m_toggle;
    QSpinBox *m_port;
    QLabel *m_status;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QToolButton *m_copyToken;
    QLineEdit *m_curl;
    QToolButton *m_copyCurl;
};

} // namespace wa
