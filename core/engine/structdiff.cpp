// diffArchives: what differs between two archives' structure, from Archive's public queries (no LibTorch here).

#include "structdiff.h"

#include "data/linediff.h"

#include <map>
#include <set>

namespace torchscope {
namespace {

    std::string qualified(const std::string& modulePath, const std::string& method)
    {
        return (modulePath.empty() ? std::string() : modulePath + ".") + method;
    }

    std::map<std::string, int> kindCounts(const IrGraph& g)
    {
        std::map<std::string, int> counts;
        for (const auto& n : g.nodes)
            ++counts[n.kind];
        return counts;
    }

    std::string fileName(const std::string& path)
    {
        const auto slash = path.find_last_of('/');
        return slash == std::string::npos ? path : path.substr(slash + 1);
    }

    // Sentences for control flow one graph has and the other lacks ("`dg.forward`: A (x.pt) has `prim::If` at
    // line 2; B (y.pt) has no branch — a trace records only the path its example inputs took").
    void controlFlow(const IrGraph& has, const IrGraph& lacks, const std::string& hasName, const std::string& lacksName,
        const std::string& where, std::vector<std::string>& out)
    {
        for (const char* kind : { "prim::If", "prim::Loop" }) {
            int countHas = 0, countLacks = 0;
            for (const auto& n : has.nodes)
                countHas += n.kind == kind;
            for (const auto& n : lacks.nodes)
                countLacks += n.kind == kind;
            if (countHas <= countLacks)
                continue;
            std::string lines;
            for (const auto& n : has.nodes) {
                if (n.kind != kind)
                    continue;
                lines += lines.empty() ? "" : ", ";
                lines += n.codeLocation ? std::to_string(n.codeLocation->line) : std::string("?");
            }
            const bool isIf = std::string(kind) == "prim::If";
            std::string sentence = "`" + where + "`: " + hasName + " has `" + kind + "` at line"
                + (countHas > 1 ? "s " : " ") + lines + "; " + lacksName;
            if (countLacks == 0)
                sentence += isIf ? " has no branch — a trace records only the path its example inputs took"
                                 : " has no loop — a trace unrolls loops for its example inputs";
            else
                sentence += " has " + std::to_string(countLacks) + " of them";
            out.push_back(sentence);
        }
    }

} // namespace

Result<DiffReport> diffArchives(const Archive& a, const Archive& b, const DiffOptions& options)
{
    DiffReport report;
    report.nameA = a.info().path;
    report.nameB = b.info().path;
    const std::string labelA = "A (" + fileName(report.nameA) + ")";
    const std::string labelB = "B (" + fileName(report.nameB) + ")";
    const auto& modsA = a.modules().modules;
    const auto& modsB = b.modules().modules;
    const auto wanted = [&](const std::string& path) {
        if (options.allModules)
            return true;
        return path == options.modulePath;
    };
    if (!options.allModules && !a.modules().find(options.modulePath) && !b.modules().find(options.modulePath))
        return Error { ErrorKind::NoSuchModule,
            "neither '" + report.nameA + "' nor '" + report.nameB + "' has a module '" + options.modulePath
                + "' (list them with `tree`)" };

    for (const auto& m : modsA)
        if (wanted(m.path) && !b.modules().find(m.path))
            report.modulesOnlyInA.push_back(m.path);
    for (const auto& m : modsB)
        if (wanted(m.path) && !a.modules().find(m.path))
            report.modulesOnlyInB.push_back(m.path);

    for (const auto& ma : modsA) {
        const ModuleInfo* mb = b.modules().find(ma.path);
        if (!wanted(ma.path) || !mb)
            continue;
        std::vector<std::string> names;
        for (const auto& m : ma.methods)
            names.push_back(m.name);
        for (const auto& m : mb->methods) {
            bool inA = false;
            for (const auto& n : ma.methods)
                inA = inA || n.name == m.name;
            if (!inA)
                names.push_back(m.name);
        }
        for (const auto& name : names) {
            if (!options.method.empty() && name != options.method)
                continue;
            MethodDifference diff;
            diff.modulePath = ma.path;
            diff.method = name;
            bool inA = false, inB = false;
            for (const auto& m : ma.methods)
                inA = inA || m.name == name;
            for (const auto& m : mb->methods)
                inB = inB || m.name == name;
            diff.onlyInA = !inB;
            diff.onlyInB = !inA;
            if (inA && inB) {
                const std::string where = qualified(ma.path, name);
                auto codeA = a.methodCode(ma.path, name);
                auto codeB = b.methodCode(ma.path, name);
                if (!codeA)
                    return codeA.error();
                if (!codeB)
                    return codeB.error();
                diff.codeDiff = unifiedDiff(codeA.value(), codeB.value(), "A/" + where, "B/" + where);
                auto graphA = a.graph(ma.path, name, GraphForm::Graph);
                auto graphB = b.graph(ma.path, name, GraphForm::Graph);
                if (!graphA)
                    return graphA.error();
                if (!graphB)
                    return graphB.error();
                const auto countsA = kindCounts(graphA.value());
                const auto countsB = kindCounts(graphB.value());
                std::set<std::string> kinds;
                for (const auto& [k, n] : countsA)
                    kinds.insert(k);
                for (const auto& [k, n] : countsB)
                    kinds.insert(k);
                for (const auto& k : kinds) {
                    const int na = countsA.count(k) ? countsA.at(k) : 0;
                    const int nb = countsB.count(k) ? countsB.at(k) : 0;
                    if (na != nb)
                        diff.opCounts.push_back({ k, na, nb });
                }
                controlFlow(graphA.value(), graphB.value(), labelA, labelB, where, diff.controlFlow);
                controlFlow(graphB.value(), graphA.value(), labelB, labelA, where, diff.controlFlow);
            }
            report.methods.push_back(std::move(diff));
        }
    }
    return report;
}

} // namespace torchscope
