#include "histogramview.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace torchscope {

HistogramView::Bins HistogramView::computeBins(const std::vector<double>& values, int binCount)
{
    Bins out;
    bool any = false;
    double lo = 0, hi = 0;
    for (double v : values) {
        if (!std::isfinite(v)) {
            ++out.skipped;
            continue;
        }
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    }
    if (!any || binCount < 1)
        return out;
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    out.low = lo;
    out.high = hi;
    out.counts.assign(std::size_t(binCount), 0);
    const double width = (hi - lo) / binCount;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        int bin = int(std::floor((v - lo) / width));
        // Rounding in the division must not move a value across an edge numpy would keep it on.
        if (bin > 0 && v < lo + bin * width)
            --bin;
        else if (bin < binCount - 1 && v >= lo + (bin + 1) * width)
            ++bin;
        out.counts[std::size_t(std::clamp(bin, 0, binCount - 1))] += 1;
    }
    return out;
}

HistogramView::HistogramView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void HistogramView::setValues(const std::vector<double>& values, int binCount)
{
    m_bins = computeBins(values, binCount);
    update();
}

void HistogramView::clear()
{
    m_bins = Bins {};
    update();
}

QSize HistogramView::sizeHint() const { return { 280, 140 }; }
QSize HistogramView::minimumSizeHint() const { return { 120, 80 }; }

void HistogramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int labelHeight = fm.height() + 4;
    const QRect plot = rect().adjusted(6, 6, -6, -labelHeight);
    if (m_bins.counts.empty() || plot.width() < 10 || plot.height() < 10) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No finite values"));
        return;
    }
    const qint64 most = *std::max_element(m_bins.counts.begin(), m_bins.counts.end());
    const int n = int(m_bins.counts.size());
    const double barWidth = double(plot.width()) / n;
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(palette().color(QPalette::Highlight));
    for (int i = 0; i < n; ++i) {
        const qint64 count = m_bins.counts[std::size_t(i)];
        const int h = most > 0 ? int(std::lround(double(plot.height()) * double(count) / double(most))) : 0;
        const QRectF bar(plot.left() + i * barWidth, plot.bottom() - h, barWidth, h);
        p.drawRect(bar.adjusted(1, 0, -1, 0));
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    const QRect labels(plot.left(), plot.bottom() + 2, plot.width(), labelHeight);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, QString::number(m_bins.low, 'g', 4));
    p.drawText(labels, Qt::AlignRight | Qt::AlignTop, QString::number(m_bins.high, 'g', 4));
    p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, tr("max bin: %1").arg(most));
}

} // namespace torchscope
