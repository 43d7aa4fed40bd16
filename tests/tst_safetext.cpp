#include "task/SafeText.h"

#include <QTest>

using namespace taskwatch;

class TestSafeText : public QObject {
    Q_OBJECT
private slots:
    void controlAndBidiNeutralised() {
        const QString hostile = QStringLiteral("ok\u202Eevil\u2066x\u0000y\u001b[31mred\r\nnext\tcol");
        const QString line = SafeText::singleLine(hostile);
        for (const QChar c : line)
            QVERIFY2(!SafeText::isUnsafe(c), qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY(line.startsWith(QLatin1String("ok")));
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QVERIFY(line.contains(QStringLiteral("next col")));
        const QString multi = SafeText::multiLine(hostile);
        QVERIFY(multi.contains(QLatin1Char('\n')));
        QVERIFY(!multi.contains(QChar(0x202e)));
        QVERIFY(!multi.contains(QChar(0x1b)));
    }
    void separatorsAndZeroWidthNeutralised_data() {
        QTest::addColumn<int>("codePoint");
        for (const int u :
             {0x2028, 0x2029, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x202e, 0x2066, 0x1b, 0x9b})
            QTest::newRow(qPrintable(QString::number(u, 16))) << u;
    }
    void separatorsAndZeroWidthNeutralised() {
        QFETCH(int, codePoint);
        const QString text = QStringLiteral("a") + QChar(char16_t(codePoint)) + QStringLiteral("b");
        const QString replaced = QStringLiteral("a\uFFFDb");
        QVERIFY(SafeText::isUnsafe(QChar(char16_t(codePoint))));
        QCOMPARE(SafeText::singleLine(text), replaced);
        QCOMPARE(SafeText::multiLine(text), replaced);
        QCOMPARE(SafeText::forExport(text), replaced);
    }
    void ordinaryTextUntouched() {
        // Joiners inside ordinary scripts are not the characters above; CJK, emoji and accents stay.
        const QString text = QStringLiteral("删除库表成功 café \u00a0 ok");
        QCOMPARE(SafeText::singleLine(text), text);
        QCOMPARE(SafeText::forExport(text), text);
    }
    void forExportKeepsLineBreaks() {
        const QString text = QStringLiteral("line1\r\nline2\tcol\nend\x1b[0m");
        QCOMPARE(SafeText::forExport(text), QStringLiteral("line1\r\nline2\tcol\nend\uFFFD[0m"));
        const QString big(100000, QLatin1Char('x'));
        QCOMPARE(SafeText::forExport(big), big); // no length bound: the export keeps the data
    }
    void toolTipIsLiteral() {
        const QString tip = SafeText::toolTip(QStringLiteral("<b>bold</b> & <img src=x>\nnext"));
        QVERIFY(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;<br>next")));
        QVERIFY(!tip.contains(QStringLiteral("<b>")));
        QVERIFY(!tip.contains(QStringLiteral("<img")));
    }
    void formatMarkersStayLiteral() {
        QCOMPARE(SafeText::singleLine(QStringLiteral("%1 %s %n")), QStringLiteral("%1 %s %n"));
    }
    void boundedWithoutSplittingSurrogates() {
        const QString emoji =
            QString(10, QLatin1Char('a')) + QString::fromUtf8("\xF0\x9F\x98\x80") + QStringLiteral("tail");
        const QString cut = SafeText::singleLine(emoji, 11);
        QVERIFY(!cut.at(10).isHighSurrogate());
        QVERIFY(cut.contains(QStringLiteral("cut")));
        QCOMPARE(SafeText::singleLine(QStringLiteral("删除库表成功")), QStringLiteral("删除库表成功"));
    }
};

QTEST_GUILESS_MAIN(TestSafeText)
#include "tst_safetext.moc"
