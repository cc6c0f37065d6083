#pragma once

// Internal to torchscope_layout: the builder behind buildVisualGraph(). graphbuilder.cpp places nodes, folds
// plumbing and groups the inlined form; graphbuildercalls.cpp places calls (expanded or not) and control flow.
#include "graphmodel.h"
#include "opkinds.h"

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace torchscope::graphbuilder {

// True when `path` names a module strictly below `root` ("" is the root module).
inline bool isWithin(const std::string& path, const std::string& root)
{
    if (root.empty())
        return !path.empty();
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '.';
}

inline std::string joinPath(const std::string& parent, const std::string& name)
{
    return parent.empty() ? name : parent + "." + name;
}

inline std::string unquote(const std::string& s)
{
    return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s;
}

inline std::string attribute(const IrNode& n, const char* name)
{
    for (const auto& a : n.attributes)
        if (a.name == name)
            return unquote(a.value);
    return {};
}

// "MyRNNLoop" from "__torch__.___torch_mangle_19.MyRNNLoop": the class name people wrote.
inline std::string className(const std::string& type)
{
    if (type.rfind("__torch__.", 0) != 0)
        return {};
    return type.substr(type.find_last_of('.') + 1);
}

// What a value is, as far as drawing goes: the node drawing it, a folded label, or a module object.
struct Source {
    enum Kind { None, Node, Folded, Module } kind = None;
    int node = -1; // Node: index in VisualGraph::nodes
    std::string text; // Folded: the label; Module: the module path
    std::vector<Source> elements; // Folded List/TupleConstruct: the elements, for TupleUnpack
    std::vector<int> irNodes; // Folded: the IR nodes behind the label
    int source = 0; // the VisualSource that irNodes refer to

    static Source drawn(int index)
    {
        Source s;
        s.kind = Node;
        s.node = index;
        return s;
    }
};

// One IrGraph placed in the drawing: the method's own, or a callee's inside an expanded call.
struct Instance {
    const IrGraph* graph = nullptr;
    int source = 0;
    std::string prefix; // keeps DOT names unique when several graphs are placed
    std::vector<Source> values;
};

// Where a node of the inlined form goes: a Module cluster, or a collapsed module's box.
struct Target {
    int cluster = -1;
    int box = -1;
    std::string module;
};

struct Scope {
    int cluster = -1;
    std::string module;
    int id = 0;
    std::map<std::string, Target> targets; // module path -> its cluster or box in this block
};

// A graph whose ids are out of range cannot be drawn; the error names what is wrong.
Status validate(const IrGraph& g);

// Builds one VisualGraph: construct, run() once. Callee graphs the provider returns live in the builder, so the
// Instances placing them can point at them while it runs.
class GraphBuilder {
public:
    explicit GraphBuilder(const GraphModelOptions& options);
    Result<VisualGraph> run(const IrGraph& graph);

private:
    Source moduleSource(const std::string& path) const;
    // Paths as the drawn module sees them: "linear.weight" in MyCell's view, "weight" in Linear's own.
    std::string relative(const std::string& path) const;
    int addNode(VisualNode node, int cluster);
    int addCluster(VisualCluster cluster, int parent);
    VisualNode nodeFor(const Instance& inst, const IrNode& n) const;
    void addEdge(const Instance& inst, const Source& from, int to, int value, const std::string& role,
        EdgeStyle style = EdgeStyle::Data);
    // Draws `values` as inputs of node `to`: edges from drawn producers, "name=label" lines for folded ones.
    // Inputs equal to their schema default say nothing and are left out.
    void connect(const Instance& inst, const std::vector<int>& values, int to, const std::vector<std::string>& names,
        const std::vector<opkinds::SchemaArgument>& schema = {});
    bool fold(Instance& inst, const IrNode& n);
    void placeBlock(Instance& inst, int blockId, int cluster, const std::string& module);
    // The inlined form's grouping: the cluster of the node's module inside this block (made on first use,
    // with its ancestors below the block's module), or the box of the first collapsed module on the way.
    Target targetFor(const Instance& inst, Scope& scope, const std::string& path);
    // A node inside a collapsed module: it and everything in its blocks become part of the module's box.
    void swallow(Instance& inst, const IrNode& n, int box);
    void placeNode(Instance& inst, const IrNode& n, int cluster, const std::string& module);
    // The module a prim::CallMethod calls. The IR names submodules (calleePath); a call of another method
    // of the same module (ResNet's forward calling _forward_impl) only has the module object as input 0.
    // nullopt when unknown; "" is the root module.
    static std::optional<std::string> calleeOf(const Instance& inst, const IrNode& n);
    void placeCall(Instance& inst, const IrNode& n, int cluster);
    // An expanded call: the callee's graph placed in a Module cluster, its inputs being the call's inputs
    // and the call's outputs what it returns. False (so the call stays a box) when it cannot be expanded.
    bool expandCall(Instance& inst, const IrNode& n, int cluster);
    // prim::If / prim::Loop (and any node with blocks): a cluster with the node as its head, each block a
    // sub-cluster ending in a node that collects what the block yields.
    void placeControl(Instance& inst, const IrNode& n, int cluster, const std::string& module);
    // With collapseControl: the node and everything in its blocks as one expandable box.
    void placeCollapsedControl(Instance& inst, const IrNode& n, int cluster);
    static std::string controlKey(const Instance& inst, const IrNode& n) { return "@" + inst.prefix + "n" + std::to_string(n.id); }
    bool inside(int cluster, int ancestor) const;
    // Control edges from a block's head to the block's nodes that nothing inside the block (or the head)
    // feeds: without them Graphviz may rank a branch's first op above the If that chooses it.
    void linkBlockEntries(const Instance& inst, int head, int blockCluster, size_t firstNode, size_t firstEdge);

    const GraphModelOptions& m_options;
    const bool m_fold;
    VisualGraph m_graph;
    std::deque<Instance> m_instances; // deque: placing a callee must not move the caller's instance
    std::deque<IrGraph> m_owned; // the callee graphs the provider returned
    std::set<std::tuple<std::string, std::string, int, int, int>> m_edgeKeys;
    std::set<std::string> m_failedCallees;
    std::set<std::pair<std::string, std::string>> m_open; // (module, method) being placed: no cycles
    std::map<int, int> m_boxSizes; // collapsed inlined module box -> IR nodes it holds
    std::unordered_map<std::string, int> m_nodeIndex; // VisualNode id -> index
    int m_scopes = 0;
    int m_depth = 0;
};

} // namespace torchscope::graphbuilder
