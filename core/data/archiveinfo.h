#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

struct ZipRecord {
    std::string name; // full name inside the zip, e.g. "wraprnn/code/__torch__.py"
    std::uint64_t size = 0; // uncompressed bytes
    std::uint64_t compressedSize = 0;
    bool compressed = false; // false: stored (what torch.jit.save writes)
};

struct ExtraFile {
    std::string name; // as given to _extra_files, without the "extra/" prefix
    std::string contents; // raw bytes
};

// What the zip container says, read before the model is loaded.
struct ArchiveInfo {
    std::string path; // file path, or the display name of an archive opened from bytes
    std::uint64_t fileSize = 0;
    std::string archiveName; // the top-level folder every record lives in
    std::uint64_t formatVersion = 0;
    std::vector<ZipRecord> records; // sorted by name, names relative to archiveName
    std::vector<ExtraFile> extraFiles;
    bool hasDebugInfo = false; // any *.debug_pkl record
    bool hasBytecode = false; // bytecode.pkl: saved for the lite interpreter
    bool hasConstants = false;
    bool hasCode = false;
};

} // namespace torchscope
