#include "commands.h"

#include "runcommands.h"

#include "data/datajson.h"
#include "data/format.h"
#include "data/modulerepr.h"
#include "engine/archive.h"
#include "layout/graphmodel.h"
#include "layout/render.h"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace torchscope::cli {
namespace {

    void writeOut(const std::string& bytes)
    {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fflush(stdout);
    }

    bool needArgs(const Args& args, size_t n, std::string& error)
    {
        if (args.positional.size() == n)
            return true;
        error = "'" + args.command + "' takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got "
            + std::to_string(args.positional.size()) + " (see torchscope-cli " + args.command + " --help)";
        return false;
    }

    // The method a command works on: --method, else forward, else the module's first method.
    Result<std::string> chooseMethod(const Archive& archive, const std::string& modulePath, const Args& args)
    {
        if (auto m = args.value("method"))
            return *m;
        const ModuleInfo* module = archive.modules().find(modulePath);
        if (!module)
            return Error { ErrorKind::NoSuchModule,
                "'" + archive.info().path + "' has no module '" + modulePath + "' (list them with `tree`)" };
        for (const auto& m : module->methods)
            if (m.name == "forward")
                return std::string("forward");
        if (module->methods.empty())
            return Error { ErrorKind::NoSuchMethod,
                "'" + archive.info().path + "': module '" + modulePath + "' has no methods" };
        return module->methods.front().name;
    }

    // What code/graph/render work on: the loaded archive, the --module path and the chosen method.
    struct Target {
        std::unique_ptr<Archive> archive;
        std::string module;
        std::string method;
    };

    Result<Target> openTarget(const Args& args)
    {
        auto archive = Archive::open(args.positional[0]);
        if (!archive)
            return archive.error();
        Target t { std::move(archive).value(), args.value("module").value_or(""), {} };
        auto method = chooseMethod(*t.archive, t.module, args);
        if (!method)
            return method.error();
        t.method = method.value();
        return t;
    }

    GraphForm formOf(const Args& args) { return args.flag("inlined") ? GraphForm::Inlined : GraphForm::Graph; }

    int printResult(const Result<std::string>& text)
    {
        if (!text)
            return fail(text.error().message);
        writeOut(text.value());
        return kSuccess;
    }

    int info(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        auto archive = Archive::open(args.positional[0]);
        if (!archive)
            return fail(archive.error().message);
        const Archive& a = *archive.value();
        const ArchiveInfo& ai = a.info();
        const ModuleTree& tree = a.modules();
        const ModuleInfo& root = tree.modules.front();
        size_t methodCount = 0;
        for (const auto& m : tree.modules)
            methodCount += m.methods.size();

        if (args.flag("json")) {
            JsonWriter json;
            json.beginObject().key("archive");
            writeJson(json, ai, false);
            json.field("libtorch", libtorchVersion())
                .field("module_count", static_cast<int>(tree.modules.size()))
                .field("method_count", static_cast<std::int64_t>(methodCount))
                .field("parameter_count", root.parameterCount)
                .field("parameter_bytes", root.parameterBytes)
                .field("buffer_count", root.bufferCount)
                .field("buffer_bytes", root.bufferBytes);
            json.key("methods").beginArray();
            for (const auto& m : tree.modules)
                for (const auto& method : m.methods)
                    json.beginObject().field("module", m.path).field("name", method.name).field("schema", method.schema).endObject();
            json.endArray().endObject();
            writeOut(json.str());
            return kSuccess;
        }

        std::uint64_t recordBytes = 0;
        for (const auto& r : ai.records)
            recordBytes += r.size;
        std::string out;
        out += "Archive:         " + ai.path + " (" + formatBytes(static_cast<std::int64_t>(ai.fileSize)) + ")\n";
        out += "Format version:  " + std::to_string(ai.formatVersion) + " (this LibTorch " + libtorchVersion()
            + " reads " + supportedFormatVersions() + ")\n";
        out += "Archive folder:  " + ai.archiveName + "\n";
        out += "Records:         " + std::to_string(ai.records.size()) + " ("
            + formatBytes(static_cast<std::int64_t>(recordBytes)) + ")\n";
        out += std::string("Debug info:      ") + (ai.hasDebugInfo ? "yes" : "no") + "\n";
        out += std::string("Lite bytecode:   ") + (ai.hasBytecode ? "yes" : "no") + "\n";
        out += "Extra files:     ";
        if (ai.extraFiles.empty())
            out += "none";
        for (size_t i = 0; i < ai.extraFiles.size(); ++i)
            out += (i ? ", " : "") + ai.extraFiles[i].name + " ("
                + formatBytes(static_cast<std::int64_t>(ai.extraFiles[i].contents.size())) + ")";
        out += "\n";
        out += "Root module:     " + root.originalName + " (" + root.qualifiedType + ")\n";
        out += "Modules:         " + std::to_string(tree.modules.size()) + "\n";
        out += "Parameters:      " + formatCount(root.parameterCount) + " (" + formatBytes(root.parameterBytes)
            + ")\n";
        out += "Buffers:         " + formatCount(root.bufferCount) + " (" + formatBytes(root.bufferBytes) + ")\n";
        out += "Methods:         " + std::to_string(methodCount) + "\n";
        for (const auto& m : tree.modules)
            for (const auto& method : m.methods)
                out += "  " + (m.path.empty() ? std::string() : m.path + ".") + method.schema + "\n";
        writeOut(out);
        return kSuccess;
    }

