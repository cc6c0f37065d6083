#pragma once

// Engine-private: what an Archive holds, shared by the .cpp files that implement Archive's members
// (archive.cpp, tensorstats.cpp). Includes LibTorch headers.

#include "archive.h"
#include "archivesource.h"
#include "moduleinspector.h"

#include <memory>
#include <string>

namespace torchscope {

struct Archive::Impl {
    std::shared_ptr<ArchiveSource> source;
    torch::jit::Module module;
    ModuleTree tree;

    Result<torch::jit::Module> submodule(const std::string& path) const
    {
        auto m = findSubmodule(module, path);
        if (!m)
            return Error { ErrorKind::NoSuchModule,
                "'" + source->displayName + "' has no module '" + path + "' (list them with `tree`)" };
        return *m;
    }

    Result<torch::jit::Method> method(const std::string& path, const std::string& name) const
    {
        auto m = submodule(path);
        if (!m)
            return m.error();
        if (auto found = m->find_method(name))
            return *found;
        std::string available;
        for (const auto* fn : m->type()->methods())
            available += (available.empty() ? "" : ", ") + fn->name();
        const std::string where = path.empty() ? "the root module" : "module '" + path + "'";
        return Error { ErrorKind::NoSuchMethod,
            "'" + source->displayName + "': " + where + " has no method '" + name
                + "' (it has: " + (available.empty() ? "none" : available) + ")" };
    }
};

// The first non-blank line of a LibTorch message: the part a one-line error shows.
inline std::string firstLine(const std::string& text)
{
    const auto start = text.find_first_not_of("\n ");
    if (start == std::string::npos)
        return text;
    const auto end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Runs a query on a loaded module and turns whatever LibTorch throws into an Error naming the archive:
// no exception leaves the engine.
template <typename F> auto guarded(const std::string& name, F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const std::exception& e) {
        const std::string text = exceptionText(e);
        return Error { ErrorKind::LoadFailed, "'" + name + "': " + firstLine(text), text };
    }
}

} // namespace torchscope
