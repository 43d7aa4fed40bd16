// The task table's columns. Info stretches to take the width the others leave; the id, region, status,
// time, progress and profile columns are made at least as wide as their widest shown value and their title
// (measured with the current fonts: after restoring saved widths, after a font change, when rows are added),
// so no value is cut; the others keep the user's width. The header's context menu, and View → Columns, show
// and hide columns; the choice is remembered in QSettings (mainWindow/hiddenColumns, by column name, so
// columns added later keep their defaults).
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

class QMenu;
class QTableView;

namespace taskwatch::ui {

class ColumnMenu : public QObject {
    Q_OBJECT
public:
    // Columns hidden until the user shows them (the RequestId is in the details panel and copied with
    // Ctrl+Shift+C).
    static QStringList defaultHidden();

    explicit ColumnMenu(QTableView* view);

    QMenu* menu() const { return m_menu; }
    // Sizing and visibility again (after QHeaderView::restoreState, which restores both).
    void apply();
    // A column the application hides by itself (the profile with one profile): not offered in the menu.
    void setAutoHidden(int column, bool hidden);
    bool isUserHidden(int column) const;
    void setUserHidden(int column, bool hidden);
    // The narrowest width that shows the column's widest value and its title.
    int contentMinimum(int column) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString nameOf(int column) const;
    void fillMenu();
    void applyVisibility();
    void applySizing();

    QTableView* m_view;
    QMenu* m_menu;
    QStringList m_hidden; // by name
    QSet<int> m_autoHidden;
    QTimer m_grow;
};

} // namespace taskwatch::ui
