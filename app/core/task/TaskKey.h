// How a task is named on the board: (profile, product, task id) as one string, and the id of a job listed
// without an AsyncRequestId.
#pragma once

#include <QChar>
#include <QLatin1String>
#include <QString>

namespace taskwatch {

// The product of a task that names none: cdb, the only product watched before products were told apart
// (registry key, see products/Products.h).
inline constexpr auto kCdbProduct = "cdb";

inline bool isCdbProduct(const QString& product) {
    return product.isEmpty() || product == QLatin1String(kCdbProduct);
}

// A task on the board is identified by (profile, product, task id): the same id may be watched under two
// accounts, and ids of two products (redis 912, postgres 912) are two tasks. As one string (hash keys, model
// roles), with U+001F between the parts (none may contain a control character): a cdb task is "profile, id",
// the key it always had; a task of another product is "profile, product, id".
inline QString taskKey(const QString& profile, const QString& id) {
    return profile + QChar(0x1f) + id;
}
inline QString taskKey(const QString& profile, const QString& product, const QString& id) {
    if (isCdbProduct(product))
        return taskKey(profile, id);
    return profile + QChar(0x1f) + product + QChar(0x1f) + id;
}
inline QString profileOfKey(const QString& key) {
    return key.section(QChar(0x1f), 0, 0);
}
// The id is the last part (empty for a string that is no key).
inline QString idOfKey(const QString& key) {
    if (!key.contains(QChar(0x1f)))
        return {};
    return key.mid(key.lastIndexOf(QChar(0x1f)) + 1);
}
// The product is the middle part of a three-part key; a two-part key is a cdb task's.
inline QString productOfKey(const QString& key) {
    const qsizetype first = key.indexOf(QChar(0x1f));
    const qsizetype last = key.lastIndexOf(QChar(0x1f));
    if (first < 0 || first == last)
        return QString::fromLatin1(kCdbProduct);
    return key.mid(first + 1, last - first - 1);
}
// The task id of a job without an AsyncRequestId: "job:<JobId>" (never a well-formed AsyncRequestId).
inline QString jobTaskId(qint64 jobId) {
    return QStringLiteral("job:") + QString::number(jobId);
}
inline bool isJobTaskId(const QString& id) {
    return id.startsWith(QLatin1String("job:"));
}

} // namespace taskwatch
