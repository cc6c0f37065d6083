#pragma once

// Engine-private: a method's graph (plain or inlined) as IrGraph values.

#include "data/irgraph.h"
#include "torchcompat.h"

namespace torchscope {

IrGraph extractGraph(const torch::jit::Method& method, const std::string& modulePath, bool inlined);
// A graph that belongs to no method's .code (a trace): no code locations; marked inlined.
IrGraph extractGraph(const torch::jit::Graph& graph, const std::string& modulePath, const std::string& method);

} // namespace torchscope
