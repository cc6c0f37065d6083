#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

// "3x4"; "" for a 0-d tensor. The same spelling the CLI accepts in input specs.
std::string formatShape(const std::vector<std::int64_t>& shape);

// "1.5 MiB", "312 B": binary units, one decimal above bytes.
std::string formatBytes(std::int64_t bytes);

// "1,234,567"
std::string formatCount(std::int64_t count);

} // namespace torchscope
