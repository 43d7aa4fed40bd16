#include "Emulator.h"
#include "Clock.h"

#include "api/Regions.h"
#include "api/Signer.h"
#include "platform/QtCompat.h"
#include "task/TextBounds.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <deque>
#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace taskwatch::sim {

namespace {
constexpr char kActionName[] = "DescribeAsyncRequestInfo";
constexpr char kTasksAction[] = "DescribeTasks";
constexpr char kInstancesAction[] = "DescribeDBInstances";
constexpr int kDefaultAsyncLimit = 40;
constexpr int kDefaultListLimit = 50;
constexpr qint64 kTasksDefaultLimit = 20;
constexpr qint64 kTasksMaxLimit = 100;
constexpr qint64 kInstancesDefaultLimit = 20;
constexpr qint64 kInstancesMaxLimit = 2000;
constexpr qint64 kMaxOffset = 1000 * 1000 * 1000;
constexpr qsizetype kMaxFilterValues = 1000;
constexpr qsizetype kMaxActionNamesCounted = 256;
// The vendor's DescribeTasks times carry no zone: they are China Standard Time (UTC+8).
constexpr qint64 kVendorTimeOffsetSecs = 8 * 3600;
constexpr char kVersionName[] = "2017-03-20";
constexpr qint64 kSignatureWindowSecs = 300;
constexpr qint64 kRateWindowMs = 1000;
constexpr qint64 kMaxArrivalAgeMs = 10000; // an older arrival is taken as this old (a bound, not expected)
constexpr qsizetype kMaxArrivalsKept = 1000 * 1000;
constexpr qsizetype kMaxBufferedBytes = 4 * (Emulator::kMaxHeaderBytes + Emulator::kMaxBodyBytes);
constexpr int kMaxConnections = 512;
constexpr int kTruncatedDeclaredLength = 500;
constexpr int kTruncatedSentLength = 20;
constexpr qsizetype kHugeInfoChars = 2 * 1024 * 1024;
constexpr qsizetype kMaxEchoChars = 64; // untrusted request text quoted back in error messages
constexpr int kTlsHandshakeTimeoutMs = 10000;
constexpr qint64 kMaxPemBytes = 1024 * 1024;
constexpr char kTlsCountedProperty[] = "taskwatch_tls_failure_counted";

// Arrival times in a sliding window, kept sorted: requests on different connections may be handled in
// another order than they arrived (their arrival is the kernel's, see arrivalMs). Inserts `t`, forgets what
// no window of interest holds any more, and returns the most arrivals in any kRateWindowMs window holding t.
int insertArrival(std::deque<qint64>& window, qint64 t) {
    window.insert(std::upper_bound(window.begin(), window.end(), t), t);
    while (!window.empty() && window.front() <= window.back() - 2 * kRateWindowMs)
        window.pop_front();
    int most = 0;
    for (auto end = std::lower_bound(window.begin(), window.end(), t);
         end != window.end() && *end < t + kRateWindowMs; ++end) {
        const auto begin = std::upper_bound(window.begin(), end, *end - kRateWindowMs);
        most = std::max(most, int(end - begin) + 1);
    }
    return most;
}

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

bool isToken(const QByteArray& s) {
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

bool isLowerHex(const QByteArray& s) {
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
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

bool constantTimeEquals(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString echo(const QByteArray& untrusted) {
    QString text = QString::fromUtf8(untrusted.left(kMaxEchoChars));
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QChar(u'?');
    }
    return text;
}

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

// Headers that must appear at most once (a second copy is answered 400).
bool isSingletonHeader(const QByteArray& name) {
    return name == "host" || name == "content-length" || name == "content-type" || name == "authorization" ||
           name == "transfer-encoding" || name.startsWith("x-tc-");
}

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

bool validRequestLine(const QByteArray& line, HttpRequest* req) {
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
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

// Parses one request from the front of `buffer` (leading empty lines already removed).
ParseOutcome parseRequest(const QByteArray& buffer, HttpRequest* req) {
    ParseOutcome out;
    const auto bad = [&](const char* why) {
        out.status = ParseStatus::BadRequest;
        out.reason = QString::fromLatin1(why);
        return out;
    };

    // Reject garbage as early as possible: the method must be a token followed by a space.
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        const char c = buffer.at(i);
        if (c == ' ') {
            if (i == 0)
                return bad("The request line is malformed.");
            break;
        }
        if (!isTchar(c))
            return bad("The request line is malformed.");
    }
    const qsizetype firstLineEnd = buffer.indexOf('\n');
    if (firstLineEnd >= 0) {
        QByteArray line = buffer.left(firstLineEnd);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!validRequestLine(line, nullptr))
            return bad("The request line is malformed.");
    }

    qsizetype headerEnd = -1; // index of the first body byte
    {
        const qsizetype crlf = buffer.indexOf("\r\n\r\n");
        const qsizetype lf = buffer.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf + 1 < lf))
            headerEnd = crlf + 4;
        else if (lf >= 0)
            headerEnd = lf + 2;
    }
    if (headerEnd < 0) {
        if (buffer.size() > Emulator::kMaxHeaderBytes) {
            out.status = ParseStatus::BadRequest;
            out.reason =
                QStringLiteral("The request headers exceed %1 bytes.").arg(Emulator::kMaxHeaderBytes);
        }
        return out; // Incomplete
    }
    if (headerEnd > Emulator::kMaxHeaderBytes) {
        out.status = ParseStatus::BadRequest;
        out.reason = QStringLiteral("The request headers exceed %1 bytes.").arg(Emulator::kMaxHeaderBytes);
        return out;
    }

    QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (QByteArray& line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || !validRequestLine(lines.first(), req))
        return bad("The request line is malformed.");

