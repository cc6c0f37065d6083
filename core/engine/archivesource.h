#pragma once

// Engine-private: the bytes of an archive and LibTorch's zip reader over them. Includes LibTorch headers.

#include "data/archiveinfo.h"
#include "data/result.h"
#include "torchcompat.h"

#include <memory>
#include <string>

namespace torchscope {

struct ArchiveSource {
    std::string displayName; // the path, or a name for in-memory archives
    std::shared_ptr<caffe2::serialize::ReadAdapterInterface> adapter;
    std::shared_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    ArchiveInfo info;
};

// Checks the file, opens LibTorch's stream reader on it and reads the records (not the model).
// Every failure is classified (see messages.h).
Result<std::shared_ptr<ArchiveSource>> openSource(const std::string& path);
Result<std::shared_ptr<ArchiveSource>> openSourceBytes(std::string bytes, const std::string& displayName);

Result<std::string> readRecord(ArchiveSource& source, const std::string& name);

// The message of a LibTorch exception without its C++ backtrace.
std::string exceptionText(const std::exception& e);

} // namespace torchscope
