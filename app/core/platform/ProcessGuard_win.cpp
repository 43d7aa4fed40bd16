#include "platform/ProcessGuard.h"

namespace taskwatch::platform {

// Windows Error Reporting writes a full dump only where an administrator configured LocalDumps; a process
// cannot opt out of that by itself (WerAddExcludedApplication would change the user's registry for good).
void disableCoreDumps() {}

bool coreDumpsEnabled() {
    return true; // as far as this process can tell: Windows Error Reporting decides
}

} // namespace taskwatch::platform
