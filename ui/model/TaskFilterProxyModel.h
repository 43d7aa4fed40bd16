#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace taskwatch {

// Sorts by TaskTableModel::SortRole; filters by a case-insensitive text found in the id, the status text, the
// Info, the error code or message, the profile, the product, the vendor's status word, the instance (id or
// name) or the task type (vendor or readable), optionally by one profile and one product, and optionally
// hides finished tasks. Dynamic sort/filter is on.
class TaskFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    void setProfileFilter(const QString& profile); // empty: every profile
    QString profileFilter() const { return m_profile; }
    void setProductFilter(const QString& product); // a product key; empty: every product
    QString productFilter() const { return m_product; }
    void setHideFinished(bool hide);
    bool hideFinished() const { return m_hideFinished; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_text;
    QString m_profile;
    QString m_product;
    bool m_hideFinished = false;
};

} // namespace taskwatch
