// The task table's columns: which are shown, and (through ColumnLayout) how wide. The header's context menu,
// and View → Columns, show and hide columns; the choice is remembered in QSettings (mainWindow/hiddenColumns,
// by column name, so columns added later keep their defaults). Some columns are hidden by the application:
// the profile while one profile has tasks, and the discovery columns while no row the filter shows has a
// value in them (they give their room back to Info).
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

class QAction;
class QMenu;
class QTableView;

namespace taskwatch::ui {

class ColumnLayout;

class ColumnMenu : public QObject {
    Q_OBJECT
public:
    // Columns hidden until the user shows them (the RequestId is in the details panel and copied with
    // Ctrl+Shift+C).
    static QStringList defaultHidden();

    explicit ColumnMenu(QTableView* view);

    QMenu* menu() const { return m_menu; }
    ColumnLayout* layout() const { return m_layout; }
    // Restores the header (order, sort) without taking its widths for the user's, then visibility and sizing.
    void restoreHeaderState(const QByteArray& state);
    // Visibility and sizing again.
    void apply();
    // A column the application hides by itself (the profile with one profile): not offered in the menu.
    void setAutoHidden(int column, bool hidden);
    bool isAutoHidden(int column) const { return m_autoHidden.contains(column); }
    // These columns are hidden while no row of the view's model shows a value in them.
    void setHiddenWhileEmpty(const QList<int>& columns);
    bool isUserHidden(int column) const;
    void setUserHidden(int column, bool hidden);
    // The narrowest width that shows the column's widest value and its title (content columns; else 0).
    int contentMinimum(int column) const;

private:
    QString nameOf(int column) const;
    void fillMenu();
    void applyVisibility();
    bool hasValue(int column, int firstRow, int lastRow) const;
    void checkEmptyColumns();
    void checkChangedRows(int firstRow, int lastRow, int firstColumn, int lastColumn);

    QTableView* m_view;
    QMenu* m_menu;
    ColumnLayout* m_layout;
    QAction* m_resetWidths;
    QStringList m_hidden; // by name
    QSet<int> m_autoHidden;
    QList<int> m_hiddenWhileEmpty;
    QSet<int> m_empty; // of m_hiddenWhileEmpty
    QTimer m_emptyCheck;
};

} // namespace taskwatch::ui
