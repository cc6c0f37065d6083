#include "runresult.h"
#include "comparereport.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace torchscope {

const char* ValueNode::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return "none";
    case Kind::Tensor:
        return "tensor";
    case Kind::Int:
        return "int";
    case Kind::Float:
        return "float";
    case Kind::Bool:
        return "bool";
    case Kind::Str:
        return "str";
    case Kind::List:
        return "list";
    case Kind::Tuple:
        return "tuple";
    case Kind::Dict:
        return "dict";
    case Kind::Other:
        return "other";
    }
    return "";
}

TimingStats summarizeTimings(const std::vector<double>& samplesMs, int warmup)
{
    TimingStats t;
    t.warmup = warmup;
    t.runs = static_cast<int>(samplesMs.size());
    t.samplesMs = samplesMs;
    if (samplesMs.empty())
        return t;
    std::vector<double> sorted = samplesMs;
    std::sort(sorted.begin(), sorted.end());
    const size_t n = sorted.size();
    t.meanMs = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(n);
    t.medianMs = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    const auto rank = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(n)));
    t.p95Ms = sorted[std::min(n, std::max<size_t>(rank, 1)) - 1];
    t.minMs = sorted.front();
    t.maxMs = sorted.back();
    return t;
}

Tolerance defaultTolerance(const std::string& dtype)
{
    // torch.testing.assert_close's table (torch/testing/_comparison.py, _DTYPE_PRECISIONS).
    if (dtype == "float16")
        return { 1e-3, 1e-5 };
    if (dtype == "bfloat16")
        return { 1.6e-2, 1e-5 };
    if (dtype == "float32")
        return { 1.3e-6, 1e-5 };
    if (dtype == "float64")
        return { 1e-7, 1e-7 };
    if (dtype == "complex32")
        return { 1e-3, 1e-5 };
    if (dtype == "complex64")
        return { 1.3e-6, 1e-5 };
    if (dtype == "complex128")
        return { 1e-7, 1e-7 };
    return { 0, 0 };
}

} // namespace torchscope
