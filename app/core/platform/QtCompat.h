// The Qt APIs that changed between Qt 6.4 (Debian 12, Ubuntu 24.04) and Qt 6.8 (Debian 13): one spelling that
// builds without deprecation warnings on both and behaves the same on both.
//
// UTC: QTimeZone::UTC exists from Qt 6.5 on, and Qt::UTC in the QDateTime constructors is deprecated in 6.9
// (warned about by 6.8). QTimeZone::utc() is no substitute on 6.4: it makes a Qt::TimeZone date time whose
// ISO text ends in "+00:00" instead of "Z", which would change every CSV and JSON time. Regular expressions:
// match(QStringView) and globalMatch(QStringView) are deprecated in 6.8 in favour of matchView() and
// globalMatchView(), which exist from 6.5 on.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringView>
#include <QTime>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

namespace taskwatch::compat {

// `date` `time` in UTC (timeSpec() == Qt::UTC).
inline QDateTime utcDateTime(QDate date, QTime time) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

// Milliseconds since the epoch as a UTC date time.
inline QDateTime utcFromMSecs(qint64 msecs) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
#endif
}

// The same date and time of day, taken as UTC (what setTimeSpec(Qt::UTC) did).
inline QDateTime asUtc(const QDateTime& t) {
    return utcDateTime(t.date(), t.time());
}

inline QRegularExpressionMatch matchView(const QRegularExpression& re, QStringView text) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return re.matchView(text);
#else
    return re.match(text);
#endif
}

inline QRegularExpressionMatchIterator globalMatchView(const QRegularExpression& re, QStringView text) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return re.globalMatchView(text);
#else
    return re.globalMatch(text);
#endif
}

} // namespace taskwatch::compat
