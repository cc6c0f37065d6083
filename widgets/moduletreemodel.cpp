#include "moduletreemodel.h"

#include "data/format.h"

#include <utility>

namespace torchscope {
namespace {

    QString toQString(const std::string& text) { return QString::fromStdString(text); }

} // namespace

ModuleTreeModel::ModuleTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void ModuleTreeModel::setTree(ModuleTree tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    const int count = static_cast<int>(m_tree.modules.size());
    m_row.fill(0, count);
    m_byPath.clear();
    m_byPath.reserve(count);
    for (int i = 0; i < count; ++i) {
        const ModuleInfo& module = m_tree.modules[static_cast<size_t>(i)];
        for (size_t row = 0; row < module.children.size(); ++row)
            m_row[module.children[row]] = static_cast<int>(row);
        m_byPath.insert(toQString(module.path), i);
    }
    endResetModel();
}

void ModuleTreeModel::clear() { setTree({}); }

QModelIndex ModuleTreeModel::indexForPath(const QString& path, int column) const
{
    const auto it = m_byPath.constFind(path);
    if (it == m_byPath.constEnd() || column < 0 || column >= ColumnCount)
        return {};
    return indexForModule(it.value(), column);
}

const ModuleInfo* ModuleTreeModel::moduleAt(const QModelIndex& index) const
{
    const int module = moduleIndex(index);
    return module < 0 ? nullptr : &m_tree.modules[static_cast<size_t>(module)];
}

int ModuleTreeModel::moduleIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return static_cast<int>(index.internalId());
}

QModelIndex ModuleTreeModel::indexForModule(int module, int column) const
{
    if (module < 0 || module >= static_cast<int>(m_tree.modules.size()))
        return {};
    // The root is the only top-level row, so a module without a parent is at row 0.
    const int row = m_tree.modules[static_cast<size_t>(module)].parent < 0 ? 0 : m_row[module];
    return createIndex(row, column, static_cast<quintptr>(module));
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row != 0 || m_tree.modules.empty())
            return {};
        return createIndex(0, column, quintptr(0));
    }
    const int parentModule = moduleIndex(parent);
    if (parentModule < 0)
        return {};
    const auto& children = m_tree.modules[static_cast<size_t>(parentModule)].children;
    if (row >= static_cast<int>(children.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<size_t>(row)]));
}

QModelIndex ModuleTreeModel::parent(const QModelIndex& child) const
{
    const int module = moduleIndex(child);
    if (module < 0)
        return {};
    return indexForModule(m_tree.modules[static_cast<size_t>(module)].parent, NameColumn);
}

int ModuleTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_tree.modules.empty() ? 0 : 1;
    // Only the first column has children, as QAbstractItemModelTester expects of a tree.
    if (parent.column() != NameColumn)
        return 0;
    const int module = moduleIndex(parent);
    return module < 0 ? 0 : static_cast<int>(m_tree.modules[static_cast<size_t>(module)].children.size());
}

int ModuleTreeModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant ModuleTreeModel::data(const QModelIndex& index, int role) const
{
    const ModuleInfo* module = moduleAt(index);
    if (!module)
        return {};
    const qint64 bytes = module->parameterBytes + module->bufferBytes;
    const QString name = module->parent < 0 ? toQString(module->originalName) : toQString(module->name);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case TypeColumn:
            return toQString(module->originalName);
        case ParametersColumn:
            return toQString(formatCount(module->parameterCount));
        case SizeColumn:
            return toQString(formatBytes(bytes));
        }
        break;
    case Qt::ToolTipRole: {
        const QString path = module->path.empty() ? tr("(root)") : toQString(module->path);
        return tr("%1\nPath: %2").arg(toQString(module->qualifiedType), path);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == ParametersColumn || index.column() == SizeColumn)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        break;
    case PathRole:
        return toQString(module->path);
    case IndexRole:
        return static_cast<int>(index.internalId());
    case OriginalNameRole:
        return toQString(module->originalName);
    case QualifiedTypeRole:
        return toQString(module->qualifiedType);
    case ParameterCountRole:
        return static_cast<qint64>(module->parameterCount);
    case BytesRole:
        return bytes;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case TypeColumn:
            return toQString(module->originalName);
        case ParametersColumn:
            return static_cast<qint64>(module->parameterCount);
        case SizeColumn:
            return bytes;
        }
        break;
    }
    return {};
}

QVariant ModuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == ParametersColumn || section == SizeColumn))
        return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ParametersColumn:
            return tr("Parameter elements in this module and every module below it");
        case SizeColumn:
            return tr("Bytes of the parameters and buffers in this module and every module below it");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case ParametersColumn:
        return tr("Parameters");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

} // namespace torchscope