    req->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (line.isEmpty() || line.at(0) == ' ' || line.at(0) == '\t')
            return bad("Obsolete header line folding is not accepted.");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return bad("A header line has no name.");
        const QByteArray name = line.left(colon).toLower();
        if (!isToken(name))
            return bad("A header name is malformed.");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isFieldValue(value))
            return bad("A header value contains control characters.");
        const auto it = req->headers.find(name);
        if (it != req->headers.end()) {
            if (isSingletonHeader(name))
                return bad("A header that must appear once appears twice.");
            it.value() += ", " + value;
        } else {
            req->headers.insert(name, value);
        }
    }

    if (req->headers.contains("transfer-encoding"))
        return bad("Transfer-Encoding is not supported; send Content-Length.");
    if (req->version == "HTTP/1.1" && !req->headers.contains("host"))
        return bad("HTTP/1.1 requests need a Host header.");

    qint64 contentLength = 0;
    if (req->headers.contains("content-length")) {
        const QByteArray value = req->headers.value("content-length");
        if (value.isEmpty() || value.size() > 18)
            return bad("Content-Length is malformed.");
        for (char c : value) {
            if (c < '0' || c > '9')
                return bad("Content-Length is malformed.");
        }
        contentLength = value.toLongLong();
    }
    if (contentLength > Emulator::kMaxBodyBytes) {
        out.status = ParseStatus::TooLarge;
        out.reason = QStringLiteral("The request body exceeds %1 bytes.").arg(Emulator::kMaxBodyBytes);
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

struct AuthParts {
    QByteArray secretId;
    QByteArray date;
    QByteArray service;
    QByteArray signedHeaders;
    QByteArray signature;
};

// `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=hex`
bool parseAuthorization(const QByteArray& value, AuthParts* out) {
    static const QByteArray prefix = "TC3-HMAC-SHA256 ";
    if (!value.startsWith(prefix))
        return false;
    const QList<QByteArray> fields = value.mid(prefix.size()).split(',');
    if (fields.size() != 3)
        return false;
    QHash<QByteArray, QByteArray> kv;
    for (const QByteArray& raw : fields) {
        const QByteArray field = raw.trimmed();
        const qsizetype eq = field.indexOf('=');
        if (eq <= 0)
            return false;
        const QByteArray key = field.left(eq);
        if (kv.contains(key))
            return false;
        kv.insert(key, field.mid(eq + 1));
    }
    if (!kv.contains("Credential") || !kv.contains("SignedHeaders") || !kv.contains("Signature"))
        return false;
    const QList<QByteArray> scope = kv.value("Credential").split('/');
    if (scope.size() != 4 || scope[3] != "tc3_request")
        return false;
    for (const QByteArray& part : scope) {
        if (part.isEmpty())
            return false;
    }
    const QByteArray signature = kv.value("Signature").toLower();
    if (signature.size() != 64 || !isLowerHex(signature))
        return false;
    const QByteArray signedHeaders = kv.value("SignedHeaders");
    for (const QByteArray& name : signedHeaders.split(';')) {
        if (!isToken(name))
            return false;
    }
    out->secretId = scope[0];
    out->date = scope[1];
    out->service = scope[2];
    out->signedHeaders = signedHeaders;
    out->signature = kv.value("Signature");
    return true;
}

QString faultName(Fault fault) {
    switch (fault) {
    case Fault::None:
        return QStringLiteral("None");
    case Fault::Http502Html:
        return QStringLiteral("Http502Html");
    case Fault::Http500Json:
        return QStringLiteral("Http500Json");
    case Fault::MalformedJson:
        return QStringLiteral("MalformedJson");
    case Fault::EmptyBody:
        return QStringLiteral("EmptyBody");
    case Fault::TruncatedBody:
        return QStringLiteral("TruncatedBody");
    case Fault::ConnectionReset:
        return QStringLiteral("ConnectionReset");
    case Fault::Stall:
        return QStringLiteral("Stall");
    case Fault::HugeInfo:
        return QStringLiteral("HugeInfo");
    case Fault::HostileInfo:
        return QStringLiteral("HostileInfo");
    }
    return QStringLiteral("Unknown");
}

QString hostileInfo() {
    QString text = QStringLiteral("Hostile info: ");
    for (char16_t c = 0; c < 0x20; ++c)
        text += QChar(c);
    text += QStringLiteral(" bidi:") + QChar(0x202E) + QStringLiteral("gnp.exe") + QChar(0x202C) +
            QChar(0x2066) + QStringLiteral("isolate") + QChar(0x2069);
    text += QStringLiteral(" formats: %s %n %1 %2 %% {0} ${HOME} \\x1b[31m <b>bold</b>");
    text += QChar(0x7f);
    text += QChar(0xFEFF);
    return text;
}

QString hugeInfo() {
    const QString unit = QStringLiteral("Modify parameters: innodb_buffer_pool_size progress ... ");
    QString text;
    text.reserve(kHugeInfoChars);
    while (text.size() + unit.size() <= kHugeInfoChars)
        text += unit;
    text += QString(kHugeInfoChars - text.size(), QChar(u'x'));
    return text;
}

TimelineStep step(qint64 afterMs, std::optional<QString> status, std::optional<QString> info) {
    TimelineStep s;
    s.afterMs = afterMs;
    s.status = std::move(status);
    s.info = std::move(info);
    return s;
}

// The vendor's zone-less `YYYY-MM-DD HH:MM:SS` (UTC+8) of a UTC moment, and back (invalid when malformed).
QString vendorTime(const QDateTime& utc) {
    return QLocale::c().toString(utc.toUTC().addSecs(kVendorTimeOffsetSecs), u"yyyy-MM-dd HH:mm:ss");
}

QDateTime parseVendorTime(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    return compat::utcDateTime(date, time).addSecs(-kVendorTimeOffsetSecs);
}

bool isTerminalWord(const QString& status) {
    return status == QLatin1String("SUCCESS") || status == QLatin1String("SUCCEED") ||
           status == QLatin1String("FAILED") || status == QLatin1String("KILLED") ||
           status == QLatin1String("REMOVED");
}

// DescribeTasks' TaskStatus numbers (request filter) -> the words it lists.
QString taskStatusWord(qint64 number) {
    switch (number) {
    case -1:
        return QStringLiteral("UNDEFINED");
    case 0:
        return QStringLiteral("INITIAL");
    case 1:
        return QStringLiteral("RUNNING");
    case 2:
        return QStringLiteral("SUCCEED");
    case 3:
        return QStringLiteral("FAILED");
    case 4:
        return QStringLiteral("KILLED");
    case 5:
        return QStringLiteral("REMOVED");
    case 6:
        return QStringLiteral("PAUSED");
    default:
        return {};
    }
}

// DescribeTasks' TaskTypes numbers -> TaskType strings (4 is not used by the vendor).
QString taskTypeWord(qint64 number) {
    switch (number) {
    case 1:
        return QStringLiteral("ROLLBACK");
    case 2:
        return QStringLiteral("SQL OPERATION");
    case 3:
        return QStringLiteral("IMPORT DATA");
    case 5:
        return QStringLiteral("MODIFY PARAM");
    case 6:
        return QStringLiteral("INITIAL");
    case 7:
        return QStringLiteral("REBOOT");
    case 8:
        return QStringLiteral("OPEN GTID");
    case 9:
        return QStringLiteral("UPGRADE RO");
    case 10:
        return QStringLiteral("BATCH ROLLBACK");
    case 11:
        return QStringLiteral("UPGRADE MASTER");
    case 12:
        return QStringLiteral("DROP TABLES");
    case 13:
        return QStringLiteral("SWITCH DR TO MASTER");
    default:
        return {};
    }
}

int derivedProgress(const std::optional<QString>& status) {
    if (!status)
        return 0;
    if (isTerminalWord(*status))
        return 100;
    if (*status == QLatin1String("INITIAL") || *status == QLatin1String("WAITING") ||
        *status == QLatin1String("UNDEFINED"))
        return 0;
    return 50;
}

// A whole JSON number within [min, max].
bool integerParam(const QJsonValue& value, qint64 min, qint64 max, qint64* out) {
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        return false;
    *out = qint64(d);
    return true;
}

// A JSON array of at most kMaxFilterValues whole numbers.
bool integerListParam(const QJsonValue& value, QList<qint64>* out) {
    if (!value.isArray() || value.toArray().size() > kMaxFilterValues)
        return false;
    for (const QJsonValue& v : value.toArray()) {
        qint64 n = 0;
        if (!integerParam(v, INT_MIN, INT_MAX, &n))
            return false;
        out->append(n);
    }
    return true;
}

bool stringListParam(const QJsonValue& value, QStringList* out) {
    if (!value.isArray() || value.toArray().size() > kMaxFilterValues)
        return false;
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isString())
            return false;
        out->append(v.toString());
    }
    return true;
}

// The malformed DescribeTasks items of setMalformedTaskItems(), by index.
QJsonValue malformedTaskItem(int index) {
    switch (index % 5) {
    case 0:
        return QJsonObject{{QStringLiteral("Code"), 0},
                           {QStringLiteral("Message"), QString()},
                           {QStringLiteral("JobId"), QStringLiteral("not-a-number")},
                           {QStringLiteral("Progress"), QStringLiteral("half")},
                           {QStringLiteral("TaskStatus"), QStringLiteral("RUNNING")},
                           {QStringLiteral("TaskType"), QStringLiteral("MODIFY PARAM")},
                           {QStringLiteral("StartTime"), QStringLiteral("2024-05-11 03:00:00")},
                           {QStringLiteral("EndTime"), QString()},
                           {QStringLiteral("InstanceIds"), QStringLiteral("cdb-notarray")},
                           {QStringLiteral("AsyncRequestId"), QStringLiteral("not an id")},
                           {QStringLiteral("TaskAttachInfo"), QStringLiteral("not an array")}};
    case 1:
        return QStringLiteral("this item is not an object");
    case 2:
        return QJsonObject{{QStringLiteral("Code"), QStringLiteral("zero")},
                           {QStringLiteral("JobId"), -7},
                           {QStringLiteral("Progress"), 1e9},
                           {QStringLiteral("TaskStatus"), 2},
                           {QStringLiteral("TaskType"), QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("StartTime"), QStringLiteral("yesterday")},
                           {QStringLiteral("EndTime"), 17},
                           {QStringLiteral("InstanceIds"), QJsonArray{1, QJsonValue(QJsonValue::Null)}},
                           {QStringLiteral("AsyncRequestId"), 12345},
                           {QStringLiteral("TaskAttachInfo"), QJsonArray{QStringLiteral("x")}}};
    case 3:
        return QJsonValue(QJsonValue::Null);
    default:
        return QJsonObject{};
    }
}

TimelineStep errorStep(qint64 afterMs, const QString& code, const QString& message) {
    TimelineStep s;
    s.afterMs = afterMs;
    s.errorCode = code;
    s.errorMessage = message;
    return s;
}
} // namespace

struct KeyStats {
    int requests = 0;
    int maxInAnyWindow = 0;
    std::deque<qint64> window; // arrival times, sorted (insertArrival)
    QSet<QString> taskIds;     // ids queried with a valid signature of this key
};

struct Emulator::Private {
    struct Credentials {
        QString key;
        QString token;
    };
    struct TaskRuntime {
        int polls = 0;
        int faultsServed = 0;
        QElapsedTimer sinceFirstQuery; // started by the first query of either action
        QDateTime firstQueryAt;        // server clock, UTC
    };
    struct Connection {
        QByteArray buffer;
        bool busy = false;         // a request is being answered (possibly later)
        bool stalled = false;      // never answered; input is discarded
        bool closing = false;      // input is ignored, the socket closes after the last write
        bool continueSent = false; // 100 Continue already sent for the pending request
        qint64 arrivedAt = 0;      // when the pending request's first bytes arrived (arrivalMs); 0: none yet
    };
    struct Reply {
        enum class Kind { Normal, Reset, Stall, Truncated } kind = Kind::Normal;
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QByteArray extraHeaders; // complete header lines ("Name: value\r\n")
        int delayMs = 0;
        bool close = false;
    };

