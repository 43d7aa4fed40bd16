// Shared by the tests that talk to the emulator over loopback: a small HTTP/1.1 client that never blocks the
// event loop, and requests signed with the project's Signer (any service, any headers, tamperable).
#pragma once

#include "Emulator.h"
#include "api/Signer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <optional>

namespace taskwatch::emutest {

inline const QString kId = QStringLiteral("AKIDEMULATORTEST00000000000000000000");
inline const QString kKey = QStringLiteral("emulator-test-secret-key-0123456");
inline const QByteArray kRegion = "ap-guangzhou";

struct HttpResponse {
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;
    QJsonObject response() const {
        return QJsonDocument::fromJson(body).object().value("Response").toObject();
    }
    QString errorCode() const { return response().value("Error").toObject().value("Code").toString(); }
    QString errorMessage() const { return response().value("Error").toObject().value("Message").toString(); }
};

// What a request carries; signedRequest() turns it into raw HTTP bytes signed with Signer.
struct RequestSpec {
    QByteArray host; // empty: 127.0.0.1:port
    QByteArray body = R"({"AsyncRequestId":"aaaaaaaa-11111111-22222222-33333333"})";
    QString secretId = kId;
    QString secretKey = kKey;
    std::optional<qint64> timestamp; // default: now
    QByteArray region = kRegion;
    QByteArray action = "DescribeAsyncRequestInfo";
    QByteArray version = "2017-03-20";
    QByteArray token;
    QByteArray contentType = "application/json";
    QByteArray service = "cdb"; // the credential scope's, and the one signed with
    QList<QPair<QByteArray, QByteArray>> extraSigned;
    QByteArray extraHeaders;                 // raw lines, each ending in \r\n
    std::optional<QByteArray> authorization; // replaces the computed one
};

// Runs the event loop until `done()` holds or `timeoutMs` passes; wakes as soon as `socket` has news (unlike
// QTest::qWaitFor, which sleeps 10 ms between checks), so a request costs well under a millisecond.
template <typename Predicate> bool waitOn(QTcpSocket& socket, Predicate done, int timeoutMs) {
    QElapsedTimer elapsed;
    elapsed.start();
    while (!done()) {
        const qint64 left = timeoutMs - elapsed.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QTcpSocket::stateChanged, &loop, &QEventLoop::quit);
        timer.start(int(std::min<qint64>(left, 50)));
        loop.exec();
    }
    return true;
}

// A small HTTP/1.1 client over one QTcpSocket that never blocks the event loop (the emulator shares it).
class RawClient {
public:
    explicit RawClient(quint16 port) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = waitOn(
            m_socket, [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray& data) { m_socket.write(data); }

    // The next complete response, or nullopt when the connection closed (or nothing came) first.
    std::optional<HttpResponse> next(int timeoutMs = 10000) {
        std::optional<HttpResponse> result;
        [[maybe_unused]] const bool done = waitOn(
            m_socket,
            [&] {
                m_buffer += m_socket.readAll();
                result = tryParse();
                return result.has_value() || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        if (!result) {
            m_buffer += m_socket.readAll();
            result = tryParse();
        }
        return result;
    }
    bool waitClosed(int timeoutMs = 10000) {
        return waitOn(
            m_socket,
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    QByteArray pending() const { return m_buffer; }
    QByteArray readRaw() {
        m_buffer += m_socket.readAll();
        return m_buffer;
    }
    QTcpSocket& socket() { return m_socket; }

private:
    std::optional<HttpResponse> tryParse() {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        HttpResponse r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2)
            return std::nullopt;
        r.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                             lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (m_buffer.size() - end - 4 < length)
            return std::nullopt;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        if (r.status == 100)
            return tryParse();
        return r;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_connected = false;
};
inline QByteArray signedRequest(const RequestSpec& spec, quint16 port) {
    SignInput in;
    in.host = spec.host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : spec.host;
    in.contentType = spec.contentType;
    in.payload = spec.body;
    in.timestamp = spec.timestamp.value_or(QDateTime::currentSecsSinceEpoch());
    in.extraHeaders = spec.extraSigned;
    in.service = spec.service;
    const SignOutput sig = Signer::sign(in, spec.secretId, spec.secretKey);
    QByteArray r = "POST / HTTP/1.1\r\nHost: " + in.host + "\r\nContent-Type: " + spec.contentType + "\r\n";
    if (!spec.action.isNull())
        r += "X-TC-Action: " + spec.action + "\r\n";
    if (!spec.version.isNull())
        r += "X-TC-Version: " + spec.version + "\r\n";
    if (!spec.region.isNull())
        r += "X-TC-Region: " + spec.region + "\r\n";
    r += "X-TC-Timestamp: " + QByteArray::number(in.timestamp) + "\r\n";
    if (!spec.token.isNull())
        r += "X-TC-Token: " + spec.token + "\r\n";
    r += "Authorization: " + spec.authorization.value_or(sig.authorization) + "\r\n";
    r += spec.extraHeaders;
    r += "Content-Length: " + QByteArray::number(spec.body.size()) + "\r\n\r\n" + spec.body;
    return r;
}

} // namespace taskwatch::emutest
