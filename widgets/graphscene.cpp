#include "graphscene.h"

#include "graphitems.h"
#include "layout/nodestyle.h"

#include <QGraphicsSceneMouseEvent>
#include <QTransform>

#include <cstring>
#include <unordered_map>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }

    GraphNodeItem::Shape shapeOf(const NodeStyle& style)
    {
        const std::string shape = style.shape;
        if (shape == "diamond")
            return GraphNodeItem::Diamond;
        if (shape == "hexagon")
            return GraphNodeItem::Hexagon;
        if (shape == "box3d")
            return GraphNodeItem::Box3d;
        if (shape == "ellipse")
            return GraphNodeItem::Ellipse;
        return std::strstr(style.style, "rounded") ? GraphNodeItem::RoundedBox : GraphNodeItem::Box;
    }

    bool dashed(const NodeStyle& style) { return std::strstr(style.style, "dashed") != nullptr; }

    int depthOf(const VisualGraph& g, int cluster)
    {
        int depth = 0;
        for (int c = g.clusters[cluster].parent; c >= 0; c = g.clusters[c].parent)
            ++depth;
        return depth;
    }
}

GraphScene::GraphScene(QObject* parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

GraphScene::~GraphScene() = default;

void GraphScene::clearGraph()
{
    m_rebuilding = true;
    clear();
    m_rebuilding = false;
    m_nodes.clear();
    m_edges.clear();
    m_clusters.clear();
    m_marks.clear();
    m_graph.reset();
    m_layout.reset();
    setSceneRect(QRectF());
}

void GraphScene::setGraph(std::shared_ptr<const VisualGraph> graph, std::shared_ptr<const GraphLayout> layout)
{
    clearGraph();
    if (!graph || !layout)
        return;
    m_graph = std::move(graph);
    m_layout = std::move(layout);
    const VisualGraph& g = *m_graph;
    std::unordered_map<std::string, int> nodeIndex, clusterIndex;
    for (size_t i = 0; i < g.nodes.size(); ++i)
        nodeIndex.emplace(g.nodes[i].id, static_cast<int>(i));
    for (size_t i = 0; i < g.clusters.size(); ++i)
        clusterIndex.emplace(g.clusters[i].id, static_cast<int>(i));
    m_nodes = QList<GraphNodeItem*>(static_cast<int>(g.nodes.size()), nullptr);
    m_edges = QList<GraphEdgeItem*>(static_cast<int>(g.edges.size()), nullptr);
    m_clusters = QList<GraphClusterItem*>(static_cast<int>(g.clusters.size()), nullptr);

    for (const LayoutCluster& c : m_layout->clusters) {
        const auto it = clusterIndex.find(c.name);
        if (it == clusterIndex.end())
            continue;
        const NodeStyle style = clusterStyle(g.clusters[it->second].kind);
        const QPointF labelPos = c.labelPos ? QPointF(c.labelPos->x, c.labelPos->y) : QPointF();
        auto* item = new GraphClusterItem(it->second, QRectF(c.x, c.y, c.width, c.height), q(c.label),
            c.labelPos ? &labelPos : nullptr, QColor(QLatin1String(style.fill)), QColor(QLatin1String(style.line)),
            dashed(style));
        item->setZValue(-1.0 + 0.01 * depthOf(g, it->second));
        addItem(item);
        m_clusters[it->second] = item;
    }
    for (const LayoutNode& n : m_layout->nodes) {
        const auto it = nodeIndex.find(n.name);
        if (it == nodeIndex.end())
            continue;
        const NodeStyle style = nodeStyle(g.nodes[it->second]);
        auto* item = new GraphNodeItem(it->second, QRectF(n.x - n.width / 2, n.y - n.height / 2, n.width, n.height),
            shapeOf(style), QColor(QLatin1String(style.fill)), QColor(QLatin1String(style.line)), dashed(style),
            q(n.label).split(QLatin1Char('\n')));
        addItem(item);
        m_nodes[it->second] = item;
    }
    for (const LayoutEdge& e : m_layout->edges) {
        int index = -1;
        if (e.id.size() > 1 && e.id[0] == 'e')
            index = std::atoi(e.id.c_str() + 1);
        if (index < 0 || index >= static_cast<int>(g.edges.size()))
            continue;
        const VisualEdge& ve = g.edges[index];
        QList<QPointF> points;
        points.reserve(static_cast<int>(e.points.size()));
        for (const LayoutPoint& p : e.points)
            points.append(QPointF(p.x, p.y));
        const QPointF arrow = e.arrowHead ? QPointF(e.arrowHead->x, e.arrowHead->y) : QPointF();
        const QPointF labelPos = e.labelPos ? QPointF(e.labelPos->x, e.labelPos->y) : QPointF();
        const QPointF anchor = e.labelAnchor ? QPointF(e.labelAnchor->x, e.labelAnchor->y) : QPointF();
        const QString label = e.label.empty() ? q(ve.label) : q(e.label);
        QColor color(0x55, 0x55, 0x55);
        if (ve.style == EdgeStyle::Control)
            color = QColor(0xbb, 0xbb, 0xbb);
        else if (ve.style == EdgeStyle::LoopBack)
            color = QColor(0x6a, 0xa8, 0x4f);
        auto* item = new GraphEdgeItem(index, points, e.arrowHead ? &arrow : nullptr,
            ve.style == EdgeStyle::Control ? QString() : label, e.labelPos ? &labelPos : nullptr,
            e.labelAnchor ? &anchor : nullptr, LayoutEdge::kLabelGap, color, ve.style != EdgeStyle::Data);
        addItem(item);
        m_edges[index] = item;
    }
    // Labels the view places itself may reach past Graphviz's drawing.
    setSceneRect(QRectF(0, 0, m_layout->width, m_layout->height).united(itemsBoundingRect()).adjusted(-8, -8, 8, 8));
}

GraphNodeItem* GraphScene::nodeItem(int node) const { return node >= 0 && node < m_nodes.size() ? m_nodes[node] : nullptr; }

GraphEdgeItem* GraphScene::edgeItem(int edge) const { return edge >= 0 && edge < m_edges.size() ? m_edges[edge] : nullptr; }

GraphClusterItem* GraphScene::clusterItem(int cluster) const
{
    return cluster >= 0 && cluster < m_clusters.size() ? m_clusters[cluster] : nullptr;
}

void GraphScene::markNodes(const QSet<int>& nodes, int mark)
{
    for (GraphNodeItem* item : std::as_const(m_nodes)) {
        if (!item)
            continue;
        const bool on = nodes.contains(item->index());
        item->setMarks(on ? item->marks() | mark : item->marks() & ~mark);
    }
}

QSet<int> GraphScene::markedNodes(int mark) const
{
    QSet<int> out;
    for (const GraphNodeItem* item : m_nodes)
        if (item && (item->marks() & mark))
            out.insert(item->index());
    return out;
}

void GraphScene::markValueOfEdge(int edge)
{
    QSet<int> nodes;
    const VisualGraph* g = m_graph.get();
    const bool valid = g && edge >= 0 && edge < static_cast<int>(g->edges.size()) && g->edges[edge].value >= 0;
    std::unordered_map<std::string, int> index;
    if (valid) {
        for (size_t i = 0; i < g->nodes.size(); ++i)
            index.emplace(g->nodes[i].id, static_cast<int>(i));
    }
    for (GraphEdgeItem* item : std::as_const(m_edges)) {
        if (!item)
            continue;
        const VisualEdge* e = valid ? &g->edges[item->index()] : nullptr;
        const bool same = e && e->value == g->edges[edge].value && e->source == g->edges[edge].source;
        item->setMarks(same ? item->marks() | MarkValue : item->marks() & ~MarkValue);
        if (same) {
            nodes.insert(index[e->from]);
            nodes.insert(index[e->to]);
        }
    }
    markNodes(nodes, MarkValue);
}

int GraphScene::selectedNode() const
{
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == GraphNodeItem::Type)
            return static_cast<GraphNodeItem*>(item)->index();
    return -1;
}

