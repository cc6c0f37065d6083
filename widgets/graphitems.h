#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>
#include <QString>
#include <QStringList>

namespace torchscope {

// The items GraphScene draws from a laid-out graph. Coordinates are Graphviz points; text is sized in the
// same unit, so it fits the boxes Graphviz measured. Each item draws less when it is too small to read
// (level of detail), which is what keeps a 5,000-node scene smooth when zoomed out.

// Why an item is marked; several may hold at once, the strongest draws.
enum GraphMark {
    MarkNone = 0,
    MarkCodeLine = 1, // produced by the code line under the cursor
    MarkValue = 2, // producer or use of the selected value
    MarkSearch = 4, // matches the graph search
    MarkSearchCurrent = 8, // the match next/previous is on
    MarkDiff = 16, // the Compare window: present in this archive's graph only
};

class GraphNodeItem : public QGraphicsItem {
public:
    enum Shape { Box, RoundedBox, Diamond, Hexagon, Box3d, Ellipse };
    enum { Type = UserType + 1 };

    GraphNodeItem(int index, const QRectF& rect, Shape shape, const QColor& fill, const QColor& line, bool dashed,
        const QStringList& lines);

    int type() const override { return Type; }
    int index() const { return m_index; } // in VisualGraph::nodes
    QString text() const { return m_lines.join(QLatin1Char('\n')); }
    int marks() const { return m_marks; }
    void setMarks(int marks);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath outline() const;

    int m_index;
    QRectF m_rect; // in item coordinates
    Shape m_shape;
    QColor m_fill, m_line;
    bool m_dashed;
    QStringList m_lines;
    QList<QStaticText> m_static;
    int m_marks = MarkNone;
};

class GraphEdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    // `points`: the cubic B-spline Graphviz gave (1 + 3n control points); `arrow`: the tip, when it has one.
    // The label is centred on `labelPos` (Graphviz placed it) or, with `labelAnchor`, starts `labelGap` to the
    // right of that point on the edge, measured with our own font.
    GraphEdgeItem(int index, const QList<QPointF>& points, const QPointF* arrow, const QString& label,
        const QPointF* labelPos, const QPointF* labelAnchor, double labelGap, const QColor& color, bool dashed);

    int type() const override { return Type; }
    int index() const { return m_index; } // in VisualGraph::edges
    QString label() const { return m_label; }
    int marks() const { return m_marks; }
    void setMarks(int marks);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_index;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    QPointF m_labelPos;
    QRectF m_labelRect;
    QColor m_color;
    bool m_dashed;
    QRectF m_bounds;
    mutable QPainterPath m_hitShape;
    int m_marks = MarkNone;
};

class GraphClusterItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    GraphClusterItem(int index, const QRectF& rect, const QString& label, const QPointF* labelPos, const QColor& fill,
        const QColor& line, bool dashed);

    int type() const override { return Type; }
    int index() const { return m_index; } // in VisualGraph::clusters
    QString label() const { return m_label; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_index;
    QRectF m_rect;
    QString m_label;
    QPointF m_labelPos;
    QColor m_fill, m_line;
    bool m_dashed;
};

// Fonts in scene units: the sizes the DOT asks Graphviz to measure (10 for nodes and clusters, 8 for edges).
QFont graphNodeFont();
QFont graphEdgeFont();

} // namespace torchscope
