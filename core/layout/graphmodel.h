#pragma once

#include "data/irgraph.h"
#include "data/result.h"
#include "visualgraph.h"

#include <functional>
#include <optional>
#include <string>

namespace torchscope {

// Supplies the graph (not inlined) of `method` of the submodule at `modulePath`, or nullopt when it has none.
// The engine answers it (Archive::graph); the layout library only calls it, so it stays free of LibTorch.
using SubgraphProvider
    = std::function<std::optional<IrGraph>(const std::string& modulePath, const std::string& method)>;

struct GraphModelOptions {
    // Fold plumbing: prim::Constant values, prim::GetAttr chains of parameters and List/TupleConstruct of those
    // become labels on their users instead of nodes. Off shows every IR node.
    bool foldPlumbing = true;
    ExpansionState expansion;
    // Asked for the graph of each expanded call; without one every call stays a collapsed box.
    SubgraphProvider subgraph;
    // Draw each prim::If / prim::Loop (any node with blocks) as one box holding its blocks, until its
    // expansionKey ("@" and the cluster it would be) is in `expansion`. For graphs whose control flow alone
    // makes the first layout slow (a frozen transformer inlines hundreds of `if`s).
    bool collapseControl = false;
};

// How many nodes with blocks (If, Loop, ...) a graph has, at any depth; above kCollapseControlAbove the first
// view collapses them (GraphModelOptions::collapseControl).
int countControlNodes(const IrGraph& graph);
constexpr int kCollapseControlAbove = 50;

// Builds the drawable graph of one method's IrGraph. Module form: each prim::CallMethod to a submodule is one
// Call box, or a Module cluster holding the callee's graph wired to the call's inputs and outputs when its module
// is expanded. Inlined form (graph.inlined): nodes are grouped into Module clusters by their modulePath, and a
// module that is not expanded is one Call box. prim::If is an If cluster with then/else sub-clusters; prim::Loop a
// Loop cluster with its body. Fails only on a malformed graph (ids out of range).
Result<VisualGraph> buildVisualGraph(const IrGraph& graph, const GraphModelOptions& options = {});

// Expansion helpers. Depth counts module levels below the drawn module: 1 opens the calls the method itself
// makes, a negative depth opens everything.
// Module form: walks the calls through `provider`; inlined form: reads the nodes' module paths.
ExpansionState expandToDepth(const IrGraph& graph, int depth, const SubgraphProvider& provider = {});
// Everything open.
inline ExpansionState expandAll(const IrGraph& graph, const SubgraphProvider& provider = {})
{
    return expandToDepth(graph, -1, provider);
}
// Opens every box that `shown` draws collapsed (one more level where it is needed).
ExpansionState expandOneLevel(const VisualGraph& shown, ExpansionState state);
inline ExpansionState collapseAll() { return {}; }

// The cache key for one drawn view: archive, module, method, form, folding and what is expanded.
std::string layoutCacheKey(const std::string& archiveId, const std::string& modulePath, const std::string& method,
    bool inlined, bool foldPlumbing, const ExpansionState& expansion);

// The graph in DOT: clusters nested as in `graph`, node shapes and colours per category, edges labelled with
// their value's type. Our own conventions; layoutDot() and renderGraph() lay it out.
std::string toDot(const VisualGraph& graph);
// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dotQuoted(const std::string& text);

struct DotOptions {
    // Edge labels (each value's type). dot ranks every edge `label` as a node of its own, which makes a layout up
    // to three times slower, so layoutGraph() leaves them out of graphs over 100 nodes and places each label at
    // its edge's midpoint itself (LayoutEdge::labelAnchor); exports (renderGraph, the DOT file) keep them.
    bool edgeLabels = true;
};
std::string toDot(const VisualGraph& graph, const DotOptions& options);

// Helpers shared by the builder and tests.
NodeCategory categoryForKind(const std::string& kind);
// "Float(1, 3, 224, 224)" from "Float(1, 3, 224, 224, strides=[...], requires_grad=0, device=cpu)".
std::string shortType(const std::string& type);

} // namespace torchscope
