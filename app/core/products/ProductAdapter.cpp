#include "products/ProductAdapter.h"

#include "products/ResponseFields.h"
#include "task/TaskIdExtractor.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxStatusChars = 64;
} // namespace

UnseenVerdict unseenVerdict(qint64 addedAtMs, qint64 nowMs) {
    return nowMs - addedAtMs >= kUnseenGraceMs ? UnseenVerdict::NotFound : UnseenVerdict::Pending;
}

bool listMatches(const ListQuery& query, const ListItem& item) {
    if (query.onlyUnfinished && TaskStatus::isTerminal(item.reading.status))
        return false;
    if (!query.instanceId.isEmpty() && item.facts.instanceId != query.instanceId)
        return false;
    return true;
}

ProductAdapter::ProductAdapter(const Definition& d)
    : m_key(d.key)
    , m_title(d.title)
    , m_service(d.service)
    , m_version(d.version)
    , m_poll(d.poll)
    , m_list(d.list)
    , m_idKind(d.idKind)
    , m_idField(d.idField)
    , m_words(d.words)
    , m_listPageLimit(d.list.name[0] ? d.listPageLimit : 0) {}

QString ProductAdapter::title() const {
    return QCoreApplication::translate("ProductAdapter", m_title);
}

QString ProductAdapter::defaultHost() const {
    return service() + QLatin1String(".intl.tencentcloudapi.com");
}

QString ProductAdapter::defaultEndpoint() const {
    return QLatin1String("https://") + defaultHost();
}

QList<ProductAction> ProductAdapter::actions() const {
    QList<ProductAction> result{m_poll};
    if (listAction() && qstrcmp(m_list.name, m_poll.name) != 0)
        result.append(m_list);
    return result;
}

int ProductAdapter::rateLimit(QStringView action) const {
    for (const ProductAction& a : actions()) {
        if (action == QLatin1String(a.name))
            return a.ratePerSecond;
    }
    return 0;
}

QString ProductAdapter::permission(QStringView action) const {
    for (const ProductAction& a : actions()) {
        if (action == QLatin1String(a.name))
            return QLatin1String(a.permission);
    }
    return {};
}

QStringList ProductAdapter::permissions() const {
    QStringList result;
    for (const ProductAction& a : actions())
        result.append(QLatin1String(a.permission));
    return result;
}

QString ProductAdapter::permissionHint(QStringView action) const {
    const QString p = permission(action);
    if (p.isEmpty())
        return {};
    return QCoreApplication::translate("Products", "Grant the sub-account a CAM policy that allows %1.")
        .arg(p);
}

std::optional<QString> ProductAdapter::normaliseId(QStringView text) const {
    const QStringView t = text.trimmed();
    if (m_idKind == IdKind::CdbAsyncRequestId) {
        if (TaskIdExtractor::isTaskId(t))
            return t.toString().toLower();
        return std::nullopt;
    }
    if (isTaskNumber(t))
        return t.toString();
    return std::nullopt;
}

QByteArray ProductAdapter::pollBody(const QString& id) const {
    const std::optional<QString> canonical = normaliseId(id);
    if (!canonical)
        return {};
    if (m_idKind == IdKind::Integer) {
        // The digits go into the JSON text as they are: no int or double on the way.
        return QByteArray("{\"") + m_idField + "\":" + canonical->toLatin1() + '}';
    }
    return QJsonDocument(QJsonObject{{QLatin1String(m_idField), *canonical}}).toJson(QJsonDocument::Compact);
}

bool ProductAdapter::isNotFoundError(const QString&) const {
    return false;
}

StatusReading ProductAdapter::readStatus(const std::optional<QString>& vendorWord) const {
    return readStatus(m_words, vendorWord);
}

StatusReading ProductAdapter::readStatus(std::span<const VendorStatusWord> words,
                                         const std::optional<QString>& vendorWord) {
    if (!vendorWord || vendorWord->isEmpty())
        return {};
    StatusReading r;
    r.vendorStatus = boundText(*vendorWord, kMaxStatusChars);
    for (const VendorStatusWord& w : words) {
        // The vendors' pages and SDKs disagree on case now and then; the words of one action never do.
        if (vendorWord->compare(QLatin1String(w.vendor), Qt::CaseInsensitive) == 0) {
            r.status = QLatin1String(w.ours);
            return r;
        }
    }
    // Undocumented: unfinished. A word that happens to spell one of our final words must not end the task.
    r.status =
        TaskStatus::isTerminal(r.vendorStatus) ? QString::fromLatin1(TaskStatus::Undefined) : *r.vendorStatus;
    return r;
}

QByteArray ProductAdapter::listBody(const ListQuery&, int) const {
    return {};
}

ListPage ProductAdapter::parseList(const QJsonObject&) const {
    ListPage page;
    page.problem = QCoreApplication::translate("Products", "%1 has no action that lists tasks.").arg(key());
    return page;
}

} // namespace taskwatch
