#include "TaskIdExtractor.h"

#include <QTest>

using namespace taskwatch;

class TestTaskIdExtractor : public QObject {
    Q_OBJECT
private slots:
    void fromJsonResponse() {
        const auto r = TaskIdExtractor::extract(
            uR"({"Response":{"AsyncRequestId":"F96E4F3C-8fc96c86-2ec79ac8-cb63a7a7","RequestId":"x"}})");
        QCOMPARE(r.ids, QStringList{QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7")});
        QCOMPARE(r.unrecognisedLineCount, 0);
    }

    void uuidsLowercasedAndDuplicatesDropped() {
        const auto r = TaskIdExtractor::extract(u"7EF78BEC-0111-43AF-BB11-111112FB54A7\n"
                                                u"again 7ef78bec-0111-43af-bb11-111112fb54a7, and "
                                                u"38265324-dd030463-3d46a793-4a0420b1\n");
        QCOMPARE(r.ids, (QStringList{QStringLiteral("7ef78bec-0111-43af-bb11-111112fb54a7"),
                                     QStringLiteral("38265324-dd030463-3d46a793-4a0420b1")}));
        QCOMPARE(r.duplicates, 1);
    }

    void unrecognisedLinesReported() {
        const auto r = TaskIdExtractor::extract(u"hello\n\n  9ad9c2d5-88007b27-7d2c8b8c-f2598f12  \r\n"
                                                u"123asd21-2dasdasd-123qcsdw-313213\nlast line");
        QCOMPARE(r.ids.size(), 1);
        QCOMPARE(r.unrecognisedLineCount, 3);
        QCOMPARE(r.unrecognisedLines,
                 (QStringList{QStringLiteral("hello"), QStringLiteral("123asd21-2dasdasd-123qcsdw-313213"),
                              QStringLiteral("last line")}));
    }

    void notPartOfLongerTokens() {
        QVERIFY(TaskIdExtractor::extract(u"af96e4f3c-8fc96c86-2ec79ac8-cb63a7a7").ids.isEmpty());
        QVERIFY(TaskIdExtractor::extract(u"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7a").ids.isEmpty());
        QVERIFY(TaskIdExtractor::extract(u"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7-12345678").ids.isEmpty());
        QVERIFY(TaskIdExtractor::extract(u"x-f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7").ids.isEmpty());
        QCOMPARE(TaskIdExtractor::extract(u"id=f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7;").ids.size(), 1);
        QVERIFY(TaskIdExtractor::extract(u"f96e4f3c-8fc96c86-2ec79ac8").ids.isEmpty());
    }

    void isTaskId() {
        QVERIFY(TaskIdExtractor::isTaskId(u" f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7 "));
        QVERIFY(!TaskIdExtractor::isTaskId(u"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7 x"));
        QVERIFY(!TaskIdExtractor::isTaskId(u""));
    }

    void emptyAndBinaryInputDoNotCrash() {
        QVERIFY(TaskIdExtractor::extract(u"").ids.isEmpty());
        QString junk;
        for (int i = 0; i < 5000; ++i)
            junk.append(QChar(char16_t((i * 7919) % 0xD7FF)));
        (void)TaskIdExtractor::extract(junk);
    }

    void megabytePaste() {
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("2026-11-27 log line %1 task %2-8fc96c86-2ec79ac8-cb63a7a7 done\n")
                        .arg(i)
                        .arg(i, 8, 16, QLatin1Char('0'));
        QVERIFY(text.size() > 1000000);
        const auto r = TaskIdExtractor::extract(text);
        QCOMPARE(r.ids.size(), 20000);
        QCOMPARE(r.unrecognisedLineCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestTaskIdExtractor)
#include "tst_taskidextractor.moc"
