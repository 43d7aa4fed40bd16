// PacingGate: pure arithmetic with injected times. Simulated senders wake up late by random jitter; every
// window of the run is checked against the server's 40 requests per 1000 ms, also as the server sees them
// after uneven network delays (HTTP/2 pairs, HTTP/1.1 connections freed together).
#include "SendWindows.h"
#include "pacing/PacingGate.h"

#include <QRandomGenerator>
#include <QTest>
#include <vector>

using namespace taskwatch;

namespace {

qint64 minGap(const std::vector<qint64>& sends) {
    qint64 gap = std::numeric_limits<qint64>::max();
    for (std::size_t i = 1; i < sends.size(); ++i)
        gap = std::min(gap, sends[i] - sends[i - 1]);
    return gap;
}

// Constant demand: the sender asks for the next allowed time, wakes up `0..maxJitter` ms late, sends if the
// gate agrees (a timer that fires early is simulated too when `early` is set) and otherwise asks again.
std::vector<qint64> simulate(PacingGate& gate, qint64 fromMs, qint64 untilMs, int maxJitter, quint32 seed,
                             bool idlePauses = false) {
    QRandomGenerator rng(seed);
    std::vector<qint64> sends;
    qint64 now = fromMs;
    while (now < untilMs) {
        const qint64 next = gate.nextAllowedAt(now);
        if (next < now)
            return {}; // contract: never in the past
        now = next + (maxJitter > 0 ? rng.bounded(maxJitter + 1) : 0);
        if (idlePauses && rng.bounded(50) == 0)
            now += rng.bounded(3000); // demand stops for a while, then comes back all at once
        if (now >= untilMs)
            break;
        if (!gate.canSend(now))
            continue;
        gate.recordSend(now);
        sends.push_back(now);
    }
    return sends;
}

} // namespace

class TestPacingGate : public QObject {
    Q_OBJECT
private slots:
    // The HTTP/2 guard: the kernel may hold a request ~40 ms, so 40 sends in any 1050 ms, one every 26.25 ms;
    // a gate switched mid-run keeps its schedule and bounds every later window by the new guard.
    void http2GuardHoldsFortyInAnyTenFiftyMs() {
        PacingGate gate;
        const std::vector<qint64> before = simulate(gate, 0, 3000, 3, 5);
        QVERIFY(maxInAnyWindow(before, 1040) <= 40);
        gate.setGuardMs(PacingGate::kHttp2GuardMs);
        QCOMPARE(gate.guardedWindowMs(), qint64(1050));
        QCOMPARE(gate.spacingMs(), 1050.0 / 40.0);
        const std::vector<qint64> after = simulate(gate, 3000, 20000, 3, 6);
        std::vector<qint64> all = before;
        all.insert(all.end(), after.begin(), after.end());
        const auto windowsEndingAfter = [&](qint64 windowMs) { // every window that ends after the switch
            int most = 0;
            for (std::size_t hi = 0; hi < all.size(); ++hi) {
                if (all[hi] < 3000)
                    continue;
                int n = 0;
                for (std::size_t lo = 0; lo <= hi; ++lo)
                    n += all[hi] - all[lo] < windowMs;
                most = std::max(most, n);
            }
            return most;
        };
        QVERIFY2(windowsEndingAfter(1050) <= 40, qPrintable(QString::number(windowsEndingAfter(1050))));
        const double rate = 1000.0 * double(after.size() - 1) / double(after.back() - after.front());
        QVERIFY2(rate >= 38.0 && rate <= 38.2, qPrintable(QString::number(rate)));
    }

    void firstSendIsImmediate() {
        PacingGate gate;
        QVERIFY(gate.canSend(1000));
        QCOMPARE(gate.nextAllowedAt(1000), 1000);
        gate.recordSend(1000);
        QVERIFY(!gate.canSend(1000));
        QVERIFY(!gate.canSend(1025));
        QCOMPARE(gate.nextAllowedAt(1000), 1026);
        QCOMPARE(gate.guardMs(), 40);
        QCOMPARE(gate.spacingMs(), 1040.0 / 40.0);
        QCOMPARE(gate.minGapMs(), 15); // 60 % of a spacing: a late sender catches up
    }

