#pragma once

#include "data/moduleinfo.h"
#include "data/tensorstats.h"

#include <QHash>
#include <QWidget>

class QGroupBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace torchscope {

class SlotTableModel;

// What one module holds: its path, types and subtree totals, its methods with their schemas, a sortable
// table of its members, and the statistics of the selected tensor member.
//
// Statistics are computed elsewhere (they read every element, which the worker process does): selecting a
// tensor row emits tensorStatsRequested() and shows a "computing" state until showTensorStats() delivers
// the result for that same module and member. A result for anything else is kept for later but not shown,
// so a slow answer cannot overwrite a newer selection. Results are remembered per member until the next
// setModule(), and a remembered member is shown again without a new request.
class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);

    // Shows the module; clears the selection, the statistics and the remembered results.
    void setModule(const ModuleInfo& module);
    void clear();

    // The path of the module shown ("" for the root).
    QString modulePath() const { return m_modulePath; }
    // The tensor member whose statistics are shown or awaited; empty when none is selected.
    QString statsSlot() const { return m_statsSlot; }
    // Selects the member's row (as a click would); false when the module has no such member.
    bool selectSlot(const QString& name);

public Q_SLOTS:
    void showTensorStats(const QString& modulePath, const QString& slotName, const torchscope::TensorStats& stats);
    // The statistics could not be computed; `message` says why (one line, for a person).
    void showTensorStatsFailed(const QString& modulePath, const QString& slotName, const QString& message);

Q_SIGNALS:
    void tensorStatsRequested(const QString& modulePath, const QString& slotName);

private:
    enum Stat { Min, Max, Mean, Std, Zeros, Nans, Infs, StatCount };

    void onSelectionChanged();
    void showStatsMessage(const QString& message);
    void displayStats(const QString& slotName, const TensorStats& stats);

    SlotTableModel* m_slots = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_path = nullptr;
    QLabel* m_type = nullptr;
    QLabel* m_parameters = nullptr;
    QLabel* m_buffers = nullptr;
    QLabel* m_submodules = nullptr;
    QGroupBox* m_methodsBox = nullptr;
    QLabel* m_methods = nullptr;
    QTableView* m_table = nullptr;
    QGroupBox* m_statsBox = nullptr;
    QLabel* m_statsStatus = nullptr;
    QLabel* m_statValues[StatCount] = {};

    QString m_modulePath;
    QString m_statsSlot;
    QHash<QString, TensorStats> m_statsCache;
};

} // namespace torchscope
