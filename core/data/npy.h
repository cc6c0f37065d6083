#pragma once

#include "data/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

// One array from a NumPy .npy file (format versions 1.0, 2.0 and 3.0), data in little-endian C order.
struct NpyArray {
    std::string dtype; // Python's torch name: "float32", "int64", "bool", ...
    int itemSize = 0;
    std::vector<std::int64_t> shape;
    std::string data; // numel * itemSize bytes, row-major, little-endian
};

// Parses the bytes of a .npy file; `path` names it in errors. Object arrays, structured dtypes and
// complex numbers are refused with a message saying which dtypes are read.
Result<NpyArray> parseNpy(const std::string& bytes, const std::string& path);

} // namespace torchscope
