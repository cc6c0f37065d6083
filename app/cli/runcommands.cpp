#include "runcommands.h"

#include "commands.h"

#include "data/format.h"
#include "data/runjson.h"
#include "engine/archive.h"

#include <cmath>
#include <cstdio>

namespace torchscope::cli {
namespace {

    void writeOut(const std::string& bytes)
    {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fflush(stdout);
    }

    std::string shapeText(const std::vector<std::int64_t>& shape)
    {
        std::string s = "[";
        for (size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        return s + "]";
    }

    std::string valueText(double v, bool integral)
    {
        if (integral && std::isfinite(v))
            return std::to_string(static_cast<long long>(v));
        return number(v);
    }

    // One value, indented, with its children below it; at most `shown` values per tensor.
    void printValue(const ValueNode& v, const std::string& label, int indent, size_t shown, std::string& out)
    {
        const std::string pad(static_cast<size_t>(indent), ' ');
        out += pad + label + ": ";
        switch (v.kind) {
        case ValueNode::Kind::None:
            out += "None\n";
            return;
        case ValueNode::Kind::Int:
            out += "int " + std::to_string(v.intValue) + "\n";
            return;
        case ValueNode::Kind::Float:
            out += "float " + number(v.floatValue) + "\n";
            return;
        case ValueNode::Kind::Bool:
            out += std::string("bool ") + (v.boolValue ? "True" : "False") + "\n";
            return;
        case ValueNode::Kind::Str:
            out += "str '" + v.text + "'\n";
            return;
        case ValueNode::Kind::Other:
            out += v.text + "\n";
            return;
        case ValueNode::Kind::List:
        case ValueNode::Kind::Tuple:
        case ValueNode::Kind::Dict:
            out += std::string(ValueNode::kindName(v.kind)) + " of " + std::to_string(v.items.size()) + "\n";
            for (size_t i = 0; i < v.items.size(); ++i)
                printValue(v.items[i],
                    v.kind == ValueNode::Kind::Dict ? "[" + v.keys[i] + "]" : "[" + std::to_string(i) + "]", indent + 2,
                    shown, out);
            return;
        case ValueNode::Kind::Tensor:
            break;
        }
        const TensorStats& s = v.stats;
        out += "Tensor " + s.dtype + " " + shapeText(s.shape) + " " + v.device + "\n";
        if (!s.valid)
            return;
        const bool integral = s.dtype.find("int") != std::string::npos || s.dtype == "bool";
        out += pad + "  min " + number(s.min) + "  max " + number(s.max) + "  mean " + number(s.mean) + "  std "
            + number(s.std) + "  NaN " + std::to_string(s.nans) + "  Inf " + std::to_string(s.infs) + "\n";
        const size_t n = std::min(shown, v.values.size());
        out += pad + "  values";
        if (static_cast<std::int64_t>(n) < s.numel)
            out += " (first " + std::to_string(n) + " of " + formatCount(s.numel) + ", row-major)";
        out += ": [";
        for (size_t i = 0; i < n; ++i)
            out += (i ? ", " : "") + valueText(v.values[i], integral);
        out += static_cast<std::int64_t>(n) < s.numel ? ", ...]\n" : "]\n";
    }

    int runOrRetrace(const Args& args, bool retrace)
    {
        if (args.positional.size() != 1)
            return fail("'" + args.command + "' takes 1 argument, the archive (see torchscope-cli " + args.command
                + " --help)");
        auto specs = inputSpecsOf(args);
        if (!specs)
            return fail(specs.error().message);
        RunRequest request;
        request.modulePath = args.value("module").value_or("");
        request.method = args.value("method").value_or("");
        request.device = args.value("device").value_or("cpu");
        request.inputs = specs.value();
        request.inputsFile = args.value("inputs").value_or("");
        if (!request.inputsFile.empty() && !request.inputs.empty())
            return fail("give either --input specs or --inputs FILE, not both");
        auto seed = unsignedOption(args, "seed", 0);
        auto repeat = unsignedOption(args, "repeat", 1);
        auto warmup = unsignedOption(args, "warmup", 0);
        auto values = unsignedOption(args, "values", 12);
        for (const auto* r : { &seed, &repeat, &warmup, &values })
            if (!*r)
                return fail(r->error().message);
        if (repeat.value() < 1 || repeat.value() > 100000 || warmup.value() > 100000)
            return fail("--repeat must be 1 to 100000 and --warmup 0 to 100000");
        request.seed = seed.value();
        request.repeat = static_cast<int>(repeat.value());
        request.warmup = static_cast<int>(warmup.value());
        request.saveOutputs = args.value("save-outputs").value_or("");
        request.saveInputs = args.value("save-inputs").value_or("");
        const bool json = args.flag("json");
        request.valueLimit = json ? static_cast<std::int64_t>(unsignedOption(args, "values", 100000).value())
                                  : static_cast<std::int64_t>(values.value());

        auto archive = Archive::open(args.positional[0]);
        if (!archive)
            return fail(archive.error().message);
        if (retrace) {
            auto graph = archive.value()->retrace(request);
            if (!graph)
                return fail(graph.error().message);
            writeOut(graph.value());
            return kSuccess;
        }
        auto result = archive.value()->run(request);
        if (!result)
            return fail(result.error().message);
        const RunResult& r = result.value();
        if (json) {
            JsonWriter w;
            writeJson(w, r);
            writeOut(w.str());
            return kSuccess;
        }
        std::string out = "Method: " + (r.modulePath.empty() ? std::string() : r.modulePath + ".") + r.method + " on "
            + r.device + " (eval mode, inference mode)\n";
        out += "Inputs:\n";
        if (r.inputs.empty())
            out += "  none\n";
        for (size_t i = 0; i < r.inputs.size(); ++i)
            printValue(r.inputs[i], r.argumentNames[i], 2, static_cast<size_t>(values.value()), out);
        out += "Output:\n";
        printValue(r.output, "output", 2, static_cast<size_t>(values.value()), out);
        const TimingStats& t = r.timing;
        out += "Timing: " + std::to_string(t.runs) + " timed run" + (t.runs == 1 ? "" : "s") + " after "
            + std::to_string(t.warmup) + " warm-up: mean " + number(t.meanMs) + " ms, median " + number(t.medianMs)
            + " ms, p95 " + number(t.p95Ms) + " ms, min " + number(t.minMs) + " ms\n";
        out += "Peak memory: "
            + (r.peakMemoryBytes ? formatBytes(*r.peakMemoryBytes)
                                 : "n/a on " + r.device + " (LibTorch reports it for CUDA only)")
            + "\n";
        if (!request.saveOutputs.empty())
            out += "Saved output to " + request.saveOutputs + " (torch.load reads it)\n";
        writeOut(out);
        return kSuccess;
    }

} // namespace

Result<std::vector<InputSpec>> inputSpecsOf(const Args& args)
{
    std::vector<InputSpec> specs;
    const auto it = args.values.find("input");
    if (it == args.values.end())
        return specs;
    for (const auto& text : it->second) {
        auto spec = parseInputSpec(text);
        if (!spec)
            return Error { ErrorKind::InvalidArgument, spec.error().message + " (see torchscope-cli run --help)" };
        specs.push_back(std::move(spec).value());
    }
    return specs;
}

Result<std::uint64_t> unsignedOption(const Args& args, const std::string& name, std::uint64_t fallback)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    if (text->empty() || text->size() > 19 || text->find_first_not_of("0123456789") != std::string::npos)
        return Error { ErrorKind::InvalidArgument, "--" + name + " needs a non-negative integer, got '" + *text + "'" };
    return static_cast<std::uint64_t>(std::stoull(*text));
}

std::string number(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string shellQuote(const std::string& word)
{
    if (!word.empty()
        && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@,")
            == std::string::npos)
        return word;
    std::string out = "'";
    for (char c : word)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

int runCommand(const Args& args) { return runOrRetrace(args, false); }
int retraceCommand(const Args& args) { return runOrRetrace(args, true); }

const char* runUsage()
{
    static const std::string text
        = std::string(
              "torchscope-cli run ARCHIVE [--module PATH] [--method NAME] [--device D] [--input SPEC]... | [--inputs "
              "FILE]\n"
              "                   [--seed N] [--repeat N] [--warmup N] [--save-outputs FILE] [--save-inputs FILE]\n"
              "                   [--values N] [--json]\n\n"
              "Runs a method in eval mode under inference mode and prints its inputs, its output as a tree (tuples,\n"
              "lists, dicts, scalars, None; each tensor with dtype, shape, device, min/max/mean/std, NaN and Inf "
              "counts\n"
              "and its first values) and the timing of the timed runs (mean, median, p95, min).\n\n"
              "  --module PATH        the submodule (default: the root module)\n"
              "  --method NAME        the method (default: forward, else the module's first method)\n"
              "  --device D           cpu (default), cuda or cuda:N\n"
              "  --input SPEC         one per argument, in order (see below)\n"
              "  --inputs FILE        all inputs from a file: a tensor or a tuple/list of inputs saved by torch.save,\n"
              "                       or a NumPy .npy array (missing trailing arguments take their defaults)\n"
              "  --seed N             seed of the random fills (default 0): the same seed gives the same inputs\n"
              "  --repeat N           timed runs (default 1)\n"
              "  --warmup N           untimed runs first (default 0)\n"
              "  --save-outputs FILE  write the output with torch::pickle_save: torch.load(FILE) reads it\n"
              "  --save-inputs FILE   write the inputs likewise, as a tuple (usable with --inputs)\n"
              "  --values N           values shown per tensor (default 12; with --json all up to N, default 100000)\n"
              "  --json               the inputs, output tree, timing and peak memory as one JSON object\n\n")
        + inputSpecGrammar();
    return text.c_str();
}

const char* retraceUsage()
{
    static const std::string text
        = std::string(
              "torchscope-cli retrace ARCHIVE [--module PATH] [--method NAME] [--input SPEC]... | [--inputs FILE]\n"
              "                       [--seed N]\n\n"
              "Traces the method with concrete inputs, as torch.jit.trace does (torch::jit::tracer::trace), and "
              "prints\n"
              "the flattened, inlined graph: the ops these inputs ran, each `if` resolved to the branch taken and "
              "each\n"
              "loop unrolled. Compare it with `graph --inlined` of the scripted method.\n\n"
              "  --module PATH, --method NAME, --input SPEC, --inputs FILE, --seed N   as for `run`\n\n")
        + inputSpecGrammar();
    return text.c_str();
}

} // namespace torchscope::cli
