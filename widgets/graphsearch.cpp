#include "graphsearch.h"

namespace torchscope {
namespace {
    bool isWithin(const std::string& path, const std::string& root)
    {
        return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '.';
    }

    // Module form: does the callee's graph (or one of its own callees) hold a match? Collects the modules
    // to open on the way down.
    bool searchCallee(const std::string& module, const std::string& method, const GraphLookup& lookup,
        const GraphSearchTerm& term, int depth, HiddenMatches& out)
    {
        if (depth <= 0)
            return false;
        const IrGraph* g = lookup(module, method, false);
        if (!g) {
            out.missing.insert({ module, method });
            return false;
        }
        bool found = false;
        for (const IrNode& n : g->nodes) {
            if (n.kind == "prim::Constant" || n.kind == "prim::GetAttr")
                continue; // folded into labels: not something the drawing shows as a node
            if (term.matches(*g, n))
                found = true;
            if (n.kind == "prim::CallMethod" && !n.calleePath.empty() && n.calleePath != module) {
                std::string callee;
                for (const IrAttribute& a : n.attributes)
                    if (a.name == "name")
                        callee = a.value.size() >= 2 && a.value.front() == '"' ? a.value.substr(1, a.value.size() - 2)
                                                                                 : a.value;
                if (term.matches(n.calleePath)
                    || (!callee.empty() && searchCallee(n.calleePath, callee, lookup, term, depth - 1, out))) {
                    out.modules.insert(n.calleePath);
                    found = true;
                }
            }
        }
        return found;
    }
}

GraphSearchTerm GraphSearchTerm::parse(const QString& input)
{
    GraphSearchTerm term;
    const QString t = input.trimmed();
    if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"'))) {
        term.text = t.mid(1, t.size() - 2);
        term.exact = true;
    } else {
        term.text = t;
    }
    return term;
}

bool GraphSearchTerm::matches(const std::string& field) const
{
    if (text.isEmpty() || field.empty())
        return false;
    const QString f = QString::fromStdString(field);
    return exact ? f == text : f.contains(text, Qt::CaseInsensitive);
}

bool GraphSearchTerm::matches(const IrGraph& graph, const IrNode& node) const
{
    if (matches(node.kind) || matches(node.modulePath))
        return true;
    const auto colons = node.kind.find("::");
    if (colons != std::string::npos && matches(node.kind.substr(colons + 2)))
        return true;
    for (int o : node.outputs)
        if (o >= 0 && o < static_cast<int>(graph.values.size()) && matches(graph.values[o].name))
            return true;
    return false;
}

QList<int> findGraphNodes(const VisualGraph& shown, const GraphLookup& lookup, const GraphSearchTerm& term)
{
    QList<int> out;
    if (term.isEmpty())
        return out;
    for (size_t i = 0; i < shown.nodes.size(); ++i) {
        const VisualNode& n = shown.nodes[i];
        bool hit = term.matches(n.kind) || term.matches(n.label) || term.matches(n.modulePath)
            || term.matches(n.calleePath);
        if (!hit && !n.expandable && n.source >= 0 && n.source < static_cast<int>(shown.sources.size())) {
            const VisualSource& src = shown.sources[n.source];
            if (const IrGraph* g = lookup(src.modulePath, src.method, src.inlined)) {
                for (int id : n.irNodes)
                    if (id >= 0 && id < static_cast<int>(g->nodes.size()) && term.matches(*g, g->nodes[id]))
                        hit = true;
            }
        }
        if (hit)
            out.append(static_cast<int>(i));
    }
    return out;
}

HiddenMatches findHiddenMatches(
    const VisualGraph& shown, const GraphLookup& lookup, const GraphSearchTerm& term, int maxDepth)
{
    HiddenMatches out;
    if (term.isEmpty())
        return out;
    for (const VisualNode& n : shown.nodes) {
        if (!n.expandable || n.expansionKey.empty())
            continue;
        if (n.expansionKey[0] == '@') {
            // A collapsed If/Loop: the nodes of its blocks are in the box.
            const VisualSource& src = shown.sources[n.source];
            const IrGraph* g = lookup(src.modulePath, src.method, src.inlined);
            for (size_t i = 1; g && i < n.irNodes.size(); ++i) {
                const int id = n.irNodes[i];
                if (id >= 0 && id < static_cast<int>(g->nodes.size()) && term.matches(*g, g->nodes[id])) {
                    out.modules.insert(n.expansionKey);
                    break;
                }
            }
            continue;
        }
        if (!shown.inlined) {
            if (!n.calleeMethod.empty() && searchCallee(n.calleePath, n.calleeMethod, lookup, term, maxDepth, out))
                out.modules.insert(n.calleePath);
            continue;
        }
        const VisualSource& src = shown.sources[n.source];
        const IrGraph* g = lookup(src.modulePath, src.method, src.inlined);
        if (!g)
            continue;
        for (int id : n.irNodes) {
            if (id < 0 || id >= static_cast<int>(g->nodes.size()) || !term.matches(*g, g->nodes[id]))
                continue;
            // Open the box's module and every module between it and the node's own.
            const std::string& path = g->nodes[id].modulePath;
            out.modules.insert(n.calleePath);
            for (size_t dot = path.find('.', n.calleePath.size() + 1); dot != std::string::npos;
                 dot = path.find('.', dot + 1))
                out.modules.insert(path.substr(0, dot));
            if (isWithin(path, n.calleePath))
                out.modules.insert(path);
        }
    }
    return out;
}

} // namespace torchscope
