#include "dialogs/DialogKeys.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QPushButton>
#include <QShortcut>

namespace taskwatch::ui {

void acceptOnCtrlEnter(QDialog* dialog) {
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, dialog);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(shortcut, &QShortcut::activated, dialog, [dialog] {
            // The default button; else the accepting button of the dialog's button box.
            QPushButton* target = nullptr;
            for (QPushButton* button : dialog->findChildren<QPushButton*>()) {
                if (button->isDefault() && button->isVisible())
                    target = button;
            }
            for (QDialogButtonBox* box : dialog->findChildren<QDialogButtonBox*>()) {
                for (QAbstractButton* button : box->buttons()) {
                    if (!target && box->buttonRole(button) == QDialogButtonBox::AcceptRole)
                        target = qobject_cast<QPushButton*>(button);
                }
            }
            if (target && target->isEnabled())
                target->click();
        });
    }
}

} // namespace taskwatch::ui
