#pragma once

// Engine-private: a method's graph (plain or inlined) as IrGraph values.

#include "data/irgraph.h"
#include "torchcompat.h"

namespace torchscope {

IrGraph extractGraph(const torch::jit::Method& method, const std::string& modulePath, bool inlined);

} // namespace torchscope
