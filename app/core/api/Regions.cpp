#include "api/Regions.h"

#include <QCoreApplication>
#include <QUrl>
#include <iterator>

namespace taskwatch::Regions {

namespace {

constexpr auto kContext = "taskwatch::Regions";

struct Region {
    const char* id;
    const char* name; // English, as the international console says it; translated through kContext
};

// The one table of regions (DescribeCdbZoneConfig, 2025-10), in the order pickers list them.
constexpr Region kRegions[] = {
    {"ap-bangkok", QT_TRANSLATE_NOOP("taskwatch::Regions", "Bangkok")},
    {"ap-beijing", QT_TRANSLATE_NOOP("taskwatch::Regions", "Beijing")},
    {"ap-chengdu", QT_TRANSLATE_NOOP("taskwatch::Regions", "Chengdu")},
    {"ap-chongqing", QT_TRANSLATE_NOOP("taskwatch::Regions", "Chongqing")},
    {"ap-guangzhou", QT_TRANSLATE_NOOP("taskwatch::Regions", "Guangzhou")},
    {"ap-hongkong", QT_TRANSLATE_NOOP("taskwatch::Regions", "Hong Kong, China")},
    {"ap-jakarta", QT_TRANSLATE_NOOP("taskwatch::Regions", "Jakarta")},
    {"ap-nanjing", QT_TRANSLATE_NOOP("taskwatch::Regions", "Nanjing")},
    {"ap-seoul", QT_TRANSLATE_NOOP("taskwatch::Regions", "Seoul")},
    {"ap-shanghai", QT_TRANSLATE_NOOP("taskwatch::Regions", "Shanghai")},
    {"ap-shanghai-fsi", QT_TRANSLATE_NOOP("taskwatch::Regions", "Shanghai Finance")},
    {"ap-shenzhen-fsi", QT_TRANSLATE_NOOP("taskwatch::Regions", "Shenzhen Finance")},
    {"ap-singapore", QT_TRANSLATE_NOOP("taskwatch::Regions", "Singapore")},
    {"ap-tokyo", QT_TRANSLATE_NOOP("taskwatch::Regions", "Tokyo")},
    {"eu-frankfurt", QT_TRANSLATE_NOOP("taskwatch::Regions", "Frankfurt")},
    {"na-ashburn", QT_TRANSLATE_NOOP("taskwatch::Regions", "Virginia")},
    {"na-siliconvalley", QT_TRANSLATE_NOOP("taskwatch::Regions", "Silicon Valley")},
    {"sa-saopaulo", QT_TRANSLATE_NOOP("taskwatch::Regions", "São Paulo")},
};

const Region* find(const QString& id) {
    for (const Region& r : kRegions) {
        if (id == QLatin1String(r.id))
            return &r;
    }
    return nullptr;
}

} // namespace

QStringList cdb() {
    QStringList out;
    out.reserve(std::size(kRegions));
    for (const Region& r : kRegions)
        out << QLatin1String(r.id);
    return out;
}

QString name(const QString& region) {
    const Region* r = find(region);
    return r ? QCoreApplication::translate(kContext, r->name) : QString();
}

QString label(const QString& region) {
    const QString n = name(region);
    // One pass: the id may be any text a user typed.
    return n.isEmpty() ? region : QCoreApplication::translate("taskwatch::Regions", "%1 (%2)").arg(n, region);
}

QString fromText(const QString& text) {
    const QString t = text.trimmed();
    // "Guangzhou (ap-guangzhou)": the id in the last parentheses (half- or full-width, as an input method
    // may type them).
    static const QRegularExpression labelled(QStringLiteral("[(（]\\s*([A-Za-z0-9-]+)\\s*[)）]$"));
    if (const QRegularExpressionMatch m = labelled.match(t); m.hasMatch())
        return m.captured(1).toLower();
    for (const Region& r : kRegions) {
        if (t.compare(QLatin1String(r.name), Qt::CaseInsensitive) == 0 ||
            t.compare(QCoreApplication::translate(kContext, r.name), Qt::CaseInsensitive) == 0)
            return QLatin1String(r.id);
    }
    return t.toLower();
}

bool isFinancial(const QString& region) {
    return region == QLatin1String("ap-shanghai-fsi") || region == QLatin1String("ap-shenzhen-fsi");
}

const QRegularExpression& pattern() {
    // Whole-string anchors: `$` would also match before a final "\n", which would then travel in a header.
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z]{2,4}(-[a-z0-9]+){1,4}")));
    return re;
}

bool isWellFormed(const QString& region) {
    return region.size() <= 64 && pattern().match(region).hasMatch();
}

bool isKnown(const QString& region) {
    return cdb().contains(region);
}

QString regionalEndpoint(const QString& region) {
    if (!isWellFormed(region))
        return {};
    return QStringLiteral("https://cdb.%1.tencentcloudapi.com").arg(region);
}

QString endpointWarning(const QString& region, const QString& endpoint) {
    const QString r = region.trimmed();
    const QString host =
        QUrl(endpoint.trimmed().isEmpty() ? QStringLiteral("https://cdb.intl.tencentcloudapi.com")
                                          : endpoint.trimmed())
            .host()
            .toLower();
    const bool shared = host == QLatin1String("cdb.intl.tencentcloudapi.com") ||
                        host == QLatin1String("cdb.tencentcloudapi.com");
    if (isFinancial(r) && shared)
        return QCoreApplication::translate(
                   "taskwatch::Regions",
                   "Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their own host; the "
                   "international and mainland hosts do not serve them. Use %1.")
            .arg(regionalEndpoint(r));
    static const QRegularExpression regional(QStringLiteral("^cdb\\.([a-z0-9-]+)\\.tencentcloudapi\\.com$"));
    const QRegularExpressionMatch m = regional.match(host);
    if (m.hasMatch() && m.captured(1) != QLatin1String("intl") && isWellFormed(r) && m.captured(1) != r)
        return QCoreApplication::translate("taskwatch::Regions",
                                           "The endpoint %1 is the host of region %2, not of %3.")
            .arg(host, m.captured(1), r);
    return {};
}

} // namespace taskwatch::Regions
