#pragma once

#include <QPixmap>
#include <QWidget>

namespace torchscope {

class GraphView;

// The overview in a GraphView's corner: the whole graph small, with the window's part framed. Clicking or
// dragging in it moves the view there. The picture is drawn once per graph, so it costs nothing while panning.
class GraphMinimap : public QWidget {
    Q_OBJECT
public:
    explicit GraphMinimap(QWidget* parent = nullptr);

    void setView(GraphView* view);
    // The scene changed (a new layout): draw the picture again.
    void sceneChanged();
    // The view moved or zoomed: move the frame.
    void viewChanged();
    // The size it takes for a viewport of `viewport` size: the scene's aspect within a quarter of it.
    QSize sizeFor(const QSize& viewport) const;
    // The frame, in this widget's coordinates (for tests).
    QRectF frame() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QTransform sceneToWidget() const;
    void moveViewTo(const QPointF& widgetPos);

    GraphView* m_view = nullptr;
    QPixmap m_picture;
    bool m_dirty = true;
};

} // namespace torchscope
