#pragma once

#include <QMainWindow>

namespace taskwatch::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace taskwatch::ui
