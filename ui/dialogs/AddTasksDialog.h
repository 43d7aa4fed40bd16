// "Add tasks…": a multi-line text (task ids, or any text that contains them: JSON, logs, tccli output), the
// region of the instance and the product bare numbers are task ids of (cdb: none; named ids such as
// redis:18215 are of their product whatever is chosen). The number of ids found is shown (and announced) as
// the user types; Ctrl+Enter adds, Esc cancels.
#pragma once

#include <QDialog>
#include <QTimer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace taskwatch::ui {

class RegionCombo;

class AddTasksDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddTasksDialog(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    QString region() const; // trimmed, lowercase
    void setRegion(const QString& region);
    int foundIdCount() const { return m_found; }
    // The profiles to choose from (shown when more than one) and the preselected one.
    void setProfiles(const QStringList& profiles, const QString& current);
    QString profile() const; // empty when none was offered
    // The product key bare numbers are ids of ("cdb": bare numbers are no ids), for TaskBoard::addText.
    QString product() const;
    void setProduct(const QString& key); // an unknown key: cdb
    // What the Product choice says for a product key ("cdb (AsyncRequestId)", "Redis"…; translated).
    static QString productChoiceText(const QString& key);

    // The cdb regions (DescribeCdbZoneConfig, 2025-10).

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void acceptIfPossible();
    void scheduleCount();
    void updateCount();

    QPlainTextEdit* m_text;
    RegionCombo* m_region;
    QComboBox* m_profile;
    QComboBox* m_product;
    QLabel* m_profileLabel = nullptr;
    QLabel* m_count;
    QDialogButtonBox* m_buttons;
    QTimer m_debounce;
    int m_found = 0;
};

} // namespace taskwatch::ui
