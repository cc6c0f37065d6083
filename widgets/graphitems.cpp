#include "graphitems.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace torchscope {
namespace {
    // Below this many device pixels of text height, text is not drawn: it could not be read anyway.
    constexpr double kMinTextPixels = 5.0;

    QColor markColor(int marks)
    {
        if (marks & MarkSearchCurrent)
            return QColor(0xff, 0x6d, 0x00);
        if (marks & MarkSearch)
            return QColor(0xff, 0xb3, 0x00);
        if (marks & MarkValue)
            return QColor(0x00, 0x89, 0x7b);
        if (marks & MarkCodeLine)
            return QColor(0xd8, 0x1b, 0x60);
        if (marks & MarkDiff)
            return QColor(0x8e, 0x24, 0xaa);
        return {};
    }

    const QColor kSelection(0x15, 0x65, 0xc0);

    double lodOf(const QPainter* painter)
    {
        return QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    }

    // QStaticText is the fast path on screen; vector devices (SVG export, printing) want real text runs.
    bool rasterDevice(const QPainter* painter)
    {
        const QPaintEngine* engine = painter->paintEngine();
        return engine && engine->type() == QPaintEngine::Raster;
    }

    void drawCentred(QPainter* painter, const QFont& font, const QPointF& centre, const QString& text)
    {
        const QFontMetricsF fm(font);
        const QPointF topLeft(centre.x() - fm.horizontalAdvance(text) / 2, centre.y() - fm.height() / 2);
        painter->drawText(QPointF(topLeft.x(), topLeft.y() + fm.ascent()), text);
    }
}

QFont graphNodeFont()
{
    QFont font(QStringLiteral("Sans"));
    font.setPixelSize(10);
    return font;
}

QFont graphEdgeFont()
{
    QFont font(QStringLiteral("Sans"));
    font.setPixelSize(8);
    return font;
}

GraphNodeItem::GraphNodeItem(int index, const QRectF& rect, Shape shape, const QColor& fill, const QColor& line,
    bool dashed, const QStringList& lines)
    : m_index(index)
    , m_rect(QPointF(-rect.width() / 2, -rect.height() / 2), rect.size())
    , m_shape(shape)
    , m_fill(fill)
    , m_line(line)
    , m_dashed(dashed)
    , m_lines(lines)
{
    setPos(rect.center());
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setZValue(2);
    const QFont font = graphNodeFont();
    for (const QString& l : m_lines) {
        QStaticText st(l);
        st.setTextFormat(Qt::PlainText);
        st.prepare(QTransform(), font);
        m_static.append(st);
    }
}

void GraphNodeItem::setMarks(int marks)
{
    if (marks != m_marks) {
        m_marks = marks;
        update();
    }
}

QRectF GraphNodeItem::boundingRect() const { return m_rect.adjusted(-4, -4, 4, 4); }

QPainterPath GraphNodeItem::outline() const
{
    QPainterPath path;
    const QRectF r = m_rect;
    switch (m_shape) {
    case RoundedBox:
        path.addRoundedRect(r, 4, 4);
        break;
    case Diamond:
        path.addPolygon(QPolygonF({ QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()),
            QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y()) }));
        path.closeSubpath();
        break;
    case Hexagon: {
        const double d = std::min(r.height() / 2, r.width() / 4);
        path.addPolygon(QPolygonF({ QPointF(r.left() + d, r.top()), QPointF(r.right() - d, r.top()),
            QPointF(r.right(), r.center().y()), QPointF(r.right() - d, r.bottom()), QPointF(r.left() + d, r.bottom()),
            QPointF(r.left(), r.center().y()) }));
        path.closeSubpath();
        break;
    }
    case Ellipse:
        path.addEllipse(r);
        break;
    case Box:
    case Box3d:
        path.addRect(r);
        break;
    }
    return path;
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

void GraphNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const double lod = lodOf(painter);
    const QColor mark = markColor(m_marks);
    // Zoomed far out a node is a coloured dot: no outline, no text, no path maths.
    if (lod * m_rect.height() < 4) {
        painter->fillRect(m_rect, mark.isValid() ? mark : (isSelected() ? kSelection : m_line));
        return;
    }
    const QPainterPath path = outline();
    QPen pen(m_line, 1.0, m_dashed ? Qt::DashLine : Qt::SolidLine);
    if (mark.isValid())
        pen = QPen(mark, 3.0);
    if (isSelected())
        pen = QPen(kSelection, 3.0);
    painter->setPen(pen);
    painter->setBrush(m_fill);
    painter->drawPath(path);
    if (m_shape == Box3d) {
        const QRectF r = m_rect;
        const double d = 4;
        painter->setBrush(m_fill.darker(110));
        painter->drawPolygon(QPolygonF({ r.topLeft(), r.topLeft() + QPointF(d, -d), r.topRight() + QPointF(d, -d),
            r.bottomRight() + QPointF(d, -d), r.bottomRight(), r.topRight() }));
    }
    if (lod * 10 < kMinTextPixels || m_lines.isEmpty())
        return;
    painter->setPen(Qt::black);
    const QFont font = graphNodeFont();
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const double lineHeight = fm.height();
    double y = -lineHeight * m_lines.size() / 2;
    const bool raster = rasterDevice(painter);
    for (int i = 0; i < m_lines.size(); ++i, y += lineHeight) {
        const double width = fm.horizontalAdvance(m_lines[i]);
        if (raster)
            painter->drawStaticText(QPointF(-width / 2, y), m_static[i]);
        else
            painter->drawText(QPointF(-width / 2, y + fm.ascent()), m_lines[i]);
    }
}

