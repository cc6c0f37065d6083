#include "modulerepr.h"

#include "format.h"

#include <vector>

namespace torchscope {
namespace {

    // nn.Module's _addindent: indent every line but the first.
    std::string addIndent(const std::string& text, int spaces)
    {
        std::string out;
        const std::string pad(spaces, ' ');
        for (char c : text) {
            out += c;
            if (c == '\n')
                out += pad;
        }
        return out;
    }

    std::string repr(const ModuleTree& tree, int index, bool slots)
    {
        const ModuleInfo& m = tree.modules[index];
        std::vector<std::string> extra { "original_name=" + m.originalName };
        if (slots)
            for (const auto& slot : m.members)
                extra.push_back(slotLine(slot));
        std::vector<std::string> children;
        for (int child : m.children)
            children.push_back("(" + tree.modules[child].name + "): " + addIndent(repr(tree, child, slots), 2));

        std::string out = "RecursiveScriptModule(";
        if (extra.size() == 1 && children.empty()) {
            out += extra.front();
        } else {
            out += "\n  ";
            bool first = true;
            for (const auto* group : { &extra, &children }) {
                for (const auto& line : *group) {
                    if (!first)
                        out += "\n  ";
                    out += line;
                    first = false;
                }
            }
            out += "\n";
        }
        return out + ")";
    }

} // namespace

std::string slotLine(const Slot& slot)
{
    std::string line = slot.name + ": " + slot.type + " " + slotKindName(slot.kind);
    if (slot.tensor) {
        const TensorInfo& t = *slot.tensor;
        line += " " + t.dtype + "[" + formatShape(t.shape) + "]";
        if (t.device != "cpu")
            line += " on " + t.device;
        line += " (" + formatCount(t.numel) + " elements, " + formatBytes(t.bytes) + ")";
    } else if (!slot.value.empty()) {
        line += " = " + slot.value;
    }
    return line;
}

std::string moduleRepr(const ModuleTree& tree, bool slots)
{
    if (tree.modules.empty())
        return {};
    return repr(tree, 0, slots) + "\n";
}

} // namespace torchscope
