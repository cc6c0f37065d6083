#pragma once

#include "data/irgraph.h"

#include <string>

namespace torchscope {

// The graph in Graphviz DOT: one node per IR node (prim::Constant folded into its users' labels),
// edges from producer to user labelled with the value's type, prim::If/prim::Loop blocks as clusters.
std::string toDot(const IrGraph& graph);

} // namespace torchscope