GraphEdgeItem::GraphEdgeItem(int index, const QList<QPointF>& points, const QPointF* arrow, const QString& label,
    const QPointF* labelPos, const QPointF* labelAnchor, double labelGap, const QColor& color, bool dashed)
    : m_index(index)
    , m_label(label)
    , m_color(color)
    , m_dashed(dashed)
{
    setFlag(ItemIsSelectable);
    setZValue(1);
    if (!points.isEmpty()) {
        m_path.moveTo(points.front());
        for (int i = 1; i + 2 < points.size(); i += 3)
            m_path.cubicTo(points[i], points[i + 1], points[i + 2]);
    }
    if (arrow && !points.isEmpty()) {
        const QPointF base = points.back();
        const QPointF tip = *arrow;
        const QPointF d = tip - base;
        const QPointF normal(-d.y() * 0.4, d.x() * 0.4);
        m_arrow = QPolygonF({ tip, base + normal, base - normal });
        m_path.lineTo(tip);
    }
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-3, -3, 3, 3);
    if (!m_label.isEmpty()) {
        const QFontMetricsF fm(graphEdgeFont());
        if (labelAnchor) {
            m_labelPos = *labelAnchor + QPointF(labelGap + fm.horizontalAdvance(m_label) / 2, 0);
        } else if (labelPos) {
            m_labelPos = *labelPos;
        } else {
            // Graphviz placed no label (big graphs): put it beside the middle of the edge.
            const QPointF mid = m_path.pointAtPercent(0.5);
            m_labelPos = mid + QPointF(fm.horizontalAdvance(m_label) / 2 + 3, 0);
        }
        const double w = fm.horizontalAdvance(m_label);
        m_labelRect = QRectF(m_labelPos.x() - w / 2, m_labelPos.y() - fm.height() / 2, w, fm.height());
        m_bounds = m_bounds.united(m_labelRect);
    }
}

void GraphEdgeItem::setMarks(int marks)
{
    if (marks != m_marks) {
        m_marks = marks;
        update();
    }
}

QRectF GraphEdgeItem::boundingRect() const { return m_bounds; }

QPainterPath GraphEdgeItem::shape() const
{
    if (m_hitShape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(6);
        m_hitShape = stroker.createStroke(m_path);
        m_hitShape.addPolygon(m_arrow);
        if (!m_labelRect.isEmpty())
            m_hitShape.addRect(m_labelRect);
    }
    return m_hitShape;
}

void GraphEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const double lod = lodOf(painter);
    QColor color = m_color;
    double width = 1.0;
    if (const QColor mark = markColor(m_marks); mark.isValid()) {
        color = mark;
        width = 2.5;
    }
    if (isSelected()) {
        color = kSelection;
        width = 2.5;
    }
    QPen pen(color, width, m_dashed ? Qt::DashLine : Qt::SolidLine);
    if (lod < 0.3)
        pen.setCosmetic(true); // far out, keep edges one pixel wide instead of vanishing
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_arrow.isEmpty()) {
        painter->setBrush(color);
        painter->drawPolygon(m_arrow);
    }
    if (m_label.isEmpty() || lod * 8 < kMinTextPixels)
        return;
    painter->setPen(color);
    painter->setFont(graphEdgeFont());
    drawCentred(painter, graphEdgeFont(), m_labelPos, m_label);
}

GraphClusterItem::GraphClusterItem(int index, const QRectF& rect, const QString& label, const QPointF* labelPos,
    const QColor& fill, const QColor& line, bool dashed)
    : m_index(index)
    , m_rect(rect)
    , m_label(label)
    , m_fill(fill)
    , m_line(line)
    , m_dashed(dashed)
{
    const QFontMetricsF fm(graphNodeFont());
    m_labelPos = labelPos ? *labelPos
                          : QPointF(rect.left() + 6 + fm.horizontalAdvance(label) / 2, rect.top() + fm.height() / 2 + 2);
}

QRectF GraphClusterItem::boundingRect() const { return m_rect.adjusted(-1, -1, 1, 1); }

void GraphClusterItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const double lod = lodOf(painter);
    painter->setPen(QPen(m_line, 1.0, m_dashed ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(m_fill);
    if (lod * 6 < 2)
        painter->drawRect(m_rect);
    else
        painter->drawRoundedRect(m_rect, 6, 6);
    if (m_label.isEmpty() || lod * 10 < kMinTextPixels)
        return;
    painter->setPen(m_line.darker(150));
    painter->setFont(graphNodeFont());
    drawCentred(painter, graphNodeFont(), m_labelPos, m_label);
}

} // namespace torchscope
