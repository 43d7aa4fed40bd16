#include "Regions.h"

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

} // namespace taskwatch::Regions
