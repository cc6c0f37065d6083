#pragma once

#include <string>
#include <vector>

namespace torchscope {

struct OpCountDifference {
    std::string kind; // "aten::linear", "prim::If"
    int countA = 0;
    int countB = 0;
};

// One method present in A, B or both, compared.
struct MethodDifference {
    std::string modulePath; // "" for the root
    std::string method;
    bool onlyInA = false;
    bool onlyInB = false;
    std::string codeDiff; // unified diff of .code, empty when equal
    std::vector<OpCountDifference> opCounts; // node kinds whose counts differ (all blocks, constants included)
    // Control flow in one and not the other, one sentence each: "`dg.forward`: A has `prim::If` at line 2; ..."
    std::vector<std::string> controlFlow;

    bool same() const { return !onlyInA && !onlyInB && codeDiff.empty() && opCounts.empty() && controlFlow.empty(); }
};

struct DiffReport {
    std::string nameA;
    std::string nameB;
    std::vector<std::string> modulesOnlyInA; // paths ("" is the root)
    std::vector<std::string> modulesOnlyInB;
    std::vector<MethodDifference> methods; // every method compared, in A's module order, then B-only ones

    bool same() const
    {
        if (!modulesOnlyInA.empty() || !modulesOnlyInB.empty())
            return false;
        for (const auto& m : methods)
            if (!m.same())
                return false;
        return true;
    }
};

} // namespace torchscope
