#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace taskwatch {

// Sorts by TaskTableModel::SortRole; filters by a case-insensitive text found in the id, the status text, the
// Info, the error code or message, the profile, the instance (id or name) or the task type (vendor or
// readable), optionally by one profile, and optionally hides finished
// tasks. Dynamic sort/filter is on.
class TaskFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    void setProfileFilter(const QString& profile); // empty: every profile
    QString profileFilter() const { return m_profile; }
    void setHideFinished(bool hide);
    bool hideFinished() const { return m_hideFinished; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_text;
    QString m_profile;
    bool m_hideFinished = false;
};

} // namespace taskwatch
