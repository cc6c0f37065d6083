#pragma once

#include "data/runresult.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace torchscope {

class HistogramView;

// One output tensor up close: its summary, the values the run result carries (the first ones, paged) with
// their multi-dimensional indices, and a 10-bin histogram of those values.
class TensorInspector : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;

    explicit TensorInspector(QWidget* parent = nullptr);

    // `path` names the tensor ("output[0]"); a node that is not a tensor clears the inspector.
    void setTensor(const QString& path, const ValueNode& node);
    void clear();

    int page() const { return m_page; }
    int pageCount() const;
    void setPage(int page);

    // "[1, 2]" for flat index 6 of a 3x4 tensor; "[6]" when the shape does not cover the index.
    static QString indexText(const std::vector<std::int64_t>& shape, std::int64_t flat);

    QTableWidget* valuesTable() const { return m_table; }
    HistogramView* histogram() const { return m_histogram; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* pageLabel() const { return m_pageLabel; }

private:
    void showPage();

    ValueNode m_node;
    int m_page = 0;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_pageLabel = nullptr;
    QLabel* m_histogramLabel = nullptr;
    HistogramView* m_histogram = nullptr;
};

} // namespace torchscope
