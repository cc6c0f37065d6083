#pragma once

// Engine-private: building a method's inputs from specs, running it, and turning values into ValueNode trees.
// Shared by runner.cpp, inputbuilder.cpp and compare.cpp. Includes LibTorch headers.

#include "archiveimpl.h"
#include "data/runresult.h"
#include "torchcompat.h"

#include <string>
#include <vector>

namespace torchscope {

// Archive's private parts for the engine's free functions (compareArchives).
struct EngineAccess {
    static Archive::Impl& impl(Archive& archive) { return *archive.d; }
    static const Archive::Impl& impl(const Archive& archive) { return *archive.d; }
};

// "cpu", "cuda", "cuda:1". A CUDA device in a build without CUDA, or one LibTorch does not see, is an error
// that says what to do.
Result<at::Device> resolveDevice(const std::string& name);

// The method a request names: `name`, else forward, else the module's first method.
Result<torch::jit::Method> chooseMethod(
    const Archive::Impl& impl, const std::string& modulePath, const std::string& name);

// The schema's arguments without self, and what each would get with no spec.
std::vector<ArgumentSpec> describeArguments(const torch::jit::Method& method);

// Every argument's value on the CPU: from `inputsFile` when set, else one spec per argument (missing: Auto).
// Random fills draw from one generator seeded with `seed`, argument by argument, so a seed names the inputs.
Result<std::vector<c10::IValue>> buildInputs(const torch::jit::Method& method, const std::vector<InputSpec>& specs,
    const std::string& inputsFile, std::uint64_t seed);

// "negate" flips the sign of every floating-point tensor and float, "scale" multiplies them by 10.
c10::IValue applyVariant(const c10::IValue& value, const std::string& variant);

// A copy of the value with every tensor moved to `device`.
c10::IValue toDevice(const c10::IValue& value, const at::Device& device);

ValueNode toValueNode(const c10::IValue& value, std::int64_t valueLimit);

// Writes `value` (tensors moved to the CPU) with torch::pickle_save, which torch.load reads.
Status saveValue(const c10::IValue& value, const std::string& path);

// Summary of a tensor's values (tensorstats.cpp).
TensorStats statsOf(at::Tensor t);

} // namespace torchscope
