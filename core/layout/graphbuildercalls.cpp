// GraphBuilder: the nodes that place more than one box: calls (collapsed or expanded into their callee's graph)
// and control flow (prim::If, prim::Loop and other nodes with blocks).
#include "graphbuilder.h"

#include <algorithm>

namespace torchscope::graphbuilder {

using opkinds::shortKind;

std::optional<std::string> GraphBuilder::calleeOf(const Instance& inst, const IrNode& n)
{
    if (n.kind != "prim::CallMethod" || n.inputs.empty())
        return std::nullopt;
    if (!n.calleePath.empty())
        return n.calleePath;
    const Source& object = inst.values[n.inputs[0]];
    if (object.kind == Source::Module)
        return object.text;
    const auto& top = inst.graph->blocks.front().inputs;
    if (!top.empty() && n.inputs[0] == top.front())
        return inst.graph->modulePath;
    return std::nullopt;
}

void GraphBuilder::placeCall(Instance& inst, const IrNode& n, int cluster)
{
    VisualNode v = nodeFor(inst, n);
    v.category = NodeCategory::Call;
    size_t first = 0;
    if (n.kind == "prim::CallMethod") {
        const std::optional<std::string> callee = calleeOf(inst, n);
        v.calleePath = callee.value_or(std::string());
        v.calleeMethod = attribute(n, "name");
        const bool sameModule = callee && *callee == inst.graph->modulePath;
        // Another method of the same module is no level of the hierarchy: it opens with its caller.
        v.expandable = callee && !sameModule && !m_failedCallees.count(v.calleePath);
        if (v.expandable)
            v.expansionKey = v.calleePath;
        const bool self = !n.inputs.empty() && inst.values[n.inputs[0]].kind == Source::Module;
        v.label = !callee ? v.calleeMethod
            : sameModule  ? relative(v.calleePath) + "." + v.calleeMethod
                          : relative(v.calleePath);
        const std::string cls = n.inputs.empty() ? "" : className(inst.graph->values[n.inputs[0]].type);
        v.attributes.push_back((cls.empty() ? "" : cls + ".") + v.calleeMethod);
        first = self ? 1 : 0;
        if (self && inst.values[n.inputs[0]].source == inst.source) // the GetAttr chain naming the module
            v.foldedIrNodes = inst.values[n.inputs[0]].irNodes;
    } else if (!n.inputs.empty() && inst.values[n.inputs[0]].kind == Source::Folded) {
        v.label = unquote(inst.values[n.inputs[0]].text); // the function's name
        first = 1;
    }
    const int index = addNode(std::move(v), cluster);
    std::vector<std::string> names;
    for (size_t i = 0; i < n.inputs.size(); ++i)
        names.push_back("arg" + std::to_string(i));
    // Named arguments only for folded inputs; edges keep the bare type.
    for (size_t i = first; i < n.inputs.size(); ++i) {
        const Source& s = inst.values[n.inputs[i]];
        if (s.kind == Source::Node)
            addEdge(inst, s, index, n.inputs[i], {});
        else
            connect(inst, { n.inputs[i] }, index, { names[i] });
    }
    for (int o : n.outputs)
        inst.values[o] = Source::drawn(index);
}

bool GraphBuilder::expandCall(Instance& inst, const IrNode& n, int cluster)
{
    const std::string method = attribute(n, "name");
    const std::optional<std::string> callee = calleeOf(inst, n);
    if (!callee)
        return false;
    const std::string& path = *callee;
    const bool sameModule = path == inst.graph->modulePath;
    if (!m_options.subgraph || !(sameModule || m_options.expansion.isExpanded(path)) || m_depth >= 64
        || m_open.count({ path, method })) // TorchScript has no recursion; a malformed archive might
        return false;
    std::optional<IrGraph> calleeGraph = m_options.subgraph(path, method);
    if (!calleeGraph || !validate(*calleeGraph) || calleeGraph->inlined
        || calleeGraph->blocks[0].inputs.size() != n.inputs.size()
        || calleeGraph->blocks[0].outputs.size() != n.outputs.size()) {
        m_failedCallees.insert(path);
        return false;
    }
    const IrGraph& g = m_owned.emplace_back(std::move(*calleeGraph));
    const int sourceIndex = int(m_graph.sources.size());
    m_graph.sources.push_back({ path, method, false });
    Instance& sub = m_instances.emplace_back();
    sub.graph = &g;
    sub.source = sourceIndex;
    sub.prefix = "c" + std::to_string(sourceIndex) + "_";
    sub.values.resize(g.values.size());
    for (size_t i = 0; i < n.inputs.size(); ++i)
        sub.values[g.blocks[0].inputs[i]] = inst.values[n.inputs[i]];

    VisualCluster c;
    c.id = "cluster_" + sub.prefix + "module";
    c.kind = ClusterKind::Module;
    const std::string cls = className(inst.graph->values[n.inputs[0]].type);
    c.label = sameModule ? relative(path) + "." + method
                         : relative(path) + (cls.empty() ? "" : ": " + cls) + (method == "forward" ? "" : "." + method);
    c.modulePath = path;
    c.source = inst.source;
    c.irNode = n.id;
    if (!sameModule)
        c.expansionKey = path;
    const int cl = addCluster(std::move(c), cluster);
    ++m_depth;
    m_open.insert({ path, method });
    placeBlock(sub, 0, cl, path);
    m_open.erase({ path, method });
    --m_depth;
    if (m_graph.clusters[cl].nodes.empty() && m_graph.clusters[cl].children.empty()) {
        // Nothing drawn inside (it returns a constant or an input): Graphviz would drop an empty cluster.
        VisualNode ret;
        ret.id = sub.prefix + "return";
        ret.kind = "graph.return";
        ret.label = "return";
        ret.category = NodeCategory::Output;
        ret.source = sourceIndex;
        ret.modulePath = path;
        const int index = addNode(std::move(ret), cl);
        connect(sub, g.blocks[0].outputs, index, {});
        for (int o : n.outputs)
            inst.values[o] = Source::drawn(index);
        return true;
    }
    for (size_t i = 0; i < n.outputs.size(); ++i)
        inst.values[n.outputs[i]] = sub.values[g.blocks[0].outputs[i]];
    return true;
}

void GraphBuilder::placeControl(Instance& inst, const IrNode& n, int cluster, const std::string& module)
{
    const bool isIf = n.kind == "prim::If", isLoop = n.kind == "prim::Loop";
    VisualCluster c;
    c.id = "cluster_" + inst.prefix + "n" + std::to_string(n.id);
    c.kind = isIf ? ClusterKind::If : isLoop ? ClusterKind::Loop : ClusterKind::Block;
    c.label = shortKind(n.kind);
    c.modulePath = module;
    c.source = inst.source;
    c.irNode = n.id;
    if (m_options.collapseControl)
        c.expansionKey = controlKey(inst, n);
    const int cl = addCluster(std::move(c), cluster);
    const int head = addNode(nodeFor(inst, n), cl);
    for (const auto& a : n.attributes)
        m_graph.nodes[head].attributes.push_back(a.name + "=" + a.value);
    // The loop's inputs are max trip count, initial condition, then the loop-carried values.
    std::vector<std::string> inputRoles, yieldRoles;
    if (isIf)
        inputRoles = { "condition" };
    if (isLoop) {
        inputRoles = { "trip count", "condition" };
        yieldRoles = { "condition" };
        inputRoles.resize(std::max<size_t>(2, n.inputs.size()), "carried");
        yieldRoles.resize(std::max<size_t>(2, n.inputs.size()) - 1, "carried");
    }
    connect(inst, n.inputs, head, inputRoles);

    std::vector<int> yields;
    for (size_t b = 0; b < n.blocks.size(); ++b) {
        const IrBlock& block = inst.graph->blocks[n.blocks[b]];
        VisualCluster bc;
        bc.id = "cluster_" + inst.prefix + "b" + std::to_string(block.id);
        bc.kind = isIf ? ClusterKind::IfBranch : isLoop ? ClusterKind::LoopBody : ClusterKind::Block;
        bc.label = isIf ? (b == 0 ? "then" : "else") : isLoop ? "body" : "block" + std::to_string(b);
        bc.modulePath = module;
        bc.source = inst.source;
        bc.irNode = n.id;
        const int bcl = addCluster(std::move(bc), cl);
        for (int v : block.inputs) // the iteration number and carried values enter from the head
            inst.values[v] = Source::drawn(head);
        const size_t firstNode = m_graph.nodes.size(), firstEdge = m_graph.edges.size();
        placeBlock(inst, block.id, bcl, module);
        VisualNode y;
        y.id = inst.prefix + "b" + std::to_string(block.id) + "_yield";
        y.kind = "block.return";
        y.label = isLoop ? "next" : "yield";
        y.category = NodeCategory::ControlFlow;
        y.source = inst.source;
        y.irNodes = { n.id };
        y.modulePath = m_graph.nodes[head].modulePath;
        const int yi = addNode(std::move(y), bcl);
        connect(inst, block.outputs, yi, yieldRoles);
        linkBlockEntries(inst, head, bcl, firstNode, firstEdge);
        if (isLoop)
            addEdge(inst, Source::drawn(yi), head, -1, "next iteration", EdgeStyle::LoopBack);
        yields.push_back(yi);
    }
    if (isLoop && !yields.empty()) {
        // After the last iteration the carried values the body yields are the loop's results.
        for (int o : n.outputs)
            inst.values[o] = Source::drawn(yields.front());
        return;
    }
    if (n.outputs.empty())
        return;
    VisualNode merge = nodeFor(inst, n);
    merge.id += "_merge";
    merge.kind = "block.merge";
    merge.label = "merge";
    const int mi = addNode(std::move(merge), cl);
    for (int y : yields)
        addEdge(inst, Source::drawn(y), mi, -1, {});
    for (int o : n.outputs)
        inst.values[o] = Source::drawn(mi);
}

void GraphBuilder::placeCollapsedControl(Instance& inst, const IrNode& n, int cluster)
{
    VisualNode v = nodeFor(inst, n);
    v.category = NodeCategory::ControlFlow;
    v.expandable = true;
    v.expansionKey = controlKey(inst, n);
    const int box = addNode(std::move(v), cluster);
    m_boxSizes[box] = 0; // swallow() counts what the box holds; run() writes the count on it ("8 ops")
    std::vector<std::string> roles;
    if (n.kind == "prim::If")
        roles = { "condition" };
    else if (n.kind == "prim::Loop")
        roles = { "trip count", "condition" };
    connect(inst, n.inputs, box, roles);
    // What the blocks read from outside enters the box; what they compute stays in it.
    for (int b : n.blocks) {
        for (int v : inst.graph->blocks[b].inputs)
            inst.values[v] = Source::drawn(box);
        for (int id : inst.graph->blocks[b].nodes) {
            const IrNode& child = inst.graph->nodes[id];
            if (!(m_fold && fold(inst, child)))
                swallow(inst, child, box);
        }
    }
    for (int o : n.outputs)
        inst.values[o] = Source::drawn(box);
}

bool GraphBuilder::inside(int cluster, int ancestor) const
{
    for (; cluster >= 0; cluster = m_graph.clusters[cluster].parent)
        if (cluster == ancestor)
            return true;
    return false;
}

void GraphBuilder::linkBlockEntries(
    const Instance& inst, int head, int blockCluster, size_t firstNode, size_t firstEdge)
{
    std::set<std::string> fed;
    for (size_t e = firstEdge; e < m_graph.edges.size(); ++e) {
        const int from = m_nodeIndex.at(m_graph.edges[e].from);
        if (from == head || inside(m_graph.nodes[from].cluster, blockCluster))
            fed.insert(m_graph.edges[e].to);
    }
    for (size_t i = firstNode; i < m_graph.nodes.size(); ++i)
        if (inside(m_graph.nodes[i].cluster, blockCluster) && !fed.count(m_graph.nodes[i].id))
            addEdge(inst, Source::drawn(head), int(i), -1, {}, EdgeStyle::Control);
}

} // namespace torchscope::graphbuilder
