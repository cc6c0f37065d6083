#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torchscope {

struct TensorInfo {
    std::vector<std::int64_t> shape;
    std::string dtype; // "float32", as Python names it
    std::string device; // "cpu", "cuda:0"
    bool requiresGrad = false;
    std::int64_t numel = 0;
    std::int64_t bytes = 0;
    bool quantized = false;
};

enum class SlotKind { Parameter, Buffer, Attribute, Constant };

struct Slot {
    std::string name;
    SlotKind kind = SlotKind::Attribute;
    std::string type; // TorchScript type annotation, e.g. "Tensor", "List[int]"
    std::optional<TensorInfo> tensor; // for tensor-valued slots
    std::string value; // short printed value of a non-tensor slot ("3", "'relu'", "[1, 2]")
};

struct Argument {
    std::string name;
    std::string type;
    std::optional<std::string> defaultValue; // printed as in the schema
    bool kwargOnly = false;
};

struct MethodInfo {
    std::string name;
    std::vector<Argument> arguments; // without self
    std::vector<Argument> returns;
    std::string schema; // the whole schema as LibTorch prints it
};

struct ModuleInfo {
    std::string path; // dotted from the root, "" for the root
    std::string name; // last path component, "" for the root
    std::string originalName; // what print(module) shows as original_name
    std::string qualifiedType; // "__torch__.MyCell"
    int parent = -1; // index in ModuleTree::modules
    std::vector<int> children;
    // Parameters, buffers, attributes and constants (not named `slots`: Qt defines that as a macro).
    std::vector<Slot> members;
    std::vector<MethodInfo> methods;

    // Totals over this module and everything below it.
    std::int64_t parameterCount = 0; // elements
    std::int64_t parameterBytes = 0;
    std::int64_t bufferCount = 0;
    std::int64_t bufferBytes = 0;
    int subtreeModules = 1;
};

// Modules in pre-order (the order of named_modules()); index 0 is the root.
struct ModuleTree {
    std::vector<ModuleInfo> modules;

    const ModuleInfo* find(const std::string& path) const
    {
        for (const auto& m : modules)
            if (m.path == path)
                return &m;
        return nullptr;
    }
};

const char* slotKindName(SlotKind kind);

} // namespace torchscope
