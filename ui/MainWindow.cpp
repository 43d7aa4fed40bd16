#include "MainWindow.h"

#include <QLabel>

namespace taskwatch::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("CDB TaskWatch"));
    setCentralWidget(new QLabel(tr("CDB TaskWatch"), this));
}

} // namespace taskwatch::ui
