#include "profileports.h"

#include "receiverpanel.h"
#include "serverpanel.h"

#include <QSettings>
#include <QUrl>

namespace wa {

namespace {
const auto ServerKey = QStringLiteral("server");
const auto ReceiverKey = QStringLiteral("receiver");

// Profile names are free text; keys must not grow groups from their slashes.
QString key(const QString &profile, const QString &what)
{
    return QStringLiteral("ports/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profile)), what);
}
} // namespace

ProfilePorts::ProfilePorts(bool persist, ServerPanel *server, ReceiverPanel *receiver,
                           QObject *parent)
    : QObject(parent)
    , m_persist(persist)
    , m_server(server)
    , m_receiver(receiver)
{
    connect(server, &ServerPanel::servingChanged, this, [this](bool serving, quint16 port) {
        if (!m_profile.isEmpty() && !m_applying)
            write(m_profile, ServerKey, {port, serving});
    });
    if (receiver) {
        connect(receiver->receiver(), &wa::Receiver::listeningChanged, this,
                &ProfilePorts::recordReceiver);
    }
}

ProfilePorts::~ProfilePorts() = default;

void ProfilePorts::setProfile(const QString &profile)
{
    m_profile = profile;
    m_applying = true;
    const auto server = this->server(profile);
    m_server->setPort(server ? server->port : 0);
    if (server && server->on)
        m_server->setServing(true);
    if (m_receiver) {
        // The receiver serves every profile (it knows every profile's secrets): a switch never
        // stops it or moves it, since configs point at its port. It only comes back on where
        // this profile had it on, on the port it had then.
        const auto receiver = this->receiver(profile);
        if (!m_receiver->receiver()->isListening() && receiver) {
            m_receiver->setPort(receiver->port);
            if (receiver->on)
                m_receiver->start();
        }
        m_applying = false;
        recordReceiver(); // as it is now, for this profile
        return;
    }
    m_applying = false;
}

void ProfilePorts::recordReceiver()
{
    if (m_profile.isEmpty() || m_applying || !m_receiver)
        return;
    const Receiver *r = m_receiver->receiver();
    write(m_profile, ReceiverKey,
          {r->isListening() ? r->port() : m_receiver->port(), r->isListening()});
}

std::optional<ProfilePorts::Port> ProfilePorts::server(const QString &profile) const
{
    return read(profile, ServerKey);
}

std::optional<ProfilePorts::Port> ProfilePorts::receiver(const QString &profile) const
{
    return read(profile, ReceiverKey);
}

std::optional<ProfilePorts::Port> ProfilePorts::read(const QString &profile,
                                                     const QString &what) const
{
    const QString k = key(profile, what);
    if (!m_persist) {
        const auto it = m_session.constFind(k);
        return it == m_session.cend() ? std::nullopt : std::optional<Port>(*it);
    }
    const QSettings settings;
    if (!settings.contains(k + QStringLiteral("/port")))
        return std::nullopt;
    Port port;
    port.port = quint16(settings.value(k + QStringLiteral("/port")).toUInt());
    port.on = settings.value(k + QStringLiteral("/on")).toBool();
    return port;
}

void ProfilePorts::write(const QString &profile, const QString &what, Port port)
{
    const QString k = key(profile, what);
    if (!m_persist) {
        m_session.insert(k, port);
        return;
    }
    QSettings settings;
    settings.setValue(k + QStringLiteral("/port"), port.port);
    settings.setValue(k + QStringLiteral("/on"), port.on);
}

} // namespace wa
