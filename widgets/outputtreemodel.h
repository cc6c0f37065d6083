#pragma once

#include "data/runresult.h"

#include <QAbstractItemModel>

#include <vector>

namespace torchscope {

// The value a run returned, as a tree mirroring its structure (tuples, lists, dicts, scalars, None), one row
// per value with its tensor summary. Read-only; the model keeps its own copy of the result.
class OutputTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Value, Shape, DType, Device, Min, Max, Mean, Std, NaNs, Infs, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // "output[0]['a']": the value's place in the output (QString)
        KindRole, // ValueNode::Kind as int
        RawRole, // the column's raw value: qint64 or double for the numbers, QString otherwise; for sorting
        IsTensorRole, // bool
    };

    explicit OutputTreeModel(QObject* parent = nullptr);

    void setResult(const RunResult& result);
    void clear();
    const RunResult& result() const { return m_result; }
    bool isEmpty() const { return m_items.empty(); }
    // The value a row shows; null for an invalid index. Valid until the next setResult()/clear().
    const ValueNode* node(const QModelIndex& index) const;
    // The index of the first tensor in row order (depth-first), or an invalid index when there is none.
    QModelIndex firstTensor() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Item {
        const ValueNode* node = nullptr;
        int parent = -1; // item index, -1 for the root row
        int row = 0; // row under its parent
        std::vector<int> children;
        QString name;
        QString path;
    };
    void add(const ValueNode& node, int parent, const QString& name, const QString& path);
    QVariant display(const Item& item, int column) const;
    QVariant raw(const Item& item, int column) const;

    RunResult m_result;
    std::vector<Item> m_items; // m_items[0] is the output itself
};

} // namespace torchscope
