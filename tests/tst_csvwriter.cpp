// CsvWriter: RFC 4180 output checked by an independent parser written here, formula-injection guard,
// BOM, exact header, CRLF, and the QSaveFile/stdout export of the history.
#include "history/CsvWriter.h"
#include "history/TaskStore.h"
#include "platform/QtCompat.h"
#include "task/HistoryEntry.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>
#include <cstdio>
#include <unistd.h>

using namespace taskwatch;

namespace {

const QByteArray kHeaderLine =
    "observed_at,task_id,region,status,info,error_code,error_message,request_id,product\r\n";
const QByteArray kBom = "\xEF\xBB\xBF";

// A minimal, strict RFC 4180 reader (a state machine, deliberately not sharing anything with the writer):
// records end with CRLF only, quoted fields may hold anything with "" for a quote, and anything else
// (a bare CR or LF outside quotes, a quote inside an unquoted field, text after a closing quote, an
// unterminated quote or last record) is an error.
struct Parsed {
    QList<QStringList> records;
    QString error;
};

Parsed parseCsv(const QByteArray& data) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };
    Parsed out;
    State state = State::FieldStart;
    QByteArray field;
    QStringList record;
    bool recordOpen = false; // a field was started in the current record
    auto endField = [&] {
        record << QString::fromUtf8(field);
        field.clear();
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        switch (state) {
        case State::FieldStart:
            recordOpen = true;
            if (c == '"') {
                state = State::Quoted;
            } else if (c == ',') {
                endField();
            } else if (c == '\r') {
                endField();
                state = State::AfterCr;
            } else if (c == '\n') {
                out.error = QStringLiteral("bare LF at %1").arg(i);
                return out;
            } else {
                field += c;
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (c == ',') {
                endField();
                state = State::FieldStart;
            } else if (c == '\r') {
                endField();
                state = State::AfterCr;
            } else if (c == '\n' || c == '"') {
                out.error = QStringLiteral("unexpected %1 in unquoted field at %2").arg(int(c)).arg(i);
                return out;
            } else {
                field += c;
            }
            break;
        case State::Quoted:
            if (c == '"')
                state = State::QuoteInQuoted;
            else
                field += c;
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                field += '"';
                state = State::Quoted;
            } else if (c == ',') {
                endField();
                state = State::FieldStart;
            } else if (c == '\r') {
                endField();
                state = State::AfterCr;
            } else {
                out.error = QStringLiteral("text after closing quote at %1").arg(i);
                return out;
            }
            break;
        case State::AfterCr:
            if (c != '\n') {
                out.error = QStringLiteral("CR not followed by LF at %1").arg(i);
                return out;
            }
            out.records << record;
            record.clear();
            recordOpen = false;
            state = State::FieldStart;
            break;
        }
    }
    if (state != State::FieldStart || recordOpen)
        out.error = QStringLiteral("data does not end with a complete CRLF-terminated record");
    return out;
}

QStringList headerFields() {
    return QString::fromLatin1(kHeaderLine.trimmed()).split(QLatin1Char(','));
}

HistoryEntry entryWithEveryText(const QString& text) {
    HistoryEntry e;
    e.observedAt = compat::utcDateTime(QDate(2026, 11, 27), QTime(19, 40, 0, 123));
    e.taskId = text;
    e.region = text;
    e.status = text;
    e.info = text;
    e.errorCode = text;
    e.errorMessage = text;
    e.requestId = text;
    return e;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "<unreadable>";
    return f.readAll();
}

QList<HistoryEntry> sampleEntries() {
    QList<HistoryEntry> list;
    const QStringList texts = {QStringLiteral("备份完成，\"耗时\" 3 分钟\r\n下一行"), QStringLiteral("=1+1"),
                               QStringLiteral("-1.5"), QStringLiteral("plain")};
    for (int i = 0; i < texts.size(); ++i) {
        HistoryEntry e = entryWithEveryText(texts.at(i));
        e.observedAt = compat::utcFromMSecs(1764272400000 + i * 1001);
        e.taskId = QStringLiteral("task-%1").arg(i);
        if (i == 3) {
            e.status = std::nullopt;
            e.info = std::nullopt;
        }
        if (i == 2)
            e.product = QStringLiteral("redis");
        list << e;
    }
    return list;
}

