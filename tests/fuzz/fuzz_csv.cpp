// libFuzzer: one CSV field from arbitrary text must round-trip through an RFC 4180 reading and never start
// with a formula character unless guarded.
#include "history/CsvWriter.h"
#include "task/SafeText.h"

#include <cstdint>
#include <cstdlib>

namespace {
// Reads one RFC 4180 field (the whole input) back.
QByteArray unescape(const QByteArray& field) {
    if (!field.startsWith('"'))
        return field;
    if (field.size() < 2 || !field.endsWith('"'))
        std::abort();
    QByteArray out;
    for (qsizetype i = 1; i < field.size() - 1; ++i) {
        out.append(field.at(i));
        if (field.at(i) == '"') {
            if (field.at(i + 1) != '"')
                std::abort(); // a lone quote inside a quoted field
            ++i;
        }
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QByteArray plain = taskwatch::CsvWriter::escapeField(text, false);
    if (!plain.startsWith('"') &&
        (plain.contains(',') || plain.contains('"') || plain.contains('\r') || plain.contains('\n')))
        std::abort();
    // The data round-trips, with controls, bidi and invisible characters neutralised as in the GUI.
    if (unescape(plain) != taskwatch::SafeText::forExport(text).toUtf8())
        std::abort();
    for (const QChar c : QString::fromUtf8(unescape(plain))) {
        if (taskwatch::SafeText::isUnsafe(c) && c != QLatin1Char('\r') && c != QLatin1Char('\n') &&
            c != QLatin1Char('\t'))
            std::abort();
    }
    const QByteArray guarded = unescape(taskwatch::CsvWriter::escapeField(text, true));
    if (!guarded.isEmpty() && QByteArrayView("=+-@\t\r").contains(guarded.at(0)) &&
        !taskwatch::CsvWriter::isNumeric(QString::fromUtf8(guarded)))
        std::abort();
    return 0;
}
