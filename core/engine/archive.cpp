#include "archive.h"

#include "archiveimpl.h"
#include "archivesource.h"
#include "irextractor.h"
#include "messages.h"
#include "moduleinspector.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <dlfcn.h>
#include <regex>

namespace torchscope {

namespace {

    Error classifyLoadError(const std::string& name, const std::string& text)
    {
        static const std::regex opRe("Unknown builtin op: ([A-Za-z0-9_]+::[A-Za-z0-9_]+)");
        static const std::regex classRe("Unknown type name '(__torch__\\.torch\\.classes\\.[A-Za-z0-9_.]+)'");
        std::smatch m;
        Error error;
        if (std::regex_search(text, m, opRe))
            error = messages::unknownOperator(name, m[1].str());
        else if (std::regex_search(text, m, classRe))
            error = messages::unknownClass(name, m[1].str());
        else
            error = messages::loadFailed(name, firstLine(text));
        error.detail = text;
        return error;
    }

    Result<std::unique_ptr<Archive::Impl>> load(Result<std::shared_ptr<ArchiveSource>> opened)
    {
        if (!opened)
            return opened.error();
        auto impl = std::make_unique<Archive::Impl>();
        impl->source = std::move(opened).value();
        try {
            torch::jit::ExtraFilesMap extra;
            impl->module = compat::load(impl->source->adapter, extra);
            impl->tree = inspectModules(impl->module);
        } catch (const std::exception& e) {
            return classifyLoadError(impl->source->displayName, exceptionText(e));
        }
        return impl;
    }

} // namespace

Archive::Archive(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}

Archive::~Archive() = default;

Result<std::unique_ptr<Archive>> Archive::open(const std::string& path)
{
    auto impl = load(openSource(path));
    if (!impl)
        return impl.error();
    return std::unique_ptr<Archive>(new Archive(std::move(impl).value()));
}

Result<std::unique_ptr<Archive>> Archive::openBytes(std::string bytes, const std::string& displayName)
{
    auto impl = load(openSourceBytes(std::move(bytes), displayName));
    if (!impl)
        return impl.error();
    return std::unique_ptr<Archive>(new Archive(std::move(impl).value()));
}

const ArchiveInfo& Archive::info() const { return d->source->info; }

const ModuleTree& Archive::modules() const { return d->tree; }

Result<std::string> Archive::methodCode(const std::string& modulePath, const std::string& method) const
{
    return guarded(d->source->displayName, [&]() -> Result<std::string> {
        auto m = d->method(modulePath, method);
        if (!m)
            return m.error();
        std::vector<c10::IValue> constants;
        torch::jit::PrintDepsTable deps;
        torch::jit::PythonPrint pp(constants, deps);
        pp.printMethod(m->function());
        return pp.str();
    });
}

Result<std::string> Archive::classCode(const std::string& modulePath) const
{
    return guarded(d->source->displayName, [&]() -> Result<std::string> {
        auto m = d->submodule(modulePath);
        if (!m)
            return m.error();
        std::vector<c10::IValue> constants;
        torch::jit::PrintDepsTable deps;
        torch::jit::PythonPrint pp(constants, deps);
        pp.printNamedType(m->type());
        return pp.str();
    });
}

Result<std::string> Archive::graphText(
    const std::string& modulePath, const std::string& method, const GraphTextOptions& options) const
{
    return guarded(d->source->displayName, [&]() -> Result<std::string> {
        auto m = d->method(modulePath, method);
        if (!m)
            return m.error();
        auto graph = torch::jit::toGraphFunction(m->function()).graph();
        if (options.form == GraphForm::Inlined) {
            graph = graph->copy();
            torch::jit::Inline(*graph);
        }
        return graph->toString(options.sourceComments);
    });
}

Result<IrGraph> Archive::graph(const std::string& modulePath, const std::string& method, GraphForm form) const
{
    return guarded(d->source->displayName, [&]() -> Result<IrGraph> {
        auto m = d->method(modulePath, method);
        if (!m)
            return m.error();
        return extractGraph(*m, modulePath, form == GraphForm::Inlined);
    });
}

Result<std::string> Archive::record(const std::string& name) const { return readRecord(*d->source, name); }

Result<ArchiveInfo> readArchiveInfo(const std::string& path)
{
    auto source = openSource(path);
    if (!source)
        return source.error();
    return source.value()->info;
}

Result<std::string> readArchiveRecord(const std::string& path, const std::string& name)
{
    auto source = openSource(path);
    if (!source)
        return source.error();
    return readRecord(*source.value(), name);
}

Status loadOperatorLibrary(const std::string& path)
{
    // RTLD_GLOBAL as torch.ops.load_library (ctypes) does, so libraries that depend on each other resolve.
    if (!::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
        const char* why = ::dlerror();
        return Error { ErrorKind::LibraryFailed,
            "cannot load operator library '" + path + "': " + (why ? why : "unknown error") };
    }
    return Ok {};
}

std::string libtorchVersion() { return compat::libtorchVersion(); }

std::string supportedFormatVersions()
{
    return std::to_string(caffe2::serialize::kMinSupportedFileFormatVersion) + " to "
        + std::to_string(caffe2::serialize::kMaxSupportedFileFormatVersion);
}

} // namespace torchscope
