// Draws the Progress column as a progress bar with its number as text ("42 %"), so the state is never a
// colour or a length alone; the model's DisplayRole holds the same text for screen readers. Cells without a
// progress (TaskTableModel::ProgressRole invalid) are drawn as usual (empty).
#pragma once

#include <QStyledItemDelegate>

namespace taskwatch::ui {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace taskwatch::ui
