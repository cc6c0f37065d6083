#pragma once

#include "data/diffreport.h"
#include "engine/archive.h"

namespace torchscope {

struct DiffOptions {
    std::string modulePath; // only this module (and its methods); empty with allModules: every module
    bool allModules = true;
    std::string method; // only this method; empty: all
};

// Structural comparison of two loaded archives: modules matched by path (type names may be mangled
// differently), per method the unified diff of .code, node-kind counts and control flow present in one only.
// Uses Archive's public queries only.
Result<DiffReport> diffArchives(const Archive& a, const Archive& b, const DiffOptions& options);

} // namespace torchscope