    int tree(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        auto archive = Archive::open(args.positional[0]);
        if (!archive)
            return fail(archive.error().message);
        const ModuleTree& tree = archive.value()->modules();
        if (args.flag("json")) {
            JsonWriter json;
            json.beginArray();
            for (const auto& m : tree.modules)
                writeJson(json, m);
            json.endArray();
            writeOut(json.str());
            return kSuccess;
        }
        writeOut(moduleRepr(tree, args.flag("slots")));
        return kSuccess;
    }

    int code(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        if (args.flag("class")) {
            auto archive = Archive::open(args.positional[0]);
            if (!archive)
                return fail(archive.error().message);
            return printResult(archive.value()->classCode(args.value("module").value_or("")));
        }
        auto t = openTarget(args);
        if (!t)
            return fail(t.error().message);
        return printResult(t->archive->methodCode(t->module, t->method));
    }

    int graph(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        auto t = openTarget(args);
        if (!t)
            return fail(t.error().message);
        const Archive& a = *t->archive;
        const GraphForm form = formOf(args);
        if (args.flag("json")) {
            auto g = a.graph(t->module, t->method, form);
            if (!g)
                return fail(g.error().message);
            JsonWriter json;
            writeJson(json, g.value());
            writeOut(json.str());
            return kSuccess;
        }
        GraphTextOptions options;
        options.form = form;
        options.sourceComments = !args.flag("no-source");
        return printResult(a.graphText(t->module, t->method, options));
    }

    int records(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        auto info = readArchiveInfo(args.positional[0]);
        if (!info)
            return fail(info.error().message);
        if (args.flag("json")) {
            JsonWriter json;
            writeJson(json, info.value(), true);
            writeOut(json.str());
            return kSuccess;
        }
        std::string out;
        for (const auto& r : info->records) {
            char size[32];
            std::snprintf(size, sizeof size, "%12llu", static_cast<unsigned long long>(r.size));
            out += std::string(size) + "  " + (r.compressed ? "deflated" : "stored  ") + "  " + r.name + "\n";
        }
        writeOut(out);
        return kSuccess;
    }

