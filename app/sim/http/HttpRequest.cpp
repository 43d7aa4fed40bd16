#include "http/HttpRequest.h"

namespace taskwatch::sim {

namespace {
bool isTchar(char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

// Header values: visible ASCII, obs-text, space and tab; no other control characters.
bool isFieldValue(const QByteArray& s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// Headers that must appear at most once (a second copy is answered 400).
bool isSingletonHeader(const QByteArray& name) {
    return name == "host" || name == "content-length" || name == "content-type" || name == "authorization" ||
           name == "transfer-encoding" || name.startsWith("x-tc-");
}

bool validRequestLine(const QByteArray& line, HttpRequest* req) {
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isHttpToken(parts[0]) || parts[1].isEmpty())
        return false;
    for (char c : parts[1]) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return false;
    if (req) {
        req->method = parts[0];
        req->target = parts[1];
        req->version = parts[2];
    }
    return true;
}

// Rejects garbage as early as possible, before the headers are complete: the method must be a token followed
// by a space, and a complete first line must be a valid request line.
bool requestLineRejected(const QByteArray& buffer) {
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        const char c = buffer.at(i);
        if (c == ' ') {
            if (i == 0)
                return true;
            break;
        }
        if (!isTchar(c))
            return true;
    }
    const qsizetype firstLineEnd = buffer.indexOf('\n');
    if (firstLineEnd >= 0) {
        QByteArray line = buffer.left(firstLineEnd);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!validRequestLine(line, nullptr))
            return true;
    }
    return false;
}

// The index of the first body byte (after the empty line that ends the headers), or -1 while incomplete.
qsizetype headerEndOf(const QByteArray& buffer) {
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf + 1 < lf))
        return crlf + 4;
    if (lf >= 0)
        return lf + 2;
    return -1;
}

// Reads the header lines after the request line into req->headers; an error text when one is malformed.
QString readHeaders(const QList<QByteArray>& lines, HttpRequest* req) {
    req->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (line.isEmpty() || line.at(0) == ' ' || line.at(0) == '\t')
            return QStringLiteral("Obsolete header line folding is not accepted.");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return QStringLiteral("A header line has no name.");
        const QByteArray name = line.left(colon).toLower();
        if (!isHttpToken(name))
            return QStringLiteral("A header name is malformed.");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isFieldValue(value))
            return QStringLiteral("A header value contains control characters.");
        const auto it = req->headers.find(name);
        if (it != req->headers.end()) {
            if (isSingletonHeader(name))
                return QStringLiteral("A header that must appear once appears twice.");
            it.value() += ", " + value;
        } else {
            req->headers.insert(name, value);
        }
    }
    return {};
}
} // namespace

bool isHttpToken(const QByteArray& s) {
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

ParseOutcome parseRequest(const QByteArray& buffer, HttpRequest* req) {
    ParseOutcome out;
    const auto bad = [&](const QString& why) {
        out.status = ParseStatus::BadRequest;
        out.reason = why;
        return out;
    };
    if (requestLineRejected(buffer))
        return bad(QStringLiteral("The request line is malformed."));

    const qsizetype headerEnd = headerEndOf(buffer);
    if (headerEnd < 0) {
        if (buffer.size() > kMaxRequestHeaderBytes)
            return bad(QStringLiteral("The request headers exceed %1 bytes.").arg(kMaxRequestHeaderBytes));
        return out; // Incomplete
    }
    if (headerEnd > kMaxRequestHeaderBytes)
        return bad(QStringLiteral("The request headers exceed %1 bytes.").arg(kMaxRequestHeaderBytes));

    QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (QByteArray& line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || !validRequestLine(lines.first(), req))
        return bad(QStringLiteral("The request line is malformed."));
    if (const QString error = readHeaders(lines, req); !error.isEmpty())
        return bad(error);

    if (req->headers.contains("transfer-encoding"))
        return bad(QStringLiteral("Transfer-Encoding is not supported; send Content-Length."));
    if (req->version == "HTTP/1.1" && !req->headers.contains("host"))
        return bad(QStringLiteral("HTTP/1.1 requests need a Host header."));

    qint64 contentLength = 0;
    if (req->headers.contains("content-length")) {
        const QByteArray value = req->headers.value("content-length");
        if (value.isEmpty() || value.size() > 18)
            return bad(QStringLiteral("Content-Length is malformed."));
        for (char c : value) {
            if (c < '0' || c > '9')
                return bad(QStringLiteral("Content-Length is malformed."));
        }
        contentLength = value.toLongLong();
    }
    if (contentLength > kMaxRequestBodyBytes) {
        out.status = ParseStatus::TooLarge;
        out.reason = QStringLiteral("The request body exceeds %1 bytes.").arg(kMaxRequestBodyBytes);
        return out;
    }
    if (buffer.size() - headerEnd < contentLength) {
        out.wantsContinue = req->header("expect").toLower() == "100-continue";
        return out; // Incomplete
    }

    req->body = buffer.mid(headerEnd, contentLength);
    const QByteArray connection = req->header("connection").toLower();
    bool close = false, keepAlive = false;
    for (const QByteArray& token : connection.split(',')) {
        close = close || token.trimmed() == "close";
        keepAlive = keepAlive || token.trimmed() == "keep-alive";
    }
    req->keepAlive = req->version == "HTTP/1.1" ? !close : (keepAlive && !close);
    out.status = ParseStatus::Complete;
    out.consumed = headerEnd + contentLength;
    return out;
}

} // namespace taskwatch::sim