QString guarded(const QString& s) {
    return s == QLatin1String("=1+1") ? QStringLiteral("'=1+1") : s;
}

void checkExported(const QByteArray& data, const QList<HistoryEntry>& entries) {
    const Parsed p = parseCsv(data);
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.records.size(), entries.size() + 1);
    QCOMPARE(p.records.first(), headerFields());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const HistoryEntry& e = entries.at(i);
        const QStringList expected = {
            e.observedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")),
            e.taskId,
            guarded(e.region),
            e.status ? guarded(*e.status) : QString(),
            e.info ? guarded(*e.info) : QString(),
            guarded(e.errorCode),
            guarded(e.errorMessage),
            guarded(e.requestId),
            e.product};
        QCOMPARE(p.records.at(i + 1), expected);
    }
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void parserSelfCheck() {
        // The test's own parser must reject what RFC 4180 does not allow, or it proves nothing.
        QVERIFY(parseCsv("a,b\r\n").error.isEmpty());
        QCOMPARE(parseCsv("a,\"b\"\"c\",\r\n").records.value(0),
                 QStringList({QStringLiteral("a"), QStringLiteral("b\"c"), QString()}));
        QVERIFY(!parseCsv("a,b\n").error.isEmpty());
        QVERIFY(!parseCsv("a,b").error.isEmpty());
        QVERIFY(!parseCsv("a\rb\r\n").error.isEmpty());
        QVERIFY(!parseCsv("a\"b\r\n").error.isEmpty());
        QVERIFY(!parseCsv("\"a\"b\r\n").error.isEmpty());
        QVERIFY(!parseCsv("\"a\r\n").error.isEmpty());
    }

    void header() {
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeHeader();
        QVERIFY(w.ok());
        QCOMPARE(buf.data(), kHeaderLine);
        QCOMPARE(QByteArray(CsvWriter::kHeader) + "\r\n", kHeaderLine);
        QCOMPARE(w.recordsWritten(), qint64(0));
    }

    void bom_data() {
        QTest::addColumn<bool>("bom");
        QTest::newRow("off") << false;
        QTest::newRow("on") << true;
    }

    void bom() {
        QFETCH(bool, bom);
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf, bom);
        w.writeHeader();
        w.writeEntry(entryWithEveryText(QStringLiteral("中文")));
        w.writeEntry(entryWithEveryText(QStringLiteral("x")));
        QVERIFY(w.ok());
        QByteArray data = buf.data();
        QCOMPARE(data.startsWith(kBom), bom);
        QCOMPARE(data.count(kBom), bom ? 1 : 0); // once, at the very start
        if (bom)
            data.remove(0, kBom.size());
        QVERIFY(data.startsWith(kHeaderLine));
        const Parsed p = parseCsv(data);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.records.at(1).at(1), QStringLiteral("中文"));
    }

    void bomWithoutHeader() {
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf, true);
        w.writeEntry(entryWithEveryText(QStringLiteral("x")));
        QVERIFY(buf.data().startsWith(kBom + "2026-11-27T19:40:00.123Z,x,"));
    }

    void crlfLineEnds() {
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeHeader();
        for (int i = 0; i < 5; ++i)
            w.writeEntry(entryWithEveryText(QStringLiteral("v%1").arg(i)));
        const QByteArray data = buf.data();
        QCOMPARE(data.count("\r\n"), 6);
        QCOMPARE(data.count('\n'), 6);
        QCOMPARE(data.count('\r'), 6);
        QVERIFY(data.endsWith("\r\n"));
        QCOMPARE(w.recordsWritten(), qint64(5));
    }

    void hostileCells_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");
        auto same = [](const char* name, const QString& s) { QTest::newRow(name) << s << s; };
        auto guard = [](const char* name, const QString& s) {
            QTest::newRow(name) << s << (QLatin1Char('\'') + s);
        };
        same("chinese", QStringLiteral("任务完成，耗时 3 分钟；状态＝成功"));
        same("quotes", QStringLiteral("say \"hi\" and \"\"bye\"\""));
        same("only a quote", QStringLiteral("\""));
        same("comma", QStringLiteral("a,b,,c"));
        same("crlf", QStringLiteral("line1\r\nline2\r\n"));
        same("lone cr", QStringLiteral("a\rb"));
        same("lf", QStringLiteral("a\nb\n"));
        same("empty", QString::fromLatin1(""));
        same("spaces kept", QStringLiteral("  padded  "));
        same("inner equals", QStringLiteral("a=b+c-d@e"));
        same("apostrophe first", QStringLiteral("'=already"));
        same("numeric -1", QStringLiteral("-1"));
        same("numeric -1.5", QStringLiteral("-1.5"));
        same("numeric +3", QStringLiteral("+3"));
        same("numeric -.5", QStringLiteral("-.5"));
        same("numeric -2E+10", QStringLiteral("-2E+10"));
        guard("leading =", QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"x\")"));
        guard("leading = alone", QStringLiteral("="));
        guard("leading +", QStringLiteral("+1+2"));
        guard("leading + cmd", QStringLiteral("+cmd|' /C calc'!A0"));
        guard("leading -", QStringLiteral("-2+3"));
        guard("minus alone", QStringLiteral("-"));
        guard("minus then text", QStringLiteral("-1 apples"));
        guard("not quite numeric", QStringLiteral("-1e"));
        guard("decimal comma", QStringLiteral("-1,5"));
        guard("leading @", QStringLiteral("@SUM(A1:A9)"));
        guard("leading tab", QStringLiteral("\t=1+1"));
        guard("leading cr", QStringLiteral("\r=1+1"));
        guard("leading cr lf", QStringLiteral("\r\n=1"));
        guard("formula with quotes and comma", QStringLiteral("=\"a\",\"b\""));
        // Kept as data, but neutralised as the GUI shows it (U+FFFD), never acting on the reader's screen.
        const QString r = QString(QChar(0xfffd));
        QTest::newRow("bidi override")
            << QStringLiteral("txt.\u202Eexe\u202C ok")
            << QStringLiteral("txt.") + r + QStringLiteral("exe") + r + QStringLiteral(" ok");
        QTest::newRow("isolates") << QStringLiteral("a\u2066b\u2069c")
                                  << QStringLiteral("a") + r + QStringLiteral("b") + r + QStringLiteral("c");
        QTest::newRow("escape sequence") << QStringLiteral("\x1b[2Jred") << r + QStringLiteral("[2Jred");
        QTest::newRow("zero width and separators")
            << QStringLiteral("a\u200Bb\uFEFFc\u2028d\u2029e\u2060f")
            << QStringLiteral("a") + r + QStringLiteral("b") + r + QStringLiteral("c") + r +
                   QStringLiteral("d") + r + QStringLiteral("e") + r + QStringLiteral("f");
    }

    void hostileCells() {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeHeader();
        w.writeEntry(entryWithEveryText(cell));
        QVERIFY(w.ok());
        const Parsed p = parseCsv(buf.data());
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.records.at(0), headerFields());
        const QStringList row = p.records.at(1);
        QCOMPARE(row.size(), 9);
        QCOMPARE(row.at(0), QStringLiteral("2026-11-27T19:40:00.123Z"));
        for (int col = 1; col < 8; ++col)
            QCOMPARE(row.at(col), expected);
        QCOMPARE(row.at(8), QStringLiteral("cdb"));
    }

    void nullAndEmpty() {
        HistoryEntry e = entryWithEveryText(QStringLiteral("t"));
        e.status = std::nullopt;
        e.info = QString::fromLatin1("");
        e.errorCode.clear();
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeEntry(e);
        QCOMPARE(buf.data(), QByteArray("2026-11-27T19:40:00.123Z,t,t,,,,t,t,cdb\r\n"));
    }

    void timestamps() {
        HistoryEntry e = entryWithEveryText(QStringLiteral("t"));
        e.observedAt = QDateTime(QDate(2026, 11, 28), QTime(3, 40, 0, 123), QTimeZone(8 * 3600));
        QCOMPARE(CsvWriter::formatTimestamp(e.observedAt), QStringLiteral("2026-11-27T19:40:00.123Z"));
        QCOMPARE(CsvWriter::formatTimestamp(compat::utcDateTime(QDate(2026, 1, 2), QTime(3, 4, 5))),
                 QStringLiteral("2026-01-02T03:04:05.000Z"));
        QVERIFY(CsvWriter::formatTimestamp({}).isEmpty());
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeEntry(e);
        QVERIFY(buf.data().startsWith("2026-11-27T19:40:00.123Z,"));
    }

    void escapeFieldBytes() {
        QCOMPARE(CsvWriter::escapeField(u"plain", true), QByteArray("plain"));
        QCOMPARE(CsvWriter::escapeField(u"a,b", true), QByteArray("\"a,b\""));
        QCOMPARE(CsvWriter::escapeField(u"say \"hi\"", true), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::escapeField(u"a\rb", true), QByteArray("\"a\rb\""));
        QCOMPARE(CsvWriter::escapeField(u"a\nb", true), QByteArray("\"a\nb\""));
        QCOMPARE(CsvWriter::escapeField(u"中", true), QByteArray("\xE4\xB8\xAD"));
        QCOMPARE(CsvWriter::escapeField(u"", true), QByteArray());
        QCOMPARE(CsvWriter::escapeField(u"=1", true), QByteArray("'=1"));
        QCOMPARE(CsvWriter::escapeField(u"\r=1", true), QByteArray("\"'\r=1\""));
        // The guard is for text columns only: without it the cell is written as it is.
        QCOMPARE(CsvWriter::escapeField(u"=1", false), QByteArray("=1"));
        QCOMPARE(CsvWriter::escapeField(u"-1", true), QByteArray("-1"));
    }

    void guardOnlyWhereAsked() {
        QBuffer buf;
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf);
        w.writeRecord({QStringLiteral("=1"), QStringLiteral("-x")}, false);
        w.writeRecord({QStringLiteral("=1"), QStringLiteral("-x")}, true);
        QCOMPARE(buf.data(), QByteArray("=1,-x\r\n'=1,'-x\r\n"));
    }

    void writeFailureIsReported() {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full on this system");
        QFile full(QStringLiteral("/dev/full"));
        QVERIFY(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        CsvWriter w(&full);
        w.writeHeader();
        QVERIFY(!w.ok());
        QVERIFY(!w.errorString().isEmpty());
        w.writeEntry(entryWithEveryText(QStringLiteral("x")));
        QCOMPARE(w.recordsWritten(), qint64(0));

        QBuffer closed; // not open
        CsvWriter w2(&closed);
        w2.writeHeader();
        QVERIFY(!w2.ok());
    }

    void exportToFile() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        const QList<HistoryEntry> entries = sampleEntries();
        for (const HistoryEntry& e : entries)
            QVERIFY(store.appendHistory(e));

        const QString out = dir.filePath(QStringLiteral("export.csv"));
        QString error;
        qint64 rows = -1;
        QVERIFY2(CsvWriter::exportHistory(store, {}, out, false, &error, &rows), qPrintable(error));
        QVERIFY(error.isEmpty());
        QCOMPARE(rows, entries.size());
        const QByteArray data = readAll(out);
        QVERIFY(data.startsWith(kHeaderLine));
        checkExported(data, entries);

        // Overwrites atomically, honours the query, and can add a BOM.
        HistoryQuery q;
        q.ids = {QStringLiteral("task-1"), QStringLiteral("task-3")};
        QVERIFY2(CsvWriter::exportHistory(store, q, out, true, &error, &rows), qPrintable(error));
        QCOMPARE(rows, qint64(2));
        QByteArray withBom = readAll(out);
        QVERIFY(withBom.startsWith(kBom + kHeaderLine));
        checkExported(withBom.mid(kBom.size()), {entries.at(1), entries.at(3)});

        q = {};
        q.since = entries.at(2).observedAt;
        QVERIFY(CsvWriter::exportHistory(store, q, out, false, &error, &rows));
        QCOMPARE(rows, qint64(2));
        checkExported(readAll(out), {entries.at(2), entries.at(3)});

        // Nothing but the database and the export is left in the folder (no temporary files).
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        for (const QString& f : files)
            QVERIFY2(f.startsWith(QLatin1String("history.sqlite")) || f == QLatin1String("export.csv"),
                     qPrintable(f));
    }

    void exportManyRows() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        const int n = 20000;
        QVERIFY(store.transaction([&] {
            for (int i = 0; i < n; ++i) {
                HistoryEntry e = entryWithEveryText(QStringLiteral("row %1, \"q\"").arg(i));
                e.observedAt = compat::utcFromMSecs(1764272400000 + i);
                if (!store.appendHistory(e))
                    return false;
            }
            return true;
        }));
        const QString out = dir.filePath(QStringLiteral("big.csv"));
        QString error;
        qint64 rows = 0;
        QVERIFY2(CsvWriter::exportHistory(store, {}, out, false, &error, &rows), qPrintable(error));
        QCOMPARE(rows, qint64(n));
        const Parsed p = parseCsv(readAll(out));
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.records.size(), n + 1);
        QCOMPARE(p.records.last().at(1), QStringLiteral("row %1, \"q\"").arg(n - 1));
    }

    void exportToUnwritablePlace_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing folder") << QStringLiteral("missing");
        QTest::newRow("parent is a file") << QStringLiteral("file");
        QTest::newRow("target is a folder") << QStringLiteral("folder");
        QTest::newRow("read-only folder") << QStringLiteral("readonly");
    }

    void exportToUnwritablePlace() {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        for (const HistoryEntry& e : sampleEntries())
            QVERIFY(store.appendHistory(e));

        QString target;
        QString checkDir;
        if (kind == QLatin1String("missing")) {
            target = dir.filePath(QStringLiteral("no/such/folder/out.csv"));
        } else if (kind == QLatin1String("file")) {
            QFile f(dir.filePath(QStringLiteral("plainfile")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            target = dir.filePath(QStringLiteral("plainfile/out.csv"));
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("out.csv")));
            target = dir.filePath(QStringLiteral("out.csv"));
        } else {
            checkDir = dir.filePath(QStringLiteral("ro"));
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ro")));
            QVERIFY(QFile::setPermissions(checkDir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            if (::geteuid() == 0) {
                QFile::setPermissions(checkDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner);
                QSKIP("root can write into a read-only folder");
            }
            target = checkDir + QStringLiteral("/out.csv");
        }
        QString error;
        qint64 rows = 99;
        QVERIFY(!CsvWriter::exportHistory(store, {}, target, false, &error, &rows));
        QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
        QCOMPARE(rows, qint64(0));
        if (kind != QLatin1String("folder"))
            QVERIFY(!QFileInfo::exists(target));
        if (!checkDir.isEmpty()) {
            QVERIFY(QDir(checkDir).entryList(QDir::Files | QDir::Hidden).isEmpty()); // no partial file
            QFile::setPermissions(checkDir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
    }

    void failedExportKeepsOldFile() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("export.csv"));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous export\r\n");
        }
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite"))); // never opened: reading fails
        QString error;
        qint64 rows = 5;
        QVERIFY(!CsvWriter::exportHistory(store, {}, out, false, &error, &rows));
        QVERIFY2(error.contains(QLatin1String("Reading the history")), qPrintable(error));
        QCOMPARE(rows, qint64(0));
        QCOMPARE(readAll(out), QByteArray("previous export\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("export.csv")});

        QVERIFY(!CsvWriter::exportHistory(store, {}, QString(), false, &error, &rows));
        QVERIFY(!error.isEmpty());
    }

    void exportToStdout() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        const QList<HistoryEntry> entries = sampleEntries();
        for (const HistoryEntry& e : entries)
            QVERIFY(store.appendHistory(e));

        const QString capturePath = dir.filePath(QStringLiteral("stdout.txt"));
        QFile capture(capturePath);
        QVERIFY(capture.open(QIODevice::WriteOnly));
        std::fflush(stdout);
        const int saved = ::dup(STDOUT_FILENO);
        QVERIFY(saved >= 0);
        ::dup2(capture.handle(), STDOUT_FILENO);
        QString error;
        qint64 rows = 0;
        const bool ok = CsvWriter::exportHistory(store, {}, QStringLiteral("-"), false, &error, &rows);
        std::fflush(stdout);
        ::dup2(saved, STDOUT_FILENO);
        ::close(saved);
        capture.close();

        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(rows, entries.size());
        checkExported(readAll(capturePath), entries);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
