#pragma once

#include "data/moduleinfo.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QVector>

namespace torchscope {

// The module hierarchy of one archive, as print(module) nests it: one top-level row for the root module, its
// submodules below it in named_modules() order. Display text is formatted; the raw values are in the roles.
class ModuleTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, TypeColumn, ParametersColumn, SizeColumn, ColumnCount };
    enum Roles {
        PathRole = Qt::UserRole + 1, // QString, dotted from the root, "" for the root
        IndexRole, // int, the module's index in ModuleTree::modules
        OriginalNameRole, // QString
        QualifiedTypeRole, // QString
        ParameterCountRole, // qint64, parameter elements in the subtree
        BytesRole, // qint64, parameter and buffer bytes in the subtree
        SortRole, // per column: the name, the type, or the raw number
    };

    explicit ModuleTreeModel(QObject* parent = nullptr);

    // Replaces the whole tree (a model reset). The tree must be well formed: parent/children indices in range.
    void setTree(ModuleTree tree);
    void clear();
    const ModuleTree& tree() const { return m_tree; }

    // The index (in `column`) of the module at `path`; invalid when there is none.
    QModelIndex indexForPath(const QString& path, int column = NameColumn) const;
    // The module an index of this model stands for, or null for an invalid index. Valid until the next reset.
    const ModuleInfo* moduleAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int moduleIndex(const QModelIndex& index) const;
    QModelIndex indexForModule(int module, int column) const;

    ModuleTree m_tree;
    QVector<int> m_row; // per module, its row under its parent
    QHash<QString, int> m_byPath;
};

} // namespace torchscope
