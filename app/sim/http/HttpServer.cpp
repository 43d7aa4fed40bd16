#include "http/HttpServer.h"
#include "Clock.h"
#include "EmulatorStats.h"

#include <QHostAddress>
#include <QLocale>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace taskwatch::sim {

namespace {
constexpr qint64 kMaxArrivalAgeMs = 10000; // an older arrival is taken as this old (a bound, not expected)
constexpr qsizetype kMaxBufferedBytes = 4 * (kMaxRequestHeaderBytes + kMaxRequestBodyBytes);
constexpr int kMaxConnections = 512;
constexpr int kTruncatedDeclaredLength = 500;
constexpr int kTruncatedSentLength = 20;
constexpr int kTlsHandshakeTimeoutMs = 10000;
constexpr char kTlsCountedProperty[] = "taskwatch_tls_failure_counted";

// When the bytes now readable on `socket` reached this machine, on the steady clock: `now` minus the age of
// the connection's last data segment (Linux TCP_INFO, a few ms of resolution). The vendor counts requests by
// arrival; an emulator that was not scheduled for a while (a loaded machine) would otherwise stamp what
// arrived meanwhile together, and refuse requests that were never too fast.
qint64 arrivalMs(const QTcpSocket* socket, qint64 now) {
#ifdef Q_OS_LINUX
    tcp_info info{};
    socklen_t size = sizeof info;
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0 && ::getsockopt(int(fd), IPPROTO_TCP, TCP_INFO, &info, &size) == 0 &&
        size >= socklen_t(offsetof(tcp_info, tcpi_last_data_recv) + sizeof info.tcpi_last_data_recv))
        return now - std::min<qint64>(info.tcpi_last_data_recv, kMaxArrivalAgeMs);
#else
    Q_UNUSED(socket);
#endif
    return now;
}
} // namespace

HttpServer::HttpServer(EmulatorStats* stats, std::function<QDateTime()> now, Handler handler,
                       RejectHandler reject)
    : m_stats(stats)
    , m_now(std::move(now))
    , m_handler(std::move(handler))
    , m_reject(std::move(reject)) {
    createServer();
}

HttpServer::~HttpServer() {
    destroyServer();
}

void HttpServer::destroyServer() {
    // Sockets are children of the server; detach them from this object before they go.
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it)
        QObject::disconnect(it.key(), nullptr, this, nullptr);
    const auto sockets = m_server->findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        QObject::disconnect(socket, nullptr, this, nullptr);
    m_connections.clear();
    QObject::disconnect(m_server, nullptr, this, nullptr);
    delete m_server;
    m_server = nullptr;
}

void HttpServer::useTls(const QSslCertificate& certificate, const QSslKey& key,
                        const QList<QSslCertificate>& chain) {
    m_tls = true;
    m_tlsCertificate = certificate;
    m_tlsKey = key;
    m_tlsChain = chain;
    destroyServer();
    createServer();
}

bool HttpServer::listen(quint16 port, QString* error) {
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        *error = m_server->errorString();
        return false;
    }
    return true;
}

bool HttpServer::isListening() const {
    return m_server->isListening();
}

quint16 HttpServer::port() const {
    return m_server->serverPort();
}

void HttpServer::createServer() {
    if (!m_tls) {
        m_server = new QTcpServer();
    } else {
        auto* ssl = new QSslServer();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(m_tlsCertificate);
        config.setLocalCertificateChain(QList<QSslCertificate>{m_tlsCertificate} + m_tlsChain);
        config.setPrivateKey(m_tlsKey);
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        ssl->setSslConfiguration(config);
        ssl->setHandshakeTimeout(kTlsHandshakeTimeoutMs);
        QObject::connect(ssl, &QSslServer::startedEncryptionHandshake, this,
                         [this](QSslSocket*) { ++m_stats->tlsHandshakes; });
        QObject::connect(ssl, &QSslServer::errorOccurred, this,
                         [this](QSslSocket* socket, QAbstractSocket::SocketError) {
                             if (socket->isEncrypted() || socket->property(kTlsCountedProperty).toBool())
                                 return;
                             socket->setProperty(kTlsCountedProperty, true);
                             ++m_stats->tlsFailures;
                         });
        m_server = ssl;
    }
    // For QSslServer a connection is pending once its handshake has completed.
    QObject::connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] { onNewConnection(); });
}

