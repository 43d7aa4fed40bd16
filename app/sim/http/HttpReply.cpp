#include "http/HttpReply.h"

namespace taskwatch::sim {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 407:
        return "Proxy Authentication Required";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    case 413:
        return "Payload Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    default:
        return "Unknown";
    }
}

HttpReply HttpReply::statusPage(int status, const QByteArray& location) {
    HttpReply r;
    r.status = status;
    r.contentType = "text/html";
    r.body = "<html><body><h1>" + QByteArray::number(status) + ' ' + reasonPhrase(status) +
             "</h1></body></html>\r\n";
    if (!location.isEmpty())
        r.extraHeaders += "Location: " + location + "\r\n";
    if (status == 407)
        r.extraHeaders += "Proxy-Authenticate: Basic realm=\"emulated proxy\"\r\n";
    if (status == 401)
        r.extraHeaders += "WWW-Authenticate: Basic realm=\"emulated gateway\"\r\n";
    return r;
}

} // namespace taskwatch::sim
