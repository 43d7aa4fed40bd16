#include "window/PollIntervalMenu.h"

#include "TaskBoard.h"

#include <QActionGroup>
#include <QSettings>

namespace taskwatch::ui {

const QList<int>& PollIntervalMenu::choices() {
    static const QList<int> seconds{5, 10, 15, 30, 60};
    return seconds;
}

int PollIntervalMenu::storedSeconds() {
    bool ok = false;
    const int seconds = QSettings().value(QLatin1String(kSettingsKey), kDefaultSeconds).toInt(&ok);
    return ok && choices().contains(seconds) ? seconds : kDefaultSeconds;
}

PollIntervalMenu::PollIntervalMenu(TaskBoard* board, QWidget* parent)
    : QMenu(tr("Slowest Poll &Interval"), parent)
    , m_board(board)
    , m_seconds(storedSeconds()) {
    setObjectName(QStringLiteral("maxIntervalMenu"));
    setToolTipsVisible(true);
    auto* group = new QActionGroup(this);
    for (const int seconds : choices()) {
        // Each with its own mnemonic (the menu's entries must have unique ones).
        QString text;
        switch (seconds) {
        case 5:
            text = tr("&Every 5 s (not adaptive)");
            break;
        case 10:
            text = tr("&10 s");
            break;
        case 15:
            text = tr("1&5 s (default)");
            break;
        case 30:
            text = tr("&30 s");
            break;
        default:
            text = tr("&60 s");
            break;
        }
        QAction* action = addAction(text);
        action->setObjectName(QStringLiteral("maxInterval%1Action").arg(seconds));
        action->setCheckable(true);
        action->setChecked(seconds == m_seconds);
        action->setData(seconds);
        action->setToolTip(tr("A task that has not changed for a while is polled less often, at most every "
                              "%1 s: a change may be noticed up to %1 s late")
                               .arg(seconds));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, seconds] { setSeconds(seconds); });
    }
    if (m_board)
        m_board->setMaxIntervalMs(m_seconds * 1000);
}

void PollIntervalMenu::setSeconds(int seconds) {
    if (!choices().contains(seconds))
        return;
    const bool changedValue = seconds != m_seconds;
    m_seconds = seconds;
    for (QAction* action : actions())
        action->setChecked(action->data().toInt() == seconds);
    QSettings().setValue(QLatin1String(kSettingsKey), seconds);
    if (m_board)
        m_board->setMaxIntervalMs(seconds * 1000);
    if (changedValue)
        emit changed(seconds);
}

} // namespace taskwatch::ui
