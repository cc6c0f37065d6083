#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

// A summary of one tensor's values (a parameter, a buffer or a run output). NaN and ±Inf elements are
// counted in `nans`/`infs` and left out of min, max, mean and std, so one stray NaN does not hide the
// range of the rest.
struct TensorStats {
    std::int64_t numel = 0; // all elements, NaN and Inf included
    double min = 0; // smallest finite element; 0 when there is none
    double max = 0; // largest finite element; 0 when there is none
    double mean = 0; // mean of the finite elements
    double std = 0; // torch.std's default: the unbiased (n - 1) std of the finite elements; 0 when fewer than two
    std::int64_t zeros = 0; // elements equal to zero (-0.0 included)
    std::int64_t nans = 0;
    std::int64_t infs = 0; // +Inf and -Inf together
    // False when the values could not be summarised (not a tensor, undefined, or complex): then only dtype,
    // shape and numel are meaningful. Quantized tensors are summarised dequantized. A valid tensor with no finite element (empty,
    // or all NaN/Inf) reports min, max, mean and std as 0.
    bool valid = false;
    std::string dtype; // "float32", as Python names it
    std::vector<std::int64_t> shape;
};

} // namespace torchscope
