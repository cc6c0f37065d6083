#include "archivesource.h"

#include "messages.h"
#include "zipdirectory.h"

#include <caffe2/serialize/file_adapter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sys/stat.h>

namespace torchscope {
namespace {

    // Bounds-checked: a corrupt directory may ask for bytes past the end, which must not crash us.
    class BytesAdapter final : public caffe2::serialize::ReadAdapterInterface {
    public:
        explicit BytesAdapter(std::string bytes)
            : m_bytes(std::move(bytes))
        {
        }
        size_t size() const override { return m_bytes.size(); }
        size_t read(uint64_t pos, void* buf, size_t n, const char* = "") const override
        {
            if (pos >= m_bytes.size())
                return 0;
            n = std::min<uint64_t>(n, m_bytes.size() - pos);
            std::memcpy(buf, m_bytes.data() + pos, n);
            return n;
        }

    private:
        std::string m_bytes;
    };

    bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

    // Recognises what the first bytes say before any zip parsing, so a pickle or a flatbuffer model gets
    // its own message rather than "not a zip".
    std::optional<Error> classifyHeader(const std::string& head, const std::string& name)
    {
        if (startsWith(head, "PK\x03\x04") || startsWith(head, "PK\x05\x06"))
            return std::nullopt;
        if (head.size() >= 8 && head.compare(4, 4, "PTMF") == 0)
            return messages::flatbuffer(name);
        // torch.save's legacy format: a protocol-2 pickle of the magic number 0x1950a86a20f9469cfc6c.
        static const std::string legacyMagic("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14);
        if (head.compare(0, legacyMagic.size(), legacyMagic) == 0)
            return messages::legacyPickle(name);
        if (!head.empty() && static_cast<unsigned char>(head[0]) == 0x80)
            return messages::pickle(name);
        return messages::notZip(name);
    }

    Result<std::shared_ptr<ArchiveSource>> openReader(std::shared_ptr<ArchiveSource> source)
    {
        const std::string& name = source->displayName;
        try {
            source->reader = std::make_shared<caffe2::serialize::PyTorchStreamReader>(source->adapter);
        } catch (const std::exception& e) {
            const std::string text = exceptionText(e);
            static const std::regex versionRe("with version ([0-9]+), but the maximum supported version");
            std::smatch m;
            if (std::regex_search(text, m, versionRe))
                return messages::newerVersion(name, m[1].str(), caffe2::serialize::kMinSupportedFileFormatVersion,
                    caffe2::serialize::kMaxSupportedFileFormatVersion);
            if (text.find("not in a subdirectory") != std::string::npos
                || text.find("failed locating file") != std::string::npos
                || text.find("hasRecord(\"version\")") != std::string::npos
                || text.find("does not contain any") != std::string::npos)
                return messages::notTorchArchive(name, text);
            return messages::corruptZip(name, text);
        }

        ArchiveInfo& info = source->info;
        info.path = name;
        info.fileSize = source->adapter->size();
        info.formatVersion = source->reader->version();
        auto records = source->reader->getAllRecords();
        std::sort(records.begin(), records.end());

        auto entries = readZipDirectory(info.fileSize, [&](std::uint64_t off, char* buf, std::size_t n) {
            return source->adapter->read(off, buf, n, "zip directory");
        });
        if (entries && !entries->empty()) {
            const auto& first = entries->front().name;
            info.archiveName = first.substr(0, first.find('/'));
        }
        for (const auto& r : records) {
            ZipRecord rec;
            rec.name = r;
            if (entries) {
                const std::string full = info.archiveName + "/" + r;
                auto it = std::find_if(
                    entries->begin(), entries->end(), [&](const ZipEntry& e) { return e.name == full; });
                if (it != entries->end()) {
                    rec.size = it->size;
                    rec.compressedSize = it->compressedSize;
                    rec.compressed = it->method != 0;
                }
            }
            info.records.push_back(std::move(rec));
            if (r.size() > 10 && r.compare(r.size() - 10, 10, ".debug_pkl") == 0)
                info.hasDebugInfo = true;
            if (r == "bytecode.pkl")
                info.hasBytecode = true;
            if (r == "constants.pkl")
                info.hasConstants = true;
            if (startsWith(r, "code/"))
                info.hasCode = true;
        }
        const bool hasData = source->reader->hasRecord("data.pkl");
        if (hasData && !info.hasConstants && !info.hasCode)
            return messages::checkpoint(name);
        if (!info.hasCode && !info.hasConstants)
            return messages::notTorchArchive(name, "it has no code/ and no constants.pkl");

        for (const auto& r : records) {
            if (!startsWith(r, "extra/"))
                continue;
            auto bytes = readRecord(*source, r);
            if (bytes)
                info.extraFiles.push_back({ r.substr(6), bytes.value() });
        }
        return source;
    }

    std::string readHead(caffe2::serialize::ReadAdapterInterface& adapter)
    {
        std::string head(std::min<size_t>(16, adapter.size()), '\0');
        head.resize(adapter.read(0, head.data(), head.size(), "header"));
        return head;
    }

} // namespace

std::string exceptionText(const std::exception& e)
{
    if (auto c10err = dynamic_cast<const c10::Error*>(&e))
        return c10err->what_without_backtrace();
    return e.what();
}

Result<std::shared_ptr<ArchiveSource>> openSource(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return messages::notFound(path);
        return messages::unreadable(path, std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return messages::isDirectory(path);
    if (!S_ISREG(st.st_mode))
        return messages::unreadable(path, "not a regular file");
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe)
            return messages::unreadable(path, std::strerror(errno));
    }
    if (st.st_size == 0)
        return messages::empty(path);

    auto source = std::make_shared<ArchiveSource>();
    source->displayName = path;
    try {
        source->adapter = std::make_shared<caffe2::serialize::FileAdapter>(path);
    } catch (const std::exception& e) {
        return messages::unreadable(path, exceptionText(e));
    }
    if (auto err = classifyHeader(readHead(*source->adapter), path))
        return *err;
    return openReader(std::move(source));
}

Result<std::shared_ptr<ArchiveSource>> openSourceBytes(std::string bytes, const std::string& displayName)
{
    if (bytes.empty())
        return messages::empty(displayName);
    auto source = std::make_shared<ArchiveSource>();
    source->displayName = displayName;
    source->adapter = std::make_shared<BytesAdapter>(std::move(bytes));
    if (auto err = classifyHeader(readHead(*source->adapter), displayName))
        return *err;
    return openReader(std::move(source));
}

Result<std::string> readRecord(ArchiveSource& source, const std::string& name)
{
    try {
        if (!source.reader->hasRecord(name))
            return Error { ErrorKind::NoSuchRecord,
                "'" + source.displayName + "' has no record '" + name + "' (list them with `records`)" };
        auto [data, size] = source.reader->getRecord(name);
        return std::string(static_cast<const char*>(data.get()), size);
    } catch (const std::exception& e) {
        return messages::corruptZip(source.displayName, exceptionText(e));
    }
}

} // namespace torchscope
