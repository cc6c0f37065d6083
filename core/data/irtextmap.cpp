#include "irtextmap.h"

#include <algorithm>
#include <string_view>

namespace torchscope {
namespace {

    // How far past the last matched line a node may be found. A text that has lines the graph lacks (e.g. the
    // `with prim::...Graph_0 = graph(` subgraphs LibTorch prints after the graph) is skipped within this window;
    // beyond it a node is reported missing rather than matched to a far-away node of the same kind.
    constexpr size_t kLookahead = 256;

    struct NodeLine {
        int line = 0;
        std::string_view kind;
    };

    bool isKindChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
            || c == '.';
    }

    // A node prints as `<indent>%out : Type, ... = ns::kind[attrs](inputs) # comment`, or `<indent> = ns::kind(...)`
    // when it has no outputs. Header (`graph(`, `blockN(`), `-> (...)` and `return (...)` lines never have
    // ` = ns::kind(` in them, and output names and types never contain ` = `, so the first one is the node's.
    std::string_view kindOnLine(std::string_view line)
    {
        const size_t eq = line.find(" = ");
        if (eq == std::string_view::npos)
            return {};
        const size_t start = eq + 3;
        size_t end = start;
        while (end < line.size() && isKindChar(line[end]))
            ++end;
        if (end == start || end >= line.size() || (line[end] != '(' && line[end] != '['))
            return {};
        const std::string_view kind = line.substr(start, end - start);
        if (kind.find("::") == std::string_view::npos)
            return {};
        return kind;
    }

    std::vector<NodeLine> nodeShapedLines(std::string_view text)
    {
        std::vector<NodeLine> out;
        int lineNumber = 1;
        size_t pos = 0;
        while (pos <= text.size()) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos)
                end = text.size();
            const std::string_view kind = kindOnLine(text.substr(pos, end - pos));
            if (!kind.empty())
                out.push_back({ lineNumber, kind });
            if (end == text.size())
                break;
            pos = end + 1;
            ++lineNumber;
        }
        return out;
    }

} // namespace

std::vector<int> irNodeLines(const std::string& graphText, const IrGraph& graph)
{
    std::vector<int> lines(graph.nodes.size(), -1);
    const std::vector<NodeLine> candidates = nodeShapedLines(graphText);
    size_t next = 0;
    for (const IrNode& node : graph.nodes) {
        if (node.id < 0 || static_cast<size_t>(node.id) >= lines.size())
            continue;
        const size_t limit = std::min(candidates.size(), next + kLookahead);
        for (size_t i = next; i < limit; ++i) {
            if (candidates[i].kind == node.kind) {
                lines[static_cast<size_t>(node.id)] = candidates[i].line;
                next = i + 1;
                break;
            }
        }
    }
    return lines;
}

int irNodeAtLine(const std::vector<int>& lines, int line)
{
    if (line <= 0)
        return -1;
    for (size_t id = 0; id < lines.size(); ++id) {
        if (lines[id] == line)
            return static_cast<int>(id);
    }
    return -1;
}

std::vector<int> nodesForCodeLine(
    const IrGraph& graph, const std::string& modulePath, const std::string& method, int codeLine)
{
    std::vector<int> ids;
    for (const IrNode& node : graph.nodes) {
        if (node.codeLocation && node.codeLocation->line == codeLine && node.modulePath == modulePath
            && node.codeMethod == method)
            ids.push_back(node.id);
    }
    return ids;
}

} // namespace torchscope
