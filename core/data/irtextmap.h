#pragma once

#include "irgraph.h"

#include <string>
#include <vector>

namespace torchscope {

// Links an IrGraph to the text LibTorch prints for the same graph (Graph::toString, with or without source
// comments), so the views can go from a node to its line and back.

// For each node id, the 1-based line of `graphText` on which the node is printed, or -1 when it is not found.
// Nodes are matched in id order (the depth-first order in which LibTorch prints them) and each match is checked
// by the node's kind, so a text that differs from the graph loses the nodes that differ, not every later line.
std::vector<int> irNodeLines(const std::string& graphText, const IrGraph& graph);

// The node printed on a 1-based line, given irNodeLines()'s result; -1 when that line holds no node.
int irNodeAtLine(const std::vector<int>& lines, int line);

// The ids of the nodes whose codeLocation lies on 1-based line `codeLine` of the .code of `method` of
// module `modulePath` (in an inlined graph, nodes carry the module and method they came from).
std::vector<int> nodesForCodeLine(
    const IrGraph& graph, const std::string& modulePath, const std::string& method, int codeLine);

} // namespace torchscope
