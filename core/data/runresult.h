#pragma once

#include "data/inputspec.h"
#include "data/tensorstats.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torchscope {

// One argument of a method as the Run panel and the CLI present it: the schema's name, type and default,
// and the spec used when the user gives none (Auto resolved: a default, None, or the traced shape).
struct ArgumentSpec {
    std::string name;
    std::string type; // "Tensor", "Optional[Tensor]", "List[Tensor]", "Dict[str, Tensor]", "Tuple[Tensor, int]"
    std::optional<std::string> defaultValue; // printed as in the schema
    InputSpec suggested; // Auto when nothing better is known (a Tensor with no recorded shape)
};

// A value a method received or returned, mirroring its structure: tensors summarised with their first values.
struct ValueNode {
    enum class Kind { None, Tensor, Int, Float, Bool, Str, List, Tuple, Dict, Other };
    Kind kind = Kind::None;

    // Tensor
    TensorStats stats; // dtype, shape, numel, min/max/mean/std, NaN and Inf counts
    std::string device; // "cpu", "cuda:0"
    std::vector<double> values; // the first elements in row-major order, as double
    bool valuesTruncated = false; // values holds fewer than numel elements

    std::int64_t intValue = 0;
    double floatValue = 0;
    bool boolValue = false;
    std::string text; // Str: the string; Other: the type and its printed value; Dict keys are printed keys

    std::vector<ValueNode> items; // List, Tuple, Dict
    std::vector<std::string> keys; // Dict, one per item, as Python's repr of the key

    static const char* kindName(Kind kind);
};

struct TimingStats {
    int warmup = 0;
    int runs = 0;
    double meanMs = 0;
    double medianMs = 0;
    double p95Ms = 0; // nearest-rank 95th percentile
    double minMs = 0;
    double maxMs = 0;
    std::vector<double> samplesMs;
};

// Summary of timed runs (sorted copy internally; `samples` keeps the order they ran in).
TimingStats summarizeTimings(const std::vector<double>& samplesMs, int warmup);

// What Archive::run does: one method of one module, on one device, with inputs from specs or a file.
struct RunRequest {
    std::string modulePath; // "" for the root
    std::string method; // empty: forward, else the module's first method
    std::string device = "cpu"; // "cpu", "cuda", "cuda:1"
    std::vector<InputSpec> inputs; // per argument in order; missing trailing ones are Auto
    std::string inputsFile; // a torch.save'd tensor / tuple / list of all inputs, or a .npy array; overrides inputs
    std::uint64_t seed = 0; // seeds every random fill: the same seed gives the same inputs
    int warmup = 0;
    int repeat = 1;
    std::int64_t valueLimit = 1000; // values kept per tensor in ValueNode::values
    std::string saveOutputs; // when set, the output is written there with torch::pickle_save (torch.load reads it)
    std::string saveInputs; // likewise for the inputs, as a tuple
    // Sign-flip ("negate") or scale ("scale": x10) every floating-point input after it is built: compare's
    // trial variants. Empty: the inputs as built.
    std::string variant;
};

struct RunResult {
    std::string modulePath;
    std::string method;
    std::string device;
    std::vector<std::string> argumentNames;
    std::vector<ValueNode> inputs; // what the method received (self excluded)
    ValueNode output;
    TimingStats timing;
    std::optional<std::int64_t> peakMemoryBytes; // CUDA only: torch.cuda.max_memory_allocated over the timed runs
};

} // namespace torchscope
