// Makes untrusted server text (Info, error messages) safe to show on one line in a table or a terminal:
// control characters and bidirectional overrides are made visible instead of acting.
#pragma once

#include <QString>

namespace taskwatch::SafeText {

// One line: CR/LF/TAB become spaces; other C0/C1 controls, DEL, and the bidi embedding/override/isolate
// characters (U+202A–U+202E, U+2066–U+2069) and U+200E/U+200F become U+FFFD; then cut to `maxChars`.
QString singleLine(const QString& text, qsizetype maxChars = 300);
// Multi-line text for a read-only viewer: keeps LF and TAB, neutralises everything else as above.
QString multiLine(const QString& text);
// True for a character singleLine() would neutralise.
bool isUnsafe(QChar c);

} // namespace taskwatch::SafeText
