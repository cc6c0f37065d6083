#pragma once

#include "data/inputspec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torchscope {

struct Tolerance {
    double rtol = 0;
    double atol = 0;
};

// torch.testing.assert_close's defaults for a dtype ("float32" -> rtol 1.3e-6, atol 1e-5); integers and
// bool compare exactly (0, 0).
Tolerance defaultTolerance(const std::string& dtype);

// One output (a tensor or scalar leaf of the returned value) of A compared with the same leaf of B.
struct OutputComparison {
    std::string path; // "output", "output[0]", "output['boxes']"
    bool passed = false;
    // Set when the leaves cannot be compared element-wise: structure, shape or dtype differ, or a scalar differs.
    std::string problem;
    bool isTensor = false;
    std::string dtype;
    std::vector<std::int64_t> shape;
    Tolerance tolerance;
    std::int64_t numel = 0;
    std::int64_t mismatched = 0; // |a - b| > atol + rtol * |b|, NaN anywhere counted as mismatch (equal_nan=False)
    double maxAbsDiff = 0;
    std::vector<std::int64_t> maxAbsIndex;
    double maxRelDiff = 0; // |a - b| / |b|
    std::vector<std::int64_t> maxRelIndex;
    double requiredAtol = 0; // the smallest atol that passes with this rtol
    double requiredRtol = 0; // the smallest rtol that passes with this atol (inf when b is 0 where they differ)
    std::vector<std::int64_t> histogram; // 10 bins of |a - b| over [0, histogramMax]
    double histogramMax = 0;
    std::string valueA; // scalars and non-tensor leaves, printed
    std::string valueB;

    double mismatchedPercent() const
    {
        return numel ? 100.0 * static_cast<double>(mismatched) / static_cast<double>(numel) : 0;
    }
};

struct TrialReport {
    int index = 0;
    std::uint64_t seed = 0;
    std::string variant; // "plain", "negate", "scale"
    bool passed = false;
    std::vector<std::string> inputs; // the specs used, as formatInputSpec prints them
    std::vector<OutputComparison> outputs;
};

struct CompareRequest {
    std::string modulePath;
    std::string method; // empty: forward, else the first method
    std::string deviceA = "cpu";
    std::string deviceB; // empty: deviceA
    std::vector<InputSpec> inputs;
    std::string inputsFile;
    std::uint64_t seed = 0;
    int trials = 1;
    // Trial i uses seed + i and variant i % 3 (plain, negate, scale) unless `variant` fixes it.
    std::string variant;
    std::optional<double> atol; // unset: per dtype, as assert_close
    std::optional<double> rtol;
};

struct CompareReport {
    std::string method;
    std::vector<TrialReport> trials;
    int passedTrials = 0;
    std::optional<int> firstFailing; // index into trials
    bool passed() const { return passedTrials == static_cast<int>(trials.size()); }
};

} // namespace torchscope
