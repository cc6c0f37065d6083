#pragma once

#include "comparereport.h"
#include "diffreport.h"
#include "jsonwriter.h"
#include "runresult.h"

namespace torchscope {

// The JSON forms of `run`, `compare` and `diff --json`. Non-finite numbers are written as null.
void writeJson(JsonWriter& json, const ValueNode& value);
void writeJson(JsonWriter& json, const TimingStats& timing);
void writeJson(JsonWriter& json, const RunResult& result);
void writeJson(JsonWriter& json, const OutputComparison& output);
void writeJson(JsonWriter& json, const CompareReport& report);
void writeJson(JsonWriter& json, const DiffReport& report);

} // namespace torchscope