    int extract(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 2, err))
            return fail(err);
        auto bytes = readArchiveRecord(args.positional[0], args.positional[1]);
        if (!bytes)
            return fail(bytes.error().message);
        if (auto path = args.value("output")) {
            std::ofstream out(*path, std::ios::binary);
            out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
            if (!out)
                return fail("cannot write '" + *path + "'");
            return kSuccess;
        }
        writeOut(bytes.value());
        return kSuccess;
    }

    // `render`: the graph view's drawing as a file, built by the same layout library the desktop app uses.
    int render(const Args& args)
    {
        std::string err;
        if (!needArgs(args, 1, err))
            return fail(err);
        const auto output = args.value("output");
        if (!output)
            return fail("'render' needs -o FILE (see torchscope-cli render --help)");
        std::optional<RenderFormat> format;
        if (auto name = args.value("format")) {
            format = renderFormatFromName(*name);
            if (!format)
                return fail("unknown --format '" + *name + "': use svg, png or dot");
        } else {
            format = renderFormatForPath(*output);
            if (!format)
                return fail("cannot tell the format from '" + *output + "': name it .svg, .png or .dot, or give --format");
        }
        const std::string expand = args.value("expand").value_or(args.flag("inlined") ? "all" : "none");
        int depth = 0;
        if (expand == "all") {
            depth = -1;
        } else if (expand != "none") {
            const bool digits = !expand.empty() && expand.size() < 6
                && expand.find_first_not_of("0123456789") == std::string::npos;
            if (!digits)
                return fail("unknown --expand '" + expand + "': use none, all or a depth (1, 2, ...)");
            depth = std::stoi(expand);
        }

        auto t = openTarget(args);
        if (!t)
            return fail(t.error().message);
        const Archive& a = *t->archive;
        auto graph = a.graph(t->module, t->method, formOf(args));
        if (!graph)
            return fail(graph.error().message);

        GraphModelOptions options;
        options.foldPlumbing = !args.flag("no-fold");
        options.subgraph = [&a](const std::string& path, const std::string& name) -> std::optional<IrGraph> {
            auto g = a.graph(path, name, GraphForm::Graph);
            return g ? std::optional<IrGraph>(std::move(g).value()) : std::nullopt;
        };
        options.expansion = expandToDepth(graph.value(), depth, options.subgraph);
        auto visual = buildVisualGraph(graph.value(), options);
        if (!visual)
            return fail(visual.error().message);
        auto bytes = renderGraph(visual.value(), *format);
        if (!bytes)
            return fail("cannot render '" + args.positional[0] + "': " + bytes.error().message);
        std::ofstream out(*output, std::ios::binary);
        out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
        out.close();
        if (!out)
            return fail("cannot write '" + *output + "'");
        return kSuccess;
    }

} // namespace

int fail(const std::string& message)
{
    std::fprintf(stderr, "torchscope-cli: %s\n", message.c_str());
    return kError;
}

