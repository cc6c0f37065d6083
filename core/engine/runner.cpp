// Archive::run and Archive::retrace: a method executed on chosen inputs and device, its output as a value tree.

#include "runsupport.h"

#include "irextractor.h"
#include "moduleinspector.h"

#include <c10/core/InferenceMode.h>
#include <torch/csrc/api/include/torch/cuda.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace torchscope {
namespace {

    const char* kNoCuda = "this torchscope was built against a CPU-only LibTorch, so it has no CUDA devices: "
                          "rebuild it against a CUDA LibTorch 2.x (cmake -DCMAKE_PREFIX_PATH=/path/to/libtorch, "
                          "see README, \"LibTorch 2.x\") and use --device cpu meanwhile";

    std::string keyText(const c10::IValue& key)
    {
        if (key.isString())
            return "'" + key.toStringRef() + "'";
        std::ostringstream s;
        s << key;
        return s.str();
    }

    void synchronize(const at::Device& device)
    {
        if (device.is_cuda())
            torch::cuda::synchronize(device.index());
    }

} // namespace

Result<at::Device> resolveDevice(const std::string& name)
{
    if (name.empty() || name == "cpu")
        return at::Device(at::kCPU);
    if (name.rfind("cuda", 0) != 0)
        return Error { ErrorKind::InvalidArgument, "unknown device '" + name + "': use cpu, cuda or cuda:N" };
    if (!compat::cudaBuild())
        return Error { ErrorKind::InvalidArgument, "cannot use device '" + name + "': " + kNoCuda };
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (count == 0)
        return Error { ErrorKind::InvalidArgument,
            "cannot use device '" + name + "': LibTorch sees no CUDA device (check nvidia-smi and the driver)" };
    int index = 0;
    if (name.size() > 4) {
        if (name[4] != ':' || name.size() == 5 || name.find_first_not_of("0123456789", 5) != std::string::npos)
            return Error { ErrorKind::InvalidArgument, "unknown device '" + name + "': use cpu, cuda or cuda:N" };
        index = std::stoi(name.substr(5));
    }
    if (index >= count)
        return Error { ErrorKind::InvalidArgument,
            "no device '" + name + "': LibTorch sees " + std::to_string(count) + " CUDA device"
                + (count == 1 ? "" : "s") + " (cuda:0 to cuda:" + std::to_string(count - 1) + ")" };
    return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
}

Result<torch::jit::Method> chooseMethod(
    const Archive::Impl& impl, const std::string& modulePath, const std::string& name)
{
    if (!name.empty())
        return impl.method(modulePath, name);
    auto m = impl.submodule(modulePath);
    if (!m)
        return m.error();
    if (auto forward = m->find_method("forward"))
        return *forward;
    const auto methods = m->get_methods();
    if (methods.empty())
        return Error { ErrorKind::NoSuchMethod,
            "'" + impl.source->displayName + "': module '" + modulePath + "' has no methods" };
    return methods.front();
}

ValueNode toValueNode(const c10::IValue& value, std::int64_t valueLimit)
{
    ValueNode node;
    if (value.isNone()) {
        node.kind = ValueNode::Kind::None;
    } else if (value.isTensor()) {
        node.kind = ValueNode::Kind::Tensor;
        at::Tensor t = value.toTensor();
        if (!t.defined()) {
            node.kind = ValueNode::Kind::None;
            return node;
        }
        node.device = t.device().str();
        node.stats = statsOf(t);
        if (node.stats.valid && valueLimit > 0) {
            at::Tensor flat = t.detach();
            if (flat.is_quantized())
                flat = flat.dequantize();
            if (flat.layout() != at::kStrided)
                flat = flat.to_dense();
            flat = flat.reshape({ -1 });
            const std::int64_t n = std::min<std::int64_t>(flat.numel(), valueLimit);
            flat = flat.slice(0, 0, n).to(at::kCPU, at::kDouble).contiguous();
            const double* data = flat.data_ptr<double>();
            node.values.assign(data, data + n);
            node.valuesTruncated = n < node.stats.numel;
        }
    } else if (value.isBool()) {
        node.kind = ValueNode::Kind::Bool;
        node.boolValue = value.toBool();
    } else if (value.isInt()) {
        node.kind = ValueNode::Kind::Int;
        node.intValue = value.toInt();
    } else if (value.isDouble()) {
        node.kind = ValueNode::Kind::Float;
        node.floatValue = value.toDouble();
    } else if (value.isString()) {
        node.kind = ValueNode::Kind::Str;
        node.text = value.toStringRef();
    } else if (value.isTuple()) {
        node.kind = ValueNode::Kind::Tuple;
        for (const auto& item : value.toTupleRef().elements())
            node.items.push_back(toValueNode(item, valueLimit));
    } else if (value.isList()) {
        node.kind = ValueNode::Kind::List;
        for (const auto& item : value.toListRef())
            node.items.push_back(toValueNode(item, valueLimit));
    } else if (value.isGenericDict()) {
        node.kind = ValueNode::Kind::Dict;
        for (const auto& entry : value.toGenericDict()) {
            node.keys.push_back(keyText(entry.key()));
            node.items.push_back(toValueNode(entry.value(), valueLimit));
        }
    } else {
        node.kind = ValueNode::Kind::Other;
        std::ostringstream s;
        s << value.type()->annotation_str() << ": " << value;
        node.text = s.str();
    }
    return node;
}

Status saveValue(const c10::IValue& value, const std::string& path)
{
    const auto bytes = compat::pickleSave(toDevice(value, at::Device(at::kCPU)));
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        return Error { ErrorKind::Unreadable, "cannot write '" + path + "': check the folder exists and is writable" };
    return Ok {};
}

