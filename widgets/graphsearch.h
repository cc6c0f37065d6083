#pragma once

#include "data/irgraph.h"
#include "layout/visualgraph.h"

#include <QList>
#include <QString>

#include <functional>
#include <set>
#include <string>

namespace torchscope {

// What the graph search looks for: a case-insensitive part of an op kind, a value name or a module path, or,
// written in double quotes, one of them exactly ("\"linear\"" finds aten::linear and the module `linear`, not
// `linear_1`).
struct GraphSearchTerm {
    QString text;
    bool exact = false;

    static GraphSearchTerm parse(const QString& input);
    bool isEmpty() const { return text.isEmpty(); }
    bool matches(const std::string& field) const;
    // Kind ("aten::linear" or just "linear"), output value names and module path of one IR node.
    bool matches(const IrGraph& graph, const IrNode& node) const;
};

// Finds the IrGraph a VisualSource (or a callee) refers to; nullptr when it is not at hand (yet).
using GraphLookup = std::function<const IrGraph*(const std::string& modulePath, const std::string& method, bool inlined)>;

// The drawn nodes that match, in drawing order. A collapsed module's box matches by its own name and path, not
// by what it hides.
QList<int> findGraphNodes(const VisualGraph& shown, const GraphLookup& lookup, const GraphSearchTerm& term);

struct HiddenMatches {
    std::set<std::string> modules; // collapsed modules to open so that their matches are drawn
    std::set<std::pair<std::string, std::string>> missing; // (module, method) graphs the search needs and lacks
};
// Matches hidden inside collapsed boxes: in the inlined form the nodes a box swallowed, in the module form the
// callee's graph and, through it, its own calls (at most `maxDepth` levels).
HiddenMatches findHiddenMatches(
    const VisualGraph& shown, const GraphLookup& lookup, const GraphSearchTerm& term, int maxDepth = 16);

} // namespace torchscope
