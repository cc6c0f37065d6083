#pragma once

#include "moduleinfo.h"

#include <string>

namespace torchscope {

// What Python's print(module) writes for a loaded TorchScript module (RecursiveScriptModule's repr),
// including the trailing newline. With `slots`, each module also lists its parameters, buffers,
// attributes and constants after its original_name line (TorchScope's extension, not Python's text).
std::string moduleRepr(const ModuleTree& tree, bool slots = false);

// "weight: Tensor parameter float32[4, 4] (16 elements, 64 B)"
std::string slotLine(const Slot& slot);

} // namespace torchscope
