#pragma once

#include "result.h"
#include "webhookservice.h"

#include <QFuture>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace wa {

// Where the embedded REST API listens once "Serve on 127.0.0.1" is on.
struct ServeEndpoint
{
    QUrl url; // e.g. http://127.0.0.1:8765
    QString token; // the local key's token; shown masked
};

// The local server, as the app wires it: the window never constructs sockets itself.
class ServerControl
{
public:
    virtual ~ServerControl() = default;
    // Port 0 picks a free one; the endpoint says which.
    virtual QFuture<Result<ServeEndpoint>> start(quint16 port) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
};

// One opened backend: the service behind a profile and whatever keeps it alive (a thread, a
// network client). Destroying it closes the backend.
class Backend
{
public:
    virtual ~Backend() = default;
    virtual WebhookService *service() const = 0;
    virtual bool isLocal() const = 0;
    // Local mode only; null for remote profiles.
    virtual ServerControl *server() const { return nullptr; }
};

// The name of the built-in local profile; every other name is a saved remote profile.
inline QString localProfileName()
{
    return QStringLiteral("Local");
}

// Opens the backend of a profile (by name) without blocking the caller.
using BackendFactory
    = std::function<QFuture<Result<std::shared_ptr<Backend>>>(const QString &profileName)>;

// Tries a remote API with a URL and token, saving nothing: answers the organisation's name, or
// why it could not (the Profiles dialog's "Test Connection").
using ConnectionTester
    = std::function<QFuture<Result<QString>>(const QUrl &url, const QString &token)>;

} // namespace wa
