#pragma once

#include "data/moduleinfo.h"

#include <QAbstractTableModel>

#include <vector>

namespace torchscope {

// The members of one module (its own parameters, buffers, attributes and constants, not those of its
// submodules), in the order the engine lists them. Display text is formatted; raw values are in the roles.
class SlotTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        KindColumn,
        TypeColumn,
        ShapeColumn, // "4×4"; "scalar" for a 0-d tensor; empty for a non-tensor
        DtypeColumn,
        ElementsColumn,
        BytesColumn,
        DeviceColumn,
        ValueColumn, // the printed value of a non-tensor member ("3", "[1, 2]")
        ColumnCount
    };
    enum Roles {
        SortRole = Qt::UserRole + 1, // per column: text, or the raw number (-1 for a non-tensor)
        KindRole, // int, a SlotKind
        IsTensorRole, // bool
        ElementsRole, // qint64, -1 for a non-tensor
        BytesRole, // qint64, -1 for a non-tensor
        NameRole, // QString, the member's name
    };

    explicit SlotTableModel(QObject* parent = nullptr);

    // Replaces the rows with the module's members (a model reset).
    void setModule(const ModuleInfo& module);
    void clear();
    // The path of the module shown, "" for the root (and when nothing is shown).
    QString modulePath() const { return m_modulePath; }

    // The member shown in `row`, or null when the row is out of range. Valid until the next reset.
    const Slot* slotAt(int row) const;
    // The row of the member named `name`, or -1.
    int rowOf(const QString& name) const;

    // The shape as this model shows it: "4×4", "scalar" for a 0-d tensor.
    static QString shapeText(const std::vector<std::int64_t>& shape);
    static QString kindText(SlotKind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString toolTip(const Slot& slot) const;

    QString m_modulePath;
    std::vector<Slot> m_slots;
};

} // namespace torchscope
