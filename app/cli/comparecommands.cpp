#include "runcommands.h"

#include "commands.h"

#include "data/runjson.h"
#include "engine/compare.h"
#include "engine/structdiff.h"

#include <cstdio>
#include <cstdlib>

namespace torchscope::cli {
namespace {

    void writeOut(const std::string& bytes)
    {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fflush(stdout);
    }

    std::string indexText(const std::vector<std::int64_t>& index)
    {
        std::string s = "(";
        for (size_t i = 0; i < index.size(); ++i)
            s += (i ? ", " : "") + std::to_string(index[i]);
        return s + (index.size() == 1 ? ",)" : ")");
    }

    std::string shapeText(const std::vector<std::int64_t>& shape)
    {
        std::string s = "[";
        for (size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        return s + "]";
    }

    std::string percent(double p)
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f%%", p);
        return buf;
    }

    // A passing tensor gets one line unless `detailed`; a failing one the full assert_close-style report.
    void printOutput(const OutputComparison& o, bool detailed, std::string& out)
    {
        const std::string verdict = o.passed ? "PASS" : "FAIL";
        if (!o.isTensor || !o.problem.empty()) {
            out += "  " + o.path + ": " + verdict;
            if (!o.problem.empty())
                out += "  " + o.problem;
            else if (!o.valueA.empty())
                out += "  " + o.valueA + (o.valueA == o.valueB ? "" : " vs " + o.valueB);
            out += "\n";
            return;
        }
        out += "  " + o.path + ": " + verdict + "  " + o.dtype + " " + shapeText(o.shape) + "  rtol "
            + number(o.tolerance.rtol) + " atol " + number(o.tolerance.atol)
            + (o.tolerance.rtol == 0 && o.tolerance.atol == 0 ? " (exact)" : "");
        if (o.passed && !detailed) {
            out += "  greatest |a - b| " + number(o.maxAbsDiff) + "\n";
            return;
        }
        out += "\n";
        out += "    mismatched elements: " + std::to_string(o.mismatched) + " / " + std::to_string(o.numel) + " ("
            + percent(o.mismatchedPercent()) + ")\n";
        out += "    greatest absolute difference: " + number(o.maxAbsDiff) + " at index " + indexText(o.maxAbsIndex)
            + "\n";
        out += "    greatest relative difference: " + number(o.maxRelDiff) + " at index " + indexText(o.maxRelIndex)
            + "\n";
        if (!o.passed)
            out += "    would pass with atol " + number(o.requiredAtol) + " (rtol " + number(o.tolerance.rtol)
                + ") or rtol " + number(o.requiredRtol) + " (atol " + number(o.tolerance.atol) + ")\n";
        out += "    |a - b| histogram, 10 bins over [0, " + number(o.histogramMax) + "]:";
        for (auto n : o.histogram)
            out += " " + std::to_string(n);
        out += "\n";
    }

