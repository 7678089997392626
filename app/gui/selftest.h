#pragma once

class QApplication;

namespace wa {

// `webhook-admin --self-test`: opens the real window (offscreen), creates a config on a fresh
// temporary database pointing at a receiver started here on loopback, and returns 0 once the
// table shows it valid (1 on failure or after 30 s).
int runSelfTest(QApplication &app);

} // namespace wa
