#pragma once

// The LibTorch calls whose spelling differs between Debian's 1.13 and official 2.x builds, in one place.
// Included only by engine .cpp files: it pulls in LibTorch headers.

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <caffe2/serialize/versions.h>
#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/frontend/source_range.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/frontend/tracer.h>
#include <torch/csrc/jit/serialization/import.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/csrc/jit/serialization/python_print.h>
#include <torch/version.h>

// TORCHSCOPE_WITH_CUDA is set by core/engine/CMakeLists.txt when the LibTorch found has c10_cuda.
#ifdef TORCHSCOPE_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <memory>
#include <optional>
#include <string>

namespace torchscope::compat {

// c10::optional became an alias of std::optional in 2.4; converting through has_value() works for both.
template <typename T, typename Opt>
std::optional<T> toStd(const Opt& o)
{
    if (!o.has_value())
        return std::nullopt;
    return std::optional<T>(*o);
}

inline torch::jit::Module load(std::shared_ptr<caffe2::serialize::ReadAdapterInterface> adapter,
    torch::jit::ExtraFilesMap& extra)
{
    // 2.x adds a trailing load_debug_files = true; 1.13 always loads them. Both keep this overload.
    return torch::jit::load(std::move(adapter), at::Device(at::kCPU), extra);
}

// Where LibTorch keeps the original Python file/line/column of a range from a loaded archive.
inline std::optional<std::tuple<std::string, size_t, size_t>> originalFileLineCol(const torch::jit::SourceRange& r)
{
    auto generated = r.findSourceRangeThatGenerated();
    if (!generated.has_value())
        return std::nullopt;
    auto flc = generated->file_line_col();
    if (!flc.has_value())
        return std::nullopt;
    return std::make_tuple(std::get<0>(*flc), std::get<1>(*flc), std::get<2>(*flc));
}

inline std::string libtorchVersion() { return TORCH_VERSION; }

// torch.load / torch.save's zip format, through the pickler both versions keep under these names.
inline c10::IValue pickleLoad(const std::vector<char>& data) { return torch::jit::pickle_load(data); }
inline std::vector<char> pickleSave(const c10::IValue& value) { return torch::jit::pickle_save(value); }

constexpr bool cudaBuild()
{
#ifdef TORCHSCOPE_WITH_CUDA
    return true;
#else
    return false;
#endif
}

// torch.cuda.reset_peak_memory_stats / max_memory_allocated; nothing in a CPU-only build.
inline void resetCudaPeak([[maybe_unused]] int device)
{
#ifdef TORCHSCOPE_WITH_CUDA
    c10::cuda::CUDACachingAllocator::resetPeakStats(device);
#endif
}

inline std::optional<std::int64_t> cudaPeakBytes([[maybe_unused]] int device)
{
#ifdef TORCHSCOPE_WITH_CUDA
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
    return stats.allocated_bytes[0].peak; // StatType::AGGREGATE
#else
    return std::nullopt;
#endif
}

// The tracer entry point torch.jit.trace uses; its signature is the same in 1.13 and 2.x.
inline std::shared_ptr<torch::jit::Graph> trace(torch::jit::Stack inputs,
    const std::function<torch::jit::Stack(torch::jit::Stack)>& fn, torch::jit::Module* self,
    const std::vector<std::string>& argumentNames)
{
    auto result = torch::jit::tracer::trace(
        std::move(inputs), fn, [](const at::Tensor&) { return std::string(); }, /*strict=*/false,
        /*force_outplace=*/false, self, argumentNames);
    return result.first->graph;
}

} // namespace torchscope::compat