    Emulator* q;
    QTcpServer* server = nullptr;
    QString errorString;
    bool tls = false;
    QSslCertificate tlsCertificate;
    QSslKey tlsKey;
    QList<QSslCertificate> tlsChain;
    QHash<QString, Credentials> credentials;
    QHash<QString, ScriptedTask> tasks;
    QHash<QString, TaskRuntime> runtime;
    std::optional<QList<TimelineStep>> defaultTimeline;
    qint64 clockOffset = 0;
    QHash<QString, int> actionLimits{{QString::fromLatin1(kActionName), kDefaultAsyncLimit},
                                     {QString::fromLatin1(kTasksAction), kDefaultListLimit},
                                     {QString::fromLatin1(kInstancesAction), kDefaultListLimit}};
    QHash<QString, QPair<QString, QString>> actionErrors; // action -> (code, message)
    QStringList unsupportedRegions;
    int malformedTaskItems = 0;
    QList<EmulatedInstance> instances;
    QHash<QString, int> requestsByAction;
    QHash<QString, KeyStats> keyActionStats; // "SecretId\nAction"
    QString forcedCode;
    QString forcedMessage;
    int forcedHttpStatus = 0; // non-zero: answer every request with this HTTP status
    QByteArray forcedLocation;
    // Per SecretId, as the vendor limits each account: arrival times of requests not rate limited (last
    // 1000 ms), and what each key sent.
    QHash<QString, std::deque<qint64>> acceptedByKey;
    QHash<QString, KeyStats> keyStats;
    std::deque<qint64> arrivalWindow; // arrival times of every request, sorted (insertArrival)
    QList<qint64> arrivals;
    QHash<QByteArray, QByteArray> lastHeaders;
    QByteArray lastBody;
    QHash<QTcpSocket*, Connection> connections;

    explicit Private(Emulator* owner)
        : q(owner) {}

    QDateTime serverNow() const { return QDateTime::currentDateTimeUtc().addSecs(clockOffset); }

