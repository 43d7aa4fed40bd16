#include "model/TaskFilterProxyModel.h"

#include "TaskBoard.h"
#include "discovery/Discovery.h"
#include "model/StatusStyle.h"
#include "model/TaskTableModel.h"
#include "task/TaskState.h"

namespace taskwatch {

TaskFilterProxyModel::TaskFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(TaskTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TaskFilterProxyModel::setFilterText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void TaskFilterProxyModel::setProfileFilter(const QString& profile) {
    if (profile == m_profile)
        return;
    m_profile = profile;
    invalidateRowsFilter();
}

void TaskFilterProxyModel::setProductFilter(const QString& product) {
    if (product == m_product)
        return;
    m_product = product;
    invalidateRowsFilter();
}

void TaskFilterProxyModel::setHideFinished(bool hide) {
    if (hide == m_hideFinished)
        return;
    m_hideFinished = hide;
    invalidateRowsFilter();
}

bool TaskFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid())
        return false;
    const auto* model = qobject_cast<const TaskTableModel*>(sourceModel());
    const TaskState* s = model ? model->state(sourceRow) : nullptr;
    if (!s)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (m_hideFinished && s->isFinished())
        return false;
    if (!m_profile.isEmpty() && s->profile != m_profile)
        return false;
    if (!m_product.isEmpty() && TaskTableModel::productOf(*s) != m_product)
        return false;
    if (m_text.isEmpty())
        return true;
    return s->id.contains(m_text, Qt::CaseInsensitive) ||
           StatusStyle::text(*s).contains(m_text, Qt::CaseInsensitive) ||
           (s->status && s->status->contains(m_text, Qt::CaseInsensitive)) ||
           (s->info && s->info->contains(m_text, Qt::CaseInsensitive)) ||
           s->errorCode.contains(m_text, Qt::CaseInsensitive) ||
           s->errorMessage.contains(m_text, Qt::CaseInsensitive) ||
           s->profile.contains(m_text, Qt::CaseInsensitive) ||
           TaskTableModel::productOf(*s).contains(m_text, Qt::CaseInsensitive) ||
           (s->vendorStatus && s->vendorStatus->contains(m_text, Qt::CaseInsensitive)) ||
           s->discovery.instanceName.contains(m_text, Qt::CaseInsensitive) ||
           s->discovery.instanceIds.join(QLatin1Char(' ')).contains(m_text, Qt::CaseInsensitive) ||
           s->discovery.taskType.contains(m_text, Qt::CaseInsensitive) ||
           (!s->discovery.taskType.isEmpty() &&
            Discovery::readableTaskType(s->discovery.taskType).contains(m_text, Qt::CaseInsensitive));
}

bool TaskFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.userType() == QMetaType::QString && r.userType() == QMetaType::QString) {
        const int c = QString::compare(l.toString(), r.toString(), sortCaseSensitivity());
        if (c != 0)
            return c < 0;
    } else {
        const QPartialOrdering order = QVariant::compare(l, r);
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
    }
    // Ties: by id, so the order is stable and predictable.
    return left.data(TaskTableModel::TaskIdRole).toString() <
           right.data(TaskTableModel::TaskIdRole).toString();
}

} // namespace taskwatch
