// What the server sends back for one request: a normal HTTP response, or one of the transport faults the
// emulator plays (reset, stall, truncated body), possibly late.
#pragma once

#include <QByteArray>

namespace taskwatch::sim {

struct HttpReply {
    enum class Kind {
        Normal,   // status line, headers, body
        Reset,    // close the socket without answering
        Stall,    // never answer; later input on the connection is discarded
        Truncated // 200 with a Content-Length larger than the few body bytes sent, then close
    } kind = Kind::Normal;
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray extraHeaders; // complete header lines ("Name: value\r\n")
    int delayMs = 0;
    bool close = false;

    // A small HTML page with this HTTP status, plus a Location header when `location` is given (redirects),
    // Proxy-Authenticate for 407, WWW-Authenticate for 401.
    static HttpReply statusPage(int status, const QByteArray& location);
};

QByteArray reasonPhrase(int status);

} // namespace taskwatch::sim