    std::string reproduce(const Args& args, const TrialReport& trial)
    {
        std::string cmd
            = "torchscope-cli compare " + shellQuote(args.positional[0]) + " " + shellQuote(args.positional[1]);
        for (const char* name : { "module", "method", "device", "device-b", "atol", "rtol", "inputs" })
            if (auto v = args.value(name))
                cmd += std::string(" --") + name + " " + shellQuote(*v);
        const auto it = args.values.find("input");
        if (it != args.values.end())
            for (const auto& spec : it->second)
                cmd += " --input " + shellQuote(spec);
        cmd += " --seed " + std::to_string(trial.seed) + " --variant " + trial.variant;
        return cmd;
    }

} // namespace

int compareCommand(const Args& args)
{
    if (args.positional.size() != 2)
        return fail("'compare' takes 2 arguments, archives A and B (see torchscope-cli compare --help)");
    auto specs = inputSpecsOf(args);
    if (!specs)
        return fail(specs.error().message);
    CompareRequest request;
    request.modulePath = args.value("module").value_or("");
    request.method = args.value("method").value_or("");
    request.deviceA = args.value("device").value_or("cpu");
    request.deviceB = args.value("device-b").value_or("");
    request.inputs = specs.value();
    request.inputsFile = args.value("inputs").value_or("");
    if (!request.inputsFile.empty() && !request.inputs.empty())
        return fail("give either --input specs or --inputs FILE, not both");
    auto seed = unsignedOption(args, "seed", 0);
    if (!seed)
        return fail(seed.error().message);
    auto trials = unsignedOption(args, "trials", 1);
    if (!trials)
        return fail(trials.error().message);
    if (trials.value() < 1 || trials.value() > 100000)
        return fail("--trials must be 1 to 100000");
    request.seed = seed.value();
    request.trials = static_cast<int>(trials.value());
    request.variant = args.value("variant").value_or("");
    if (!request.variant.empty() && request.variant != "plain" && request.variant != "negate"
        && request.variant != "scale")
        return fail("unknown --variant '" + request.variant + "': use plain, negate or scale");
    for (const char* name : { "atol", "rtol" }) {
        if (auto text = args.value(name)) {
            char* end = nullptr;
            const double v = std::strtod(text->c_str(), &end);
            if (text->empty() || *end != '\0' || !(v >= 0))
                return fail(std::string("--") + name + " needs a non-negative number, got '" + *text + "'");
            (std::string(name) == "atol" ? request.atol : request.rtol) = v;
        }
    }

    auto a = Archive::open(args.positional[0]);
    if (!a)
        return fail(a.error().message);
    auto b = Archive::open(args.positional[1]);
    if (!b)
        return fail(b.error().message);
    auto result = compareArchives(*a.value(), *b.value(), request);
    if (!result)
        return fail(result.error().message);
    const CompareReport& r = result.value();
    if (args.flag("json")) {
        JsonWriter w;
        writeJson(w, r);
        writeOut(w.str());
        return r.passed() ? kSuccess : kDiffered;
    }
    const std::string deviceB = request.deviceB.empty() ? request.deviceA : request.deviceB;
    std::string out = "Comparing " + r.method + ": A " + args.positional[0] + " (" + request.deviceA + ") vs B "
        + args.positional[1] + " (" + deviceB + "), " + std::to_string(r.trials.size()) + " trial"
        + (r.trials.size() == 1 ? "" : "s") + " from seed " + std::to_string(request.seed) + "\n";
    if (request.atol || request.rtol)
        out += "Tolerance: given " + std::string(request.rtol ? "rtol " + number(*request.rtol) : "")
            + (request.atol ? std::string(request.rtol ? ", " : "") + "atol " + number(*request.atol) : "")
            + "; the rest as torch.testing.assert_close has them per dtype\n";
    else
        out += "Tolerance: torch.testing.assert_close's defaults per dtype (float32: rtol 1.3e-06, atol 1e-05)\n";
    for (const auto& t : r.trials) {
        out += "\nTrial " + std::to_string(t.index) + " (seed " + std::to_string(t.seed) + ", " + t.variant
            + "; inputs";
        for (const auto& s : t.inputs)
            out += " " + s;
        out += std::string("): ") + (t.passed ? "PASS" : "FAIL") + "\n";
        for (const auto& o : t.outputs)
            printOutput(o, args.flag("verbose"), out);
    }
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f%%",
        r.trials.empty() ? 0.0 : 100.0 * r.passedTrials / static_cast<double>(r.trials.size()));
    out += "\nSummary: " + std::to_string(r.passedTrials) + " of " + std::to_string(r.trials.size())
        + " trials passed (" + rate + "): " + (r.passed() ? "PASS" : "FAIL") + "\n";
    if (r.firstFailing) {
        const auto& t = r.trials[static_cast<size_t>(*r.firstFailing)];
        out += "First failing trial: " + std::to_string(t.index) + " (seed " + std::to_string(t.seed) + ", " + t.variant
            + "); reproduce it with:\n  " + reproduce(args, t) + "\n";
    }
    writeOut(out);
    return r.passed() ? kSuccess : kDiffered;
}

