#include "graphminimap.h"

#include "graphview.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace torchscope {

GraphMinimap::GraphMinimap(QWidget* parent)
    : QWidget(parent)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

void GraphMinimap::setView(GraphView* view)
{
    m_view = view;
    sceneChanged();
}

void GraphMinimap::sceneChanged()
{
    m_dirty = true;
    update();
}

void GraphMinimap::viewChanged() { update(); }

QSize GraphMinimap::sizeFor(const QSize& viewport) const
{
    if (!m_view || !m_view->scene())
        return {};
    const QRectF r = m_view->sceneRect();
    if (r.isEmpty())
        return {};
    const double maxW = std::max(60, viewport.width() / 4), maxH = std::max(60, viewport.height() / 3);
    const double s = std::min(maxW / r.width(), maxH / r.height());
    return QSize(std::max(20, int(r.width() * s)), std::max(20, int(r.height() * s)));
}

QTransform GraphMinimap::sceneToWidget() const
{
    const QRectF r = m_view->sceneRect();
    const double sx = width() / r.width(), sy = height() / r.height();
    return QTransform(sx, 0, 0, sy, -r.left() * sx, -r.top() * sy);
}

QRectF GraphMinimap::frame() const
{
    if (!m_view || m_view->sceneRect().isEmpty())
        return {};
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return sceneToWidget().mapRect(visible).intersected(QRectF(rect()).adjusted(0, 0, -1, -1));
}

void GraphMinimap::paintEvent(QPaintEvent*)
{
    if (!m_view || !m_view->scene())
        return;
    if (m_dirty || m_picture.size() != size() * devicePixelRatioF()) {
        m_picture = QPixmap(size() * devicePixelRatioF());
        m_picture.setDevicePixelRatio(devicePixelRatioF());
        m_picture.fill(Qt::white);
        QPainter p(&m_picture);
        m_view->scene()->render(&p, QRectF(QPointF(0, 0), QSizeF(size())), m_view->sceneRect(), Qt::IgnoreAspectRatio);
        m_dirty = false;
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_picture);
    p.setPen(QPen(QColor(0x15, 0x65, 0xc0), 2));
    p.setBrush(QColor(0x15, 0x65, 0xc0, 40));
    p.drawRect(frame());
    p.setPen(QColor(0x99, 0x99, 0x99));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void GraphMinimap::moveViewTo(const QPointF& widgetPos)
{
    if (!m_view || m_view->sceneRect().isEmpty())
        return;
    m_view->panTo(sceneToWidget().inverted().map(widgetPos));
    update();
}

void GraphMinimap::mousePressEvent(QMouseEvent* event) { moveViewTo(event->position()); }

void GraphMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

} // namespace torchscope
