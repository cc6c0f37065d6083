#pragma once

#include "data/result.h"

#include <string>
#include <vector>

namespace torchscope {

struct LayoutPoint {
    double x = 0;
    double y = 0;
};

struct LayoutNode {
    std::string name; // the DOT node name ("n12")
    double x = 0, y = 0, width = 0, height = 0; // centre and size in points, y growing downwards
};

struct LayoutEdge {
    std::string tail, head;
    std::vector<LayoutPoint> points; // B-spline control points
};

struct LayoutCluster {
    std::string name;
    std::string label;
    double x = 0, y = 0, width = 0, height = 0; // top-left corner and size
};

struct GraphLayout {
    double width = 0, height = 0;
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    std::vector<LayoutCluster> clusters;
};

// Lays out DOT text with Graphviz's `dot` engine through the cgraph/gvc API.
// Graphviz is not thread-safe: call from one thread at a time.
Result<GraphLayout> layoutDot(const std::string& dot);

} // namespace torchscope
