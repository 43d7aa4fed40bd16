#include "api/Regions.h"

#include <QCoreApplication>
#include <QUrl>

namespace taskwatch::Regions {

QStringList cdb() {
    return {
        QStringLiteral("ap-bangkok"),   QStringLiteral("ap-beijing"),       QStringLiteral("ap-chengdu"),
        QStringLiteral("ap-chongqing"), QStringLiteral("ap-guangzhou"),     QStringLiteral("ap-hongkong"),
        QStringLiteral("ap-jakarta"),   QStringLiteral("ap-nanjing"),       QStringLiteral("ap-seoul"),
        QStringLiteral("ap-shanghai"),  QStringLiteral("ap-shanghai-fsi"),  QStringLiteral("ap-shenzhen-fsi"),
        QStringLiteral("ap-singapore"), QStringLiteral("ap-tokyo"),         QStringLiteral("eu-frankfurt"),
        QStringLiteral("na-ashburn"),   QStringLiteral("na-siliconvalley"), QStringLiteral("sa-saopaulo")};
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
