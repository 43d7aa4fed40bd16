// Keeps a secret in this process's memory out of crash dumps: no core file and no ptrace attach by other
// processes of the user on Linux (RLIMIT_CORE 0, PR_SET_DUMPABLE 0), no core file on macOS (RLIMIT_CORE 0).
// Windows writes a dump only where Windows Error Reporting's LocalDumps is configured by an administrator:
// nothing to turn off from here.
#pragma once

namespace taskwatch::platform {

// Idempotent; call before a secret is read.
void disableCoreDumps();

// Whether this process may write a core dump (false after disableCoreDumps() where it has an effect).
bool coreDumpsEnabled();

} // namespace taskwatch::platform
