#include "format.h"

#include <cstdio>

namespace torchscope {

std::string formatShape(const std::vector<std::int64_t>& shape)
{
    std::string out;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i)
            out += 'x';
        out += std::to_string(shape[i]);
    }
    return out;
}

std::string formatBytes(std::int64_t bytes)
{
    static const char* units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double v = static_cast<double>(bytes);
    int unit = 0;
    while (v >= 1024.0 && unit < 4) {
        v /= 1024.0;
        ++unit;
    }
    char buf[32];
    if (unit == 0)
        std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", v, units[unit]);
    return buf;
}

std::string formatCount(std::int64_t count)
{
    std::string digits = std::to_string(count < 0 ? -count : count);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i && (n - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return count < 0 ? "-" + out : out;
}

} // namespace torchscope
