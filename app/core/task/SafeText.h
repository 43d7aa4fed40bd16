// Makes untrusted server text (Info, error messages) safe to show on one line in a table or a terminal:
// control characters and bidirectional overrides are made visible instead of acting.
#pragma once

#include <QString>

namespace taskwatch::SafeText {

// One line: CR/LF/TAB become spaces; other C0/C1 controls, DEL, the bidi embedding/override/isolate
// characters (U+202A–U+202E, U+2066–U+2069), U+200E/U+200F/U+061C, the line/paragraph separators
// U+2028/U+2029 and the zero-width characters (U+200B–U+200D, U+2060, U+FEFF) become U+FFFD; then cut to
// `maxChars`.
QString singleLine(const QString& text, qsizetype maxChars = 300);
// Multi-line text for a read-only viewer: keeps LF and TAB, neutralises everything else as above.
QString multiLine(const QString& text);
// Export (CSV): keeps the data whole (CR, LF and TAB included, no length bound) and neutralises the rest as
// above, so a spreadsheet or terminal shows what the GUI shows.
QString forExport(const QString& text);
// A tooltip that shows `plainText` literally (Qt renders tooltips that look like HTML as rich text): escaped,
// line breaks kept, wrapped. Neutralise server text first.
QString toolTip(const QString& plainText);
// True for a character singleLine() would neutralise.
bool isUnsafe(QChar c);

} // namespace taskwatch::SafeText
