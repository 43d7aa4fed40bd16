#include "dialogs/AddTasksDialog.h"

#include "api/Regions.h"

#include "desktop/Announce.h"
#include "dialogs/RegionCombo.h"
#include "products/NamedTaskIds.h"
#include "products/Products.h"
#include "task/TaskKey.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace taskwatch::ui {

AddTasksDialog::AddTasksDialog(QWidget* parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_region(new RegionCombo(this))
    , m_profile(new QComboBox(this))
    , m_product(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("addTasksDialog"));
    setWindowTitle(tr("Add Tasks"));

    auto* intro = new QLabel(tr("Task &IDs: paste AsyncRequestIds, one per line, or any text that contains "
                                "them (an API response, log lines, tccli output)."),
                             this);
    intro->setObjectName(QStringLiteral("addTasksIntro"));
    intro->setWordWrap(true);
    intro->setBuddy(m_text); // Alt+I, and the text field's label relation for screen readers

    m_text->setObjectName(QStringLiteral("addTasksText"));
    m_text->setPlaceholderText(QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumSize(480, 200);
    m_text->setAccessibleName(tr("Task IDs"));
    m_text->setAccessibleDescription(
        tr("AsyncRequestIds, one per line, or any text that contains them. Ctrl+Enter adds them."));
    m_text->installEventFilter(this); // Ctrl+Enter in the text adds (Enter is a new line there)

    m_region->setObjectName(QStringLiteral("addTasksRegion"));
    m_region->setToolTip(
        tr("The region of the instance the tasks belong to: a task exists only in its region"));
    setRegion(QString::fromLatin1(Regions::kDefault));

    m_profile->setObjectName(QStringLiteral("addTasksProfile"));
    m_profile->setToolTip(tr("The credential profile (account) that polls these tasks"));

    m_product->setObjectName(QStringLiteral("addTasksProduct"));
    for (const QString& key : Products::keys())
        m_product->addItem(productChoiceText(key), key);
    m_product->setAccessibleName(tr("Product of bare task numbers"));
    m_product->setToolTip(tr("The product whose task ids the bare numbers in the text are (cdb: bare "
                             "numbers are not task ids)"));
    auto* productHint = new QLabel(tr("Named ids such as redis:18215 or mongodb:4762 are added as tasks of "
                                      "their product whatever is chosen here."),
                                   this);
    productHint->setObjectName(QStringLiteral("addTasksProductHint"));
    productHint->setTextFormat(Qt::PlainText);
    productHint->setWordWrap(true);
    m_product->setAccessibleDescription(productHint->text());

    m_count->setObjectName(QStringLiteral("addTasksCount"));
    m_count->setTextFormat(Qt::PlainText);
    m_count->setAccessibleDescription(tr("How many task ids the text holds"));

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Add the task ids found (Ctrl+Enter)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Region:"), m_region);
    m_profileLabel = new QLabel(tr("&Profile:"), this);
    m_profileLabel->setBuddy(m_profile);
    form->addRow(m_profileLabel, m_profile);
    auto* productLabel = new QLabel(tr("Pro&duct of numbers:"), this);
    productLabel->setBuddy(m_product);
    form->addRow(productLabel, m_product);
    setProfiles({}, {});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addLayout(form);
    // Below the form, not in it: a word-wrapped row of a QFormLayout whose other rows come and go (the
    // profile row) makes Qt 6.4's height-for-width write beyond its arrays.
    layout->addWidget(productHint);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &AddTasksDialog::updateCount);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AddTasksDialog::scheduleCount);
    connect(m_region, &QComboBox::currentTextChanged, this, &AddTasksDialog::updateCount);
    connect(m_product, &QComboBox::currentIndexChanged, this, &AddTasksDialog::updateCount);
    updateCount();
}

bool AddTasksDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier)) {
            acceptIfPossible();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void AddTasksDialog::keyPressEvent(QKeyEvent* event) {
    // Ctrl+Enter anywhere in the dialog (Enter alone already presses the default button outside the text).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        acceptIfPossible();
        return;
    }
    QDialog::keyPressEvent(event);
}

void AddTasksDialog::acceptIfPossible() {
    updateCount(); // the count may still be waiting for its debounce
    if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        accept();
}

void AddTasksDialog::setProfiles(const QStringList& profiles, const QString& current) {
    m_profile->clear();
    m_profile->addItems(profiles);
    m_profile->setCurrentIndex(std::max(0, int(profiles.indexOf(current))));
    // One profile: nothing to choose.
    m_profile->setVisible(profiles.size() > 1);
    m_profileLabel->setVisible(profiles.size() > 1);
}

QString AddTasksDialog::profile() const {
    return m_profile->currentText();
}

QString AddTasksDialog::product() const {
    return m_product->currentData().toString();
}

void AddTasksDialog::setProduct(const QString& key) {
    const ProductAdapter* product = Products::find(key);
    const int index = m_product->findData(product ? product->key() : QString::fromLatin1(kCdbProduct));
    m_product->setCurrentIndex(std::max(0, index));
}

QString AddTasksDialog::productChoiceText(const QString& key) {
    if (key == QLatin1String(kCdbProduct))
        return tr("cdb (AsyncRequestId)"); // bare numbers are no ids of it
    const ProductAdapter* product = Products::find(key);
    return product ? product->title() : key;
}

QString AddTasksDialog::text() const {
    return m_text->toPlainText();
}

void AddTasksDialog::setText(const QString& text) {
    m_text->setPlainText(text);
    updateCount();
}

QString AddTasksDialog::region() const {
    return m_region->region();
}

void AddTasksDialog::setRegion(const QString& region) {
    if (Regions::isWellFormed(Regions::fromText(region)))
        m_region->setRegion(region);
}

void AddTasksDialog::scheduleCount() {
    m_debounce.start();
}

void AddTasksDialog::updateCount() {
    m_debounce.stop();
    const PastedIds found = NamedTaskIds::extractAll(m_text->toPlainText(), product());
    m_found = static_cast<int>(found.ids.size());
    QStringList parts;
    if (m_found == 1)
        parts << tr("1 task id found");
    else if (m_found > 1)
        parts << tr("%n task ids found", nullptr, m_found);
    else if (!m_text->toPlainText().trimmed().isEmpty())
        parts << tr("No task id found");
    if (found.unrecognisedLineCount == 1)
        parts << tr("1 line not recognised");
    else if (found.unrecognisedLineCount > 1)
        parts << tr("%n lines not recognised", nullptr, found.unrecognisedLineCount);
    const QString text = parts.join(QLatin1String("; "));
    if (m_count->text() != text) {
        m_count->setText(text);
        announce(m_count, text); // for screen readers, as the user types
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_found > 0 && Regions::isWellFormed(region()));
}

} // namespace taskwatch::ui
