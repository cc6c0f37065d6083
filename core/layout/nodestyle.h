#pragma once

#include "visualgraph.h"

namespace torchscope {

// How a drawn node or cluster looks: one palette for the DOT/SVG export and the app's graph view. Colours are
// "#rrggbb"; fills are light so black text stays readable, outlines a darker shade of the same hue.
struct NodeStyle {
    const char* shape; // Graphviz shape name: "box", "diamond", "hexagon", "box3d", "ellipse"
    const char* style; // Graphviz style list: "rounded,filled", "filled", "rounded,filled,dashed"
    const char* fill;
    const char* line;
};

NodeStyle nodeStyle(const VisualNode& node);
NodeStyle clusterStyle(ClusterKind kind);

} // namespace torchscope
