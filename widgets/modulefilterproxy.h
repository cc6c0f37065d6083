#pragma once

#include <QSortFilterProxyModel>

namespace torchscope {

// Filters a ModuleTreeModel by a text and sorts it by the model's raw values (ModuleTreeModel::SortRole).
// A module stays when its name, original name or path contains the text (ignoring case), and so do its
// ancestors, so every match keeps its place in the hierarchy.
class ModuleFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ModuleFilterProxy(QObject* parent = nullptr);

    // An empty text keeps every module.
    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};

} // namespace torchscope
