#pragma once

namespace wa {

// The process's descriptor limit. Debian's default soft limit (1024) is far below its hard
// limit, and every open connection holds one descriptor: raiseDescriptorLimit() lifts the soft
// limit to the hard one (once is enough; later calls change nothing) and returns the soft limit
// now in force (-1 where there is no such limit).
int raiseDescriptorLimit();

} // namespace wa
