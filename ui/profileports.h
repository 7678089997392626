#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace wa {

class ReceiverPanel;
class ServerPanel;

// Keeps, per profile, the port of the local server ("Serve on 127.0.0.1") and of the built-in
// receiver, and whether each was on: a curl line, a script or a config made with "New Config
// Pointing Here" still reaches them after a profile switch or a restart. Records what the user
// does in either panel for the current profile; setProfile() brings a profile's ports back:
// serving again where it was on, on its port; the receiver, which serves every profile, is
// never stopped or moved by a switch, and is started on its port where it was on.
// In QSettings when `persist`, else for this session only.
class ProfilePorts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePorts)

public:
    struct Port
    {
        quint16 port = 0; // 0: none chosen yet
        bool on = false;
        friend bool operator==(const Port &, const Port &) = default;
    };

    // `receiver` may be null (a build without the receiver panel).
    ProfilePorts(bool persist, ServerPanel *server, ReceiverPanel *receiver,
                 QObject *parent = nullptr);
    ~ProfilePorts() override;

    // After the profile's backend is attached (the server panel knows its server).
    void setProfile(const QString &profile);

    // nullopt: never recorded for this profile.
    std::optional<Port> server(const QString &profile) const;
    std::optional<Port> receiver(const QString &profile) const;

private:
    std::optional<Port> read(const QString &profile, const QString &what) const;
    void write(const QString &profile, const QString &what, Port port);
    void recordReceiver();

    bool m_persist;
    ServerPanel *m_server;
    ReceiverPanel *m_receiver;
    QString m_profile;
    bool m_applying = false;
    QHash<QString, Port> m_session; // "<key>" -> port, when not persisted
};

} // namespace wa
