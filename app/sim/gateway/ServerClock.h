// The emulated server's clock: the local clock plus an offset (Date header, signature window, task times).
#pragma once

#include <QDateTime>

namespace taskwatch::sim {

class ServerClock {
public:
    void setOffset(qint64 seconds) { m_offset = seconds; }
    qint64 offset() const { return m_offset; }
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offset); } // UTC

private:
    qint64 m_offset = 0;
};

} // namespace taskwatch::sim
