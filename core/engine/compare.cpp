// compareArchives: two runs on the same inputs, compared leaf by leaf in torch.testing.assert_close's terms.

#include "compare.h"

#include "moduleinspector.h"
#include "runsupport.h"

#include <c10/core/InferenceMode.h>

#include <cmath>
#include <limits>
#include <sstream>

namespace torchscope {
namespace {

    const char* kVariants[] = { "plain", "negate", "scale" };

    std::string printed(const c10::IValue& v)
    {
        std::ostringstream s;
        if (v.isTensor())
            s << "Tensor" << v.toTensor().sizes();
        else
            s << v;
        return s.str();
    }

    std::string kindOf(const c10::IValue& v)
    {
        if (v.isNone())
            return "None";
        if (v.isTensor())
            return "a Tensor";
        if (v.isTuple())
            return "a tuple of " + std::to_string(v.toTupleRef().elements().size());
        if (v.isList())
            return "a list of " + std::to_string(v.toListRef().size());
        if (v.isGenericDict())
            return "a dict of " + std::to_string(v.toGenericDict().size());
        return "a " + v.type()->annotation_str();
    }

    std::vector<std::int64_t> unravel(std::int64_t flat, const std::vector<std::int64_t>& shape)
    {
        std::vector<std::int64_t> index(shape.size(), 0);
        for (size_t k = shape.size(); k-- > 0;) {
            if (shape[k] > 0) {
                index[k] = flat % shape[k];
                flat /= shape[k];
            }
        }
        return index;
    }

