#pragma once

#include <QGraphicsView>

#include <functional>

namespace torchscope {

class GraphMinimap;
class GraphScene;

// Shows a GraphScene: zoom with the wheel (around the cursor), a pinch, or the keys + - 0; pan by dragging the
// background, with the scroll bars or the arrow keys; F fits the graph to the window, Z zooms to the selection.
// A minimap in the corner shows where the window is on a graph bigger than it. Hovering a node shows its details.
class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    void setGraphScene(GraphScene* scene);
    GraphScene* graphScene() const { return m_scene; }
    GraphMinimap* minimap() const { return m_minimap; }

    // 1.0 is 100 %: a 10-point label as tall as 10-point text elsewhere on the screen.
    double zoom() const;
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // The whole graph in the window (never above 100 %).
    void fitToWindow();
    // The selected items filling the window (at most 200 %); false when nothing is selected.
    bool zoomToSelection();
    // What a user sees first: the whole graph when it is readable that way, else its top at a readable zoom,
    // as wide as fits. Until the user zooms or pans, resizing the window shows that view again.
    void showInitialView();
    void centreOnNode(int node);
    void centreOnRect(const QRectF& sceneRect);
    // True while the initial view shows, before the user zoomed or panned.
    bool isAutoView() const { return m_autoView; }
    // Centres the view on a scene point, as the user's pan would.
    void panTo(const QPointF& scenePos);
    void setMinimapVisible(bool visible);

    // Supplies hover text for a node (by VisualGraph index); empty means no tooltip.
    void setToolTipProvider(std::function<QString(int node)> provider) { m_toolTip = std::move(provider); }

    static constexpr double kMinZoom = 0.01;
    static constexpr double kMaxZoom = 8.0;

Q_SIGNALS:
    void zoomChanged(double zoom);
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double unitScale() const; // view scale at 100 %
    void scaleBy(double factor);
    void placeMinimap();

    GraphScene* m_scene = nullptr;
    GraphMinimap* m_minimap = nullptr;
    std::function<QString(int)> m_toolTip;
    bool m_autoView = true; // showing the initial view; cleared by the user's zoom or pan
    bool m_minimapWanted = true;
    double m_pinchStart = 1.0;
};

} // namespace torchscope
