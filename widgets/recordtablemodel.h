#pragma once

#include "data/archiveinfo.h"

#include <QAbstractTableModel>

#include <vector>

namespace torchscope {

// The records of an archive's zip container, names relative to the archive folder. Display text is
// formatted; raw values are in SortRole.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, SizeColumn, CompressedSizeColumn, StorageColumn, ColumnCount };
    enum Roles {
        SortRole = Qt::UserRole + 1, // per column: the name, the raw byte count, or whether it is compressed
        NameRole, // QString
        SizeRole, // qulonglong, uncompressed bytes
        CompressedSizeRole, // qulonglong
        CompressedRole, // bool
    };

    explicit RecordTableModel(QObject* parent = nullptr);

    // Replaces the rows (a model reset).
    void setRecords(std::vector<ZipRecord> records);
    void clear();

    // The record shown in `row`, or null when the row is out of range. Valid until the next reset.
    const ZipRecord* recordAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ZipRecord> m_records;
};

} // namespace torchscope
