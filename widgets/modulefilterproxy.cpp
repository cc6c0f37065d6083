#include "modulefilterproxy.h"

#include "moduletreemodel.h"

namespace torchscope {

ModuleFilterProxy::ModuleFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(ModuleTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void ModuleFilterProxy::setFilterText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool ModuleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, ModuleTreeModel::NameColumn, sourceParent);
    for (const int role :
        { int(Qt::DisplayRole), int(ModuleTreeModel::OriginalNameRole), int(ModuleTreeModel::PathRole) }) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace torchscope
