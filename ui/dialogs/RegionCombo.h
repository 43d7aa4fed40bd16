// A region picker: the cdb regions by name and id ("Guangzhou (ap-guangzhou)", in the interface language,
// from Regions), editable for a region newer than the list. region() is always the id: the one in the
// chosen label, the region a typed name stands for, or the typed text (trimmed, lowercase). Typing part of a
// name or an id offers the matching regions.
#pragma once

#include <QComboBox>

namespace taskwatch::ui {

class RegionCombo : public QComboBox {
    Q_OBJECT
public:
    explicit RegionCombo(QWidget* parent = nullptr);

    QString region() const;
    // A listed region by its label; another one as typed; empty: no choice.
    void setRegion(const QString& region);
};

} // namespace taskwatch::ui
