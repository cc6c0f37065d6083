#pragma once

#include <QWidget>

#include <vector>

namespace torchscope {

// A bar chart of how a tensor's values spread, drawn with QPainter.
class HistogramView : public QWidget {
    Q_OBJECT
public:
    struct Bins {
        std::vector<qint64> counts; // one per bin; empty when there is no finite value
        double low = 0; // left edge of the first bin
        double high = 0; // right edge of the last bin
        qint64 skipped = 0; // NaN and ±Inf values, left out
    };

    // numpy.histogram(values, bins=binCount) over the finite values: equal-width bins from the smallest to the
    // largest value, each half-open except the last, which includes the largest. When all values are equal the
    // range is value ± 0.5, as numpy makes it.
    static Bins computeBins(const std::vector<double>& values, int binCount = 10);

    explicit HistogramView(QWidget* parent = nullptr);

    void setValues(const std::vector<double>& values, int binCount = 10);
    void clear();
    const Bins& bins() const { return m_bins; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Bins m_bins;
};

} // namespace torchscope