int diffCommand(const Args& args)
{
    if (args.positional.size() != 2)
        return fail("'diff' takes 2 arguments, archives A and B (see torchscope-cli diff --help)");
    auto a = Archive::open(args.positional[0]);
    if (!a)
        return fail(a.error().message);
    auto b = Archive::open(args.positional[1]);
    if (!b)
        return fail(b.error().message);
    DiffOptions options;
    if (auto m = args.value("module")) {
        options.modulePath = *m;
        options.allModules = false;
    }
    options.method = args.value("method").value_or("");
    auto result = diffArchives(*a.value(), *b.value(), options);
    if (!result)
        return fail(result.error().message);
    const DiffReport& r = result.value();
    if (args.flag("json")) {
        JsonWriter w;
        writeJson(w, r);
        writeOut(w.str());
        return r.same() ? kSuccess : kDiffered;
    }
    std::string out = "A: " + r.nameA + "\nB: " + r.nameB + "\n";
    const auto pathName = [](const std::string& p) { return p.empty() ? std::string("<root>") : p; };
    for (const auto& p : r.modulesOnlyInA)
        out += "module " + pathName(p) + ": only in A\n";
    for (const auto& p : r.modulesOnlyInB)
        out += "module " + pathName(p) + ": only in B\n";
    int differing = 0;
    for (const auto& m : r.methods) {
        const std::string where = (m.modulePath.empty() ? std::string() : m.modulePath + ".") + m.method;
        if (m.same()) {
            out += "\n== " + where + ": same\n";
            continue;
        }
        ++differing;
        out += "\n== " + where + ": differs\n";
        if (m.onlyInA || m.onlyInB) {
            out += std::string("  only in ") + (m.onlyInA ? "A" : "B") + "\n";
            continue;
        }
        for (const auto& s : m.controlFlow)
            out += "  control flow: " + s + "\n";
        if (!m.opCounts.empty()) {
            out += "  op counts (A vs B):";
            for (const auto& c : m.opCounts)
                out += " " + c.kind + " " + std::to_string(c.countA) + " vs " + std::to_string(c.countB) + ";";
            out.back() = '\n';
        }
        out += m.codeDiff;
    }
    out += "\nSummary: " + std::to_string(differing) + " of " + std::to_string(r.methods.size()) + " methods differ";
    if (!r.modulesOnlyInA.empty() || !r.modulesOnlyInB.empty())
        out += ", " + std::to_string(r.modulesOnlyInA.size() + r.modulesOnlyInB.size())
            + " modules in one archive only";
    out += std::string(": ") + (r.same() ? "SAME" : "DIFFER") + "\n";
    writeOut(out);
    return r.same() ? kSuccess : kDiffered;
}

const char* compareUsage()
{
    static const std::string text
        = std::string(
              "torchscope-cli compare A B [--module PATH] [--method NAME] [--input SPEC]... | [--inputs FILE] "
              "[--trials N]\n"
              "                       [--seed S] [--variant plain|negate|scale] [--atol X] [--rtol Y] [--device D]\n"
              "                       [--device-b D2] [--json]\n\n"
              "Runs the same method of A and B (or of one archive on two devices: pass it twice with --device and\n"
              "--device-b) on the same inputs and compares every output as torch.testing.assert_close does: per "
              "output\n"
              "the tolerance used, mismatched elements, the greatest absolute and relative difference with their "
              "index,\n"
              "the smallest tolerance that would pass, a 10-bin histogram of |a - b|, PASS or FAIL. Exit 0 when every\n"
              "trial passes, 1 when any output differs, 2 on an error.\n\n"
              "  --trials N       N input sets: trial i draws from seed S+i and cycles the variants plain,\n"
              "                   negate (every float input sign-flipped) and scale (x10) (default 1)\n"
              "  --seed S         first trial's seed (default 0)\n"
              "  --variant V      use this variant for every trial (what the reproduce command passes)\n"
              "  --atol X         absolute tolerance (default per dtype: float32 1e-5, float64 1e-7, float16 1e-5,\n"
              "                   bfloat16 1e-5; integers and bool exact)\n"
              "  --rtol Y         relative tolerance (default float32 1.3e-6, float64 1e-7, float16 1e-3, bfloat16 "
              "1.6e-2)\n"
              "  --device D       A's device (default cpu); --device-b D2: B's (default: D)\n"
              "  --module PATH, --method NAME, --input SPEC, --inputs FILE   as for `run`\n"
              "  --verbose        the full report for passing outputs too (default: one line each)\n"
              "  --json           the report as one JSON object\n\n")
        + inputSpecGrammar();
    return text.c_str();
}

const char* diffUsage()
{
    return "torchscope-cli diff A B [--module PATH] [--method NAME] [--json]\n\n"
           "Compares two archives' structure: modules present in one only (matched by path, so a trace's\n"
           "mangled type names do not matter), and per module and method the unified diff of .code, the op\n"
           "kinds whose counts differ, and control flow (prim::If, prim::Loop) present in one and absent in the\n"
           "other, with its code line. Exit 0 when the same, 1 when they differ, 2 on an error.\n\n"
           "  --module PATH   only this module (default: every module)\n"
           "  --method NAME   only this method (default: every method)\n"
           "  --json          the report as one JSON object\n";
}

} // namespace torchscope::cli
