#include "pacing/ClockCorrector.h"
#include "api/QueryResult.h"

#include <QDateTime>
#include <cmath>

namespace taskwatch {

ClockCorrector::Verdict ClockCorrector::onSignatureExpired(const QueryResult& result, qint64 currentOffset,
                                                           qint64 sentOffset, qint64* newOffset) {
    if (currentOffset != sentOffset)
        return Verdict::Resign;
    if (result.serverDate.isValid() && m_corrections < kMaxCorrections) {
        const qint64 offset = result.serverDate.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
        if (std::abs(offset - sentOffset) > kAgreementSecs) {
            ++m_corrections;
            *newOffset = offset;
            return Verdict::Corrected;
        }
    }
    return Verdict::GiveUp;
}

} // namespace taskwatch
