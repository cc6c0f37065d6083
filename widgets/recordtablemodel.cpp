#include "recordtablemodel.h"

#include "data/format.h"

#include <QLocale>

#include <utility>

namespace torchscope {
namespace {

    QString bytesText(std::uint64_t bytes)
    {
        return QString::fromStdString(formatBytes(static_cast<std::int64_t>(bytes)));
    }

    bool isNumericColumn(int column)
    {
        return column == RecordTableModel::SizeColumn || column == RecordTableModel::CompressedSizeColumn;
    }

} // namespace

RecordTableModel::RecordTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RecordTableModel::setRecords(std::vector<ZipRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

void RecordTableModel::clear() { setRecords({}); }

const ZipRecord* RecordTableModel::recordAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_records.size()))
        return nullptr;
    return &m_records[static_cast<size_t>(row)];
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    const ZipRecord* record = index.isValid() && index.model() == this ? recordAt(index.row()) : nullptr;
    if (!record)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(record->name);
        case SizeColumn:
            return bytesText(record->size);
        case CompressedSizeColumn:
            return bytesText(record->compressedSize);
        case StorageColumn:
            //: How a zip record is kept: "stored" (as is) or "deflated" (compressed)
            return record->compressed ? tr("deflated") : tr("stored");
        }
        break;
    case Qt::ToolTipRole: {
        const QLocale locale;
        return tr("%1\n%2 bytes, %3 in the file")
            .arg(QString::fromStdString(record->name), locale.toString(static_cast<qulonglong>(record->size)),
                locale.toString(static_cast<qulonglong>(record->compressedSize)));
    }
    case Qt::TextAlignmentRole:
        if (isNumericColumn(index.column()))
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(record->name);
        case SizeColumn:
            return static_cast<qulonglong>(record->size);
        case CompressedSizeColumn:
            return static_cast<qulonglong>(record->compressedSize);
        case StorageColumn:
            return record->compressed;
        }
        break;
    case NameRole:
        return QString::fromStdString(record->name);
    case SizeRole:
        return static_cast<qulonglong>(record->size);
    case CompressedSizeRole:
        return static_cast<qulonglong>(record->compressedSize);
    case CompressedRole:
        return record->compressed;
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case SizeColumn:
        return tr("Size");
    case CompressedSizeColumn:
        //: Bytes a zip record takes in the file, after compression
        return tr("In file");
    case StorageColumn:
        return tr("Storage");
    }
    return {};
}

} // namespace torchscope
