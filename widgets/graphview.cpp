#include "graphview.h"

#include "graphitems.h"
#include "graphminimap.h"
#include "graphscene.h"

#include <QGestureEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace torchscope {

GraphView::GraphView(QWidget* parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontAdjustForAntialiasing);
    setBackgroundBrush(Qt::white);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->grabGesture(Qt::PinchGesture);
    m_minimap = new GraphMinimap(this);
    m_minimap->hide();
}

void GraphView::setGraphScene(GraphScene* scene)
{
    m_scene = scene;
    setScene(scene);
    m_minimap->setView(this);
}

double GraphView::unitScale() const { return logicalDpiX() / 72.0; }

double GraphView::zoom() const { return transform().m11() / unitScale(); }

void GraphView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const double s = zoom * unitScale();
    setTransform(QTransform::fromScale(s, s));
    m_minimap->viewChanged();
    Q_EMIT zoomChanged(zoom);
}

void GraphView::scaleBy(double factor)
{
    m_autoView = false;
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const double f = target / zoom();
    scale(f, f);
    m_minimap->viewChanged();
    Q_EMIT zoomChanged(target);
}

void GraphView::zoomIn() { scaleBy(1.25); }
void GraphView::zoomOut() { scaleBy(0.8); }

void GraphView::resetZoom()
{
    m_autoView = false;
    setZoom(1.0);
}

void GraphView::fitToWindow()
{
    if (!scene())
        return;
    const QRectF r = sceneRect();
    if (r.isEmpty())
        return;
    const QSize vp = viewport()->size();
    const double z = std::min({ vp.width() / r.width(), vp.height() / r.height(), unitScale() }) / unitScale();
    setZoom(z);
    centerOn(r.center());
}

bool GraphView::zoomToSelection()
{
    if (!scene())
        return false;
    QRectF r;
    for (QGraphicsItem* item : scene()->selectedItems())
        r = r.united(item->sceneBoundingRect());
    if (r.isEmpty())
        return false;
    m_autoView = false;
    r.adjust(-40, -40, 40, 40);
    const QSize vp = viewport()->size();
    const double z = std::min({ vp.width() / r.width(), vp.height() / r.height(), 2 * unitScale() }) / unitScale();
    setZoom(z);
    centerOn(r.center());
    return true;
}

void GraphView::showInitialView()
{
    m_autoView = true;
    const QRectF r = sceneRect();
    if (!scene() || r.isEmpty())
        return;
    const QSize vp = viewport()->size();
    const double fitAll = std::min(vp.width() / r.width(), vp.height() / r.height()) / unitScale();
    constexpr double readable = 0.8; // below this the labels of a typical screen are too small to read
    if (fitAll >= readable) {
        setZoom(std::min(fitAll, 1.0));
        centerOn(r.center());
    } else {
        const double fitWidth = vp.width() / r.width() / unitScale();
        setZoom(std::clamp(fitWidth, readable, 1.0));
        // Start where the data comes in: the topmost node (a graph input), at the top of the window.
        QPointF start(r.center().x(), r.top());
        double top = r.bottom();
        for (int i = 0; m_scene && i < m_scene->nodeCount(); ++i) {
            if (const GraphNodeItem* item = m_scene->nodeItem(i); item && item->pos().y() < top) {
                top = item->pos().y();
                start.setX(item->pos().x());
            }
        }
        const double halfHeight = vp.height() / 2.0 / transform().m11();
        centerOn(QPointF(start.x(), r.top() + halfHeight));
    }
    m_autoView = true;
    m_minimap->viewChanged();
}

void GraphView::centreOnNode(int node)
{
    if (!m_scene)
        return;
    if (GraphNodeItem* item = m_scene->nodeItem(node)) {
        m_autoView = false;
        ensureVisible(item, 60, 60);
        centerOn(item);
    }
}

void GraphView::centreOnRect(const QRectF& rect)
{
    // The top of a tall cluster, where its inputs come in, matters more than its middle.
    const double halfHeight = viewport()->height() / 2.0 / transform().m11();
    centerOn(QPointF(rect.center().x(), std::min(rect.center().y(), rect.top() + halfHeight - 20)));
}

void GraphView::panTo(const QPointF& scenePos)
{
    m_autoView = false;
    centerOn(scenePos);
}

void GraphView::setMinimapVisible(bool visible)
{
    m_minimapWanted = visible;
    placeMinimap();
}

void GraphView::placeMinimap()
{
    const QRectF r = sceneRect();
    const bool bigger = scene() && !r.isEmpty()
        && (r.width() * transform().m11() > viewport()->width() + 1
            || r.height() * transform().m22() > viewport()->height() + 1);
    m_minimap->setVisible(m_minimapWanted && bigger);
    if (!m_minimap->isVisible())
        return;
    const QSize size = m_minimap->sizeFor(viewport()->size());
    const QRect vp = viewport()->geometry();
    m_minimap->setGeometry(vp.right() - size.width() - 8, vp.bottom() - size.height() - 8, size.width(), size.height());
    m_minimap->raise();
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    // A touchpad's two-finger scroll pans; a wheel (or a touchpad with Ctrl) zooms around the cursor.
    if (!event->pixelDelta().isNull() && !(event->modifiers() & Qt::ControlModifier)) {
        m_autoView = false;
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(1.0015, delta));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_F:
        fitToWindow();
        m_autoView = false;
        return;
    case Qt::Key_Z:
        zoomToSelection();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoView)
        showInitialView();
    placeMinimap();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    placeMinimap();
    m_minimap->viewChanged();
    Q_EMIT viewportMoved();
}

void GraphView::mousePressEvent(QMouseEvent* event)
{
    m_autoView = false;
    QGraphicsView::mousePressEvent(event);
}

bool GraphView::viewportEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto* help = static_cast<QHelpEvent*>(event);
        const GraphNodeItem* node = nullptr;
        for (QGraphicsItem* item : items(help->pos())) {
            if (item->type() == GraphNodeItem::Type) {
                node = static_cast<const GraphNodeItem*>(item);
                break;
            }
        }
        const QString text = node && m_toolTip ? m_toolTip(node->index()) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    case QEvent::NativeGesture: { // macOS touchpads
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            scaleBy(1.0 + gesture->value());
            return true;
        }
        break;
    }
    case QEvent::Gesture: { // touch screens
        auto* gestures = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->state() == Qt::GestureStarted)
                m_pinchStart = zoom();
            m_autoView = false;
            setZoom(m_pinchStart * pinch->totalScaleFactor());
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QGraphicsView::viewportEvent(event);
}

} // namespace torchscope
