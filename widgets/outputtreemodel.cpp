#include "outputtreemodel.h"

#include <QStringList>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }

    QString shapeText(const std::vector<std::int64_t>& shape)
    {
        QStringList dims;
        for (std::int64_t d : shape)
            dims.append(QString::number(d));
        return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
    }

    QString real(double v) { return QString::number(v, 'g', 6); }
} // namespace

OutputTreeModel::OutputTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void OutputTreeModel::setResult(const RunResult& result)
{
    beginResetModel();
    m_result = result;
    m_items.clear();
    add(m_result.output, -1, QStringLiteral("output"), QStringLiteral("output"));
    endResetModel();
}

void OutputTreeModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_result = RunResult {};
    endResetModel();
}

void OutputTreeModel::add(const ValueNode& node, int parent, const QString& name, const QString& path)
{
    const int self = int(m_items.size());
    Item item;
    item.node = &node;
    item.parent = parent;
    item.row = parent < 0 ? 0 : int(m_items[std::size_t(parent)].children.size());
    item.name = name;
    item.path = path;
    m_items.push_back(item);
    if (parent >= 0)
        m_items[std::size_t(parent)].children.push_back(self);
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const QString key
            = node.kind == ValueNode::Kind::Dict && i < node.keys.size() ? q(node.keys[i]) : QString::number(i);
        const QString childName = QLatin1Char('[') + key + QLatin1Char(']');
        add(node.items[i], self, childName, path + childName);
    }
}

const ValueNode* OutputTreeModel::node(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() >= m_items.size())
        return nullptr;
    return m_items[index.internalId()].node;
}

QModelIndex OutputTreeModel::firstTensor() const
{
    for (const Item& item : m_items)
        if (item.node->kind == ValueNode::Kind::Tensor)
            return createIndex(item.row, 0, quintptr(&item - m_items.data()));
    return {};
}

QModelIndex OutputTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row != 0 || m_items.empty())
            return {};
        return createIndex(0, column, quintptr(0));
    }
    if (parent.internalId() >= m_items.size())
        return {};
    const Item& p = m_items[parent.internalId()];
    if (parent.column() != 0 || row >= int(p.children.size()))
        return {};
    return createIndex(row, column, quintptr(p.children[std::size_t(row)]));
}

QModelIndex OutputTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() >= m_items.size())
        return {};
    const int parent = m_items[child.internalId()].parent;
    if (parent < 0)
        return {};
    return createIndex(m_items[std::size_t(parent)].row, 0, quintptr(parent));
}

int OutputTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_items.empty() ? 0 : 1;
    if (parent.column() != 0 || parent.internalId() >= m_items.size())
        return 0;
    return int(m_items[parent.internalId()].children.size());
}

int OutputTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant OutputTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.internalId() >= m_items.size())
        return {};
    const Item& item = m_items[index.internalId()];
    switch (role) {
    case Qt::DisplayRole:
        return display(item, index.column());
    case Qt::ToolTipRole:
        return index.column() == Name ? item.path : display(item, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= Min ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case PathRole:
        return item.path;
    case KindRole:
        return int(item.node->kind);
    case RawRole:
        return raw(item, index.column());
    case IsTensorRole:
        return item.node->kind == ValueNode::Kind::Tensor;
    default:
        return {};
    }
}

QVariant OutputTreeModel::raw(const Item& item, int column) const
{
    const ValueNode& n = *item.node;
    const bool tensor = n.kind == ValueNode::Kind::Tensor;
    const bool stats = tensor && n.stats.valid;
    switch (column) {
    case Min:
        return stats ? QVariant(n.stats.min) : QVariant();
    case Max:
        return stats ? QVariant(n.stats.max) : QVariant();
    case Mean:
        return stats ? QVariant(n.stats.mean) : QVariant();
    case Std:
        return stats ? QVariant(n.stats.std) : QVariant();
    case NaNs:
        return stats ? QVariant(qint64(n.stats.nans)) : QVariant();
    case Infs:
        return stats ? QVariant(qint64(n.stats.infs)) : QVariant();
    default:
        return display(item, column);
    }
}

QVariant OutputTreeModel::display(const Item& item, int column) const
{
    const ValueNode& n = *item.node;
    const bool tensor = n.kind == ValueNode::Kind::Tensor;
    const bool stats = tensor && n.stats.valid;
    switch (column) {
    case Name:
        return item.name;
    case Type:
        return QString::fromLatin1(ValueNode::kindName(n.kind));
    case Value:
        switch (n.kind) {
        case ValueNode::Kind::None:
            return QStringLiteral("None");
        case ValueNode::Kind::Int:
            return QString::number(n.intValue);
        case ValueNode::Kind::Float:
            return real(n.floatValue);
        case ValueNode::Kind::Bool:
            return n.boolValue ? QStringLiteral("True") : QStringLiteral("False");
        case ValueNode::Kind::Str:
            return QLatin1Char('\'') + q(n.text) + QLatin1Char('\'');
        case ValueNode::Kind::Other:
            return q(n.text);
        case ValueNode::Kind::List:
        case ValueNode::Kind::Tuple:
        case ValueNode::Kind::Dict:
            return tr("%n item(s)", nullptr, int(n.items.size()));
        case ValueNode::Kind::Tensor:
            return {};
        }
        return {};
    case Shape:
        return tensor ? shapeText(n.stats.shape) : QVariant();
    case DType:
        return tensor ? q(n.stats.dtype) : QVariant();
    case Device:
        return tensor ? q(n.device) : QVariant();
    case Min:
        return stats ? real(n.stats.min) : QVariant();
    case Max:
        return stats ? real(n.stats.max) : QVariant();
    case Mean:
        return stats ? real(n.stats.mean) : QVariant();
    case Std:
        return stats ? real(n.stats.std) : QVariant();
    case NaNs:
        return stats ? QString::number(n.stats.nans) : QVariant();
    case Infs:
        return stats ? QString::number(n.stats.infs) : QVariant();
    default:
        return {};
    }
}

QVariant OutputTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Value:
        return tr("Value");
    case Shape:
        return tr("Shape");
    case DType:
        return tr("dtype");
    case Device:
        return tr("Device");
    case Min:
        return tr("Min");
    case Max:
        return tr("Max");
    case Mean:
        return tr("Mean");
    case Std:
        return tr("Std");
    case NaNs:
        return tr("NaN");
    case Infs:
        return tr("Inf");
    default:
        return {};
    }
}

} // namespace torchscope
