#pragma once

#include <set>
#include <string>
#include <vector>

namespace torchscope {

// What a drawn node stands for, chosen from the op kind; the view colours and shapes nodes by it.
enum class NodeCategory {
    Convolution,
    LinearMatmul,
    Normalization,
    Activation,
    Pooling,
    ShapeView,
    Elementwise,
    ControlFlow,
    Call,
    Constant,
    Input,
    Output,
    Other,
};

// "Convolution", ...: stable names for DOT comments, tests and settings keys (not user text).
const char* categoryName(NodeCategory category);

// One IR graph that contributed nodes: the method's own graph, or a submodule's graph placed by expanding a call.
struct VisualSource {
    std::string modulePath;
    std::string method;
    bool inlined = false;
};

struct VisualNode {
    std::string id; // the DOT node name, unique in the graph ("n12", "c1_n3", "in1", "out")
    std::string kind; // IR kind ("aten::linear", "prim::If"); "graph.input"/"graph.return"/"block.return"/"module"
    std::string label; // short text: "linear", "If", "loop.forward", "x.1"
    // Key attributes and folded inputs, one "name=value" each: "other=0", "weight=linear.weight". Inputs equal to
    // the schema's default are left out, so this is what makes this call different from a plain one.
    std::vector<std::string> attributes;
    NodeCategory category = NodeCategory::Other;
    int source = 0; // index into VisualGraph::sources: the graph that irNodes and values refer to
    std::vector<int> irNodes; // the IR nodes this box stands for (one, or a whole collapsed module)
    std::vector<int> foldedIrNodes; // prim::Constant/GetAttr/ListConstruct nodes folded into its attributes
    std::string modulePath; // module the op belongs to
    std::string calleePath; // Call boxes: the module a prim::CallMethod calls, or a collapsed inlined module
    std::string calleeMethod; // Call boxes of prim::CallMethod: the method called
    bool expandable = false; // a collapsed submodule or control-flow node: adding expansionKey to the ExpansionState opens it
    std::string expansionKey; // for expandable nodes: the module path, or "@..." for a collapsed If/Loop
    int cluster = -1; // innermost cluster holding it; -1 at the top level
};

enum class EdgeStyle {
    Data, // a value flowing from producer to user
    Control, // an If/Loop head to the blocks it runs (keeps the blocks below it)
    LoopBack, // a loop body's results going round to the next iteration (not a ranking constraint)
};

struct VisualEdge {
    std::string from, to; // VisualNode ids
    std::string label; // the value's type, shortened: "Tensor", "Float(1, 3, 224, 224)", "trip count: int"
    std::string type; // the value's full type, as the IR prints it
    int value = -1; // IR value id in `source`'s graph; -1 for control edges
    int source = 0;
    EdgeStyle style = EdgeStyle::Data;
};

enum class ClusterKind {
    If, // a prim::If: its head node, then/else sub-clusters and the merge of their results
    IfBranch,
    Loop, // a prim::Loop: its head node and its body
    LoopBody,
    Block, // any other node with blocks
    Module, // an expanded submodule: a call's callee graph, or in the inlined form the nodes of one module
};

struct VisualCluster {
    std::string id; // DOT subgraph name, starts with "cluster"
    ClusterKind kind = ClusterKind::Block;
    std::string label; // "If", "then", "else", "Loop", "body", "loop.cell"
    std::string modulePath;
    int source = 0;
    int irNode = -1; // the IR node it comes from (If, Loop, CallMethod); -1 for inlined module clusters
    std::string expansionKey; // removing it from the ExpansionState closes the cluster; empty when it cannot close
    int parent = -1; // index in VisualGraph::clusters, -1 at the top level
    std::vector<int> children; // clusters directly inside, in order
    std::vector<int> nodes; // VisualGraph::nodes directly inside, in order
};

// The submodules shown opened: a prim::CallMethod (or, in the inlined form, a module path) whose module is in
// `expanded` is drawn as a cluster with its graph instead of one box. The root module is always open.
struct ExpansionState {
    std::set<std::string> expanded;

    bool isExpanded(const std::string& modulePath) const { return expanded.count(modulePath) != 0; }
    // "loop,loop.cell" (sorted; "-" for none): a stable text for cache keys.
    std::string key() const;
};

// A drawable graph built from one method's IrGraph (see graphmodel.h): plain values, no Graphviz and no Qt.
struct VisualGraph {
    std::string title; // "wraprnn forward" style name: module path and method
    std::string modulePath; // the module whose method is drawn
    std::string method;
    bool inlined = false;
    std::vector<VisualSource> sources; // [0] is the method's own graph
    std::vector<VisualNode> nodes;
    std::vector<VisualEdge> edges;
    std::vector<VisualCluster> clusters;
    std::vector<int> topNodes; // nodes outside every cluster, in order
    std::vector<int> topClusters; // clusters at the top level, in order

    // -1 when absent. Linear: for tests and one-off look-ups.
    int findNode(const std::string& id) const;
    int findCluster(const std::string& id) const;
};

} // namespace torchscope
