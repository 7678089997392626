#pragma once

namespace wa::cli::StopSignals {

// SIGINT and SIGTERM through a self-pipe: the handler only writes one byte (async-signal-safe);
// the event loop watches readFd() with a QSocketNotifier and stops from the main thread.
// Shared by the long-running commands (serve, listen).
bool install();
int readFd();
void restore(); // default handlers back, pipe closed

} // namespace wa::cli::StopSignals
