// One HTTP/1.1 request as the emulator received it, and the strict parser that reads it from a connection's
// buffer (bounded headers and body, no folding, no chunked bodies, duplicate singleton headers refused).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace taskwatch::sim {

// Bounds on what a client may send; above them the request is answered 400 / 413 and the connection closed.
inline constexpr qsizetype kMaxRequestHeaderBytes = 16 * 1024;
inline constexpr qsizetype kMaxRequestBodyBytes = 64 * 1024;

struct HttpRequest {
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QHash<QByteArray, QByteArray> headers; // lowercase name -> trimmed value
    QByteArray body;
    bool keepAlive = true;
    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

enum class ParseStatus { Incomplete, Complete, BadRequest, TooLarge };

struct ParseOutcome {
    ParseStatus status = ParseStatus::Incomplete;
    qsizetype consumed = 0;
    bool wantsContinue = false; // headers complete, body pending, Expect: 100-continue
    QString reason;
};

// Parses one request from the front of `buffer` (leading empty lines already removed).
ParseOutcome parseRequest(const QByteArray& buffer, HttpRequest* req);

// An RFC 9110 token (method, header name, ...): one or more tchar.
bool isHttpToken(const QByteArray& s);

} // namespace taskwatch::sim