    std::string shapeText(const std::vector<std::int64_t>& shape)
    {
        std::string s = "[";
        for (size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        return s + "]";
    }

    class Comparer {
    public:
        explicit Comparer(const CompareRequest& r)
            : m_request(r)
        {
        }

        void compare(
            const c10::IValue& a, const c10::IValue& b, const std::string& path, std::vector<OutputComparison>& out)
        {
            const bool containerA = a.isTuple() || a.isList();
            const bool containerB = b.isTuple() || b.isList();
            if (a.isTensor() && b.isTensor()) {
                out.push_back(compareTensors(a.toTensor(), b.toTensor(), path));
            } else if (containerA && containerB && a.isTuple() == b.isTuple()) {
                const auto itemsA = a.isTuple() ? a.toTupleRef().elements().vec() : a.toListRef().vec();
                const auto itemsB = b.isTuple() ? b.toTupleRef().elements().vec() : b.toListRef().vec();
                if (itemsA.size() != itemsB.size())
                    return out.push_back(
                        problem(path, "structure differs: A returns " + kindOf(a) + ", B " + kindOf(b)));
                for (size_t i = 0; i < itemsA.size(); ++i)
                    compare(itemsA[i], itemsB[i], path + "[" + std::to_string(i) + "]", out);
            } else if (a.isGenericDict() && b.isGenericDict()) {
                const auto da = a.toGenericDict();
                const auto db = b.toGenericDict();
                for (const auto& entry : da) {
                    const std::string sub = path + "["
                        + (entry.key().isString() ? "'" + entry.key().toStringRef() + "'" : printed(entry.key())) + "]";
                    if (!db.contains(entry.key()))
                        out.push_back(problem(sub, "structure differs: key " + sub + " is in A's output only"));
                    else
                        compare(entry.value(), db.at(entry.key()), sub, out);
                }
                for (const auto& entry : db)
                    if (!da.contains(entry.key()))
                        out.push_back(
                            problem(path, "structure differs: key " + printed(entry.key()) + " is in B's output only"));
            } else if (a.isNone() && b.isNone()) {
                OutputComparison c;
                c.path = path;
                c.passed = true;
                c.valueA = c.valueB = "None";
                out.push_back(c);
            } else if ((a.isDouble() || a.isInt() || a.isBool() || a.isString())
                && a.type()->kind() == b.type()->kind()) {
                OutputComparison c;
                c.path = path;
                c.valueA = printed(a);
                c.valueB = printed(b);
                if (a.isDouble()) {
                    const Tolerance t = tolerance("float64");
                    c.tolerance = t;
                    const double x = a.toDouble(), y = b.toDouble();
                    c.maxAbsDiff = std::abs(x - y);
                    c.passed = x == y || c.maxAbsDiff <= t.atol + t.rtol * std::abs(y);
                } else {
                    c.passed = a == b;
                }
                c.numel = 1;
                c.mismatched = c.passed ? 0 : 1;
                if (!c.passed)
                    c.problem = "values differ: " + c.valueA + " vs " + c.valueB;
                out.push_back(c);
            } else {
                out.push_back(problem(path, "structure differs: A returns " + kindOf(a) + ", B " + kindOf(b)));
            }
        }

    private:
        static OutputComparison problem(const std::string& path, const std::string& text)
        {
            OutputComparison c;
            c.path = path;
            c.problem = text;
            return c;
        }

        Tolerance tolerance(const std::string& dtype) const
        {
            Tolerance t = defaultTolerance(dtype);
            if (m_request.rtol)
                t.rtol = *m_request.rtol;
            if (m_request.atol)
                t.atol = *m_request.atol;
            return t;
        }

        OutputComparison compareTensors(at::Tensor a, at::Tensor b, const std::string& path)
        {
            OutputComparison c;
            c.path = path;
            c.isTensor = true;
            c.dtype = pythonDtypeName(a.scalar_type());
            c.shape = a.sizes().vec();
            if (a.scalar_type() != b.scalar_type()) {
                c.problem = "dtype differs: A " + c.dtype + ", B " + pythonDtypeName(b.scalar_type());
                return c;
            }
            if (a.sizes() != b.sizes()) {
                c.problem = "shape differs: A " + shapeText(c.shape) + ", B " + shapeText(b.sizes().vec());
                return c;
            }
            c.numel = a.numel();
            const bool exact = !at::isFloatingType(a.scalar_type()) && !at::isComplexType(a.scalar_type());
            c.tolerance = exact && !m_request.atol && !m_request.rtol ? Tolerance {} : tolerance(c.dtype);
            c.histogram.assign(10, 0);
            if (c.numel == 0) {
                c.passed = true;
                return c;
            }
            auto toDouble = [](at::Tensor t) {
                if (t.is_quantized())
                    t = t.dequantize();
                return t.detach().to(at::kCPU).to(at::kDouble).reshape({ -1 });
            };
            const at::Tensor x = toDouble(a);
            const at::Tensor y = toDouble(b);
            const at::Tensor absY = y.abs();
            at::Tensor diff = (x - y).abs();
            diff = at::where(x == y, at::zeros_like(diff), diff); // equal infinities differ by 0, as isclose has it
            const at::Tensor allowed = c.tolerance.atol + c.tolerance.rtol * absY;
            const at::Tensor close = (x == y) | (diff <= allowed);
            c.mismatched = (~close).sum().item<std::int64_t>();
            c.passed = c.mismatched == 0;

            const double inf = std::numeric_limits<double>::infinity();
            const at::Tensor nonFinite = ~at::isfinite(diff);
            const bool anyNonFinite = nonFinite.any().item<bool>();
            const at::Tensor finiteDiff = at::where(nonFinite, at::zeros_like(diff), diff);
            const auto absArg = (anyNonFinite ? nonFinite.to(at::kDouble) : finiteDiff).argmax().item<std::int64_t>();
            c.maxAbsDiff = anyNonFinite ? inf : finiteDiff.max().item<double>();
            c.maxAbsIndex = unravel(absArg, c.shape);
            at::Tensor rel = at::where(diff == 0, at::zeros_like(diff), diff / absY); // x/0 -> inf, NaN stays NaN
            rel = at::where(at::isnan(rel), at::full_like(rel, inf), rel);
            const auto relArg = rel.argmax().item<std::int64_t>();
            c.maxRelDiff = rel[relArg].item<double>();
            c.maxRelIndex = unravel(relArg, c.shape);
            const at::Tensor needAtol
                = at::where(at::isnan(diff), at::full_like(diff, inf), diff - c.tolerance.rtol * absY);
            c.requiredAtol = std::max(0.0, needAtol.max().item<double>());
            const at::Tensor over = diff > c.tolerance.atol;
            if (over.any().item<bool>()) {
                at::Tensor needRtol = at::where(over, (diff - c.tolerance.atol) / absY, at::zeros_like(diff));
                needRtol
                    = at::where(at::isnan(needRtol) | (over & at::isnan(diff)), at::full_like(diff, inf), needRtol);
                c.requiredRtol = needRtol.max().item<double>();
            }
            c.histogramMax = finiteDiff.max().item<double>();
            if (c.histogramMax > 0) {
                const at::Tensor h = at::histc(finiteDiff, 10, 0, c.histogramMax);
                for (int i = 0; i < 10; ++i)
                    c.histogram[static_cast<size_t>(i)] = static_cast<std::int64_t>(h[i].item<double>());
            } else {
                c.histogram[0] = c.numel;
            }
            return c;
        }

        const CompareRequest& m_request;
    };

} // namespace

Result<CompareReport> compareArchives(Archive& archiveA, Archive& archiveB, const CompareRequest& request)
{
    Archive::Impl& a = EngineAccess::impl(archiveA);
    Archive::Impl& b = EngineAccess::impl(archiveB);
    const std::string nameA = a.source->displayName;
    const std::string nameB = b.source->displayName;
    auto deviceA = resolveDevice(request.deviceA);
    if (!deviceA)
        return deviceA.error();
    auto deviceB = resolveDevice(request.deviceB.empty() ? request.deviceA : request.deviceB);
    if (!deviceB)
        return deviceB.error();
    if (request.trials < 1)
        return Error { ErrorKind::InvalidArgument, "--trials must be 1 or more" };

    // Which archive raised decides whose name the error carries.
    auto prepare = [&](Archive::Impl& impl, const at::Device& device,
                       const std::string& methodName) -> Result<torch::jit::Method> {
        return guarded(impl.source->displayName, [&]() -> Result<torch::jit::Method> {
            impl.module.eval();
            if (!device.is_cpu())
                impl.module.to(device);
            return chooseMethod(impl, request.modulePath, methodName);
        });
    };
    auto methodA = prepare(a, deviceA.value(), request.method);
    if (!methodA)
        return methodA.error();
    auto methodB = prepare(b, deviceB.value(), methodA->name());
    if (!methodB)
        return methodB.error();

    CompareReport report;
    report.method = methodA->name();
    const auto described = describeArguments(methodA.value());
    Comparer comparer(request);
    for (int i = 0; i < request.trials; ++i) {
        TrialReport trial;
        trial.index = i;
        trial.seed = request.seed + static_cast<std::uint64_t>(i);
        trial.variant = request.variant.empty() ? kVariants[i % 3] : request.variant;
        if (!request.inputsFile.empty()) {
            trial.inputs.push_back("file:" + request.inputsFile);
        } else {
            for (size_t k = 0; k < described.size(); ++k) {
                const InputSpec given = k < request.inputs.size() ? request.inputs[k] : InputSpec {};
                trial.inputs.push_back(formatInputSpec(given.kind == InputKind::Auto ? described[k].suggested : given));
            }
        }
        auto inputs = guarded(nameA, [&]() -> Result<std::vector<c10::IValue>> {
            return buildInputs(methodA.value(), request.inputs, request.inputsFile, trial.seed);
        });
        if (!inputs)
            return inputs.error();
        std::vector<c10::IValue> onA, onB;
        for (const auto& v : inputs.value()) {
            const auto varied = applyVariant(v, trial.variant);
            onA.push_back(toDevice(varied, deviceA.value()));
            onB.push_back(toDevice(varied, deviceB.value()));
        }
        auto run = [&](const std::string& name, torch::jit::Method& m, std::vector<c10::IValue>& in) {
            return guarded(name, [&]() -> Result<c10::IValue> {
                c10::InferenceMode guard;
                return m(in);
            });
        };
        auto outA = run(nameA, methodA.value(), onA);
        if (!outA)
            return outA.error();
        auto outB = run(nameB, methodB.value(), onB);
        if (!outB)
            return outB.error();
        auto compared = guarded(nameA, [&]() -> Result<std::vector<OutputComparison>> {
            std::vector<OutputComparison> out;
            comparer.compare(outA.value(), outB.value(), "output", out);
            return out;
        });
        if (!compared)
            return compared.error();
        trial.outputs = std::move(compared).value();
        trial.passed = true;
        for (const auto& o : trial.outputs)
            trial.passed = trial.passed && o.passed;
        if (trial.passed)
            ++report.passedTrials;
        else if (!report.firstFailing)
            report.firstFailing = i;
        report.trials.push_back(std::move(trial));
    }
    return report;
}

} // namespace torchscope
