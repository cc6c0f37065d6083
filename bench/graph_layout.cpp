// bench/graph.sh's measuring program: how long the graph view's layouts of one archive take, in process, as the
// desktop app's worker (graph extraction) and layout thread (build + Graphviz) do them, and the DOT of the same
// graph drawn flat, for `dot -Tsvg` as the baseline.
//
// Usage: bench_graph_layout [--load-library SO] ARCHIVE OUTDIR [RUNS] [--skip-expanded]
// Prints "load SECONDS", then per view "name seconds nodes edges clusters extract build layout cpu" (medians of
// RUNS: the whole, then its parts: the engine's graph extraction, buildVisualGraph, layoutGraph; then the process's
// CPU seconds for the whole, steadier than the wall clock on a busy machine). Writes, for the inlined view:
// OUTDIR/flat.dot (same nodes, labels and edges, no clusters, no edge labels: the baseline), ours.dot (toDot, as
// exported) and layout.dot (what layoutGraph gives Graphviz).
#include "engine/archive.h"
#include "layout/graphlayout.h"
#include "layout/graphmodel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace torchscope;

namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The baseline: what one would hand `dot` with no knowledge of modules. Every drawn node with the text it shows
// (name and folded attributes) and its shape, every edge, dot's default graph settings. No clusters, and no edge
// labels (as edge `label`s dot would need several times longer still, so this is the stricter baseline).
std::string flatDot(const VisualGraph& g, const std::string& layoutDotText)
{
    std::string out = "digraph flat {\n  node [fontname=\"Sans\", fontsize=10, height=0.3, margin=\"0.12,0.04\"];\n"
                      "  edge [arrowsize=0.6];\n";
    // Shapes as our DOT gives them: read them back from it rather than repeating the style table.
    for (const VisualNode& n : g.nodes) {
        std::string label = n.label;
        for (const auto& a : n.attributes)
            label += "\n" + (a.size() > 48 ? a.substr(0, 45) + "..." : a);
        std::string shape = "box";
        const std::string key = dotQuoted(n.id) + " [";
        if (auto at = layoutDotText.find(key); at != std::string::npos) {
            const auto s = layoutDotText.find("shape=", at);
            const auto end = layoutDotText.find_first_of(",]", s);
            if (s != std::string::npos && end != std::string::npos)
                shape = layoutDotText.substr(s + 6, end - s - 6);
        }
        out += "  " + dotQuoted(n.id) + " [label=" + dotQuoted(label) + ", shape=" + shape + "];\n";
    }
    for (const VisualEdge& e : g.edges)
        out += "  " + dotQuoted(e.from) + " -> " + dotQuoted(e.to) + ";\n";
    return out + "}\n";
}

