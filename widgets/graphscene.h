#pragma once

#include "layout/graphlayout.h"
#include "layout/visualgraph.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>

namespace torchscope {

class GraphClusterItem;
class GraphEdgeItem;
class GraphNodeItem;

// A laid-out VisualGraph as QGraphicsScene items: one per node, edge and cluster, drawn from the layout's
// positions (not a rendered picture). Knows which item stands for which VisualGraph element, marks items
// (code line, value, search) and reports what the user picks.
class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(QObject* parent = nullptr);
    ~GraphScene() override;

    // Replaces the drawing; `layout` must be the layout of `graph`'s DOT. Emits no selection signals.
    void setGraph(std::shared_ptr<const VisualGraph> graph, std::shared_ptr<const GraphLayout> layout);
    void clearGraph();
    const VisualGraph* graph() const { return m_graph.get(); }
    std::shared_ptr<const VisualGraph> sharedGraph() const { return m_graph; }

    GraphNodeItem* nodeItem(int node) const; // by index in VisualGraph::nodes; nullptr when not drawn
    GraphEdgeItem* edgeItem(int edge) const;
    GraphClusterItem* clusterItem(int cluster) const;
    int nodeCount() const { return m_nodes.size(); }
    int edgeCount() const { return m_edges.size(); }
    int clusterCount() const { return m_clusters.size(); }

    // Sets `mark` (a GraphMark) on exactly these nodes, clearing it elsewhere.
    void markNodes(const QSet<int>& nodes, int mark);
    QSet<int> markedNodes(int mark) const;
    // Marks the producer of the value drawn by edge `edge` and every user of that value, and its edges; -1 clears.
    void markValueOfEdge(int edge);

    // The visual node selected by the user, or -1.
    int selectedNode() const;
    void selectNode(int node);

Q_SIGNALS:
    void nodeSelected(int node);
    void edgeSelected(int edge);
    // A double click on a collapsed module box / on an expanded module's cluster.
    void expandRequested(const QString& modulePath);
    void collapseRequested(const QString& modulePath);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void onSelectionChanged();

    std::shared_ptr<const VisualGraph> m_graph;
    std::shared_ptr<const GraphLayout> m_layout;
    QList<GraphNodeItem*> m_nodes; // by VisualGraph::nodes index (nullptr when the layout lacks it)
    QList<GraphEdgeItem*> m_edges;
    QList<GraphClusterItem*> m_clusters;
    QHash<int, int> m_marks; // node -> marks
    bool m_rebuilding = false;
};

} // namespace torchscope
