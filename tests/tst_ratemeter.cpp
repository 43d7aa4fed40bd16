// RateMeter: the status bar's request rate averages the per-second counts of the last 30 s, so a few tasks
// polled every 5–15 s show their real rate instead of "0.0 req/s" between two polls.
#include "window/RateMeter.h"

#include <QtTest>

using taskwatch::ui::RateMeter;

class TestRateMeter : public QObject {
    Q_OBJECT
private slots:
    void emptyIsZero() { QCOMPARE(RateMeter().rate(), 0.0); }

    // Three tasks polled every 5 s: one request in each of 3 seconds out of 5; the last second alone is 0
    // two times out of five, the average is 0.6.
    void averagesOverTheWindow() {
        RateMeter meter;
        qint64 now = 100000;
        for (int second = 0; second < 60; ++second) {
            now += 1000;
            meter.sample(now, second % 5 < 3 ? 1 : 0);
        }
        QCOMPARE(meter.rate(), 0.6);
    }

    // Until the window is full, the average is over the seconds counted so far.
    void startsWithWhatWasCounted() {
        RateMeter meter;
        meter.sample(1000, 4);
        QCOMPARE(meter.rate(), 4.0);
        meter.sample(2000, 0);
        QCOMPARE(meter.rate(), 2.0);
    }

    // Old counts leave the window: after a backlog at 38/s and 30 idle seconds, the rate is 0.
    void oldCountsLeave() {
        RateMeter meter;
        qint64 now = 0;
        for (int second = 0; second < 30; ++second)
            meter.sample(now += 1000, 38);
        QCOMPARE(meter.rate(), 38.0);
        for (int second = 0; second < 15; ++second)
            meter.sample(now += 1000, 0);
        QCOMPARE(meter.rate(), 19.0);
        for (int second = 0; second < 15; ++second)
            meter.sample(now += 1000, 0);
        QCOMPARE(meter.rate(), 0.0);
    }

    // A timer firing early counts mostly the same requests again: that sample replaces the previous one.
    void earlySampleReplaces() {
        RateMeter meter;
        meter.sample(1000, 2);
        meter.sample(1200, 2);
        QCOMPARE(meter.rate(), 2.0);
        meter.sample(2200, 0);
        QCOMPARE(meter.rate(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestRateMeter)
#include "tst_ratemeter.moc"
