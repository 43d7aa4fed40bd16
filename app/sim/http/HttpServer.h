// The emulator's HTTP/1.1 server on 127.0.0.1, plain (QTcpServer) or over TLS (QSslServer, no ALPN):
// keep-alive connections, pipelining, 100-continue, bounded buffers, and the arrival time of each request
// taken from the kernel (Linux TCP_INFO), so that a server that was not scheduled for a while still counts
// requests when they arrived. What each request is answered is the handler's business.
#pragma once

#include "http/HttpReply.h"
#include "http/HttpRequest.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace taskwatch::sim {

struct EmulatorStats;

class HttpServer : public QObject {
public:
    // The answer to one complete request that arrived at `arrivedAtMs` (steady clock).
    using Handler = std::function<HttpReply(const HttpRequest& request, qint64 arrivedAtMs)>;
    // The answer to bytes that are not an acceptable request (status 400 or 413); the connection then closes.
    using RejectHandler = std::function<HttpReply(int status, const QString& reason)>;

    // `stats` receives the TLS handshake counts; `now` is the server's clock (Date header).
    HttpServer(EmulatorStats* stats, std::function<QDateTime()> now, Handler handler, RejectHandler reject);
    ~HttpServer() override;

    // TLS mode from now on (before listen(); the caller checks that).
    void useTls(const QSslCertificate& certificate, const QSslKey& key, const QList<QSslCertificate>& chain);
    bool isTls() const { return m_tls; }

    bool listen(quint16 port, QString* error);
    bool isListening() const;
    quint16 port() const;

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false;         // a request is being answered (possibly later)
        bool stalled = false;      // never answered; input is discarded
        bool closing = false;      // input is ignored, the socket closes after the last write
        bool continueSent = false; // 100 Continue already sent for the pending request
        qint64 arrivedAt = 0;      // when the pending request's first bytes arrived (arrivalMs); 0: none yet
    };

    void createServer();
    void destroyServer();
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void processBuffer(QTcpSocket* socket);
    void send(QTcpSocket* socket, const HttpReply& r, bool headOnly);
    QByteArray head(int status, const QByteArray& contentType, qsizetype contentLength, bool keepAlive,
                    const QByteArray& extraHeaders = {}) const;

    EmulatorStats* m_stats;
    std::function<QDateTime()> m_now;
    Handler m_handler;
    RejectHandler m_reject;
    QTcpServer* m_server = nullptr;
    bool m_tls = false;
    QSslCertificate m_tlsCertificate;
    QSslKey m_tlsKey;
    QList<QSslCertificate> m_tlsChain;
    QHash<QTcpSocket*, Connection> m_connections;
};

} // namespace taskwatch::sim