    void nextAllowedIsConsistentWithCanSend() {
        PacingGate gate;
        QRandomGenerator rng(7);
        qint64 now = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 next = gate.nextAllowedAt(now);
            QVERIFY(next >= now);
            if (next > now)
                QVERIFY(!gate.canSend(next - 1));
            QVERIFY(gate.canSend(next));
            now = next + rng.bounded(4);
            gate.recordSend(now);
        }
    }

    void neverMoreThan40InAnyWindow_data() {
        QTest::addColumn<int>("maxJitter");
        QTest::addColumn<bool>("idlePauses");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("exact wake-ups") << 0 << false << 1u;
        QTest::newRow("jitter 0..3 ms") << 3 << false << 2u;
        QTest::newRow("jitter 0..20 ms") << 20 << false << 3u;
        QTest::newRow("jitter and idle pauses") << 5 << true << 4u;
        QTest::newRow("large jitter and idle pauses") << 40 << true << 5u;
        QTest::newRow("jitter 0..8 ms") << 8 << false << 6u;
    }

    void neverMoreThan40InAnyWindow() {
        QFETCH(int, maxJitter);
        QFETCH(bool, idlePauses);
        QFETCH(quint32, seed);
        PacingGate gate;
        const std::vector<qint64> sends = simulate(gate, 0, 600'000, maxJitter, seed, idlePauses);
        QVERIFY(sends.size() > 1000);
        QVERIFY2(maxInAnyWindow(sends, 1000) <= 40, "more than 40 sends in a 1000 ms window");
        QVERIFY2(maxInAnyWindow(sends, 1040) <= 40, "more than 40 sends in a 1040 ms window");
        QVERIFY2(minGap(sends) >= gate.minGapMs(), "two sends closer than the minimum gap");
        // The server's side: arrivals delayed unevenly by up to 39 ms, or held back in pairs (HTTP/2
        // multiplexing lets a request leave with the next one, ~8 ms apart), stay within 40 per 1000 ms.
        const std::vector<qint64> delayed = arrivalsAtServer(sends, 39, seed);
        QVERIFY2(maxInAnyWindow(delayed, 1000) <= 40,
                 qPrintable(QString::number(maxInAnyWindow(delayed, 1000))));
        const std::vector<qint64> paired = pairedAtServer(sends, 8, seed);
        QVERIFY2(maxInAnyWindow(paired, 1000) <= 40,
                 qPrintable(QString::number(maxInAnyWindow(paired, 1000))));
    }

    void sustainedRateAtLeast38PerSecond_data() {
        QTest::addColumn<int>("maxJitter");
        QTest::newRow("exact wake-ups") << 0;
        QTest::newRow("jitter 0..1 ms") << 1;
        QTest::newRow("jitter 0..3 ms") << 3;
        QTest::newRow("jitter 0..8 ms") << 8;
    }

    void sustainedRateAtLeast38PerSecond() {
        QFETCH(int, maxJitter);
        // Late wake-ups keep their place in the schedule (the next sends catch up): the rate holds.
        for (quint32 seed : {11u, 12u, 13u}) {
            PacingGate gate;
            const std::vector<qint64> sends = simulate(gate, 0, 60'000, maxJitter, seed);
            // 60 simulated seconds of constant demand.
            QVERIFY2(sends.size() >= 38 * 60, qPrintable(QString::number(sends.size())));
            QVERIFY(sends.size() <= 40 * 60);
            QVERIFY(maxInAnyWindow(sends, 1040) <= 40);
        }
    }

    void evenSpacingNoBursts() {
        PacingGate gate;
        const std::vector<qint64> sends = simulate(gate, 0, 10'000, 0, 1);
        // Every gap is 26 ms: no burst followed by a pause.
        for (std::size_t i = 1; i < sends.size(); ++i) {
            const qint64 gap = sends[i] - sends[i - 1];
            QVERIFY2(gap == 26, qPrintable(QString::number(gap)));
        }
    }

    void evenSpacingWithLateWakeUps() {
        PacingGate gate;
        // With wake-ups 0..8 ms late the gaps stay between the minimum gap and two spacings (no burst, no
        // pause); the average is the schedule's 26 ms.
        const std::vector<qint64> sends = simulate(gate, 0, 20'000, 8, 3);
        for (std::size_t i = 1; i < sends.size(); ++i) {
            const qint64 gap = sends[i] - sends[i - 1];
            QVERIFY2(gap >= gate.minGapMs() && gap <= 2 * 26, qPrintable(QString::number(gap)));
        }
        const double mean = double(sends.back() - sends.front()) / double(sends.size() - 1);
        QVERIFY2(mean <= 26.3, qPrintable(QString::number(mean)));
    }

    void afterIdleNoBurst() {
        PacingGate gate;
        // A sender that was idle for a long time and then has a backlog still starts at the even spacing.
        gate.recordSend(0);
        std::vector<qint64> sends;
        qint64 now = 60'000;
        for (int i = 0; i < 100; ++i) {
            now = gate.nextAllowedAt(now);
            gate.recordSend(now);
            sends.push_back(now);
        }
        QVERIFY(minGap(sends) >= 26);
        QVERIFY(maxInAnyWindow(sends, 1000) <= 40);
    }

    void slowDownAndRestore() {
        PacingGate gate;
        std::vector<qint64> fast = simulate(gate, 0, 10'000, 2, 21);
        gate.setMaxPerWindow(20);
        QCOMPARE(gate.maxPerWindow(), 20);
        const std::vector<qint64> slow = simulate(gate, 10'000, 30'000, 2, 22);
        QVERIFY(maxInAnyWindow(slow, 1040) <= 20);
        QVERIFY(maxInAnyWindow(slow, 1000) <= 20);
        QVERIFY(minGap(slow) >= gate.minGapMs()); // 1040 / 20 = 52 ms spacing
        QCOMPARE(gate.minGapMs(), 31);
        QVERIFY(slow.size() >= 18 * 19); // about 19.2/s for 20 s (the first second drains the fast window)
        // The boundary between the two rates never exceeds the fast limit either.
        std::vector<qint64> all = fast;
        all.insert(all.end(), slow.begin(), slow.end());
        QVERIFY(maxInAnyWindow(all, 1000) <= 40);

        gate.setMaxPerWindow(40);
        const std::vector<qint64> restored = simulate(gate, 30'000, 40'000, 0, 23);
        QVERIFY(restored.size() >= 38 * 10);
        all.insert(all.end(), restored.begin(), restored.end());
        QVERIFY(maxInAnyWindow(all, 1000) <= 40);
    }

    void minimumOnePerWindow() {
        PacingGate gate;
        gate.setMaxPerWindow(0);
        QCOMPARE(gate.maxPerWindow(), 1);
        const std::vector<qint64> sends = simulate(gate, 0, 20'000, 3, 31);
        QVERIFY(maxInAnyWindow(sends, 1040) <= 1);
        QVERIFY(sends.size() >= 15);
    }

    // A send that left later than it was recorded (amendSend) is counted from when it left. The sender's
    // thread is busy right after the first send for 70 ms (and after one in 100 later ones for 30..90 ms):
    // that send leaves when the work is done, and the sender wakes up then too and catches up with shorter
    // gaps. Still at most 40 departures in any 1000 ms, at the even rate; counted from the sends, 41.
    void lateDeparturesAreCountedWhenTheyLeave() {
        PacingGate gate;
        QRandomGenerator rng(9);
        std::vector<std::pair<qint64, qint64>> unsent; // (recorded, leaves)
        std::vector<qint64> departures;
        qint64 now = 0;
        qint64 busyUntil = 0;
        for (int i = 0; i < 600; ++i) {
            now = std::max(gate.nextAllowedAt(now) + rng.bounded(3), busyUntil);
            for (auto it = unsent.begin(); it != unsent.end();) { // the departures reported by now
                if (it->second <= now) {
                    gate.amendSend(it->first, it->second);
                    it = unsent.erase(it);
                } else {
                    ++it;
                }
            }
            if (!gate.canSend(now))
                continue;
            gate.recordSend(now);
            const qint64 lag = i == 0 ? 70 : (rng.bounded(100) == 0 ? 30 + rng.bounded(61) : 0);
            departures.push_back(now + lag);
            if (lag > 0) {
                unsent.emplace_back(now, now + lag);
                busyUntil = now + lag;
            }
        }
        std::sort(departures.begin(), departures.end());
        QVERIFY2(maxInAnyWindow(departures, 1000) <= 40,
                 qPrintable(QString::number(maxInAnyWindow(departures, 1000))));
        const double rate =
            1000.0 * double(departures.size() - 1) / double(departures.back() - departures.front());
        QVERIFY2(rate >= 38.0, qPrintable(QString::number(rate)));
    }

    void amendKeepsTheRingInTimeOrder() {
        PacingGate gate(3, 1000, 0);
        gate.recordSend(0);
        gate.recordSend(400);
        gate.recordSend(700);
        QCOMPARE(gate.nextAllowedAt(700), 1000); // the oldest of three leaves the window at 1000
        QVERIFY(gate.amendSend(0, 800));         // ... but it left at 800, after the other two
        QCOMPARE(gate.nextAllowedAt(800), 1400); // now the oldest is the one of 400
        QVERIFY(!gate.amendSend(700, 650));      // never earlier
        QCOMPARE(gate.nextAllowedAt(800), 1400);
        QCOMPARE(gate.sentInLast(1399, 1000), 3);
    }

    void sentInLastCountsTheWindow() {
        PacingGate gate;
        for (qint64 t : {0, 100, 200, 900, 1000})
            gate.recordSend(t);
        QCOMPARE(gate.sentInLast(1000, 1000), 4); // (0, 1000]
        QCOMPARE(gate.sentInLast(1000, 101), 2);  // 900, 1000
        QCOMPARE(gate.sentInLast(5000, 1000), 0);
    }
};

QTEST_GUILESS_MAIN(TestPacingGate)
#include "tst_pacinggate.moc"
