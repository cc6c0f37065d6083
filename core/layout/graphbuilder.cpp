#include "graphbuilder.h"

namespace torchscope::graphbuilder {

using opkinds::shortKind;

Status validate(const IrGraph& g)
{
    auto bad = [&](const std::string& what) {
        return Error { ErrorKind::InvalidArgument,
            "the IR graph of " + (g.modulePath.empty() ? g.method : g.modulePath + "." + g.method)
                + " is malformed: " + what };
    };
    const int nodes = int(g.nodes.size()), values = int(g.values.size()), blocks = int(g.blocks.size());
    auto valuesOk = [&](const std::vector<int>& ids) {
        for (int v : ids)
            if (v < 0 || v >= values)
                return false;
        return true;
    };
    if (blocks == 0)
        return bad("it has no top block");
    for (int i = 0; i < values; ++i)
        if (g.values[i].id != i)
            return bad("value ids are not their positions");
    for (int i = 0; i < blocks; ++i) {
        const IrBlock& b = g.blocks[i];
        if (b.id != i || !valuesOk(b.inputs) || !valuesOk(b.outputs))
            return bad("block " + std::to_string(i) + " refers to values out of range");
        for (int n : b.nodes)
            if (n < 0 || n >= nodes)
                return bad("block " + std::to_string(i) + " lists a node out of range");
    }
    for (int i = 0; i < nodes; ++i) {
        const IrNode& n = g.nodes[i];
        if (n.id != i || !valuesOk(n.inputs) || !valuesOk(n.outputs))
            return bad("node " + std::to_string(i) + " refers to values out of range");
        for (int b : n.blocks)
            if (b <= 0 || b >= blocks) // block 0 is the graph's own
                return bad("node " + std::to_string(i) + " owns a block out of range");
    }
    return Ok {};
}

GraphBuilder::GraphBuilder(const GraphModelOptions& options)
    : m_options(options)
    , m_fold(options.foldPlumbing)
{
}

Result<VisualGraph> GraphBuilder::run(const IrGraph& graph)
{
    if (auto valid = validate(graph); !valid)
        return valid.error();
    m_graph.modulePath = graph.modulePath;
    m_graph.method = graph.method;
    m_graph.inlined = graph.inlined;
    m_graph.title
        = (graph.modulePath.empty() ? "" : graph.modulePath + ".") + graph.method + (graph.inlined ? " (inlined)" : "");
    m_graph.sources.push_back({ graph.modulePath, graph.method, graph.inlined });
    Instance& root = m_instances.emplace_back();
    root.graph = &graph;
    root.values.resize(graph.values.size());

    const IrBlock& top = graph.blocks.front();
    for (size_t i = 0; i < top.inputs.size(); ++i) {
        const IrValue& v = graph.values[top.inputs[i]];
        if (i == 0 && m_fold && v.type.rfind("__torch__.", 0) == 0) {
            root.values[v.id] = moduleSource(graph.modulePath); // self: only reached through GetAttr
            continue;
        }
        VisualNode input;
        input.id = "in" + std::to_string(v.id);
        input.kind = "graph.input";
        input.label = v.name;
        input.category = NodeCategory::Input;
        input.modulePath = graph.modulePath;
        root.values[v.id] = Source::drawn(addNode(std::move(input), -1));
    }
    placeBlock(root, 0, -1, graph.modulePath);
    VisualNode out;
    out.id = "out";
    out.kind = "graph.return";
    out.label = "return";
    out.category = NodeCategory::Output;
    out.modulePath = graph.modulePath;
    const int outIndex = addNode(std::move(out), -1);
    connect(root, top.outputs, outIndex, {});

    for (auto& [index, count] : m_boxSizes)
        m_graph.nodes[index].attributes.insert(
            m_graph.nodes[index].attributes.begin(), std::to_string(count) + (count == 1 ? " op" : " ops"));
    return std::move(m_graph);
}

Source GraphBuilder::moduleSource(const std::string& path) const
{
    Source s;
    s.kind = Source::Module;
    s.text = path;
    return s;
}

std::string GraphBuilder::relative(const std::string& path) const
{
    if (path == m_graph.modulePath)
        return "self";
    return isWithin(path, m_graph.modulePath) && !m_graph.modulePath.empty()
        ? path.substr(m_graph.modulePath.size() + 1)
        : path;
}

int GraphBuilder::addNode(VisualNode node, int cluster)
{
    node.cluster = cluster;
    const int index = int(m_graph.nodes.size());
    m_nodeIndex.emplace(node.id, index);
    m_graph.nodes.push_back(std::move(node));
    (cluster < 0 ? m_graph.topNodes : m_graph.clusters[cluster].nodes).push_back(index);
    return index;
}

int GraphBuilder::addCluster(VisualCluster cluster, int parent)
{
    cluster.parent = parent;
    const int index = int(m_graph.clusters.size());
    m_graph.clusters.push_back(std::move(cluster));
    (parent < 0 ? m_graph.topClusters : m_graph.clusters[parent].children).push_back(index);
    return index;
}

VisualNode GraphBuilder::nodeFor(const Instance& inst, const IrNode& n) const
{
    VisualNode v;
    v.id = inst.prefix + "n" + std::to_string(n.id);
    v.kind = n.kind;
    v.label = shortKind(n.kind);
    v.category = categoryForKind(n.kind);
    v.source = inst.source;
    v.irNodes = { n.id };
    v.modulePath = inst.graph->inlined ? n.modulePath : inst.graph->modulePath;
    return v;
}

void GraphBuilder::addEdge(
    const Instance& inst, const Source& from, int to, int value, const std::string& role, EdgeStyle style)
{
    if (from.kind != Source::Node || from.node == to)
        return;
    const std::string& fromId = m_graph.nodes[from.node].id;
    const std::string& toId = m_graph.nodes[to].id;
    // One edge per value and pair of boxes: a collapsed module using a value many times draws it once.
    if (!m_edgeKeys.insert(std::make_tuple(fromId, toId, value, inst.source, int(style))).second)
        return;
    VisualEdge e;
    e.from = fromId;
    e.to = toId;
    e.value = value;
    e.source = inst.source;
    e.style = style;
    if (value >= 0) {
        e.type = inst.graph->values[value].type;
        e.label = (role.empty() ? "" : role + ": ") + shortType(e.type);
    } else {
        e.label = role;
    }
    m_graph.edges.push_back(std::move(e));
}

void GraphBuilder::connect(const Instance& inst, const std::vector<int>& values, int to,
    const std::vector<std::string>& names, const std::vector<opkinds::SchemaArgument>& schema)
{
    for (size_t i = 0; i < values.size(); ++i) {
        const Source& s = inst.values[values[i]];
        const std::string name = i < names.size() ? names[i] : i < schema.size() ? schema[i].name : std::string();
        if (s.kind == Source::Node) {
            addEdge(inst, s, to, values[i], i < names.size() ? names[i] : std::string());
            continue;
        }
        if (s.kind == Source::None)
            continue;
        const std::string text = s.kind == Source::Module ? relative(s.text) : s.text;
        if (i < schema.size() && schema[i].hasDefault && schema[i].defaultValue == text)
            continue;
        VisualNode& node = m_graph.nodes[to];
        node.attributes.push_back(name.empty() ? text : name + "=" + text);
        if (s.source == node.source)
            node.foldedIrNodes.insert(node.foldedIrNodes.end(), s.irNodes.begin(), s.irNodes.end());
    }
}

bool GraphBuilder::fold(Instance& inst, const IrNode& n)
{
    const IrGraph& g = *inst.graph;
    auto folded = [&](std::string text) {
        Source s;
        s.kind = Source::Folded;
        s.text = std::move(text);
        s.irNodes = { n.id };
        s.source = inst.source;
        return s;
    };
    if (n.kind == "prim::Constant" && n.outputs.size() == 1) {
        std::string text = n.attributes.empty() ? "None" : n.attributes.front().value;
        if (g.values[n.outputs[0]].type == "bool" && (text == "0" || text == "1"))
            text = text == "1" ? "True" : "False"; // the IR prints bools as ints
        inst.values[n.outputs[0]] = folded(text);
        return true;
    }
    if (n.kind == "prim::GetAttr" && n.inputs.size() == 1 && n.outputs.size() == 1) {
        const Source& object = inst.values[n.inputs[0]];
        if (object.kind != Source::Module)
            return false;
        const std::string path = joinPath(object.text, attribute(n, "name"));
        const std::string& type = g.values[n.outputs[0]].type;
        if (!n.calleePath.empty() || type.rfind("__torch__.", 0) == 0) {
            inst.values[n.outputs[0]] = moduleSource(n.calleePath.empty() ? path : n.calleePath);
            inst.values[n.outputs[0]].irNodes = { n.id };
            inst.values[n.outputs[0]].source = inst.source;
            return true;
        }
        inst.values[n.outputs[0]] = folded(relative(path) + (type == "Tensor" ? "" : " " + shortType(type)));
        return true;
    }
    const bool list = n.kind == "prim::ListConstruct";
    if ((list || n.kind == "prim::TupleConstruct") && n.outputs.size() == 1) {
        Source s = folded({});
        for (size_t i = 0; i < n.inputs.size(); ++i) {
            const Source& e = inst.values[n.inputs[i]];
            if (e.kind != Source::Folded)
                return false;
            s.text += (i ? ", " : "") + e.text;
            s.elements.push_back(e);
            if (e.source == inst.source)
                s.irNodes.insert(s.irNodes.end(), e.irNodes.begin(), e.irNodes.end());
        }
        s.text = list ? "[" + s.text + "]" : "(" + s.text + (n.inputs.size() == 1 ? ",)" : ")");
        inst.values[n.outputs[0]] = std::move(s);
        return true;
    }
    if ((n.kind == "prim::TupleUnpack" || n.kind == "prim::ListUnpack") && n.inputs.size() == 1) {
        const Source whole = inst.values[n.inputs[0]];
        if (whole.kind != Source::Folded || whole.elements.size() != n.outputs.size())
            return false;
        for (size_t i = 0; i < n.outputs.size(); ++i)
            inst.values[n.outputs[i]] = whole.elements[i];
        return true;
    }
    return false;
}

void GraphBuilder::placeBlock(Instance& inst, int blockId, int cluster, const std::string& module)
{
    Scope scope;
    scope.cluster = cluster;
    scope.module = module;
    scope.id = m_scopes++;
    for (int id : inst.graph->blocks[blockId].nodes) {
        const IrNode& n = inst.graph->nodes[id];
        if (m_fold && fold(inst, n))
            continue;
        if (!inst.graph->inlined) {
            placeNode(inst, n, cluster, module);
            continue;
        }
        const Target target = targetFor(inst, scope, n.modulePath);
        if (target.box >= 0)
            swallow(inst, n, target.box);
        else
            placeNode(inst, n, target.cluster, target.module);
    }
}

Target GraphBuilder::targetFor(const Instance& inst, Scope& scope, const std::string& path)
{
    if (!isWithin(path, scope.module))
        return { scope.cluster, -1, scope.module };
    Target current { scope.cluster, -1, scope.module };
    while (current.module != path) {
        const size_t start = current.module.empty() ? 0 : current.module.size() + 1;
        const std::string next = path.substr(0, path.find('.', start));
        auto it = scope.targets.find(next);
        if (it == scope.targets.end()) {
            Target made { -1, -1, next };
            const std::string name = inst.prefix + "m" + std::to_string(scope.id) + "_" + next;
            if (m_options.expansion.isExpanded(next)) {
                VisualCluster c;
                c.id = "cluster_" + name;
                c.kind = ClusterKind::Module;
                c.label = relative(next);
                c.modulePath = next;
                c.expansionKey = next;
                c.source = inst.source;
                made.cluster = addCluster(std::move(c), current.cluster);
            } else {
                VisualNode box;
                box.id = name;
                box.kind = "module";
                box.label = relative(next);
                box.category = NodeCategory::Call;
                box.source = inst.source;
                box.modulePath = next;
                box.calleePath = next;
                box.expandable = true;
                box.expansionKey = next;
                made.box = addNode(std::move(box), current.cluster);
                m_boxSizes[made.box] = 0;
            }
            it = scope.targets.emplace(next, made).first;
        }
        if (it->second.box >= 0)
            return it->second;
        current = it->second;
    }
    return current;
}

void GraphBuilder::swallow(Instance& inst, const IrNode& n, int box)
{
    m_graph.nodes[box].irNodes.push_back(n.id);
    ++m_boxSizes[box];
    for (int v : n.inputs)
        addEdge(inst, inst.values[v], box, v, {});
    for (int v : n.outputs)
        inst.values[v] = Source::drawn(box);
    for (int b : n.blocks) {
        for (int v : inst.graph->blocks[b].inputs)
            inst.values[v] = Source::drawn(box);
        for (int id : inst.graph->blocks[b].nodes) {
            const IrNode& child = inst.graph->nodes[id];
            if (!(m_fold && fold(inst, child)))
                swallow(inst, child, box);
        }
    }
}

void GraphBuilder::placeNode(Instance& inst, const IrNode& n, int cluster, const std::string& module)
{
    if (n.kind == "prim::CallMethod" || n.kind == "prim::CallFunction") {
        if (!expandCall(inst, n, cluster))
            placeCall(inst, n, cluster);
        return;
    }
    if (!n.blocks.empty()) {
        if (m_options.collapseControl && !m_options.expansion.isExpanded(controlKey(inst, n)))
            placeCollapsedControl(inst, n, cluster);
        else
            placeControl(inst, n, cluster, module);
        return;
    }
    VisualNode v = nodeFor(inst, n);
    for (const auto& a : n.attributes)
        v.attributes.push_back(a.name + "=" + a.value);
    const int index = addNode(std::move(v), cluster);
    connect(inst, n.inputs, index, {}, opkinds::schemaArguments(n.schema));
    for (int o : n.outputs)
        inst.values[o] = Source::drawn(index);
}

} // namespace torchscope::graphbuilder
