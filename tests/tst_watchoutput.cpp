// WatchOutput::jsonLine against QJsonDocument: the line is written directly, and must be byte for byte what
// QJsonDocument::toJson(Compact) makes of the same object, for any server text.
#include "WatchOutput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::cli;

namespace {
// What jsonLine printed when it built a QJsonObject (the reference).
QString viaQJsonDocument(const TaskState& s) {
    const auto optional = [](const std::optional<QString>& v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject o;
    const QDateTime time = s.lastCheckedAt.isValid() ? s.lastCheckedAt : QDateTime::currentDateTimeUtc();
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("region"), s.region);
    o.insert(QStringLiteral("status"), optional(s.status));
    o.insert(QStringLiteral("info"), optional(s.info));
    o.insert(QStringLiteral("requestId"),
             s.requestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.requestId));
    if (s.errorCode.isEmpty()) {
        o.insert(QStringLiteral("error"), QJsonValue(QJsonValue::Null));
    } else {
        QJsonObject e;
        e.insert(QStringLiteral("code"), s.errorCode);
        e.insert(QStringLiteral("message"), s.errorMessage);
        o.insert(QStringLiteral("error"), e);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString units(std::initializer_list<char16_t> codeUnits) {
    QString s;
    for (const char16_t u : codeUnits)
        s += QChar(u);
    return s;
}

TaskState state(const QString& text) {
    TaskState s;
    s.id = QStringLiteral("cdb-1234-") + text.left(8);
    s.region = QStringLiteral("ap-guangzhou");
    s.status = text;
    s.info = text + text;
    s.requestId = text;
    s.lastCheckedAt = QDateTime(QDate(2026, 12, 1), QTime(17, 20, 1, 42), Qt::UTC);
    return s;
}
} // namespace

class TestWatchOutput : public QObject {
    Q_OBJECT
private slots:
    void jsonLineIsWhatQJsonDocumentWrites_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("RUNNING");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral("a\"b\\c\\\"d/e");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        controls += QChar(0x7f);
        QTest::newRow("every control character") << controls;
        QTest::newRow("latin-1, CJK, emoji") << QStringLiteral("é ß 任务完成 \U0001F600 \u2028\u2029 \uFEFF");
        QTest::newRow("noncharacters") << units({0xFFFE, 0xFFFF, 0xFDD0});
        QTest::newRow("lone high surrogate at the end") << units({u'x', 0xD83D});
        QTest::newRow("lone high surrogate before text") << units({0xD83D, u'x'});
        QTest::newRow("lone low surrogate") << units({0xDE00, u'x'});
        QTest::newRow("two high surrogates then a low") << units({0xD83D, 0xD83D, 0xDE00});
        QTest::newRow("html and format") << QStringLiteral("<b>%1 %n</b>&amp;");
    }
    void jsonLineIsWhatQJsonDocumentWrites() {
        QFETCH(QString, text);
        TaskState s = state(text);
        QCOMPARE(WatchOutput::jsonLine(s), viaQJsonDocument(s));
        s.status.reset();
        s.info.reset();
        s.requestId.clear();
        QCOMPARE(WatchOutput::jsonLine(s), viaQJsonDocument(s));
        s.errorCode = QStringLiteral("ResourceNotFound.") + text;
        s.errorMessage = text;
        QCOMPARE(WatchOutput::jsonLine(s), viaQJsonDocument(s));
        s.errorMessage.clear();
        QCOMPARE(WatchOutput::jsonLine(s), viaQJsonDocument(s));
    }

    // Random UTF-16 (any code unit, surrogates unpaired or paired) in every field.
    void jsonLineOfRandomText() {
        QRandomGenerator rng(20261201);
        for (int i = 0; i < 2000; ++i) {
            QString text;
            const int n = int(rng.bounded(12));
            for (int k = 0; k < n; ++k) {
                const quint32 kind = rng.bounded(4);
                text += QChar(char16_t(kind == 0   ? rng.bounded(0x80)
                                       : kind == 1 ? 0xD800 + rng.bounded(0x800)
                                                   : rng.bounded(0x10000)));
            }
            TaskState s = state(text);
            s.errorCode = i % 2 ? text : QString();
            s.errorMessage = text;
            QCOMPARE(WatchOutput::jsonLine(s), viaQJsonDocument(s));
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchOutput)
#include "tst_watchoutput.moc"
