// RFC 4180 CSV writer for the history export: UTF-8 (optionally with a BOM for Excel), CRLF record ends, a
// field quoted only when it holds a comma, a quote, CR or LF (inner quotes doubled), and text cells that a
// spreadsheet would take for a formula (leading = + - @ TAB CR, OWASP "CSV Injection") prefixed with '.
// Purely numeric cells such as "-1.5" are never altered. Writes to any QIODevice, one record at a time.
#pragma once

#include "history/TaskStore.h"
#include "task/HistoryEntry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

class QIODevice;

namespace taskwatch {

class CsvWriter {
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)
public:
    // The header line, without its CRLF. Columns are only ever added at the end.
    static constexpr const char* kHeader =
        "observed_at,task_id,region,status,info,error_code,error_message,request_id,product";

    // `device` must be open for writing and outlive the writer. With `bom`, the UTF-8 byte order mark is
    // written before the first record.
    explicit CsvWriter(QIODevice* device, bool bom = false);

    void writeHeader();
    void writeEntry(const HistoryEntry& entry);
    // A record of already-chosen cells; `guardFormula` applies the formula guard to every cell.
    void writeRecord(const QList<QString>& cells, bool guardFormula);

    // False once a write to the device failed; errorString() then says why. Later writes are skipped.
    bool ok() const { return m_ok; }
    QString errorString() const { return m_error; }
    qint64 recordsWritten() const { return m_records; }

    // One field, UTF-8, quoted when needed; with `guardFormula`, a formula-looking text gets a leading '.
    // Controls other than CR/LF/TAB, bidi overrides and invisible characters become U+FFFD
    // (SafeText::forExport).
    static QByteArray escapeField(QStringView field, bool guardFormula);
    // True for text a spreadsheet would evaluate: a leading = + - @ TAB or CR, unless the text is a number.
    static bool needsFormulaGuard(QStringView text);
    // True for a plain decimal number: optional sign, digits with an optional fraction, optional exponent.
    static bool isNumeric(QStringView text);
    // ISO 8601 in UTC with milliseconds and Z: 2026-11-27T19:40:00.123Z (empty when invalid).
    static QString formatTimestamp(const QDateTime& time);

    // Exports the history rows matching `query`, streamed (bounded memory), to `fileOrDash`: a file path,
    // written through QSaveFile so that the file appears complete or not at all, or "-" for standard output.
    // On failure returns false with a translated message in *error; *rows gets the number of data rows.
    static bool exportHistory(TaskStore& store, const HistoryQuery& query, const QString& fileOrDash,
                              bool bom, QString* error, qint64* rows);

private:
    void writeBytes(const QByteArray& bytes);

    QIODevice* m_device;
    bool m_bom;
    bool m_started = false;
    bool m_ok = true;
    QString m_error;
    qint64 m_records = 0;
};

} // namespace taskwatch
