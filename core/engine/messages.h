#pragma once

#include "data/result.h"

#include <cstdint>
#include <string>

// The user-facing text of every classified failure, in one place so the wording stays consistent.
namespace torchscope::messages {

Error notFound(const std::string& path);
Error unreadable(const std::string& path, const std::string& reason);
Error isDirectory(const std::string& path);
Error empty(const std::string& path);
Error notZip(const std::string& path);
Error corruptZip(const std::string& path, const std::string& detail);
Error notTorchArchive(const std::string& path, const std::string& detail);
Error checkpoint(const std::string& path);
Error legacyPickle(const std::string& path);
Error pickle(const std::string& path);
Error flatbuffer(const std::string& path);
Error newerVersion(const std::string& path, const std::string& version, std::uint64_t minSupported,
    std::uint64_t maxSupported);
Error unknownOperator(const std::string& path, const std::string& op);
Error unknownClass(const std::string& path, const std::string& type);
Error loadFailed(const std::string& path, const std::string& detail);

} // namespace torchscope::messages
