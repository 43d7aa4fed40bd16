// A non-modal message strip at the top of the main window for a global condition (no credentials,
// credentials rejected, keychain unavailable, offline, demo mode): an icon, a bold title, an optional detail
// line and action buttons. Text is always plain (server messages are never interpreted as markup).
#pragma once

#include <QFrame>
#include <QIcon>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace taskwatch::ui {

class Banner : public QFrame {
    Q_OBJECT
public:
    enum class Tone { Info, Warning, Error };
    Q_ENUM(Tone)

    explicit Banner(QWidget* parent = nullptr);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    void setIcon(const QIcon& icon);
    void setTitle(const QString& title);
    void setDetail(const QString& detail); // empty hides the detail line
    QString title() const;
    QString detail() const;
    // Adds a button on the right; its clicked() is the caller's to connect.
    QPushButton* addButton(const QString& text, const QString& objectName = {});
    QList<QPushButton*> buttons() const { return m_buttons; }

    // Follows the window's palette (light or dark); the main window calls it when the palette changes.
    void updateStyle();

private:
    Tone m_tone = Tone::Info;
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_detail;
    QHBoxLayout* m_buttonsLayout;
    QList<QPushButton*> m_buttons;
};

} // namespace taskwatch::ui
