#pragma once

// Engine-private: turns a loaded torch::jit::Module into the ModuleTree value.

#include "data/moduleinfo.h"
#include "torchcompat.h"

namespace torchscope {

ModuleTree inspectModules(const torch::jit::Module& root);

// The submodule at a dotted path ("" is the root); nullopt when there is none.
std::optional<torch::jit::Module> findSubmodule(const torch::jit::Module& root, const std::string& path);

TensorInfo describeTensor(const at::Tensor& t);
// "float32": the dtype as Python spells it.
std::string pythonDtypeName(at::ScalarType type);

} // namespace torchscope
