#pragma once

#include "data/archiveinfo.h"
#include "data/irgraph.h"
#include "data/moduleinfo.h"
#include "data/result.h"
#include "data/runresult.h"
#include "data/tensorstats.h"

#include <memory>
#include <string>

namespace torchscope {

enum class GraphForm { Graph, Inlined };

struct GraphTextOptions {
    GraphForm form = GraphForm::Graph;
    bool sourceComments = true; // "# file:line:col" comments, as str(graph) prints them
};

// A loaded TorchScript archive. Opening reads the zip records first and classifies every failure;
// after a successful open, all queries are answered from the loaded module.
// Thread-safety: one thread at a time per Archive.
class Archive {
public:
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    // Loads an archive from a file. Errors name the file and say what was wrong.
    static Result<std::unique_ptr<Archive>> open(const std::string& path);
    // Loads an archive held in memory (e.g. a Qt resource); `displayName` stands for the path in messages.
    static Result<std::unique_ptr<Archive>> openBytes(std::string bytes, const std::string& displayName);

    const ArchiveInfo& info() const;
    const ModuleTree& modules() const;

    // Python's `module.<method>.code`.
    Result<std::string> methodCode(const std::string& modulePath, const std::string& method) const;
    // Python's `module._c.code`: every method of the module's class.
    Result<std::string> classCode(const std::string& modulePath) const;
    // Python's `str(module.<method>.graph)` / `str(... .inlined_graph)`, or without source comments.
    Result<std::string> graphText(
        const std::string& modulePath, const std::string& method, const GraphTextOptions& options = {}) const;
    // The graph as values, with each node's line in methodCode() and, with debug info, its Python origin.
    Result<IrGraph> graph(const std::string& modulePath, const std::string& method, GraphForm form) const;
    // Bytes of one zip record, named relative to the archive folder ("extra/meta.json", "code/__torch__.py").
    Result<std::string> record(const std::string& name) const;
    // A summary of the values of one tensor the module holds: a parameter, buffer, tensor attribute or
    // tensor constant, named as in ModuleInfo::members. std is torch's default, the unbiased (n - 1) one;
    // quantized tensors are summarised dequantized. A member that is not a defined real-valued tensor
    // gives TensorStats::valid == false; an unknown module or member is an error. Time linear in numel.
    Result<TensorStats> tensorStats(const std::string& modulePath, const std::string& slotName) const;

    // A method's arguments (self excluded) with their types, defaults and the spec each gets when none is
    // given: the default, None for Optional, or the shape and dtype a traced graph recorded.
    Result<std::vector<ArgumentSpec>> argumentSpecs(const std::string& modulePath, const std::string& method) const;
    // Runs a method in eval mode under inference mode: warm-up runs, then `repeat` timed runs. Moves the
    // module to the request's device (it stays there). Errors: bad specs or files, an unknown device,
    // and whatever the model raises, as one line naming the archive.
    Result<RunResult> run(const RunRequest& request);
    // Traces the method with the request's inputs (torch::jit::tracer::trace, as torch.jit.trace does) and
    // returns the flattened graph: the ops the inputs actually ran, each `if` resolved and each loop unrolled.
    Result<std::string> retrace(const RunRequest& request);
    // The same flattened graph as values (no code locations: a trace has no .code of its own).
    Result<IrGraph> retraceGraph(const RunRequest& request);

    struct Impl;
    friend struct EngineAccess;

private:
    explicit Archive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

// Reads the zip records without loading the model: for `records`/`extract` and for classifying failures.
Result<ArchiveInfo> readArchiveInfo(const std::string& path);
// One record's bytes without loading the model.
Result<std::string> readArchiveRecord(const std::string& path, const std::string& name);

// Loads an operator library (as torch.ops.load_library does) so archives using its operators load.
Status loadOperatorLibrary(const std::string& path);

// The devices a run can use: "cpu", then "cuda:0", "cuda:1", ... as LibTorch reports them now.
std::vector<std::string> availableDevices();
// Whether this build's LibTorch has CUDA compiled in (a CPU-only LibTorch has not).
bool cudaBuild();

// "1.13.1"
std::string libtorchVersion();
// The archive format versions this LibTorch reads, as "1 to 10".
std::string supportedFormatVersions();

} // namespace torchscope
