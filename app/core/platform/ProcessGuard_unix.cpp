#include "platform/ProcessGuard.h"

#include <QtGlobal>
#include <mutex>
#include <sys/resource.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace taskwatch::platform {

void disableCoreDumps() {
    static std::once_flag once;
    std::call_once(once, [] {
        const rlimit none{0, 0};
        ::setrlimit(RLIMIT_CORE, &none);
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); // also no ptrace attach by the user's other processes
#endif
    });
}

bool coreDumpsEnabled() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0)
        return false;
#ifdef Q_OS_LINUX
    if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)
        return false;
#endif
    return true;
}

} // namespace taskwatch::platform
