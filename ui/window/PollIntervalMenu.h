// Tasks ▸ Slowest Poll Interval: the GUI's setting for the adaptive intervals' cap (watch's --max-interval).
// A task that has not changed for a while is polled every tenth of its quiet time, from 5 s up to the value
// chosen here (default 15 s; "5 s" turns adaptive polling off). Kept in QSettings; applied to the board at
// once and at every start.
#pragma once

#include <QMenu>

namespace taskwatch {
class TaskBoard;
}

namespace taskwatch::ui {

class PollIntervalMenu : public QMenu {
    Q_OBJECT
public:
    static constexpr auto kSettingsKey = "polling/maxIntervalSeconds";
    static constexpr int kDefaultSeconds = 15;
    static const QList<int>& choices(); // seconds, ascending

    explicit PollIntervalMenu(TaskBoard* board, QWidget* parent = nullptr);

    // The stored choice (kDefaultSeconds when unset or not one of choices()).
    static int storedSeconds();
    int seconds() const { return m_seconds; }
    void setSeconds(int seconds); // one of choices(): applied to the board and stored

signals:
    void changed(int seconds);

private:
    TaskBoard* m_board;
    int m_seconds = kDefaultSeconds;
};

} // namespace taskwatch::ui
