#include "graphmodel.h"

#include "graphbuilder.h"

#include <set>
#include <utility>

namespace torchscope {
namespace {

    // Module levels of `path` below `root` ("loop.cell" is 2 below "", 1 below "loop"); 0 when not below it.
    int levelsBelow(const std::string& path, const std::string& root)
    {
        if (path == root || (!root.empty() && path.compare(0, root.size() + 1, root + ".") != 0))
            return 0;
        const std::string rest = root.empty() ? path : path.substr(root.size() + 1);
        int levels = 1;
        for (char c : rest)
            levels += c == '.';
        return levels;
    }

    void walkCalls(const IrGraph& graph, const std::string& root, int depth, const SubgraphProvider& provider,
        std::set<std::pair<std::string, std::string>>& visited, ExpansionState& state)
    {
        const auto& top = graph.blocks.empty() ? std::vector<int>() : graph.blocks.front().inputs;
        for (const IrNode& n : graph.nodes) {
            if (n.kind != "prim::CallMethod" || n.inputs.empty())
                continue;
            std::string method;
            for (const auto& a : n.attributes)
                if (a.name == "name" && a.value.size() >= 2)
                    method = a.value.substr(1, a.value.size() - 2);
            // A call of another method of this module (self._forward_impl) opens with its caller, at its level.
            const bool sameModule = n.calleePath.empty() && !top.empty() && n.inputs[0] == top.front();
            const std::string path = sameModule ? graph.modulePath : n.calleePath;
            if (path.empty() && !sameModule) // neither a submodule nor this module: a module held elsewhere
                continue;
            const int level = levelsBelow(path, root);
            if (!sameModule) {
                if (level == 0 || (depth >= 0 && level > depth))
                    continue;
                state.expanded.insert(path);
            }
            if (!provider || (depth >= 0 && level >= depth) || !visited.insert({ path, method }).second)
                continue;
            if (std::optional<IrGraph> callee = provider(path, method))
                walkCalls(*callee, root, depth, provider, visited, state);
        }
    }

} // namespace

Result<VisualGraph> buildVisualGraph(const IrGraph& graph, const GraphModelOptions& options)
{
    return graphbuilder::GraphBuilder(options).run(graph);
}

ExpansionState expandToDepth(const IrGraph& graph, int depth, const SubgraphProvider& provider)
{
    ExpansionState state;
    if (depth == 0)
        return state;
    if (graph.inlined) {
        for (const IrNode& n : graph.nodes) {
            // Every ancestor of the node's module below the root, down to the depth asked for.
            for (std::string path = n.modulePath; levelsBelow(path, graph.modulePath) > 0;) {
                if (depth < 0 || levelsBelow(path, graph.modulePath) <= depth)
                    state.expanded.insert(path);
                const auto dot = path.find_last_of('.');
                path = dot == std::string::npos ? std::string() : path.substr(0, dot);
            }
        }
        return state;
    }
    std::set<std::pair<std::string, std::string>> visited;
    walkCalls(graph, graph.modulePath, depth, provider, visited, state);
    return state;
}

ExpansionState expandOneLevel(const VisualGraph& shown, ExpansionState state)
{
    for (const VisualNode& n : shown.nodes)
        if (n.expandable && !n.expansionKey.empty())
            state.expanded.insert(n.expansionKey);
    return state;
}

int countControlNodes(const IrGraph& graph)
{
    int count = 0;
    for (const IrNode& n : graph.nodes)
        count += n.blocks.empty() ? 0 : 1;
    return count;
}

std::string layoutCacheKey(const std::string& archiveId, const std::string& modulePath, const std::string& method,
    bool inlined, bool foldPlumbing, const ExpansionState& expansion)
{
    // '\n' cannot occur in module paths, method names or the expansion key, so fields never run together.
    return archiveId + "\n" + modulePath + "\n" + method + "\n" + (inlined ? "inlined" : "graph") + "\n"
        + (foldPlumbing ? "folded" : "all") + "\n" + expansion.key();
}

} // namespace torchscope