void HttpServer::onNewConnection() {
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(socket, Connection{});
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void HttpServer::onReadyRead(QTcpSocket* socket) {
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        socket->readAll();
        return;
    }
    Connection& conn = it.value();
    if (conn.stalled || conn.closing) {
        socket->readAll(); // discarded
        return;
    }
    if (conn.arrivedAt == 0)
        conn.arrivedAt = arrivalMs(socket, steadyNowMs());
    conn.buffer += socket->read(kMaxBufferedBytes + 1 - conn.buffer.size());
    if (conn.buffer.size() > kMaxBufferedBytes) {
        // A flood of pipelined requests behind a slow one: drop the client.
        conn.closing = true;
        socket->abort();
        return;
    }
    processBuffer(socket);
}

void HttpServer::processBuffer(QTcpSocket* socket) {
    while (true) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        Connection& conn = it.value();
        if (conn.busy || conn.stalled || conn.closing)
            return;
        qsizetype skip = 0; // robustness: empty lines before a request line are ignored
        while (skip < conn.buffer.size() && (conn.buffer.at(skip) == '\r' || conn.buffer.at(skip) == '\n'))
            ++skip;
        if (skip > 0)
            conn.buffer.remove(0, skip);
        if (conn.buffer.isEmpty())
            return;

        HttpRequest req;
        const ParseOutcome parsed = parseRequest(conn.buffer, &req);
        if (parsed.status == ParseStatus::Incomplete) {
            if (parsed.wantsContinue && !conn.continueSent) {
                conn.continueSent = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        if (parsed.status == ParseStatus::BadRequest || parsed.status == ParseStatus::TooLarge) {
            conn.buffer.clear();
            HttpReply r = m_reject(parsed.status == ParseStatus::TooLarge ? 413 : 400, parsed.reason);
            r.close = true;
            send(socket, r, false);
            return;
        }

        conn.buffer.remove(0, parsed.consumed);
        conn.continueSent = false;
        conn.busy = true;
        const qint64 arrivedAt = conn.arrivedAt != 0 ? conn.arrivedAt : steadyNowMs();
        conn.arrivedAt = 0; // bytes left over (pipelined) count from when they are read
        HttpReply r = m_handler(req, arrivedAt);
        r.close = r.close || !req.keepAlive;
        const bool headOnly = req.method == "HEAD";
        if (r.delayMs > 0) {
            QTimer::singleShot(r.delayMs, Qt::PreciseTimer, socket, [this, socket, r, headOnly] {
                send(socket, r, headOnly);
                processBuffer(socket);
            });
            return;
        }
        send(socket, r, headOnly);
    }
}

void HttpServer::send(QTcpSocket* socket, const HttpReply& r, bool headOnly) {
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection& conn = it.value();
    switch (r.kind) {
    case HttpReply::Kind::Stall:
        conn.stalled = true;
        conn.buffer.clear();
        return;
    case HttpReply::Kind::Reset:
        conn.closing = true;
        socket->abort(); // emits disconnected: `conn` is gone after this
        return;
    case HttpReply::Kind::Truncated: {
        conn.closing = true;
        QByteArray data = head(200, r.contentType, kTruncatedDeclaredLength, false);
        data += r.body.left(kTruncatedSentLength);
        socket->write(data);
        socket->disconnectFromHost();
        return;
    }
    case HttpReply::Kind::Normal:
        break;
    }
    conn.busy = false;
    if (r.close)
        conn.closing = true;
    QByteArray data = head(r.status, r.contentType, r.body.size(), !r.close, r.extraHeaders);
    if (!headOnly)
        data += r.body;
    socket->write(data);
    if (r.close)
        socket->disconnectFromHost();
}

QByteArray HttpServer::head(int status, const QByteArray& contentType, qsizetype contentLength,
                            bool keepAlive, const QByteArray& extraHeaders) const {
    const QByteArray date = QLocale::c().toString(m_now(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1();
    QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    h += "Date: " + date + "\r\n";
    h += "Server: taskwatch-emulator\r\n";
    h += "Content-Type: " + contentType + "\r\n";
    h += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    h += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    h += extraHeaders;
    h += "\r\n";
    return h;
}

} // namespace taskwatch::sim
