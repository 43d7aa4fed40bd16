// The cdb regions the vendor documents with their names as the console shows them (translated), what a region
// id looks like, and the region-bound endpoints. One place for the dialogs, the command line and the request
// headers (a region becomes X-TC-Region).
#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace taskwatch::Regions {

// The region used when nothing names one (the GUI's first start, the demo): the one place for the literal.
inline constexpr auto kDefault = "ap-guangzhou";

QStringList cdb();                       // ap-bangkok … sa-saopaulo (18, DescribeCdbZoneConfig 2025-10)
bool isFinancial(const QString& region); // ap-shanghai-fsi, ap-shenzhen-fsi: they need their own host
const QRegularExpression&
pattern(); // anchored; a well-formed id: ap-guangzhou, ap-shanghai-fsi, na-ashburn …
bool isWellFormed(
    const QString& region);          // the whole string matches pattern() (and is short): safe as a header
bool isKnown(const QString& region); // one of cdb()
// The region's name as the console shows it, in the interface language ("Guangzhou", 广州); empty for a
// region not in cdb().
QString name(const QString& region);
// How a picker shows a region: "Guangzhou (ap-guangzhou)"; the id alone for a region without a name.
QString label(const QString& region);
// The region id a picker's text names: the id in "Guangzhou (ap-guangzhou)", a region's name in English or
// in the interface language ("guangzhou", 广州), else the text itself; trimmed and lowercase.
QString fromText(const QString& text);
// A non-blocking remark on an endpoint for a region (translated; empty when fine): the financial-zone regions
// need their own host, which the international and mainland hosts do not serve; a regional host of another
// region. `endpoint` empty = the built-in default (international).
QString endpointWarning(const QString& region, const QString& endpoint);
QString
regionalEndpoint(const QString& region); // https://cdb.<region>.tencentcloudapi.com (empty when malformed)

} // namespace taskwatch::Regions
