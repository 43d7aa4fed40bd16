// The task table: rows selected whole, sortable (insertion order until the user sorts), monospace ids,
// columns sized for their content, the Profile column next to the id (hidden while one profile has tasks).
#pragma once

#include <QTableView>

class QAbstractItemModel;

namespace taskwatch::ui {

class TaskTableView : public QTableView {
    Q_OBJECT
public:
    explicit TaskTableView(QAbstractItemModel* model, QWidget* parent = nullptr);
};

} // namespace taskwatch::ui
