#include "SafeText.h"

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
