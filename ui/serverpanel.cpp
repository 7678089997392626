#include "serverpanel.h"

#include "guarded.h"
#include "icons.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace wa {

namespace {
QToolButton *copyButton(const QString &objectName, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(themedIcon(QStringLiteral("copy"), QStringLiteral("edit-copy")));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    return button;
}
} // namespace

ServerPanel::ServerPanel(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QCheckBox(tr("Serve on 127.0.0.1"), this))
    , m_port(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_copyToken(copyButton(QStringLiteral("serveCopyToken"), tr("Copy the token"), this))
    , m_curl(new QLineEdit(this))
    , m_copyCurl(copyButton(QStringLiteral("serveCopyCurl"), tr("Copy the curl command"), this))
{
    setObjectName(QStringLiteral("serverPanel"));
    auto *layout = new QVBoxLayout(this);
    m_toggle->setObjectName(QStringLiteral("serveToggle"));
    m_toggle->setIcon(themedIcon(QStringLiteral("serve"), QStringLiteral("network-server")));
    m_toggle->setToolTip(tr("Expose the local service's REST API on this computer only, for "
                            "curl, scripts and API clients"));
    auto *toggleRow = new QHBoxLayout;
    toggleRow->addWidget(m_toggle);
    toggleRow->addStretch(1);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    toggleRow->addWidget(portLabel);
    m_port->setObjectName(QStringLiteral("servePort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setToolTip(tr("Port on 127.0.0.1 to serve on; it is kept for this profile"));
    toggleRow->addWidget(m_port);
    layout->addLayout(toggleRow);
    m_status->setObjectName(QStringLiteral("serveStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto *form = new QFormLayout;
    m_url->setObjectName(QStringLiteral("serveUrl"));
    m_url->setReadOnly(true);
    form->addRow(tr("URL:"), m_url);
    auto *tokenRow = new QHBoxLayout;
    m_token->setObjectName(QStringLiteral("serveToken"));
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copyToken);
    form->addRow(tr("Token:"), tokenRow);
    auto *curlRow = new QHBoxLayout;
    m_curl->setObjectName(QStringLiteral("serveCurl"));
    m_curl->setReadOnly(true);
    m_curl->setToolTip(tr("The token is masked here; the copy carries the real one"));
    curlRow->addWidget(m_curl, 1);
    curlRow->addWidget(m_copyCurl);
    form->addRow(tr("Try it:"), curlRow);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_toggle, &QCheckBox::clicked, this, &ServerPanel::setServing);
    connect(m_copyToken, &QToolButton::clicked, this, [this] {
        if (m_endpoint)
            Q_EMIT copyRequested(m_endpoint->token, tr("token"));
    });
    connect(m_copyCurl, &QToolButton::clicked, this, [this] {
        if (m_endpoint)
            Q_EMIT copyRequested(curlLine(false), tr("curl command"));
    });
    refresh();
}

ServerPanel::~ServerPanel() = default;

void ServerPanel::setServer(ServerControl *server)
{
    ++m_generation;
    m_server = server;
    m_endpoint.reset();
    refresh();
}

void ServerPanel::setServing(bool on)
{
    if (!m_server) {
        refresh();
        return;
    }
    const quint64 generation = ++m_generation;
    if (!on) {
        m_server->stop();
        m_endpoint.reset();
        refresh();
        Q_EMIT servingChanged(false, port());
        return;
    }
    m_toggle->setEnabled(false);
    m_status->setText(tr("Starting…"));
    continueOnGui(m_server->start(port()), this,
                  [this, generation](const Result<ServeEndpoint> &started) {
                      if (generation != m_generation)
                          return;
                      m_toggle->setEnabled(true);
                      if (!started) {
                          m_endpoint.reset();
                          refresh();
                          m_status->setText(
                              tr("Could not serve: %1").arg(started.error().localizedMessage()));
                          return;
                      }
                      m_endpoint = started.value();
                      m_port->setValue(m_endpoint->url.port());
                      refresh();
                      Q_EMIT servingChanged(true, port());
                  });
}

quint16 ServerPanel::port() const
{
    return static_cast<quint16>(m_port->value());
}

void ServerPanel::setPort(quint16 port)
{
    m_port->setValue(port);
}

QString ServerPanel::curlLine(bool maskToken) const
{
    if (!m_endpoint)
        return {};
    const QString token = maskToken ? QString(m_endpoint->token.size(), u'•') : m_endpoint->token;
    const QUrl list = m_endpoint->url.resolved(QUrl(QStringLiteral("/configs/webhook")));
    return QStringLiteral("curl -H 'Authorization: Token %1' '%2'")
        .arg(token, list.toString(QUrl::FullyEncoded));
}

void ServerPanel::refresh()
{
    const bool local = m_server != nullptr;
    m_toggle->setEnabled(local);
    m_port->setEnabled(local && !m_endpoint);
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(m_endpoint.has_value());
    }
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_token),
                       static_cast<QWidget *>(m_copyToken), static_cast<QWidget *>(m_curl),
                       static_cast<QWidget *>(m_copyCurl)})
        w->setEnabled(m_endpoint.has_value());
    if (!local) {
        m_status->setText(tr("Serving the REST API is a feature of the local profile."));
    } else if (!m_endpoint) {
        m_status->setText(tr("Not serving. Turn it on to reach this local service with curl, "
                             "scripts or the Python client."));
    } else {
        m_status->setText(
            tr("Serving on %1 (this computer only).").arg(m_endpoint->url.toString()));
    }
    m_url->setText(m_endpoint ? m_endpoint->url.toString() : QString());
    m_token->setText(m_endpoint ? m_endpoint->token : QString());
    m_curl->setText(curlLine(true));
}

} // namespace wa
