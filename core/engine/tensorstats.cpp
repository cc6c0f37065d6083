// Archive::tensorStats: the value summary of one tensor a module holds.

#include "archive.h"

#include "archiveimpl.h"
#include "runsupport.h"

#include <ATen/Dispatch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace torchscope {
namespace {

    // Two passes over the elements in their own dtype, accumulating in double: no float64 copy of a
    // large tensor, and the two-pass variance stays accurate where a running sum of squares would not.
    template <typename T> void summarise(const T* data, std::int64_t n, TensorStats& stats)
    {
        double sum = 0;
        double lo = std::numeric_limits<double>::infinity();
        double hi = -std::numeric_limits<double>::infinity();
        std::int64_t finite = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            const double x = static_cast<double>(data[i]);
            if (std::isnan(x)) {
                ++stats.nans;
                continue;
            }
            if (std::isinf(x)) {
                ++stats.infs;
                continue;
            }
            if (x == 0) // -0.0 too
                ++stats.zeros;
            ++finite;
            sum += x;
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
        stats.valid = true;
        if (finite == 0)
            return; // TensorStats promises 0 for min, max, mean and std then
        const double mean = sum / static_cast<double>(finite);
        double squares = 0;
        double deviations = 0; // rounding error of `mean`, removed below (the "corrected two-pass" form)
        for (std::int64_t i = 0; i < n; ++i) {
            const double x = static_cast<double>(data[i]);
            if (!std::isfinite(x))
                continue;
            squares += (x - mean) * (x - mean);
            deviations += x - mean;
        }
        stats.min = lo;
        stats.max = hi;
        stats.mean = mean;
        // torch.std's default, the unbiased (sample) estimate dividing by n - 1, so the figure matches
        // what `tensor[tensor.isfinite()].std()` prints in Python. One value has no spread to estimate:
        // 0 there rather than torch's NaN, which would read as "this tensor holds a NaN".
        if (finite > 1) {
            const double n1 = static_cast<double>(finite);
            const double variance = (squares - deviations * deviations / n1) / (n1 - 1);
            stats.std = std::sqrt(std::max(variance, 0.0));
        }
    }

    bool isSummarisable(at::ScalarType type)
    {
        return !at::isComplexType(type) && (at::isFloatingType(type) || at::isIntegralType(type, /*includeBool=*/true));
    }

} // namespace

TensorStats statsOf(at::Tensor t)
{
        TensorStats stats;
        if (!t.defined())
            return stats; // an undefined tensor (None stored as Tensor) has no dtype or shape to report
        stats.dtype = pythonDtypeName(t.scalar_type());
        stats.shape = t.sizes().vec();
        stats.numel = t.numel();

        if (t.is_quantized())
            t = t.dequantize(); // the values the model computes with, not the stored integers
        if (t.layout() != at::kStrided)
            t = t.to_dense();
        if (!t.device().is_cpu())
            t = t.cpu();
        if (!isSummarisable(t.scalar_type()))
            return stats;
        switch (t.scalar_type()) {
        case at::kByte:
        case at::kChar:
        case at::kShort:
        case at::kInt:
        case at::kLong:
        case at::kFloat:
        case at::kDouble:
        case at::kHalf:
        case at::kBFloat16:
        case at::kBool:
            break;
        default:
            // Newer dtypes (uint16..uint64, float8 in LibTorch 2.x) that the dispatch below does not cover.
            t = t.to(at::kDouble);
        }
        t = t.contiguous();
        AT_DISPATCH_ALL_TYPES_AND3(at::kHalf, at::kBFloat16, at::kBool, t.scalar_type(), "tensorStats",
            [&] { summarise(t.data_ptr<scalar_t>(), t.numel(), stats); });
        return stats;
    }

namespace {

    std::string memberNames(const torch::jit::Module& module)
    {
        std::string names;
        const auto type = module.type();
        for (size_t i = 0; i < type->numAttributes(); ++i) {
            const auto cls = type->getAttribute(i)->cast<c10::ClassType>();
            if (cls && cls->is_module())
                continue;
            names += (names.empty() ? "" : ", ") + type->getAttributeName(i);
        }
        for (size_t i = 0; i < type->numConstants(); ++i)
            names += (names.empty() ? "" : ", ") + type->getConstantName(i);
        return names.empty() ? "none" : names;
    }

} // namespace

Result<TensorStats> Archive::tensorStats(const std::string& modulePath, const std::string& slotName) const
{
    const std::string& name = d->source->displayName;
    return guarded(name, [&]() -> Result<TensorStats> {
        auto m = d->submodule(modulePath);
        if (!m)
            return m.error();
        const auto type = m->type();
        const std::string where = modulePath.empty() ? "the root module" : "module '" + modulePath + "'";
        c10::IValue value;
        if (const auto index = type->findAttributeSlot(slotName)) {
            const auto cls = type->getAttribute(*index)->cast<c10::ClassType>();
            if (cls && cls->is_module())
                return Error { ErrorKind::InvalidArgument,
                    "'" + name + "': '" + slotName + "' of " + where + " is a submodule, not a tensor" };
            value = m->_ivalue()->getSlot(*index);
        } else if (type->hasConstant(slotName)) {
            value = type->getConstant(slotName);
        } else {
            return Error { ErrorKind::InvalidArgument,
                "'" + name + "': " + where + " has no parameter, buffer, attribute or constant '" + slotName
                    + "' (it has: " + memberNames(*m) + ")" };
        }
        if (!value.isTensor())
            return TensorStats {}; // valid == false: an int, a string, a list... has no tensor values
        return statsOf(value.toTensor());
    });
}

} // namespace torchscope
