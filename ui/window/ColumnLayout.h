// How the task table's columns share its width, at every size. Info (Stretch) takes what the others leave.
// Content columns (id, region, status, profile, RequestId, the times and the numbers) are exactly as wide as
// their widest value and their title, so none is ever cut. Text columns (instance, type, error) are as wide
// as their content up to a cap, and narrower (down to their title) when the table is too narrow to leave Info
// kInfoShare of it; their cells elide and the tooltip has the whole text.
// A width the user drags is kept (QSettings mainWindow/columnWidths, by column name), but a content column
// never gets narrower than its content. Widths are measured again when rows come, go or are filtered, when
// values grow, and when the font changes; the share is made again whenever the table's width changes.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class QTableView;

namespace taskwatch::ui {

class ColumnLayout : public QObject {
    Q_OBJECT
public:
    enum class Kind { Stretch, Content, Text };
    static Kind kindOf(int column);
    // The part of the table's width Info keeps before text columns give up width they would show content in.
    static constexpr double kInfoShare = 0.31;
    // Rows measured for a column's content width (the visible ones first, then their neighbours).
    static constexpr int kMeasuredRows = 250;

    explicit ColumnLayout(QTableView* view);

    // Shares the width now (measuring first if the rows changed since).
    void fit();
    // Measures and shares again soon (coalesced).
    void scheduleMeasure();
    // The narrowest width showing the column's widest measured value and its title (0 for Info).
    int contentWidth(int column) const;
    // The width a content column may not go below (its content width); 0 for the others.
    int contentMinimum(int column) const;
    // The widths the user chose, by logical column.
    QHash<int, int> userWidths() const { return m_user; }
    // Forgets the user's widths: every column fits again.
    void resetWidths();
    // QHeaderView::restoreState without taking the restored widths for the user's (then fits).
    void restoreHeaderState(const QByteArray& state);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void connectModel();
    void measure();
    void growFor(int firstRow, int lastRow, int firstColumn, int lastColumn);
    int titleWidth(int column) const;
    int capOf(int column) const;
    QHash<int, int> sharedTextWidths(int available, int fixed, const QList<int>& texts) const;
    void onSectionResized(int column, int oldSize, int newSize);
    void saveUserWidths() const;
    QString nameOf(int column) const;

    QTableView* m_view;
    QObject* m_viewport;        // compared only: the view may be half destroyed when its viewport goes
    QHash<int, int> m_user;     // logical column → width the user chose
    QHash<int, int> m_measured; // logical column → widest value measured (cell size hint)
    bool m_measureDue = true;
    bool m_applying = false; // our own resizes are not the user's
    QTimer m_timer;
};

} // namespace taskwatch::ui