Result<std::vector<ArgumentSpec>> Archive::argumentSpecs(const std::string& modulePath, const std::string& method) const
{
    return guarded(d->source->displayName, [&]() -> Result<std::vector<ArgumentSpec>> {
        auto m = chooseMethod(*d, modulePath, method);
        if (!m)
            return m.error();
        return describeArguments(m.value());
    });
}

Result<RunResult> Archive::run(const RunRequest& request)
{
    const std::string& name = d->source->displayName;
    return guarded(name, [&]() -> Result<RunResult> {
        auto device = resolveDevice(request.device);
        if (!device)
            return device.error();
        auto method = chooseMethod(*d, request.modulePath, request.method);
        if (!method)
            return method.error();
        auto built = buildInputs(method.value(), request.inputs, request.inputsFile, request.seed);
        if (!built)
            return built.error();
        RunResult result;
        result.modulePath = request.modulePath;
        result.method = method->name();
        result.device = device->str();
        const auto& schema = method->function().getSchema();
        std::vector<c10::IValue> inputs;
        for (size_t i = 0; i < built->size(); ++i) {
            result.argumentNames.push_back(schema.arguments()[i + 1].name());
            const auto value = applyVariant((*built)[i], request.variant);
            result.inputs.push_back(toValueNode(value, request.valueLimit));
            inputs.push_back(toDevice(value, device.value()));
        }
        if (!request.saveInputs.empty()) {
            auto saved = saveValue(c10::IValue(c10::ivalue::Tuple::create(inputs)), request.saveInputs);
            if (!saved)
                return saved.error();
        }

        d->module.eval();
        if (!device->is_cpu())
            d->module.to(device.value());
        // Chosen again: Module::to may replace parameter slots, and a Method holds the module it was found on.
        auto bound = chooseMethod(*d, request.modulePath, result.method);
        if (!bound)
            return bound.error();
        c10::IValue output;
        std::vector<double> samples;
        {
            c10::InferenceMode guard;
            for (int i = 0; i < request.warmup; ++i)
                output = bound.value()(inputs);
            synchronize(device.value());
            if (device->is_cuda())
                compat::resetCudaPeak(device->index());
            const int repeat = std::max(1, request.repeat);
            samples.reserve(static_cast<size_t>(repeat));
            for (int i = 0; i < repeat; ++i) {
                const auto start = std::chrono::steady_clock::now();
                output = bound.value()(inputs);
                synchronize(device.value());
                const auto end = std::chrono::steady_clock::now();
                samples.push_back(std::chrono::duration<double, std::milli>(end - start).count());
            }
        }
        if (device->is_cuda())
            result.peakMemoryBytes = compat::cudaPeakBytes(device->index());
        result.timing = summarizeTimings(samples, request.warmup);
        result.output = toValueNode(output, request.valueLimit);
        if (!request.saveOutputs.empty()) {
            auto saved = saveValue(output, request.saveOutputs);
            if (!saved)
                return saved.error();
        }
        return result;
    });
}

namespace {
    // The method traced with the request's inputs and inlined, and the method's name. Throws what LibTorch throws.
    Result<std::pair<std::shared_ptr<torch::jit::Graph>, std::string>> traceMethod(
        Archive::Impl* d, const RunRequest& request)
    {
        auto method = chooseMethod(*d, request.modulePath, request.method);
        if (!method)
            return method.error();
        auto built = buildInputs(method.value(), request.inputs, request.inputsFile, request.seed);
        if (!built)
            return built.error();
        auto owner = d->submodule(request.modulePath);
        if (!owner)
            return owner.error();
        d->module.eval();
        torch::jit::Module self = owner.value();
        torch::jit::Stack stack;
        for (const auto& v : built.value())
            stack.push_back(applyVariant(v, request.variant));
        const std::string methodName = method->name();
        std::vector<std::string> names;
        const auto& arguments = method->function().getSchema().arguments();
        for (size_t i = 1; i < arguments.size(); ++i)
            names.push_back(arguments[i].name());
        auto graph = compat::trace(
            stack,
            [&](torch::jit::Stack inputs) {
                c10::NoGradGuard noGrad;
                auto m = self.get_method(methodName);
                auto out = m(std::vector<c10::IValue>(inputs.begin(), inputs.end()));
                return torch::jit::Stack { out };
            },
            &self, names);
        torch::jit::Inline(*graph);
        return std::make_pair(graph, methodName);
    }
} // namespace

Result<std::string> Archive::retrace(const RunRequest& request)
{
    const std::string& name = d->source->displayName;
    return guarded(name, [&]() -> Result<std::string> {
        auto traced = traceMethod(d.get(), request);
        if (!traced)
            return traced.error();
        return traced->first->toString(false);
    });
}

Result<IrGraph> Archive::retraceGraph(const RunRequest& request)
{
    const std::string& name = d->source->displayName;
    return guarded(name, [&]() -> Result<IrGraph> {
        auto traced = traceMethod(d.get(), request);
        if (!traced)
            return traced.error();
        return extractGraph(*traced->first, request.modulePath, traced->second);
    });
}

std::vector<std::string> availableDevices()
{
    std::vector<std::string> devices { "cpu" };
    if (compat::cudaBuild()) {
        try {
            const auto count = torch::cuda::device_count();
            for (size_t i = 0; i < count; ++i)
                devices.push_back("cuda:" + std::to_string(i));
        } catch (const std::exception&) {
            // A broken driver is "no CUDA device" here; running on one says why.
        }
    }
    return devices;
}

bool cudaBuild() { return compat::cudaBuild(); }

} // namespace torchscope
