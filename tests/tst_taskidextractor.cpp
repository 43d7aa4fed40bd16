#include "task/TaskIdExtractor.h"

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

    void tccliResponseRequestIdIsNotATask() {
        // tccli prints the response object itself, pretty-printed: the RequestId UUID is not a task.
        const auto r =
            TaskIdExtractor::extract(u"{\n"
                                     u"    \"AsyncRequestId\": \"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7\",\n"
                                     u"    \"RequestId\": \"6EF60BEC-0242-43AF-BB20-270359FB54A7\"\n"
                                     u"}\n");
        QCOMPARE(r.ids, QStringList{QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7")});
    }

    void requestIdLabels_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        const QString uuid = QStringLiteral("6ef60bec-0242-43af-bb20-270359fb54a7");
        const QString task = QStringLiteral("aaaaaaaa-00000001-00000001-00000001");
        const QStringList none;
        QTest::newRow("json compact") << QStringLiteral("{\"RequestId\":\"%1\"}").arg(uuid) << none;
        QTest::newRow("json spaced") << QStringLiteral("{ \"RequestId\" :  \"%1\" }").arg(uuid) << none;
        QTest::newRow("text colon") << QStringLiteral("RequestId: %1").arg(uuid) << none;
        QTest::newRow("text equals") << QStringLiteral("RequestId=%1").arg(uuid) << none;
        QTest::newRow("lowercase") << QStringLiteral("requestid = '%1'").arg(uuid) << none;
        QTest::newRow("upper") << QStringLiteral("REQUESTID:%1").arg(uuid.toUpper()) << none;
        QTest::newRow("our own log line")
            << QStringLiteral("[RequestId=%1] %2").arg(uuid, task) << QStringList{task};
        QTest::newRow("AsyncRequestId json")
            << QStringLiteral("{\"AsyncRequestId\": \"%1\"}").arg(uuid) << QStringList{uuid};
        QTest::newRow("AsyncRequestId text")
            << QStringLiteral("AsyncRequestId=%1").arg(uuid) << QStringList{uuid};
        QTest::newRow("other label") << QStringLiteral("TaskRequestId: %1").arg(uuid) << QStringList{uuid};
        QTest::newRow("unlabelled uuid") << QStringLiteral("please watch %1").arg(uuid) << QStringList{uuid};
        QTest::newRow("label without separator")
            << QStringLiteral("RequestId %1").arg(uuid) << QStringList{uuid};
        QTest::newRow("both, RequestId first")
            << QStringLiteral("{\"RequestId\":\"%1\",\"AsyncRequestId\":\"%2\"}").arg(uuid, task)
            << QStringList{task};
        QTest::newRow("same uuid labelled then not")
            << QStringLiteral("RequestId: %1\nAsyncRequestId: %1").arg(uuid) << QStringList{uuid};
    }

    void requestIdLabels() {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        const ExtractedIds r = TaskIdExtractor::extract(text);
        QCOMPARE(r.ids, ids);
        QCOMPARE(r.duplicates, 0);
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
