// How a task is named on the board: (profile, task id) as one string, and the id of a job listed without an
// AsyncRequestId.
#pragma once

#include <QChar>
#include <QString>

namespace taskwatch {

// A task on the board is identified by (profile, task id): the same id may be watched under two accounts.
// As one string (hash keys, model roles): profile, U+001F, id (neither may contain a control character).
inline QString taskKey(const QString& profile, const QString& id) {
    return profile + QChar(0x1f) + id;
}
inline QString profileOfKey(const QString& key) {
    return key.section(QChar(0x1f), 0, 0);
}
inline QString idOfKey(const QString& key) {
    return key.section(QChar(0x1f), 1);
}
// The task id of a job without an AsyncRequestId: "job:<JobId>" (never a well-formed AsyncRequestId).
inline QString jobTaskId(qint64 jobId) {
    return QStringLiteral("job:") + QString::number(jobId);
}
inline bool isJobTaskId(const QString& id) {
    return id.startsWith(QLatin1String("job:"));
}

} // namespace taskwatch
