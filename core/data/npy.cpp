#include "npy.h"

#include <algorithm>
#include <cstring>

namespace torchscope {
namespace {

    Error bad(const std::string& path, const std::string& why)
    {
        return Error { ErrorKind::InvalidArgument, "'" + path + "' is not a NumPy array this tool reads: " + why };
    }

    // The value of 'key' in the header dict: the text up to the next top-level comma or closing brace.
    std::string headerValue(const std::string& header, const std::string& key)
    {
        auto pos = header.find("'" + key + "'");
        if (pos == std::string::npos)
            return {};
        pos = header.find(':', pos);
        if (pos == std::string::npos)
            return {};
        ++pos;
        while (pos < header.size() && header[pos] == ' ')
            ++pos;
        if (pos < header.size() && header[pos] == '(') {
            const auto end = header.find(')', pos);
            return end == std::string::npos ? std::string() : header.substr(pos, end - pos + 1);
        }
        auto end = pos;
        while (end < header.size() && header[end] != ',' && header[end] != '}')
            ++end;
        std::string v = header.substr(pos, end - pos);
        while (!v.empty() && v.back() == ' ')
            v.pop_back();
        return v;
    }

} // namespace

Result<NpyArray> parseNpy(const std::string& bytes, const std::string& path)
{
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
        return bad(path, "it does not start with the .npy magic \\x93NUMPY (save it with numpy.save)");
    const auto major = static_cast<unsigned char>(bytes[6]);
    size_t headerLength = 0;
    size_t offset = 0;
    const auto byteAt = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(bytes[i])); };
    if (major == 1) {
        headerLength = byteAt(8) | (byteAt(9) << 8);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return bad(path, "the header is truncated");
        headerLength = byteAt(8) | (byteAt(9) << 8) | (byteAt(10) << 16) | (byteAt(11) << 24);
        offset = 12;
    } else {
        return bad(path, "format version " + std::to_string(major) + " (this reads 1, 2 and 3)");
    }
    if (offset + headerLength > bytes.size())
        return bad(path, "the header is truncated");
    const std::string header = bytes.substr(offset, headerLength);
    offset += headerLength;

    std::string descr = headerValue(header, "descr");
    if (descr.size() < 4 || (descr.front() != '\'' && descr.front() != '"'))
        return bad(path, "no 'descr' in the header, or a structured dtype");
    descr = descr.substr(1, descr.size() - 2);
    const char order = descr[0];
    const std::string code = descr.substr(1);
    static const struct {
        const char* code;
        const char* dtype;
        int size;
    } types[] = {
        { "f2", "float16", 2 },
        { "f4", "float32", 4 },
        { "f8", "float64", 8 },
        { "i1", "int8", 1 },
        { "i2", "int16", 2 },
        { "i4", "int32", 4 },
        { "i8", "int64", 8 },
        { "u1", "uint8", 1 },
        { "b1", "bool", 1 },
    };
    NpyArray array;
    for (const auto& t : types)
        if (code == t.code) {
            array.dtype = t.dtype;
            array.itemSize = t.size;
        }
    if (array.dtype.empty())
        return bad(path,
            "dtype '" + descr + "' (this reads float16/32/64, int8/16/32/64, uint8 and bool; convert with astype)");
    if (order != '<' && order != '|' && order != '>' && order != '=')
        return bad(path, "byte order '" + std::string(1, order) + "'");

    const std::string fortran = headerValue(header, "fortran_order");
    const std::string shapeText = headerValue(header, "shape");
    if (shapeText.size() < 2 || shapeText.front() != '(')
        return bad(path, "no 'shape' in the header");
    std::int64_t numel = 1;
    {
        std::string inner = shapeText.substr(1, shapeText.size() - 2);
        size_t start = 0;
        while (start < inner.size()) {
            auto comma = inner.find(',', start);
            std::string dim = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            dim.erase(std::remove(dim.begin(), dim.end(), ' '), dim.end());
            if (!dim.empty()) {
                char* end = nullptr;
                const long long n = std::strtoll(dim.c_str(), &end, 10);
                if (*end != '\0' || n < 0)
                    return bad(path, "shape " + shapeText);
                array.shape.push_back(n);
                numel *= n;
            }
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    const auto size = static_cast<size_t>(numel) * static_cast<size_t>(array.itemSize);
    if (bytes.size() - offset < size)
        return bad(path,
            "the data is truncated (" + std::to_string(bytes.size() - offset) + " bytes for " + std::to_string(numel)
                + " elements)");
    std::string data = bytes.substr(offset, size);
    if (order == '>' && array.itemSize > 1)
        for (size_t i = 0; i < data.size(); i += static_cast<size_t>(array.itemSize))
            std::reverse(data.begin() + static_cast<std::ptrdiff_t>(i),
                data.begin() + static_cast<std::ptrdiff_t>(i) + array.itemSize);
    if (fortran == "True" && array.shape.size() > 1) {
        // Column-major on disk: element (i0..in) sits at sum(i_k * stride_k) with stride_0 = 1.
        std::string c(data.size(), '\0');
        const size_t rank = array.shape.size();
        std::vector<std::int64_t> index(rank, 0);
        for (std::int64_t linear = 0; linear < numel; ++linear) {
            std::int64_t fOffset = 0;
            std::int64_t stride = 1;
            for (size_t k = 0; k < rank; ++k) {
                fOffset += index[k] * stride;
                stride *= array.shape[k];
            }
            std::memcpy(&c[static_cast<size_t>(linear) * static_cast<size_t>(array.itemSize)],
                &data[static_cast<size_t>(fOffset) * static_cast<size_t>(array.itemSize)],
                static_cast<size_t>(array.itemSize));
            for (size_t k = rank; k-- > 0;) {
                if (++index[k] < array.shape[k])
                    break;
                index[k] = 0;
            }
        }
        data = std::move(c);
    }
    array.data = std::move(data);
    return array;
}

} // namespace torchscope
