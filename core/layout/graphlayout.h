#pragma once

#include "data/result.h"

#include <optional>
#include <string>
#include <vector>

namespace torchscope {

struct VisualGraph;

// Everything a view needs to draw a laid-out graph without asking Graphviz again. Coordinates are points
// (1/72 inch) with the origin at the top-left of the drawing and y growing downwards.
struct LayoutPoint {
    double x = 0;
    double y = 0;
};

struct LayoutNode {
    std::string name; // the DOT node name: VisualNode::id
    std::string label; // the label text, lines separated by '\n'
    std::string shape; // Graphviz shape name ("box", "diamond", ...)
    double x = 0, y = 0, width = 0, height = 0; // centre and size
};

struct LayoutEdge {
    std::string tail, head;
    std::string id; // the DOT edge id ("e3": index in VisualGraph::edges); empty when the DOT had none
    std::vector<LayoutPoint> points; // cubic B-spline control points, tail to head (1 + 3n points per piece)
    std::optional<LayoutPoint> arrowHead; // tip of the arrow at the head end, when it has one
    std::optional<LayoutPoint> arrowTail;
    std::string label;
    std::optional<LayoutPoint> labelPos; // centre of the label, when it has one
    // Set by layoutGraph() for the labelled edges of a graph over 100 nodes, whose labels Graphviz does not place
    // (see DotOptions): the point halfway along the drawn spline, where the label belongs. labelPos is then an
    // estimate, the label's centre when its text (fontsize 8) starts kLabelGap to the right of the anchor; a view
    // with its own font metrics draws the text left-aligned at labelAnchor.x + kLabelGap, vertically centred on
    // labelAnchor.y. Without an anchor, labelPos is where Graphviz put the label's centre.
    std::optional<LayoutPoint> labelAnchor;
    static constexpr double kLabelGap = 3;
};

struct LayoutCluster {
    std::string name; // the DOT subgraph name: VisualCluster::id
    std::string label;
    double x = 0, y = 0, width = 0, height = 0; // top-left corner and size
    std::optional<LayoutPoint> labelPos; // centre of the label
};

struct GraphLayout {
    double width = 0, height = 0;
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    std::vector<LayoutCluster> clusters; // parents before their children
};

// Lays out DOT text with Graphviz's `dot` engine through the cgraph/gvc API. Graphviz's messages come back
// in the error, never on stderr. Graphviz is not thread-safe: call from one thread at a time, the same thread
// that runs every other Graphviz call (LayoutService owns one for this).
Result<GraphLayout> layoutDot(const std::string& dot);
// layoutDot(toDot(graph)). Above 100 nodes without the edge labels: then each edge's label comes from `graph`, with
// its labelAnchor and an estimated labelPos (see LayoutEdge).
Result<GraphLayout> layoutGraph(const VisualGraph& graph);

} // namespace torchscope
