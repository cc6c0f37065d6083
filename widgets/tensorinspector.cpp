#include "tensorinspector.h"

#include "histogramview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace torchscope {
namespace {
    QString shapeText(const std::vector<std::int64_t>& shape)
    {
        QStringList dims;
        for (std::int64_t d : shape)
            dims.append(QString::number(d));
        return dims.isEmpty() ? QStringLiteral("[]") : dims.join(QStringLiteral("\u00d7"));
    }
} // namespace

TensorInspector::TensorInspector(QWidget* parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("tensorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("tensorValues"));
    m_table->setHorizontalHeaderLabels({ tr("Index"), tr("Value") });
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_previous = new QPushButton(tr("Previous"), this);
    m_next = new QPushButton(tr("Next"), this);
    m_pageLabel = new QLabel(this);
    connect(m_previous, &QPushButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setPage(m_page + 1); });
    auto* pager = new QHBoxLayout;
    pager->addWidget(m_previous);
    pager->addWidget(m_pageLabel, 1, Qt::AlignCenter);
    pager->addWidget(m_next);

    m_histogramLabel = new QLabel(this);
    m_histogram = new HistogramView(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(pager);
    layout->addWidget(m_histogramLabel);
    layout->addWidget(m_histogram);
    clear();
}

void TensorInspector::clear()
{
    m_node = ValueNode {};
    m_page = 0;
    m_summary->setText(tr("Select a tensor in the output tree."));
    m_histogramLabel->clear();
    m_histogram->clear();
    showPage();
}

void TensorInspector::setTensor(const QString& path, const ValueNode& node)
{
    if (node.kind != ValueNode::Kind::Tensor) {
        clear();
        return;
    }
    m_node = node;
    m_page = 0;
    const TensorStats& s = node.stats;
    QString summary
        = tr("<b>%1</b>: %2 %3 on %4, %n element(s)", nullptr, int(std::min<std::int64_t>(s.numel, INT_MAX)))
              .arg(path.toHtmlEscaped(), shapeText(s.shape), QString::fromStdString(s.dtype),
                  QString::fromStdString(node.device));
    if (node.valuesTruncated)
        summary
            += QLatin1Char(' ') + tr("(the result carries the first %n value(s))", nullptr, int(node.values.size()));
    m_summary->setText(summary);
    m_histogram->setValues(node.values);
    const auto& bins = m_histogram->bins();
    m_histogramLabel->setText(node.valuesTruncated
            ? tr("Histogram of the first %n value(s):", nullptr, int(node.values.size()))
            : tr("Histogram of the values:"));
    if (bins.skipped > 0)
        m_histogramLabel->setText(m_histogramLabel->text() + QLatin1Char(' ')
            + tr("%n NaN/Inf value(s) left out", nullptr, int(bins.skipped)));
    showPage();
}

int TensorInspector::pageCount() const
{
    const int n = int(m_node.values.size());
    return n == 0 ? 1 : (n + kPageSize - 1) / kPageSize;
}

void TensorInspector::setPage(int page)
{
    m_page = std::clamp(page, 0, pageCount() - 1);
    showPage();
}

QString TensorInspector::indexText(const std::vector<std::int64_t>& shape, std::int64_t flat)
{
    std::int64_t total = 1;
    for (std::int64_t d : shape)
        total *= d;
    if (shape.empty() || flat >= total || flat < 0)
        return shape.empty() && flat == 0 ? QStringLiteral("[]") : QStringLiteral("[%1]").arg(flat);
    QStringList parts;
    std::int64_t rest = flat;
    for (auto it = shape.rbegin(); it != shape.rend(); ++it) {
        parts.prepend(QString::number(rest % *it));
        rest /= *it;
    }
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

void TensorInspector::showPage()
{
    const int n = int(m_node.values.size());
    const int first = m_page * kPageSize;
    const int last = std::min(n, first + kPageSize);
    m_table->setRowCount(std::max(0, last - first));
    for (int i = first; i < last; ++i) {
        auto* index = new QTableWidgetItem(indexText(m_node.stats.shape, i));
        auto* value = new QTableWidgetItem(QString::number(m_node.values[std::size_t(i)], 'g', 8));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i - first, 0, index);
        m_table->setItem(i - first, 1, value);
    }
    m_pageLabel->setText(n == 0 ? tr("No values") : tr("%1\u2013%2 of %3").arg(first + 1).arg(last).arg(n));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
}

} // namespace torchscope
