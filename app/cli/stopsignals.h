#pragma once

namespace wa::cli::StopSignals {

// SIGINT and SIGTERM through a self-pipe: the handler only writes one byte (async-signal-safe);
// the event loop watches readFd() with a QSocketNotifier and stops from the main thread.
// Shared by the long-running commands (serve, listen).
bool install(); // false (and nothing left installed) when the pipe or a handler cannot be set
int readFd();
void acknowledge(); // reads the byte a signal wrote, once readFd() is readable
void restore(); // default handlers back, pipe closed

} // namespace wa::cli::StopSignals
