// The signing clock of one client (local clock + offset). After AuthFailure.SignatureExpire it measures the
// offset again from the server's Date, however often that happens (NTP fixed the local clock, the laptop
// resumed, the server's clock moved), and gives up when there is no Date, when the Date agrees with the
// clock the request was signed with (a correction would not help) or after several corrections with no
// other answer in between.
#pragma once

#include "api/QueryResult.h"

#include <QtGlobal>

namespace taskwatch {

class ClockCorrector {
public:
    enum class Verdict {
        Resign,    // signed before the latest correction: just sign it again
        Corrected, // the offset was corrected: sign again (newOffset says to what)
        GiveUp     // treat it as an authentication failure
    };
    // `currentOffset`: the client's offset now; `sentOffset`: the one the request was signed with.
    Verdict onSignatureExpired(const QueryResult& result, qint64 currentOffset, qint64 sentOffset,
                               qint64* newOffset);
    void noteUnskewedAnswer() { m_corrections = 0; } // an answer the clock did not spoil
    void reset() { m_corrections = 0; }              // a new credential or a fixed clock

    // The Date "agrees" with the signing clock when they are this close (Date has a resolution of one
    // second, and the answer takes time).
    static constexpr qint64 kAgreementSecs = 2;
    static constexpr int kMaxCorrections = 3;

private:
    int m_corrections = 0;
};

} // namespace taskwatch
