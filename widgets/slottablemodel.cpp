#include "slottablemodel.h"

#include "data/format.h"

#include <QStringList>

namespace torchscope {
namespace {

    QString toQString(const std::string& text) { return QString::fromStdString(text); }

    bool isNumericColumn(int column)
    {
        return column == SlotTableModel::ElementsColumn || column == SlotTableModel::BytesColumn;
    }

} // namespace

SlotTableModel::SlotTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SlotTableModel::setModule(const ModuleInfo& module)
{
    beginResetModel();
    m_modulePath = toQString(module.path);
    m_slots = module.members;
    endResetModel();
}

void SlotTableModel::clear()
{
    beginResetModel();
    m_modulePath.clear();
    m_slots.clear();
    endResetModel();
}

const Slot* SlotTableModel::slotAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_slots.size()))
        return nullptr;
    return &m_slots[static_cast<size_t>(row)];
}

int SlotTableModel::rowOf(const QString& name) const
{
    const std::string wanted = name.toStdString();
    for (size_t row = 0; row < m_slots.size(); ++row)
        if (m_slots[row].name == wanted)
            return static_cast<int>(row);
    return -1;
}

QString SlotTableModel::shapeText(const std::vector<std::int64_t>& shape)
{
    if (shape.empty())
        return tr("scalar");
    QStringList dims;
    for (const std::int64_t dim : shape)
        dims += QString::number(dim);
    return dims.join(QChar(0x00d7)); // ×
}

QString SlotTableModel::kindText(SlotKind kind)
{
    switch (kind) {
    case SlotKind::Parameter:
        return tr("parameter");
    case SlotKind::Buffer:
        return tr("buffer");
    case SlotKind::Attribute:
        return tr("attribute");
    case SlotKind::Constant:
        return tr("constant");
    }
    return {};
}

int SlotTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_slots.size());
}

int SlotTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SlotTableModel::data(const QModelIndex& index, int role) const
{
    const Slot* slot = index.isValid() && index.model() == this ? slotAt(index.row()) : nullptr;
    if (!slot)
        return {};
    const TensorInfo* tensor = slot->tensor ? &*slot->tensor : nullptr;
    const qint64 elements = tensor ? tensor->numel : -1;
    const qint64 bytes = tensor ? tensor->bytes : -1;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return toQString(slot->name);
        case KindColumn:
            return kindText(slot->kind);
        case TypeColumn:
            return toQString(slot->type);
        case ShapeColumn:
            return tensor ? shapeText(tensor->shape) : QString();
        case DtypeColumn:
            return tensor ? toQString(tensor->dtype) : QString();
        case ElementsColumn:
            return tensor ? toQString(formatCount(tensor->numel)) : QString();
        case BytesColumn:
            return tensor ? toQString(formatBytes(tensor->bytes)) : QString();
        case DeviceColumn:
            return tensor ? toQString(tensor->device) : QString();
        case ValueColumn:
            return tensor ? QString() : toQString(slot->value);
        }
        break;
    case Qt::ToolTipRole:
        return toolTip(*slot);
    case Qt::TextAlignmentRole:
        if (isNumericColumn(index.column()))
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        break;
    case SortRole:
        switch (index.column()) {
        case KindColumn:
            return static_cast<int>(slot->kind);
        case ShapeColumn:
            // Bigger tensors after smaller ones; a shape's text would put "10" before "9".
            return elements;
        case ElementsColumn:
            return elements;
        case BytesColumn:
            return bytes;
        default:
            return data(index, Qt::DisplayRole);
        }
    case KindRole:
        return static_cast<int>(slot->kind);
    case IsTensorRole:
        return tensor != nullptr;
    case ElementsRole:
        return elements;
    case BytesRole:
        return bytes;
    case NameRole:
        return toQString(slot->name);
    }
    return {};
}

QString SlotTableModel::toolTip(const Slot& slot) const
{
    QStringList lines;
    lines += tr("%1 (%2): %3").arg(toQString(slot.name), kindText(slot.kind), toQString(slot.type));
    if (slot.tensor) {
        const TensorInfo& tensor = *slot.tensor;
        lines += tr("Shape: %1, %2 on %3")
                     .arg(shapeText(tensor.shape), toQString(tensor.dtype), toQString(tensor.device));
        lines += tr("%1 elements, %2").arg(toQString(formatCount(tensor.numel)), toQString(formatBytes(tensor.bytes)));
        lines += tensor.requiresGrad ? tr("Requires grad") : tr("Does not require grad");
        if (tensor.quantized)
            lines += tr("Quantized");
    } else if (!slot.value.empty()) {
        lines += tr("Value: %1").arg(toQString(slot.value));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant SlotTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && isNumericColumn(section))
        return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TypeColumn:
        return tr("Type");
    case ShapeColumn:
        return tr("Shape");
    case DtypeColumn:
        return tr("Dtype");
    case ElementsColumn:
        return tr("Elements");
    case BytesColumn:
        return tr("Bytes");
    case DeviceColumn:
        return tr("Device");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

} // namespace torchscope
