#include "dialogs/RegionCombo.h"

#include "api/Regions.h"

#include <QCompleter>
#include <QLineEdit>
#include <QValidator>

namespace taskwatch::ui {

namespace {

// Accepts what names a well-formed region (a label, a name, an id); anything short is allowed while typing.
class RegionValidator : public QValidator {
public:
    using QValidator::QValidator;
    State validate(QString& input, int&) const override {
        if (input.size() > 120)
            return Invalid;
        return Regions::isWellFormed(Regions::fromText(input)) ? Acceptable : Intermediate;
    }
};

} // namespace

RegionCombo::RegionCombo(QWidget* parent)
    : QComboBox(parent) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    for (const QString& region : Regions::cdb())
        addItem(Regions::label(region), region);
    lineEdit()->setValidator(new RegionValidator(this));
    // "guang", "ap-sh" or "上海" all find their regions, wherever they are in the label.
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

QString RegionCombo::region() const {
    const int index = findText(currentText(), Qt::MatchFixedString);
    if (index >= 0)
        return itemData(index).toString();
    return Regions::fromText(currentText());
}

void RegionCombo::setRegion(const QString& region) {
    const QString id = Regions::fromText(region);
    const int index = findData(id);
    setCurrentIndex(index);
    if (index < 0)
        setEditText(region.trimmed());
}

} // namespace taskwatch::ui