const std::map<std::string, Command>& commands()
{
    static const std::map<std::string, Command> table {
        { "info",
            { "summary: format version, records, extra files, modules, parameters, methods",
                "torchscope-cli info ARCHIVE [--json]\n\n"
                "Loads ARCHIVE and prints its format version, zip records, extra files, module count,\n"
                "parameter count and bytes, and every method with its schema.\n\n"
                "  --json   print the same as one JSON object\n",
                { {}, { "json" } }, info } },
        { "tree",
            { "the module hierarchy, as print(module) shows it",
                "torchscope-cli tree ARCHIVE [--slots] [--json]\n\n"
                "Prints the module hierarchy exactly as Python's print(torch.jit.load(ARCHIVE)) does.\n\n"
                "  --slots  also list each module's parameters, buffers, attributes and constants\n"
                "  --json   one object per module: path (\"\" for the root), name, original_name,\n"
                "           qualified_type, totals, methods with schemas, and slots\n",
                { {}, { "slots", "json" } }, tree } },
        { "code",
            { "a method's .code (or the class code), exactly as Python prints it",
                "torchscope-cli code ARCHIVE [--module PATH] [--method NAME] [--class]\n\n"
                "Writes Python's `module.<method>.code` for the module at PATH (dotted, e.g. loop.cell;\n"
                "default: the root) byte for byte.\n\n"
                "  --module PATH   the submodule (default: the root module)\n"
                "  --method NAME   the method (default: forward, else the module's first method)\n"
                "  --class         the whole class instead: Python's `module._c.code`\n",
                { { "module", "method" }, { "class" } }, code } },
        { "graph",
            { "a method's TorchScript IR, exactly as str(graph) prints it",
                "torchscope-cli graph ARCHIVE [--module PATH] [--method NAME] [--inlined] [--no-source] [--json]\n\n"
                "Writes Python's `str(module.<method>.graph)` byte for byte.\n\n"
                "  --module PATH   the submodule (default: the root module)\n"
                "  --method NAME   the method (default: forward, else the module's first method)\n"
                "  --inlined       the inlined graph: Python's `.inlined_graph`\n"
                "  --no-source     without `# file:line:col` comments: Python's `graph.str(False)`\n"
                "  --json          the graph as values: blocks, nodes (kind, inputs, outputs, attributes,\n"
                "                  schema, module, code line, original Python line) and values\n",
                { { "module", "method" }, { "inlined", "no-source", "json" } }, graph } },
        { "render",
            { "the graph drawn by Graphviz, as SVG, PNG or DOT",
                "torchscope-cli render ARCHIVE -o FILE [--format svg|png|dot] [--module PATH] [--method NAME]\n"
                "                      [--inlined] [--expand none|all|DEPTH] [--no-fold]\n\n"
                "Draws a method's graph as the graph view does: each call to a submodule is one box, prim::If and\n"
                "prim::Loop are clusters with their blocks, constants and parameters are labels on their users.\n\n"
                "  --output FILE   write to FILE (-o FILE)\n"
                "  --format F      svg (text stays text), png or dot; default: from FILE's extension\n"
                "  --module PATH   the submodule, as `tree` names it (default: the root module)\n"
                "  --method NAME   the method (default: forward, else the module's first method)\n"
                "  --inlined       the inlined graph: the whole model, grouped into clusters by module\n"
                "  --expand E      open submodules: none, all, or DEPTH levels below the module\n"
                "                  (default: none; with --inlined, all)\n"
                "  --no-fold       draw every IR node: constants, GetAttr and List/TupleConstruct too\n",
                { { "output", "format", "module", "method", "expand" }, { "inlined", "no-fold" } }, render } },
        { "records",
            { "the zip records of an archive (without loading it)",
                "torchscope-cli records ARCHIVE [--json]\n\n"
                "Lists every record: uncompressed size, stored or deflated, and its name inside the\n"
                "archive folder. Does not load the model.\n\n"
                "  --json   the archive summary with records and extra files (with their contents)\n",
                { {}, { "json" } }, records } },
        { "extract",
            { "one record's bytes (an extra file, a code file)",
                "torchscope-cli extract ARCHIVE RECORD [-o FILE]\n\n"
                "Writes the bytes of RECORD (as `records` names it, e.g. extra/meta.json or\n"
                "code/__torch__.py) to stdout, or to FILE.\n\n"
                "  --output FILE   write to FILE instead of stdout\n",
                { { "output" }, {} }, extract } },
        { "run",
            { "run a method on chosen inputs and device: output tree, value summaries, timing", runUsage(),
                { { "module", "method", "device", "input", "inputs", "seed", "repeat", "warmup", "save-outputs",
                      "save-inputs", "values" },
                    { "json" } },
                runCommand } },
        { "compare",
            { "run two archives (or two devices) on the same inputs and compare the outputs", compareUsage(),
                { { "module", "method", "device", "device-b", "input", "inputs", "seed", "trials", "variant", "atol",
                      "rtol" },
                    { "json", "verbose" } },
                compareCommand } },
        { "diff",
            { "structural differences of two archives: modules, .code, ops, control flow", diffUsage(),
                { { "module", "method" }, { "json" } }, diffCommand } },
        { "retrace",
            { "trace a method with concrete inputs and print the flattened graph", retraceUsage(),
                { { "module", "method", "input", "inputs", "seed" }, {} }, retraceCommand } },
    };
    return table;
}

} // namespace torchscope::cli
