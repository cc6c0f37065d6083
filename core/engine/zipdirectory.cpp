#include "zipdirectory.h"

#include <algorithm>
#include <cstring>

namespace torchscope {
namespace {

    std::uint64_t le(const char* p, int bytes)
    {
        std::uint64_t v = 0;
        for (int i = bytes - 1; i >= 0; --i)
            v = (v << 8) | static_cast<unsigned char>(p[i]);
        return v;
    }

    constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
    constexpr std::uint32_t kZip64Locator = 0x07064b50;
    constexpr std::uint32_t kZip64End = 0x06064b50;
    constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
    constexpr std::size_t kEndSize = 22;
    constexpr std::size_t kMaxComment = 0xffff;

} // namespace

std::optional<std::vector<ZipEntry>> readZipDirectory(std::uint64_t fileSize, const ReadAt& read)
{
    if (fileSize < kEndSize)
        return std::nullopt;
    const std::uint64_t tailSize = std::min<std::uint64_t>(fileSize, kEndSize + kMaxComment + 20);
    std::string tail(tailSize, '\0');
    if (read(fileSize - tailSize, tail.data(), tailSize) != tailSize)
        return std::nullopt;

    std::int64_t eocd = -1;
    for (std::int64_t i = static_cast<std::int64_t>(tailSize - kEndSize); i >= 0; --i) {
        if (le(&tail[i], 4) == kEndOfDirectory) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return std::nullopt;
    const char* e = &tail[eocd];
    std::uint64_t entries = le(e + 10, 2);
    std::uint64_t dirSize = le(e + 12, 4);
    std::uint64_t dirOffset = le(e + 16, 4);

    if (eocd >= 20 && le(&tail[eocd - 20], 4) == kZip64Locator) {
        const std::uint64_t zip64EndOffset = le(&tail[eocd - 20 + 8], 8);
        char rec[56];
        if (zip64EndOffset + sizeof rec > fileSize || read(zip64EndOffset, rec, sizeof rec) != sizeof rec
            || le(rec, 4) != kZip64End)
            return std::nullopt;
        entries = le(rec + 32, 8);
        dirSize = le(rec + 40, 8);
        dirOffset = le(rec + 48, 8);
    }
    if (dirOffset + dirSize > fileSize || dirSize > (1ull << 31))
        return std::nullopt;

    std::string dir(dirSize, '\0');
    if (read(dirOffset, dir.data(), dirSize) != dirSize)
        return std::nullopt;

    std::vector<ZipEntry> out;
    out.reserve(std::min<std::uint64_t>(entries, 1u << 20));
    std::size_t pos = 0;
    for (std::uint64_t n = 0; n < entries; ++n) {
        if (pos + 46 > dir.size() || le(&dir[pos], 4) != kDirectoryEntry)
            return std::nullopt;
        const char* h = &dir[pos];
        ZipEntry entry;
        entry.method = static_cast<std::uint16_t>(le(h + 10, 2));
        entry.compressedSize = le(h + 20, 4);
        entry.size = le(h + 24, 4);
        const std::size_t nameLen = le(h + 28, 2);
        const std::size_t extraLen = le(h + 30, 2);
        const std::size_t commentLen = le(h + 32, 2);
        if (pos + 46 + nameLen + extraLen + commentLen > dir.size())
            return std::nullopt;
        entry.name.assign(h + 46, nameLen);

        // Zip64: sizes that overflow 32 bits live in extra field 0x0001, in this order.
        const char* extra = h + 46 + nameLen;
        for (std::size_t x = 0; x + 4 <= extraLen;) {
            const std::uint64_t id = le(extra + x, 2);
            const std::size_t len = le(extra + x + 2, 2);
            if (x + 4 + len > extraLen)
                break;
            if (id == 0x0001) {
                std::size_t f = x + 4;
                if (entry.size == 0xffffffffu && f + 8 <= x + 4 + len) {
                    entry.size = le(extra + f, 8);
                    f += 8;
                }
                if (entry.compressedSize == 0xffffffffu && f + 8 <= x + 4 + len)
                    entry.compressedSize = le(extra + f, 8);
            }
            x += 4 + len;
        }
        out.push_back(std::move(entry));
        pos += 46 + nameLen + extraLen + commentLen;
    }
    return out;
}

} // namespace torchscope