struct Measured {
    double seconds = 0, extract = 0, build = 0, layout = 0, cpu = 0;
    size_t nodes = 0, edges = 0, clusters = 0;
    VisualGraph graph;
};

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args;
    bool skipExpanded = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--skip-expanded") == 0) {
            skipExpanded = true;
        } else if (std::strcmp(argv[i], "--load-library") == 0 && i + 1 < argc) {
            if (auto loaded = loadOperatorLibrary(argv[++i]); !loaded) {
                std::fprintf(stderr, "bench_graph_layout: %s\n", loaded.error().message.c_str());
                return 2;
            }
        } else {
            args.push_back(argv[i]);
        }
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_graph_layout [--load-library SO] ARCHIVE OUTDIR [RUNS] [--skip-expanded]\n");
        return 2;
    }
    const std::string outDir = args[1];
    const int runs = args.size() > 2 ? std::max(1, std::atoi(args[2].c_str())) : 5;

    double t0 = now();
    auto opened = Archive::open(args[0]);
    if (!opened) {
        std::fprintf(stderr, "bench_graph_layout: %s\n", opened.error().message.c_str());
        return 2;
    }
    const Archive& archive = *opened.value();
    std::printf("load %.4f\n", now() - t0);
    const std::string method = [&] {
        const auto& methods = archive.modules().modules.at(0).methods;
        for (const auto& m : methods)
            if (m.name == "forward")
                return m.name;
        return methods.at(0).name;
    }();

    // Each submodule graph is extracted once per view and then reused, as the app does (GraphPanel keeps the
    // graphs the worker sent); expandAll and buildVisualGraph both ask for every call's graph.
    std::map<std::pair<std::string, std::string>, std::optional<IrGraph>> extracted;
    const SubgraphProvider provider = [&](const std::string& path, const std::string& name) {
        auto it = extracted.find({ path, name });
        if (it == extracted.end()) {
            auto g = archive.graph(path, name, GraphForm::Graph);
            it = extracted
                     .emplace(
                         std::make_pair(path, name), g ? std::optional<IrGraph>(std::move(g).value()) : std::nullopt)
                     .first;
        }
        return it->second;
    };

    // One view made ready to paint, as the app does it: the worker extracts the graph, the layout thread builds
    // the drawn graph and lays it out. `expand` chooses what is open.
    auto measure = [&](GraphForm form, bool expandEverything) -> Measured {
        std::vector<double> times, extracts, builds, layouts, cpus;
        Measured m;
        for (int i = 0; i < runs; ++i) {
            extracted.clear();
            const double start = now();
            const std::clock_t cpuStart = std::clock();
            auto graph = archive.graph("", method, form);
            const double extracted = now();
            if (!graph) {
                std::fprintf(stderr, "bench_graph_layout: %s\n", graph.error().message.c_str());
                std::exit(2);
            }
            GraphModelOptions options;
            options.subgraph = provider;
            // As the app draws it: a graph with much control flow starts with its If/Loop boxes closed.
            options.collapseControl = countControlNodes(graph.value()) > kCollapseControlAbove;
            if (expandEverything)
                options.expansion = expandAll(graph.value(), provider);
            auto visual = buildVisualGraph(graph.value(), options);
            if (!visual) {
                std::fprintf(stderr, "bench_graph_layout: %s\n", visual.error().message.c_str());
                std::exit(2);
            }
            const double built = now();
            auto laid = layoutGraph(visual.value());
            if (!laid) {
                std::fprintf(stderr, "bench_graph_layout: %s\n", laid.error().message.c_str());
                std::exit(2);
            }
            const double end = now();
            times.push_back(end - start);
            cpus.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            extracts.push_back(extracted - start);
            builds.push_back(built - extracted);
            layouts.push_back(end - built);
            m.nodes = visual->nodes.size();
            m.edges = visual->edges.size();
            m.clusters = visual->clusters.size();
            m.graph = std::move(visual).value();
            // A slow layout is measured once: the baseline beside it is slower still, and runs add nothing.
            if (times.back() > 20)
                break;
        }
        m.seconds = median(times);
        m.extract = median(extracts);
        m.cpu = median(cpus);
        m.build = median(builds);
        m.layout = median(layouts);
        return m;
    };
    auto report = [](const char* name, const Measured& m) {
        std::printf("%s %.4f %zu %zu %zu %.4f %.4f %.4f %.4f\n", name, m.seconds, m.nodes, m.edges, m.clusters,
            m.extract, m.build, m.layout, m.cpu);
        std::fflush(stdout);
    };

    // The app's layout thread has laid out something before (Graphviz loads its plugins and fonts once).
    layoutDot("digraph { a -> b }");
    report("collapsed", measure(GraphForm::Graph, false));
    if (skipExpanded)
        return 0;
    report("expanded", measure(GraphForm::Graph, true));
    const Measured inlined = measure(GraphForm::Inlined, true);
    report("inlined", inlined);

    const std::string ours = toDot(inlined.graph);
    std::ofstream(outDir + "/ours.dot") << ours;
    DotOptions forLayout;
    forLayout.edgeLabels = false;
    std::ofstream(outDir + "/layout.dot") << toDot(inlined.graph, forLayout);
    std::ofstream(outDir + "/flat.dot") << flatDot(inlined.graph, ours);
    return 0;
}
