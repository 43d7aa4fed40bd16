// How a task's state looks: a semantic key (documented status, "no status yet", unknown text, error, held),
// and for each key a translated label, an icon with its own shape, and a colour in a light and a dark
// variant. Colour is never the only cue: every key has a distinct icon shape and a text. Qt Core/Gui only (no
// widgets).
#pragma once

#include "task/TaskState.h"

#include <QColor>
#include <QIcon>
#include <QList>
#include <QString>

class QPalette;

namespace taskwatch {

enum class StatusKey {
    NoStatus,  // the server has not given a status yet (JSON null, or never polled)
    Initial,   // INITIAL
    Undefined, // UNDEFINED: created, not started (e.g. waiting for the maintenance window)
    Running,   // RUNNING
    Paused,    // PAUSED
    Unknown,   // a status string the documentation does not list (shown verbatim)
    Success,   // SUCCESS
    Failed,    // FAILED
    Killed,    // KILLED
    Removed,   // REMOVED
    Error,     // polling hit a permanent error, or is retrying after a transient one
    Held       // polling is held for the whole credential (authentication failure)
};

class StatusStyle {
public:
    static QList<StatusKey> allKeys();

    // The key for a task: a held credential or an error wins over the last status seen.
    static StatusKey keyFor(const TaskState& state);
    // The stable, untranslated name of a key ("SUCCESS", "NoStatus", ...), e.g. for StatusKeyRole.
    static QString keyName(StatusKey key);
    // Translated label of the key.
    static QString label(StatusKey key);
    // The text shown for a task: the key's label, an unknown status verbatim (made safe for one line), or a
    // more precise wording for errors ("Retrying").
    static QString text(const TaskState& state);
    // One sentence explaining the key (tooltips).
    static QString description(StatusKey key);

    // Sort order by severity: the higher the more attention a task needs.
    static int severity(StatusKey key);
    static bool isTerminal(StatusKey key);

    // Foreground colour of the key on a light or a dark background.
    static QColor color(StatusKey key, bool dark);
    // A faint tint of the colour for cell backgrounds.
    static QColor background(StatusKey key, bool dark);
    // An icon whose shape identifies the key, painted in the key's colour (vector, crisp at any size).
    static QIcon icon(StatusKey key, bool dark);

    // True when the palette's window colour is dark (Qt 6.4 has no QStyleHints::colorScheme).
    static bool isDark(const QPalette& palette);
    // The application palette's darkness (false without a QGuiApplication).
    static bool isApplicationDark();
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::StatusKey)
