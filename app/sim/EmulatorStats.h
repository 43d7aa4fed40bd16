// What the emulator counted since it started or since Emulator::resetStats().
#pragma once

namespace taskwatch::sim {

struct EmulatorStats {
    int requests = 0;       // requests received (complete HTTP requests)
    int rateLimited = 0;    // answered RequestLimitExceeded
    int authFailures = 0;   // answered AuthFailure.*
    int maxInAnyWindow = 0; // the most requests seen in any 1000 ms window (arrival times)
    int tlsHandshakes = 0;  // TLS mode: TLS handshakes started (one per TCP connection accepted)
    int tlsFailures = 0; // TLS mode: handshakes that failed on the server's side (a client that refuses the
                         // certificate may complete the handshake and just close: see tlsHandshakes)
};

} // namespace taskwatch::sim