void GraphScene::selectNode(int node)
{
    clearSelection();
    if (GraphNodeItem* item = nodeItem(node))
        item->setSelected(true);
}

void GraphScene::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    const QList<QGraphicsItem*> items = selectedItems();
    for (QGraphicsItem* item : items) {
        if (item->type() == GraphNodeItem::Type) {
            Q_EMIT nodeSelected(static_cast<GraphNodeItem*>(item)->index());
            return;
        }
    }
    for (QGraphicsItem* item : items) {
        if (item->type() == GraphEdgeItem::Type) {
            Q_EMIT edgeSelected(static_cast<GraphEdgeItem*>(item)->index());
            return;
        }
    }
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    const VisualGraph* g = m_graph.get();
    if (g && event->button() == Qt::LeftButton) {
        for (QGraphicsItem* item : items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder)) {
            if (item->type() == GraphNodeItem::Type) {
                const VisualNode& n = g->nodes[static_cast<GraphNodeItem*>(item)->index()];
                if (n.expandable && !n.expansionKey.empty()) {
                    Q_EMIT expandRequested(q(n.expansionKey));
                    event->accept();
                    return;
                }
                break;
            }
            if (item->type() == GraphClusterItem::Type) {
                const VisualCluster& c = g->clusters[static_cast<GraphClusterItem*>(item)->index()];
                if (!c.expansionKey.empty()) {
                    Q_EMIT collapseRequested(q(c.expansionKey));
                    event->accept();
                    return;
                }
            }
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace torchscope
