#pragma once

#include <string>
#include <vector>

namespace torchscope {

struct LineEdit {
    enum Op { Equal, Delete, Insert };
    Op op = Equal;
    int aLine = -1; // 0-based line of a (Equal, Delete)
    int bLine = -1; // 0-based line of b (Equal, Insert)
};

// A shortest edit script from a to b (Myers' O(ND) algorithm): Equal/Delete/Insert in order.
std::vector<LineEdit> diffLines(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Lines without their '\n'; a final line without '\n' counts too.
std::vector<std::string> splitLines(const std::string& text);

// `diff -u` text ("--- nameA", "+++ nameB", "@@ -l,n +l,n @@" hunks with `context` lines around each change);
// empty when the texts are equal.
std::string unifiedDiff(
    const std::string& a, const std::string& b, const std::string& nameA, const std::string& nameB, int context = 3);

} // namespace torchscope
