#pragma once

#include "backend.h"

class QObject;

namespace wa {

class ProfileStore;
class TokenStore;

// Opens the backends of profiles for the GUI: "Local" (the embedded service in a thread of its
// own, with a LocalServer for "Serve on 127.0.0.1") and saved remote profiles (RemoteService
// with the token from the TokenStore). Backends are always destroyed on the GUI thread, and
// that never blocks it: a local service shuts down in its own thread.
struct BackendOptions
{
    QString localDatabasePath; // empty: LocalService::defaultDatabasePath()
    int deliveryTimeoutMs = 10000;
};

BackendFactory makeBackendFactory(QObject *context, ProfileStore *profiles, TokenStore *tokens,
                                  BackendOptions options = {});

// "Test Connection" for the Profiles dialog: a RemoteService made for the one request.
ConnectionTester makeConnectionTester();

} // namespace wa
