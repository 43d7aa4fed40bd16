#include "banners/Banner.h"

#include "model/StatusStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace taskwatch::ui {

namespace {
QColor blend(const QColor& a, const QColor& b, qreal t) {
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

Banner::Banner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_buttonsLayout(new QHBoxLayout) {
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_icon->setFixedSize(24, 24);
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    for (QLabel* label : {m_title, m_detail}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_title->setObjectName(QStringLiteral("bannerTitle"));
    m_detail->setObjectName(QStringLiteral("bannerDetail"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_detail->hide();

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_detail);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    m_buttonsLayout->setSpacing(6);
    layout->addLayout(m_buttonsLayout);
    updateStyle();
}

void Banner::setTone(Tone tone) {
    m_tone = tone;
    updateStyle();
}

void Banner::setIcon(const QIcon& icon) {
    m_icon->setPixmap(icon.pixmap(QSize(22, 22)));
}

void Banner::setTitle(const QString& title) {
    m_title->setText(title);
}

void Banner::setDetail(const QString& detail) {
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString Banner::title() const {
    return m_title->text();
}

QString Banner::detail() const {
    return m_detail->text();
}

QPushButton* Banner::addButton(const QString& text, const QString& objectName) {
    auto* button = new QPushButton(text, this);
    if (!objectName.isEmpty())
        button->setObjectName(objectName);
    m_buttonsLayout->addWidget(button, 0, Qt::AlignVCenter);
    m_buttons.append(button);
    return button;
}

void Banner::updateStyle() {
    // A tint of the tone's colour over the window colour, with a border in the colour itself.
    const QPalette base = window()->palette();
    const bool dark = StatusStyle::isDark(base);
    StatusKey key = StatusKey::Running;
    if (m_tone == Tone::Warning)
        key = StatusKey::Held;
    else if (m_tone == Tone::Error)
        key = StatusKey::Failed;
    const QColor accent = StatusStyle::color(key, dark);
    const QColor window = base.color(QPalette::Window);
    // The text colour is set too: a style sheet freezes the palette its widgets had when it was applied.
    setStyleSheet(QStringLiteral("#banner { background-color: %1; border: 1px solid %2; border-radius: 4px; }"
                                 "#banner QLabel { color: %3; }")
                      .arg(blend(window, accent, dark ? 0.22 : 0.10).name(),
                           blend(window, accent, 0.55).name(), base.color(QPalette::WindowText).name()));
}

} // namespace taskwatch::ui
