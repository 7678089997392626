#pragma once

#include "command.h"

namespace wa::cli::StopSignals {

// What serve and listen exit with when the handlers cannot be installed: the command could not
// start, as when its database or port is refused.
inline constexpr int InstallFailedExitCode = ExitCode::ApiRefused;

// SIGINT and SIGTERM through a self-pipe: the handler only writes one byte (async-signal-safe);
// the event loop watches readFd() with a QSocketNotifier and stops from the main thread.
// Shared by the long-running commands (serve, listen).
bool install(); // false (and nothing left installed) when the pipe or a handler cannot be set
int readFd();
void acknowledge(); // reads the byte a signal wrote, once readFd() is readable
void restore(); // default handlers back, pipe closed

} // namespace wa::cli::StopSignals
