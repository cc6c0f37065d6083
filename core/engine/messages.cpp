#include "messages.h"

namespace torchscope::messages {
namespace {
    std::string quoted(const std::string& path) { return "'" + path + "'"; }
}

Error notFound(const std::string& path) { return { ErrorKind::NotFound, quoted(path) + ": no such file" }; }

Error unreadable(const std::string& path, const std::string& reason)
{
    return { ErrorKind::Unreadable, quoted(path) + ": cannot be read (" + reason + ")" };
}

Error isDirectory(const std::string& path)
{
    return { ErrorKind::IsDirectory, quoted(path) + " is a directory, not a TorchScript archive file" };
}

Error empty(const std::string& path)
{
    return { ErrorKind::Empty, quoted(path) + " is empty (0 bytes): not a TorchScript archive" };
}

Error notZip(const std::string& path)
{
    return { ErrorKind::NotZip,
        quoted(path) + " is not a zip file, so not a TorchScript archive (torch.jit.save writes a zip archive)" };
}

Error corruptZip(const std::string& path, const std::string& detail)
{
    return { ErrorKind::CorruptZip,
        quoted(path) + " is a truncated or corrupt zip archive (" + detail + "): copy or download it again" };
}

Error notTorchArchive(const std::string& path, const std::string& detail)
{
    return { ErrorKind::NotTorchArchive,
        quoted(path) + " is a zip file but not a PyTorch archive (" + detail + ")" };
}

Error checkpoint(const std::string& path)
{
    return { ErrorKind::Checkpoint,
        quoted(path)
            + " is a torch.save() checkpoint (e.g. a state_dict), not a TorchScript archive: it holds tensors but no "
              "code. Export the model with torch.jit.script(model) or torch.jit.trace(model, inputs), then "
              ".save() it" };
}

Error legacyPickle(const std::string& path)
{
    return { ErrorKind::LegacyPickle,
        quoted(path)
            + " is a legacy (pre-1.6, non-zip) torch.save() pickle, not a TorchScript archive. Export the model "
              "with torch.jit.script(model) or torch.jit.trace(model, inputs), then .save() it" };
}

Error pickle(const std::string& path)
{
    return { ErrorKind::LegacyPickle,
        quoted(path) + " is a Python pickle, not a TorchScript archive (torch.jit.save writes a zip archive)" };
}

Error flatbuffer(const std::string& path)
{
    return { ErrorKind::FlatbufferModel,
        quoted(path)
            + " is a flatbuffer mobile model (saved with _use_flatbuffer=True): only the zip TorchScript format is "
              "supported; save it again with torch.jit.save or _save_for_lite_interpreter" };
}

Error newerVersion(
    const std::string& path, const std::string& version, std::uint64_t minSupported, std::uint64_t maxSupported)
{
    return { ErrorKind::NewerVersion,
        quoted(path) + " uses archive format version " + version + ", newer than this LibTorch reads (versions "
            + std::to_string(minSupported) + " to " + std::to_string(maxSupported)
            + "): open it with a TorchScope built against a newer LibTorch, or save it again with an older torch" };
}

Error unknownOperator(const std::string& path, const std::string& op)
{
    return { ErrorKind::UnknownOperator,
        quoted(path) + " uses the operator " + op
            + ", which is not registered: load the library that defines it with --load-library PATH (e.g. "
              "libtorchvision.so for torchvision:: operators)" };
}

Error unknownClass(const std::string& path, const std::string& type)
{
    return { ErrorKind::UnknownOperator,
        quoted(path) + " uses the custom class " + type
            + ", which is not registered: load the library that defines it with --load-library PATH" };
}

Error loadFailed(const std::string& path, const std::string& detail)
{
    return { ErrorKind::LoadFailed, quoted(path) + ": LibTorch could not load it: " + detail };
}

} // namespace torchscope::messages
