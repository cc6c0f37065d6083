#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace torchscope {

struct ZipEntry {
    std::string name;
    std::uint64_t size = 0;
    std::uint64_t compressedSize = 0;
    std::uint16_t method = 0; // 0 stored, 8 deflate
};

// Reads `n` bytes at `offset` into `buf`; returns how many were read.
using ReadAt = std::function<std::size_t(std::uint64_t offset, char* buf, std::size_t n)>;

// Lists the central directory of a zip file of `fileSize` bytes: sizes and compression of each entry,
// which LibTorch's stream reader does not expose. Reads only the directory (a few KB), never the records.
// Returns nullopt when no well-formed directory is found.
std::optional<std::vector<ZipEntry>> readZipDirectory(std::uint64_t fileSize, const ReadAt& read);

} // namespace torchscope
