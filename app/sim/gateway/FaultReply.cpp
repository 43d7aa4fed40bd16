#include "gateway/FaultReply.h"
#include "gateway/Wire.h"

namespace taskwatch::sim {

namespace {
constexpr qsizetype kHugeInfoChars = 2 * 1024 * 1024;

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
} // namespace

HttpReply faultReply(Fault fault, const TimelineStep* current, QString* outcome) {
    *outcome = QStringLiteral("fault:") + faultName(fault);
    HttpReply r;
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
        r.body = vendor::errorBody(QStringLiteral("InternalError"),
                                   QStringLiteral("An internal error has occurred. Retry your request."));
        break;
    case Fault::MalformedJson:
        r.body = R"({"Response": {"Status": "RUN)";
        break;
    case Fault::EmptyBody:
        r.body.clear();
        break;
    case Fault::TruncatedBody:
        r.kind = HttpReply::Kind::Truncated;
        r.body = vendor::successBody(status, QStringLiteral("This body is cut short by the emulator."));
        break;
    case Fault::ConnectionReset:
        r.kind = HttpReply::Kind::Reset;
        break;
    case Fault::Stall:
        r.kind = HttpReply::Kind::Stall;
        break;
    case Fault::HugeInfo:
        r.body = vendor::successBody(status, hugeInfo());
        break;
    case Fault::HostileInfo:
        r.body = vendor::successBody(status, hostileInfo());
        break;
    }
    return r;
}

} // namespace taskwatch::sim