    QByteArray httpDate() const {
        return QLocale::c().toString(serverNow(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1();
    }

    static QByteArray newRequestId() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

    static QByteArray envelope(QJsonObject response) {
        response.insert(QStringLiteral("RequestId"), QString::fromLatin1(newRequestId()));
        return QJsonDocument(QJsonObject{{QStringLiteral("Response"), response}})
            .toJson(QJsonDocument::Compact);
    }

    // The same JSON envelope with a scripted RequestId (bodies that are not an envelope stay as they are).
    static QByteArray withRequestId(const QByteArray& body, const QString& requestId) {
        QJsonObject root = QJsonDocument::fromJson(body).object();
        if (!root.value(QStringLiteral("Response")).isObject())
            return body;
        QJsonObject response = root.value(QStringLiteral("Response")).toObject();
        response.insert(QStringLiteral("RequestId"), requestId);
        root.insert(QStringLiteral("Response"), response);
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    }

    static QByteArray errorBody(const QString& code, const QString& message) {
        return envelope(
            QJsonObject{{QStringLiteral("Error"),
                         QJsonObject{{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}}}});
    }

    static QByteArray successBody(const std::optional<QString>& status, const std::optional<QString>& info) {
        return envelope(QJsonObject{
            {QStringLiteral("Status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("Info"), info ? QJsonValue(*info) : QJsonValue(QJsonValue::Null)}});
    }

    Reply apiError(const QString& code, const QString& message, QString* outcome) {
        if (code.startsWith(QLatin1String("AuthFailure")))
            ++q->m_stats.authFailures;
        if (code == QLatin1String("RequestLimitExceeded"))
            ++q->m_stats.rateLimited;
        *outcome = code;
        Reply r;
        r.body = errorBody(code, message);
        return r;
    }

    // The SecretId a request claims (Authorization: TC3-HMAC-SHA256 Credential=AKID/date/...), unverified.
    static QString claimedSecretId(const HttpRequest& req) {
        const QByteArray auth = req.header("authorization");
        const qsizetype at = auth.indexOf("Credential=");
        if (at < 0)
            return {};
        const qsizetype start = at + 11;
        const qsizetype end = auth.indexOf('/', start);
        return end < 0 ? QString()
                       : QString::fromUtf8(auth.mid(start, std::min<qsizetype>(end - start, 128)));
    }

    static bool isServedAction(const QString& action) {
        return action == QLatin1String(kActionName) || action == QLatin1String(kTasksAction) ||
               action == QLatin1String(kInstancesAction);
    }
    // The rate-limit window of an action: its own for the served ones; any other shares
    // DescribeAsyncRequestInfo's (as before the emulator served more than one action).
    static QString rateBucket(const QString& action) {
        return isServedAction(action) ? action : QString::fromLatin1(kActionName);
    }
    static QString keyActionKey(const QString& key, const QString& action) {
        return key + QLatin1Char('\n') + action;
    }

    // Records an arrival at `now` (arrivalMs); returns false when the request is over its key's rate limit
    // for its action's bucket.
    bool admit(const QString& key, const QString& action, qint64 now) {
        const QString bucket = rateBucket(action);
        if (requestsByAction.contains(action) || requestsByAction.size() < kMaxActionNamesCounted)
            ++requestsByAction[action];
        ++q->m_stats.requests;
        if (arrivals.size() < kMaxArrivalsKept)
            arrivals.insert(std::upper_bound(arrivals.begin(), arrivals.end(), now), now);
        q->m_stats.maxInAnyWindow = std::max(q->m_stats.maxInAnyWindow, insertArrival(arrivalWindow, now));

        KeyStats& ks = keyStats[key];
        ++ks.requests;
        ks.maxInAnyWindow = std::max(ks.maxInAnyWindow, insertArrival(ks.window, now));

        KeyStats& ka = keyActionStats[keyActionKey(key, bucket)];
        ++ka.requests;
        ka.maxInAnyWindow = std::max(ka.maxInAnyWindow, insertArrival(ka.window, now));

        // Admitted only when no window of kRateWindowMs holding this arrival would hold more than `limit`
        // admitted ones: requests on different connections may be handled out of arrival order, and a
        // later arrival handled first must still count against an earlier one handled after it.
        std::deque<qint64>& accepted = acceptedByKey[keyActionKey(key, bucket)];
        const int limit = actionLimits.value(bucket);
        if (insertArrival(accepted, now) > limit && limit > 0) {
            if (const auto it = std::lower_bound(accepted.begin(), accepted.end(), now);
                it != accepted.end() && *it == now)
                accepted.erase(it); // refused: not counted as admitted
            return false;
        }
        return true;
    }

    static const TimelineStep* currentStep(const QList<TimelineStep>& steps, int earlierPolls,
                                           qint64 elapsedMs) {
        const TimelineStep* current = nullptr;
        for (const TimelineStep& s : steps) {
            if (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)
                current = &s;
        }
        if (!current && !steps.isEmpty())
            current = &steps.first();
        return current;
    }

    static bool isWellFormedId(const QString& id) {
        if (id.isEmpty() || id.size() > 128)
            return false;
        for (QChar c : id) {
            if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-'))
                return false;
        }
        return true;
    }

    // Verifies TC3 the way the vendor does. Returns the error code (empty = verified) and its message.
    QString verifyAuth(const HttpRequest& req, QString* message) {
        AuthParts auth;
        if (!parseAuthorization(req.header("authorization"), &auth)) {
            *message = QStringLiteral("The Authorization header is missing or malformed; expected "
                                      "`TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.");
            return QStringLiteral("AuthFailure.InvalidAuthorization");
        }
        const auto cred = credentials.constFind(QString::fromUtf8(auth.secretId));
        if (cred == credentials.constEnd()) {
            *message =
                QStringLiteral("The SecretId is not found, please ensure that your SecretId is correct.");
            return QStringLiteral("AuthFailure.SecretIdNotFound");
        }
        const QByteArray tsText = req.header("x-tc-timestamp");
        bool tsOk = !tsText.isEmpty() && tsText.size() <= 12;
        for (char c : tsText)
            tsOk = tsOk && c >= '0' && c <= '9';
        if (!tsOk) {
            *message = QStringLiteral("The X-TC-Timestamp header is missing or not a Unix time in seconds.");
            return QStringLiteral("AuthFailure.InvalidAuthorization");
        }
        const qint64 timestamp = tsText.toLongLong();
        const qint64 now = serverNow().toSecsSinceEpoch();
        if (std::abs(timestamp - now) > kSignatureWindowSecs) {
            *message =
                QStringLiteral("Signature expired. Timestamp and server time cannot differ by more than 5 "
                               "minutes (request %1, server %2).")
                    .arg(timestamp)
                    .arg(now);
            return QStringLiteral("AuthFailure.SignatureExpire");
        }
        const QList<QByteArray> signedNames = auth.signedHeaders.split(';');
        if (!signedNames.contains("content-type") || !signedNames.contains("host")) {
            *message = QStringLiteral("SignedHeaders must include content-type and host.");
            return QStringLiteral("AuthFailure.InvalidAuthorization");
        }
        if (auth.date != Signer::utcDate(timestamp)) {
            *message = QStringLiteral("The credential date must be the UTC date of X-TC-Timestamp.");
            return QStringLiteral("AuthFailure.SignatureFailure");
        }
        if (auth.service != "cdb") {
            *message = QStringLiteral("The credential scope names the wrong service.");
            return QStringLiteral("AuthFailure.SignatureFailure");
        }

        SignInput in;
        in.method = req.method;
        in.host = req.header("host");
        in.contentType = req.header("content-type");
        in.payload = req.body;
        in.service = auth.service;
        in.timestamp = timestamp;
        for (const QByteArray& name : signedNames) {
            if (name == "content-type" || name == "host")
                continue;
            if (!req.headers.contains(name)) {
                *message = QStringLiteral("A signed header is missing from the request.");
                return QStringLiteral("AuthFailure.SignatureFailure");
            }
            in.extraHeaders.append({name, req.headers.value(name)});
        }
        const SignOutput expected = Signer::sign(in, QString::fromUtf8(auth.secretId), cred->key);
        if (expected.signedHeaders != auth.signedHeaders ||
            !constantTimeEquals(expected.signature, auth.signature)) {
            *message = QStringLiteral("The provided credentials could not be validated. Please check your "
                                      "signature is correct.");
            return QStringLiteral("AuthFailure.SignatureFailure");
        }

        const bool tokenSent = req.headers.contains("x-tc-token");
        const QString token = QString::fromUtf8(req.header("x-tc-token"));
        if (!cred->token.isEmpty() ? token != cred->token : (tokenSent && !token.isEmpty())) {
            *message = QStringLiteral("The token is invalid or expired.");
            return QStringLiteral("AuthFailure.TokenFailure");
        }
        return {};
    }

    Reply faultReply(Fault fault, const TimelineStep* current, QString* outcome) {
        *outcome = QStringLiteral("fault:") + faultName(fault);
        Reply r;
        const std::optional<QString> status = current && current->errorCode.isEmpty()
                                                  ? current->status
                                                  : std::optional<QString>(QStringLiteral("RUNNING"));
        switch (fault) {
        case Fault::None:
            break;
        case Fault::Http502Html:
            r.status = 502;
            r.contentType = "text/html";
            r.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                     "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>stgw</center>\r\n"
                     "</body>\r\n</html>\r\n";
            break;
        case Fault::Http500Json:
            r.status = 500;
            r.body = errorBody(QStringLiteral("InternalError"),
                               QStringLiteral("An internal error has occurred. Retry your request."));
            break;
        case Fault::MalformedJson:
            r.body = R"({"Response": {"Status": "RUN)";
            break;
        case Fault::EmptyBody:
            r.body.clear();
            break;
        case Fault::TruncatedBody:
            r.kind = Reply::Kind::Truncated;
            r.body = successBody(status, QStringLiteral("This body is cut short by the emulator."));
            break;
        case Fault::ConnectionReset:
            r.kind = Reply::Kind::Reset;
            break;
        case Fault::Stall:
            r.kind = Reply::Kind::Stall;
            break;
        case Fault::HugeInfo:
            r.body = successBody(status, hugeInfo());
            break;
        case Fault::HostileInfo:
            r.body = successBody(status, hostileInfo());
            break;
        }
        return r;
    }

    Reply handle(const HttpRequest& req, qint64 arrivedAt, QString* taskId, QString* outcome) {
        lastHeaders = req.headers;
        lastBody = req.body;
        const QString claimedKey = claimedSecretId(req);
        const QByteArray action = req.header("x-tc-action");
        const QString actionName = QString::fromUtf8(action.left(kMaxEchoChars));
        if (!admit(claimedKey, actionName, arrivedAt))
            return apiError(
                QStringLiteral("RequestLimitExceeded"),
                QStringLiteral("Your current request times exceeds the frequency limit `%1` for a "
                               "second. Please reduce the frequency of calls.")
                    .arg(actionLimits.value(rateBucket(actionName))),
                outcome);
        if (forcedHttpStatus != 0) {
            *outcome = QStringLiteral("http:%1").arg(forcedHttpStatus);
            Reply r;
            r.status = forcedHttpStatus;
            r.contentType = "text/html";
            r.body = "<html><body><h1>" + QByteArray::number(forcedHttpStatus) + ' ' +
                     reasonPhrase(forcedHttpStatus) + "</h1></body></html>\r\n";
            if (!forcedLocation.isEmpty())
                r.extraHeaders += "Location: " + forcedLocation + "\r\n";
            if (forcedHttpStatus == 407)
                r.extraHeaders += "Proxy-Authenticate: Basic realm=\"emulated proxy\"\r\n";
            if (forcedHttpStatus == 401)
                r.extraHeaders += "WWW-Authenticate: Basic realm=\"emulated gateway\"\r\n";
            return r;
        }
        if (!forcedCode.isEmpty())
            return apiError(
                forcedCode,
                forcedMessage.isEmpty() ? QStringLiteral("Forced by the emulator.") : forcedMessage, outcome);
        if (req.method != "POST")
            return apiError(QStringLiteral("UnsupportedProtocol"),
                            QStringLiteral("The request method `%1` is not supported; use POST with "
                                           "TC3-HMAC-SHA256.")
                                .arg(echo(req.method)),
                            outcome);
        if (req.target != "/")
            return apiError(
                QStringLiteral("UnsupportedProtocol"),
                QStringLiteral("The request URI `%1` is not supported; use `/`.").arg(echo(req.target)),
                outcome);
        if (action.isEmpty())
            return apiError(QStringLiteral("MissingParameter"),
                            QStringLiteral("The request is missing a required parameter `Action`."), outcome);
        if (!isServedAction(QString::fromUtf8(action)))
            return apiError(QStringLiteral("InvalidAction"),
                            QStringLiteral("The requested action `%1` does not exist.").arg(echo(action)),
                            outcome);
        const QByteArray version = req.header("x-tc-version");
        if (version.isEmpty())
            return apiError(QStringLiteral("MissingParameter"),
                            QStringLiteral("The request is missing a required parameter `Version`."),
                            outcome);
        if (version != kVersionName)
            return apiError(QStringLiteral("NoSuchVersion"),
                            QStringLiteral("The API version `%1` does not exist.").arg(echo(version)),
                            outcome);

        QString message;
        const QString authError = verifyAuth(req, &message);
        if (!authError.isEmpty())
            return apiError(authError, message, outcome);

        const QByteArray regionBytes = req.header("x-tc-region");
        if (regionBytes.isEmpty())
            return apiError(QStringLiteral("MissingParameter"),
                            QStringLiteral("The request is missing a required parameter `Region`."), outcome);
        const QString region = QString::fromUtf8(regionBytes);
        if (region.size() > 64 || !isWellFormedId(region))
            return apiError(QStringLiteral("UnsupportedRegion"),
                            QStringLiteral("The region `%1` is not supported.").arg(echo(regionBytes)),
                            outcome);

        const auto actionError = actionErrors.constFind(actionName);
        if (actionError != actionErrors.constEnd())
            return apiError(actionError->first,
                            actionError->second.isEmpty() ? QStringLiteral("Forced by the emulator.")
                                                          : actionError->second,
                            outcome);
        if (actionName != QLatin1String(kActionName) && unsupportedRegions.contains(region))
            return apiError(QStringLiteral("UnsupportedRegion"),
                            QStringLiteral("The region `%1` is not supported.").arg(region), outcome);

        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return apiError(QStringLiteral("InvalidParameter"),
                            QStringLiteral("The request body is not a JSON object."), outcome);
        const QJsonObject params = doc.object();
        if (actionName == QLatin1String(kTasksAction))
            return describeTasks(params, claimedKey, region, outcome);
        if (actionName == QLatin1String(kInstancesAction))
            return describeInstances(params, claimedKey, region, outcome);
        for (auto it = params.begin(); it != params.end(); ++it) {
            if (it.key() != QLatin1String("AsyncRequestId"))
                return apiError(
                    QStringLiteral("UnknownParameter"),
                    QStringLiteral("The parameter `%1` is not recognized.").arg(echo(it.key().toUtf8())),
                    outcome);
        }
        const QJsonValue idValue = params.value(QStringLiteral("AsyncRequestId"));
        if (idValue.isUndefined())
            return apiError(QStringLiteral("MissingParameter"),
                            QStringLiteral("The request is missing a required parameter `AsyncRequestId`."),
                            outcome);
        if (!idValue.isString())
            return apiError(QStringLiteral("InvalidParameterValue"),
                            QStringLiteral("The value of parameter `AsyncRequestId` must be a string."),
                            outcome);

        const QString id = idValue.toString().toLower();
        *taskId = id;
        keyStats[claimedKey].taskIds.insert(id); // verified by now
        const auto notFound = [&] {
            return apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"),
                            QStringLiteral("The async task does not exist."), outcome);
        };
        auto task = tasks.constFind(id);
        if (task == tasks.constEnd()) {
            if (!defaultTimeline || !isWellFormedId(id))
                return notFound();
            ScriptedTask generated;
            generated.id = id;
            generated.steps = *defaultTimeline;
            task = tasks.insert(id, generated);
        }
        if (!task->region.isEmpty() && task->region != region)
            return notFound();
        if (task->listWithoutAsyncId || (!task->owner.isEmpty() && task->owner != claimedKey))
            return notFound();

        TaskRuntime& rt = startRuntime(id);
        const int earlierPolls = rt.polls++;
        const TimelineStep* current =
            task->startedAt.isValid() ? currentStep(task->steps, INT_MAX, sinceStartMs(*task))
                                      : currentStep(task->steps, earlierPolls, rt.sinceFirstQuery.elapsed());

        Reply r;
        if (task->fault != Fault::None && (task->faultTimes < 0 || rt.faultsServed < task->faultTimes)) {
            ++rt.faultsServed;
            r = faultReply(task->fault, current, outcome);
        } else if (current && !current->errorCode.isEmpty()) {
            r = apiError(current->errorCode, current->errorMessage, outcome);
        } else if (current) {
            *outcome = current->status.value_or(QStringLiteral("null"));
            r.body = successBody(current->status, current->info);
        } else {
            *outcome = QStringLiteral("null");
            r.body = successBody(std::nullopt, std::nullopt);
        }
        if (current && !current->requestId.isEmpty() && r.kind == Reply::Kind::Normal)
            r.body = withRequestId(r.body, current->requestId);
        r.delayMs = task->delayMs;
        return r;
    }

    TaskRuntime& startRuntime(const QString& id) {
        TaskRuntime& rt = runtime[id];
        if (!rt.sinceFirstQuery.isValid()) {
            rt.sinceFirstQuery.start();
            rt.firstQueryAt = serverNow();
        }
        return rt;
    }

    qint64 sinceStartMs(const ScriptedTask& task) const { return task.startedAt.msecsTo(serverNow()); }

    // The step DescribeTasks lists: the last current one that is not an error step.
    static const TimelineStep* listedStep(const QList<TimelineStep>& steps, int earlierPolls,
                                          qint64 elapsedMs) {
        const TimelineStep* current = nullptr;
        for (const TimelineStep& s : steps) {
            if (s.errorCode.isEmpty() &&
                (current == nullptr || (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)))
                current = &s;
        }
        return current;
    }

    Reply invalidParameter(const QString& message, QString* outcome) {
        return apiError(QStringLiteral("InvalidParameter"), message, outcome);
    }

    // Validates the paging fields shared by both list actions.
    bool pagingParams(const QJsonObject& params, qint64 defaultLimit, qint64 maxLimit, qint64* offset,
                      qint64* limit, QString* message) const {
        *offset = 0;
        *limit = defaultLimit;
        if (params.contains(QStringLiteral("Offset")) &&
            !integerParam(params.value(QStringLiteral("Offset")), 0, kMaxOffset, offset)) {
            *message = QStringLiteral("The parameter `Offset` must be a whole number from 0.");
            return false;
        }
        if (params.contains(QStringLiteral("Limit")) &&
            !integerParam(params.value(QStringLiteral("Limit")), 1, maxLimit, limit)) {
            *message =
                QStringLiteral("The parameter `Limit` must be a whole number from 1 to %1.").arg(maxLimit);
            return false;
        }
        return true;
    }

    // The vendor refuses a body field the action does not document.
    std::optional<Reply> unknownParameter(const QJsonObject& params, const QStringList& known,
                                          QString* outcome) {
        for (auto it = params.begin(); it != params.end(); ++it) {
            if (!known.contains(it.key()))
                return apiError(
                    QStringLiteral("UnknownParameter"),
                    QStringLiteral("The parameter `%1` is not recognized.").arg(echo(it.key().toUtf8())),
                    outcome);
        }
        return std::nullopt;
    }

    Reply describeTasks(const QJsonObject& params, const QString& key, const QString& region,
                        QString* outcome) {
        static const QStringList known = {QStringLiteral("InstanceId"),     QStringLiteral("AsyncRequestId"),
                                          QStringLiteral("TaskTypes"),      QStringLiteral("TaskStatus"),
                                          QStringLiteral("StartTimeBegin"), QStringLiteral("StartTimeEnd"),
                                          QStringLiteral("Offset"),         QStringLiteral("Limit")};
        if (std::optional<Reply> unknown = unknownParameter(params, known, outcome))
            return *unknown;
        QString message;
        qint64 offset = 0, limit = 0;
        if (!pagingParams(params, kTasksDefaultLimit, kTasksMaxLimit, &offset, &limit, &message))
            return invalidParameter(message, outcome);
        const auto optionalString = [&](const char* name, QString* out) {
            const QJsonValue v = params.value(QLatin1String(name));
            if (v.isUndefined())
                return true;
            if (!v.isString())
                return false;
            *out = v.toString();
            return true;
        };
        QString instanceId, asyncId, beginText, endText;
        for (const auto& [name, out] :
             {std::pair{"InstanceId", &instanceId}, std::pair{"AsyncRequestId", &asyncId},
              std::pair{"StartTimeBegin", &beginText}, std::pair{"StartTimeEnd", &endText}}) {
            if (!optionalString(name, out))
                return invalidParameter(
                    QStringLiteral("The parameter `%1` must be a string.").arg(QLatin1String(name)), outcome);
        }
        QDateTime begin, end;
        if (!beginText.isEmpty() && !(begin = parseVendorTime(beginText)).isValid())
            return invalidParameter(
                QStringLiteral("The parameter `StartTimeBegin` must be `YYYY-MM-DD HH:MM:SS`."), outcome);
        if (!endText.isEmpty() && !(end = parseVendorTime(endText)).isValid())
            return invalidParameter(
                QStringLiteral("The parameter `StartTimeEnd` must be `YYYY-MM-DD HH:MM:SS`."), outcome);
        std::optional<QSet<QString>> types, statuses;
        for (const auto& [name, words, toWord] : {std::tuple{"TaskTypes", &types, &taskTypeWord},
                                                  std::tuple{"TaskStatus", &statuses, &taskStatusWord}}) {
            const QJsonValue v = params.value(QLatin1String(name));
            if (v.isUndefined())
                continue;
            QList<qint64> numbers;
            if (!integerListParam(v, &numbers))
                return invalidParameter(QStringLiteral("The parameter `%1` must be an array of integers.")
                                            .arg(QLatin1String(name)),
                                        outcome);
            if (numbers.isEmpty())
                continue; // an empty filter does not filter
            QSet<QString> set;
            for (qint64 n : numbers) {
                if (const QString word = toWord(n); !word.isEmpty())
                    set.insert(word); // unknown numbers match nothing
            }
            *words = set;
        }

        struct Listed {
            const ScriptedTask* task;
            QDateTime start;
            const TimelineStep* step;
            std::optional<QString> status;
        };
        QList<Listed> listed;
        for (auto it = tasks.constBegin(); it != tasks.constEnd(); ++it) {
            const ScriptedTask& t = it.value();
            if (t.jobId <= 0 || t.region.isEmpty() || t.region != region)
                continue;
            if (!t.owner.isEmpty() && t.owner != key)
                continue;
            Listed l{&t, {}, nullptr, std::nullopt};
            if (t.startedAt.isValid()) {
                l.start = t.startedAt.toUTC();
                l.step = listedStep(t.steps, INT_MAX, sinceStartMs(t));
            } else {
                TaskRuntime& rt = startRuntime(t.id);
                l.start = rt.firstQueryAt;
                l.step = listedStep(t.steps, rt.polls, rt.sinceFirstQuery.elapsed());
            }
            if (l.step && l.step->status)
                l.status =
                    *l.step->status == QLatin1String("SUCCESS") ? QStringLiteral("SUCCEED") : *l.step->status;

            if (!instanceId.isEmpty() && !t.instanceIds.contains(instanceId, Qt::CaseInsensitive))
                continue;
            if (!asyncId.isEmpty() && (t.listWithoutAsyncId || t.id != asyncId.toLower()))
                continue;
            if (types && !types->contains(t.taskType))
                continue;
            if (statuses && (!l.status || !statuses->contains(*l.status)))
                continue;
            const qint64 startSecs = l.start.toSecsSinceEpoch();
            if (begin.isValid() && startSecs < begin.toSecsSinceEpoch())
                continue;
            if (end.isValid() && startSecs > end.toSecsSinceEpoch())
                continue;
            listed.append(l);
        }
        std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
            const qint64 as = a.start.toSecsSinceEpoch(), bs = b.start.toSecsSinceEpoch();
            return as != bs ? as > bs : a.task->jobId > b.task->jobId;
        });

        const qint64 total = listed.size() + malformedTaskItems;
        QJsonArray items;
        for (qint64 i = offset; i < total && i < offset + limit; ++i) {
            if (i >= listed.size()) {
                items.append(malformedTaskItem(int(i - listed.size())));
                continue;
            }
            const Listed& l = listed.at(i);
            const ScriptedTask& t = *l.task;
            const bool terminal = l.status && isTerminalWord(*l.status);
            QString endTime;
            if (terminal)
                endTime = vendorTime(l.start.addMSecs(l.step->afterMs));
            else if (t.jobId % 2 != 0)
                endTime = QStringLiteral("0000-00-00 00:00:00"); // both forms occur while unfinished
            const int progress =
                l.step && l.step->progress >= 0 ? std::min(l.step->progress, 100) : derivedProgress(l.status);
            QJsonObject item{{QStringLiteral("Code"), l.step ? l.step->taskCode : 0},
                             {QStringLiteral("Message"), l.step ? l.step->taskMessage : QString()},
                             {QStringLiteral("JobId"), double(t.jobId)},
                             {QStringLiteral("Progress"), progress},
                             {QStringLiteral("TaskStatus"),
                              l.status ? QJsonValue(*l.status) : QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("TaskType"), t.taskType},
                             {QStringLiteral("StartTime"), vendorTime(l.start)},
                             {QStringLiteral("EndTime"), endTime},
                             {QStringLiteral("InstanceIds"), QJsonArray::fromStringList(t.instanceIds)},
                             {QStringLiteral("AsyncRequestId"), t.listWithoutAsyncId ? QString() : t.id},
                             {QStringLiteral("TaskAttachInfo"), QJsonArray()}};
            items.append(item);
        }
        *outcome = QStringLiteral("%1:%2").arg(QLatin1String(kTasksAction)).arg(items.size());
        Reply r;
        r.body = envelope(
            QJsonObject{{QStringLiteral("TotalCount"), double(total)}, {QStringLiteral("Items"), items}});
        return r;
    }

    Reply describeInstances(const QJsonObject& params, const QString& key, const QString& region,
                            QString* outcome) {
        static const QStringList known = {QStringLiteral("InstanceIds"), QStringLiteral("InstanceNames"),
                                          QStringLiteral("Offset"), QStringLiteral("Limit")};
        if (std::optional<Reply> unknown = unknownParameter(params, known, outcome))
            return *unknown;
        QString message;
        qint64 offset = 0, limit = 0;
        if (!pagingParams(params, kInstancesDefaultLimit, kInstancesMaxLimit, &offset, &limit, &message))
            return invalidParameter(message, outcome);
        QStringList ids, names;
        if (params.contains(QStringLiteral("InstanceIds")) &&
            !stringListParam(params.value(QStringLiteral("InstanceIds")), &ids))
            return invalidParameter(
                QStringLiteral("The parameter `InstanceIds` must be an array of strings."), outcome);
        if (params.contains(QStringLiteral("InstanceNames")) &&
            !stringListParam(params.value(QStringLiteral("InstanceNames")), &names))
            return invalidParameter(
                QStringLiteral("The parameter `InstanceNames` must be an array of strings."), outcome);
        QList<const EmulatedInstance*> listed;
        for (const EmulatedInstance& instance : instances) {
            if (instance.region != region || (!instance.owner.isEmpty() && instance.owner != key))
                continue;
            if (!ids.isEmpty() && !ids.contains(instance.id, Qt::CaseInsensitive))
                continue;
            if (!names.isEmpty() && !names.contains(instance.name))
                continue;
            listed.append(&instance);
        }
        QJsonArray items;
        for (qint64 i = offset; i < listed.size() && i < offset + limit; ++i) {
            const EmulatedInstance& in = *listed.at(i);
            items.append(QJsonObject{{QStringLiteral("InstanceId"), in.id},
                                     {QStringLiteral("InstanceName"), in.name},
                                     {QStringLiteral("Region"), in.region},
                                     {QStringLiteral("Zone"), in.zone},
                                     {QStringLiteral("Status"), in.status},
                                     {QStringLiteral("TaskStatus"), in.taskStatus},
                                     {QStringLiteral("InstanceType"), in.instanceType},
                                     {QStringLiteral("EngineVersion"), in.engineVersion},
                                     {QStringLiteral("Vip"), in.vip},
                                     {QStringLiteral("Vport"), in.vport}});
        }
        *outcome = QStringLiteral("%1:%2").arg(QLatin1String(kInstancesAction)).arg(items.size());
        Reply r;
        r.body = envelope(QJsonObject{{QStringLiteral("TotalCount"), double(listed.size())},
                                      {QStringLiteral("Items"), items}});
        return r;
    }

    void createServer() {
        if (!tls) {
            server = new QTcpServer();
        } else {
            auto* ssl = new QSslServer();
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(tlsCertificate);
            config.setLocalCertificateChain(QList<QSslCertificate>{tlsCertificate} + tlsChain);
            config.setPrivateKey(tlsKey);
            config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
            ssl->setSslConfiguration(config);
            ssl->setHandshakeTimeout(kTlsHandshakeTimeoutMs);
            QObject::connect(ssl, &QSslServer::startedEncryptionHandshake, q,
                             [this](QSslSocket*) { ++q->m_stats.tlsHandshakes; });
            QObject::connect(ssl, &QSslServer::errorOccurred, q,
                             [this](QSslSocket* socket, QAbstractSocket::SocketError) {
                                 if (socket->isEncrypted() || socket->property(kTlsCountedProperty).toBool())
                                     return;
                                 socket->setProperty(kTlsCountedProperty, true);
                                 ++q->m_stats.tlsFailures;
                             });
            server = ssl;
        }
        // For QSslServer a connection is pending once its handshake has completed.
        QObject::connect(server, &QTcpServer::pendingConnectionAvailable, q, [this] { onNewConnection(); });
    }

    void onNewConnection() {
        while (QTcpSocket* socket = server->nextPendingConnection()) {
            if (connections.size() >= kMaxConnections) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            connections.insert(socket, Connection{});
            QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { onReadyRead(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, q, [this, socket] {
                connections.remove(socket);
                socket->deleteLater();
            });
            if (socket->bytesAvailable() > 0)
                onReadyRead(socket);
        }
    }

    void onReadyRead(QTcpSocket* socket) {
        const auto it = connections.find(socket);
        if (it == connections.end()) {
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

    void processBuffer(QTcpSocket* socket) {
        while (true) {
            const auto it = connections.find(socket);
            if (it == connections.end())
                return;
            Connection& conn = it.value();
            if (conn.busy || conn.stalled || conn.closing)
                return;
            qsizetype skip = 0; // robustness: empty lines before a request line are ignored
            while (skip < conn.buffer.size() &&
                   (conn.buffer.at(skip) == '\r' || conn.buffer.at(skip) == '\n'))
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
                const int status = parsed.status == ParseStatus::TooLarge ? 413 : 400;
                conn.buffer.clear();
                Reply r;
                r.status = status;
                r.close = true;
                r.body = errorBody(status == 413 ? QStringLiteral("RequestSizeLimitExceeded")
                                                 : QStringLiteral("InvalidRequest"),
                                   parsed.reason);
                emit q->requestHandled(QString(), QStringLiteral("http:%1").arg(status));
                send(socket, r, false);
                return;
            }

            conn.buffer.remove(0, parsed.consumed);
            conn.continueSent = false;
            conn.busy = true;
            const qint64 arrivedAt = conn.arrivedAt != 0 ? conn.arrivedAt : steadyNowMs();
            conn.arrivedAt = 0; // bytes left over (pipelined) count from when they are read
            QString taskId, outcome;
            Reply r = handle(req, arrivedAt, &taskId, &outcome);
            r.close = r.close || !req.keepAlive;
            const bool headOnly = req.method == "HEAD";
            emit q->requestHandled(taskId, outcome);
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

    void send(QTcpSocket* socket, const Reply& r, bool headOnly) {
        const auto it = connections.find(socket);
        if (it == connections.end())
            return;
        Connection& conn = it.value();
        switch (r.kind) {
        case Reply::Kind::Stall:
            conn.stalled = true;
            conn.buffer.clear();
            return;
        case Reply::Kind::Reset:
            conn.closing = true;
            socket->abort(); // emits disconnected: `conn` is gone after this
            return;
        case Reply::Kind::Truncated: {
            conn.closing = true;
            QByteArray data = head(200, r.contentType, kTruncatedDeclaredLength, false);
            data += r.body.left(kTruncatedSentLength);
            socket->write(data);
            socket->disconnectFromHost();
            return;
        }
        case Reply::Kind::Normal:
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

    QByteArray head(int status, const QByteArray& contentType, qsizetype contentLength, bool keepAlive,
                    const QByteArray& extraHeaders = {}) const {
        QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        h += "Date: " + httpDate() + "\r\n";
        h += "Server: taskwatch-emulator\r\n";
        h += "Content-Type: " + contentType + "\r\n";
        h += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        h += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        h += extraHeaders;
        h += "\r\n";
        return h;
    }
};

Emulator::Emulator(QObject* parent)
    : QObject(parent)
    , d(new Private(this)) {
    d->createServer();
}

Emulator::~Emulator() {
    // Sockets are children of the server; detach them from this object before they go.
    for (auto it = d->connections.begin(); it != d->connections.end(); ++it)
        QObject::disconnect(it.key(), nullptr, this, nullptr);
    const auto sockets = d->server->findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        QObject::disconnect(socket, nullptr, this, nullptr);
    d->connections.clear();
    QObject::disconnect(d->server, nullptr, this, nullptr);
    delete d->server;
    delete d;
}

bool Emulator::listen(quint16 port) {
    if (!d->server->listen(QHostAddress::LocalHost, port)) {
        d->errorString = d->server->errorString();
        return false;
    }
    d->errorString.clear();
    return true;
}

quint16 Emulator::port() const {
    return d->server->serverPort();
}

QString Emulator::url() const {
    return QStringLiteral("%1://127.0.0.1:%2").arg(d->tls ? u"https" : u"http").arg(port());
}

bool Emulator::setTls(const QSslCertificate& certificate, const QSslKey& key,
                      const QList<QSslCertificate>& chain) {
    if (d->server->isListening()) {
        d->errorString = QStringLiteral("TLS must be set up before listen().");
        return false;
    }
    if (certificate.isNull() || key.isNull()) {
        d->errorString = QStringLiteral("The TLS certificate or key is missing or not valid PEM.");
        return false;
    }
    d->tls = true;
    d->tlsCertificate = certificate;
    d->tlsKey = key;
    d->tlsChain = chain;
    delete d->server;
    d->createServer();
    d->errorString.clear();
    return true;
}

bool Emulator::setTlsFiles(const QString& certificateFile, const QString& keyFile) {
    const auto readPem = [this](const QString& path, QByteArray* out) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            d->errorString = QStringLiteral("%1: %2").arg(path, file.errorString());
            return false;
        }
        *out = file.read(kMaxPemBytes + 1);
        if (out->size() > kMaxPemBytes) {
            d->errorString = QStringLiteral("%1: larger than %2 bytes.").arg(path).arg(kMaxPemBytes);
            return false;
        }
        return true;
    };
    QByteArray certPem, keyPem;
    if (!readPem(certificateFile, &certPem) || !readPem(keyFile, &keyPem))
        return false;
    QList<QSslCertificate> certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certs.isEmpty() || certs.first().isNull()) {
        d->errorString = QStringLiteral("%1: no PEM certificate.").arg(certificateFile);
        return false;
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        d->errorString = QStringLiteral("%1: no unencrypted PEM private key (RSA, EC or DSA).").arg(keyFile);
        return false;
    }
    const QSslCertificate leaf = certs.takeFirst();
    return setTls(leaf, key, certs);
}

bool Emulator::isTls() const {
    return d->tls;
}

QString Emulator::errorString() const {
    return d->errorString;
}

void Emulator::addCredential(const QString& secretId, const QString& secretKey, const QString& token) {
    d->credentials.insert(secretId, {secretKey, token});
}

void Emulator::addTask(const ScriptedTask& task) {
    ScriptedTask copy = task;
    copy.id = task.id.toLower();
    d->tasks.insert(copy.id, copy);
    d->runtime.remove(copy.id);
}

void Emulator::setDefaultTimeline(const QList<TimelineStep>& steps) {
    d->defaultTimeline = steps;
}

void Emulator::setClockOffset(qint64 seconds) {
    d->clockOffset = seconds;
}

void Emulator::setRateLimit(int perSecond) {
    setActionRateLimit(QString::fromLatin1(kActionName), perSecond);
}

void Emulator::setActionRateLimit(const QString& action, int perSecond) {
    if (!Private::isServedAction(action))
        return; // other actions share DescribeAsyncRequestInfo's window
    d->actionLimits.insert(action, std::max(0, perSecond));
    d->acceptedByKey.clear();
}

void Emulator::setActionError(const QString& action, const QString& code, const QString& message) {
    if (code.isEmpty())
        d->actionErrors.remove(action);
    else
        d->actionErrors.insert(action, {code, message});
}

void Emulator::setUnsupportedRegions(const QStringList& regions) {
    d->unsupportedRegions = regions;
}

void Emulator::setMalformedTaskItems(int count) {
    d->malformedTaskItems = std::max(0, count);
}

void Emulator::addInstance(const EmulatedInstance& instance) {
    for (EmulatedInstance& existing : d->instances) {
        if (existing.id == instance.id) {
            existing = instance;
            return;
        }
    }
    d->instances.append(instance);
}

int Emulator::requestsOf(const QString& action) const {
    return d->requestsByAction.value(action);
}

int Emulator::maxInAnyWindowOf(const QString& secretId, const QString& action) const {
    return d->keyActionStats.value(Private::keyActionKey(secretId, action)).maxInAnyWindow;
}

void Emulator::setForcedError(const QString& code, const QString& message) {
    d->forcedCode = code;
    d->forcedMessage = message;
}

void Emulator::setForcedHttpStatus(int status, const QByteArray& location) {
    d->forcedHttpStatus = status >= 100 && status <= 599 ? status : 0;
    // One header line of visible text: control characters never go out (CR and LF would end it or smuggle
    // others; HTTP clients such as Qt 6.8's reject a field value with any of them).
    d->forcedLocation = location.toPercentEncoding(QByteArrayLiteral(":/?#[]@!$&'()*+,;=%"));
}

int Emulator::pollsOf(const QString& taskId) const {
    return d->runtime.value(taskId.toLower()).polls;
}

QList<qint64> Emulator::arrivalTimesMs() const {
    return d->arrivals;
}

void Emulator::resetStats() {
    m_stats = {};
    d->arrivals.clear();
    d->arrivalWindow.clear();
    d->acceptedByKey.clear();
    d->keyStats.clear();
    d->keyActionStats.clear();
    d->requestsByAction.clear();
}

QStringList Emulator::secretIdsSeen() const {
    QStringList keys = d->keyStats.keys();
    keys.sort();
    return keys;
}

int Emulator::requestsBy(const QString& secretId) const {
    return d->keyStats.value(secretId).requests;
}

int Emulator::maxInAnyWindowOf(const QString& secretId) const {
    return d->keyStats.value(secretId).maxInAnyWindow;
}

QSet<QString> Emulator::taskIdsQueriedBy(const QString& secretId) const {
    return d->keyStats.value(secretId).taskIds;
}

QDateTime Emulator::serverNow() const {
    return d->serverNow();
}

qint64 Emulator::clockOffset() const {
    return d->clockOffset;
}

QHash<QByteArray, QByteArray> Emulator::lastRequestHeaders() const {
    return d->lastHeaders;
}

QByteArray Emulator::lastRequestBody() const {
    return d->lastBody;
}

QString Emulator::demoRegion() {
    return QString::fromLatin1(Regions::kDefault);
}

QList<ScriptedTask> Emulator::demoTasks() {
    const auto s = [](const char* text) { return std::optional<QString>(QString::fromUtf8(text)); };
    const std::optional<QString> null;
    QList<ScriptedTask> tasks;
    const auto add = [&](const char* id, QList<TimelineStep> steps) {
        ScriptedTask t;
        t.id = QString::fromLatin1(id);
        t.steps = std::move(steps);
        tasks.append(t);
        return &tasks.last();
    };

    // Parameter change: INITIAL -> RUNNING -> SUCCESS over ~25 s.
    add("3f2a9c41-7be05d12-9a4c8e63-0d5f1b27",
        {step(0, s("INITIAL"), s("Task created, waiting for scheduling")),
         step(4000, s("RUNNING"),
              s("Modify parameters: innodb_buffer_pool_size 1073741824 -> 2147483648, max_connections 800 -> "
                "1200 (instance cdb-8xk2m4pq)")),
         step(25000, s("SUCCESS"), s("Parameters modified successfully; instance cdb-8xk2m4pq restarted"))});
    // Instance upgrade with progress in Info, SUCCESS after ~40 s.
    add("8d41e0b7-52c9a3f6-1e7d4b08-c6a2f915",
        {step(0, s("INITIAL"), null),
         step(3000, s("RUNNING"),
              s("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 12%")),
         step(15000, s("RUNNING"),
              s("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 64%")),
         step(30000, s("RUNNING"), s("Upgrade instance cdb-2jf7ws1k: switching to the new instance")),
         step(40000, s("SUCCESS"), s("Upgrade instance cdb-2jf7ws1k finished: 8C16G/400GB"))});
    // Short task: SUCCESS after ~10 s.
    add("5b0c7e2d-a39f4186-6d2e0b94-17f8c3a5",
        {step(0, s("RUNNING"), s("Create account app_reader@10.0.%")),
         step(10000, s("SUCCESS"), s("Account app_reader@10.0.% created and privileges granted"))});
    // FAILED with a reason.
    add("c7e91a30-4f6b2d85-b08c3e17-9a5d6f42",
        {step(0, s("RUNNING"), s("Upgrade engine version 5.7 -> 8.0: running prechecks")),
         step(15000, s("FAILED"),
              s("Upgrade engine version 5.7 -> 8.0 failed: precheck found 3 tables without a primary key "
                "(shop.order_archive, shop.tmp_import, crm.audit_log)"))});
    // KILLED by the user.
    add("0e6d4f93-b72a8c15-3f9e0d61-d84b2a7c",
        {step(0, s("RUNNING"), s("Rollback database shop to 2024-05-11 03:00:00 (UTC+8)")),
         step(20000, s("KILLED"), s("Task terminated by user request"))});
    // REMOVED.
    add("a4f82c6e-190d7b35-e5c6a4f8-2b7390de",
        {step(0, s("INITIAL"), s("Import job created: s3://backup/shop.sql.gz")),
         step(8000, s("REMOVED"), s("Task record removed"))});
    // PAUSED, and stays there.
    add("61b3d8f0-e8c5974a-4a1f2e6b-f03c85d9",
        {step(0, s("RUNNING"), s("Switch master/slave for cdb-4kq9xz0m: syncing replica")),
         step(6000, s("PAUSED"), s("Paused: waiting for the manual switch confirmation"))});
    // UNDEFINED: created, waiting for the maintenance window.
    add("9f07a5c2-3d8e61b4-c92b7f05-5e4a0d18",
        {step(0, s("UNDEFINED"), s("Waiting for the maintenance window (03:00-04:00 UTC+8) to start"))});
    // Status stays null.
    add("2d9c64a1-f5b0e837-18a6d3c9-b7e1f40a", {step(0, null, null)});
    // A status the documentation does not list.
    add("e3a5b917-6c2f0d48-7b9e1a53-40c8f26d",
        {step(0, s("RUNNING"), s("Modify parameters: long_query_time 10 -> 2")),
         step(10000, s("ROLLING_BACK"), s("Rolling back the parameter change after a failed restart"))});
    // Backend task error.
    add("74c0e2b8-8a1d5f39-d36f0c72-e9b5a18f",
        {errorStep(0, QStringLiteral("CdbError.TaskError"),
                   QStringLiteral("Backend task error: the task worker lost its lease."))});
    // Not authorized.
    add("b8d3f061-27e94ca5-5f0b8d2e-6a1c739b",
        {errorStep(
            0, QStringLiteral("OperationDenied.UserHasNoStrategy"),
            QStringLiteral("You are not authorized to perform operation (cdb:DescribeAsyncRequestInfo) on "
                           "resource (qcs::cdb:ap-guangzhou:uin/100012345678:instanceId/*)."))});
    // Transient 502 for the first two queries, then SUCCESS.
    ScriptedTask* flaky = add("1c5e8a7f-d0b36294-a87f5c1e-38d9e6b0",
                              {step(0, s("SUCCESS"), s("Open WAN access for cdb-7mw3pd5v: done"))});
    flaky->fault = Fault::Http502Html;
    flaky->faultTimes = 2;
    // Chinese Info text.
    add("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7",
        {step(0, s("RUNNING"), s("正在删除库表")), step(12000, s("SUCCESS"), s("删除库表成功"))});
    return tasks;
}

QString Emulator::demoSecondRegion() {
    return QStringLiteral("ap-shanghai");
}

QList<EmulatedInstance> Emulator::demoInstances() {
    const auto make = [](const char* id, const char* name, const QString& region, const char* zone, int type,
                         const char* version, const char* vip, int taskStatus) {
        EmulatedInstance i;
        i.id = QString::fromLatin1(id);
        i.name = QString::fromLatin1(name);
        i.region = region;
        i.zone = QString::fromLatin1(zone);
        i.instanceType = type;
        i.engineVersion = QString::fromLatin1(version);
        i.vip = QString::fromLatin1(vip);
        i.taskStatus = taskStatus;
        return i;
    };
    return {make("cdb-7q2m9x4k", "orders-primary", demoRegion(), "ap-guangzhou-3", 1, "8.0", "10.0.1.12", 0),
            make("cdb-3h8v5n1r", "orders-ro-1", demoRegion(), "ap-guangzhou-4", 3, "8.0", "10.0.1.37", 1),
            make("cdb-9k4t6w2p", "analytics", demoSecondRegion(), "ap-shanghai-2", 1, "5.7", "10.1.4.8", 13)};
}

QList<ScriptedTask> Emulator::demoDiscoverableTasks() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto s = [](const char* text) { return std::optional<QString>(QString::fromUtf8(text)); };
    const auto p = [](TimelineStep st, int progress) {
        st.progress = progress;
        return st;
    };
    constexpr qint64 kMin = 60 * 1000;
    const QString orders = QStringLiteral("cdb-7q2m9x4k"), ordersRo = QStringLiteral("cdb-3h8v5n1r"),
                  analytics = QStringLiteral("cdb-9k4t6w2p");
    QList<ScriptedTask> tasks;
    const auto add = [&](const char* id, qint64 jobId, const QString& region, const QString& instance,
                         const char* type, qint64 startedSecsAgo, QList<TimelineStep> steps) {
        ScriptedTask t;
        t.id = QString::fromLatin1(id);
        t.region = region;
        t.jobId = jobId;
        t.instanceIds = {instance};
        t.taskType = QString::fromLatin1(type);
        t.startedAt = now.addSecs(-startedSecsAgo);
        t.steps = std::move(steps);
        tasks.append(t);
        return &tasks.last();
    };

    // Parameter change, started 2 min ago, progressing for about 3.5 more minutes.
    add("4a7c2e91-b3d05f68-91e4c27a-0d6b8f35", 2751301, demoRegion(), orders, "MODIFY PARAM", 120,
        {p(step(0, s("INITIAL"), s("Task created, waiting for scheduling")), 0),
         p(step(5000, s("RUNNING"), s("Modify parameters: checking innodb_buffer_pool_size")), 10),
         p(step(1 * kMin, s("RUNNING"), s("Modify parameters: applying to the replica")), 30),
         p(step(150000, s("RUNNING"), s("Modify parameters: applying to the primary")), 55),
         p(step(4 * kMin, s("RUNNING"), s("Modify parameters: restarting cdb-7q2m9x4k")), 80),
         step(330000, s("SUCCESS"), s("Parameters modified successfully"))});
    // Read-only instance upgrade, started 4 min ago, done in about 5 more minutes.
    add("d2e8b4a0-6c1f9357-3a0e7d2b-c95f1e84", 2751288, demoRegion(), ordersRo, "UPGRADE RO", 240,
        {p(step(0, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: preparing")), 5),
         p(step(1 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 20%")), 20),
         p(step(3 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 40%")), 40),
         p(step(5 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 60%")), 60),
         p(step(7 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: switching")), 85),
         step(9 * kMin, s("SUCCESS"), s("Upgrade read-only instance cdb-3h8v5n1r finished"))});
    // Data import that failed 13 min ago.
    {
        TimelineStep failed = step(12 * kMin, s("FAILED"),
                                   s("Import failed: analytics.events line 18234: duplicate key 'PRIMARY'"));
        failed.taskCode = 10017;
        failed.taskMessage = QStringLiteral("Import failed: analytics.events line 18234: duplicate entry for "
                                            "key 'PRIMARY'");
        add("7b1f0c3d-e84a2659-c0d7f1e3-2a96b5c8", 1980442, demoSecondRegion(), analytics, "IMPORT DATA",
            25 * 60,
            {p(step(0, s("RUNNING"), s("Import data: downloading events.sql.gz")), 10),
             p(step(5 * kMin, s("RUNNING"), s("Import data: loading analytics.events")), 45), failed});
    }
    // SQL operation that succeeded an hour ago.
    add("e05c9a72-1d3b8f46-b7a2e5c9-6f1d0384", 2749870, demoRegion(), orders, "SQL OPERATION", 65 * 60,
        {p(step(0, s("RUNNING"), s("SQL operation: ALTER TABLE shop.orders ADD INDEX idx_created")), 20),
         step(3 * kMin, s("SUCCESS"), s("SQL operation finished"))});
    // A reboot that has no AsyncRequestId (a job only), started a minute ago.
    ScriptedTask* reboot =
        add("93d6f2b8-4e0a7c15-68b3d9f0-e1c4a527", 2751342, demoRegion(), ordersRo, "REBOOT", 60,
            {p(step(0, s("RUNNING"), s("Reboot: stopping")), 20),
             p(step(1 * kMin, s("RUNNING"), s("Reboot: starting")), 60),
             step(150000, s("SUCCESS"), s("Reboot finished"))});
    reboot->listWithoutAsyncId = true;
    // Waiting for the maintenance window.
    add("5f8e1d3c-a2b7094e-d4c1f862-7e3a9b05", 1980460, demoSecondRegion(), analytics, "OPEN GTID", 30,
        {step(0, s("WAITING"), s("Open GTID: waiting for the maintenance window (03:00-04:00 UTC+8)"))});
    // Dropping tables, started 3 min ago, done in 3 more minutes.
    add("c1a4e7f0-95d2b836-2f7c0e4a-b8d5e319", 1980451, demoSecondRegion(), analytics, "DROP TABLES", 180,
        {p(step(0, s("RUNNING"), s("Drop tables: analytics.tmp_2023_*")), 5),
         p(step(90000, s("RUNNING"), s("Drop tables: 14 of 28 dropped")), 50),
         p(step(4 * kMin, s("RUNNING"), s("Drop tables: 24 of 28 dropped")), 85),
         step(6 * kMin, s("SUCCESS"), s("Drop tables: 28 tables dropped"))});
    // A rollback, started 10 min ago, done in about 6 more minutes.
    add("28b0d5e6-f7c3a194-e9a6b2d1-4c07f85e", 2751104, demoRegion(), orders, "ROLLBACK", 10 * 60,
        {p(step(0, s("INITIAL"), s("Rollback: waiting for a backup")), 0),
         p(step(30000, s("RUNNING"), s("Rollback shop.orders to 2024-05-11 03:00:00 (UTC+8): restoring")),
           15),
         p(step(8 * kMin, s("RUNNING"), s("Rollback shop.orders: applying binlog")), 70),
         step(16 * kMin, s("SUCCESS"), s("Rollback finished"))});
    return tasks;
}

} // namespace taskwatch::sim
