#include "runjson.h"

namespace torchscope {
namespace {

    void writeShape(JsonWriter& json, const std::vector<std::int64_t>& shape)
    {
        json.beginArray();
        for (auto d : shape)
            json.value(d);
        json.endArray();
    }

} // namespace

void writeJson(JsonWriter& json, const ValueNode& v)
{
    json.beginObject().field("kind", ValueNode::kindName(v.kind));
    switch (v.kind) {
    case ValueNode::Kind::None:
        break;
    case ValueNode::Kind::Tensor:
        json.field("dtype", v.stats.dtype).field("device", v.device).key("shape");
        writeShape(json, v.stats.shape);
        json.field("numel", v.stats.numel).field("summarised", v.stats.valid);
        json.key("min").value(v.stats.min).key("max").value(v.stats.max);
        json.key("mean").value(v.stats.mean).key("std").value(v.stats.std);
        json.field("nans", v.stats.nans).field("infs", v.stats.infs).field("zeros", v.stats.zeros);
        json.key("values").beginArray();
        for (double x : v.values)
            json.value(x);
        json.endArray().field("values_truncated", v.valuesTruncated);
        break;
    case ValueNode::Kind::Int:
        json.field("value", v.intValue);
        break;
    case ValueNode::Kind::Float:
        json.key("value").value(v.floatValue);
        break;
    case ValueNode::Kind::Bool:
        json.field("value", v.boolValue);
        break;
    case ValueNode::Kind::Str:
    case ValueNode::Kind::Other:
        json.field("value", v.text);
        break;
    case ValueNode::Kind::List:
    case ValueNode::Kind::Tuple:
    case ValueNode::Kind::Dict:
        if (v.kind == ValueNode::Kind::Dict) {
            json.key("keys").beginArray();
            for (const auto& k : v.keys)
                json.value(k);
            json.endArray();
        }
        json.key("items").beginArray();
        for (const auto& item : v.items)
            writeJson(json, item);
        json.endArray();
        break;
    }
    json.endObject();
}

void writeJson(JsonWriter& json, const TimingStats& t)
{
    json.beginObject().field("warmup", t.warmup).field("runs", t.runs);
    json.key("mean_ms").value(t.meanMs).key("median_ms").value(t.medianMs).key("p95_ms").value(t.p95Ms);
    json.key("min_ms").value(t.minMs).key("max_ms").value(t.maxMs);
    json.key("samples_ms").beginArray();
    for (double s : t.samplesMs)
        json.value(s);
    json.endArray().endObject();
}

void writeJson(JsonWriter& json, const RunResult& r)
{
    json.beginObject().field("module", r.modulePath).field("method", r.method).field("device", r.device);
    json.key("inputs").beginArray();
    for (size_t i = 0; i < r.inputs.size(); ++i) {
        json.beginObject().field("name", i < r.argumentNames.size() ? r.argumentNames[i] : std::string());
        json.key("value");
        writeJson(json, r.inputs[i]);
        json.endObject();
    }
    json.endArray().key("output");
    writeJson(json, r.output);
    json.key("timing");
    writeJson(json, r.timing);
    json.key("peak_memory_bytes");
    if (r.peakMemoryBytes)
        json.value(*r.peakMemoryBytes);
    else
        json.null();
    json.endObject();
}

void writeJson(JsonWriter& json, const OutputComparison& o)
{
    json.beginObject().field("path", o.path).field("passed", o.passed).field("problem", o.problem);
    if (o.isTensor) {
        json.field("dtype", o.dtype).key("shape");
        writeShape(json, o.shape);
        json.key("rtol").value(o.tolerance.rtol).key("atol").value(o.tolerance.atol);
        json.field("numel", o.numel).field("mismatched", o.mismatched);
        json.key("mismatched_percent").value(o.mismatchedPercent());
        json.key("max_abs_diff").value(o.maxAbsDiff).key("max_abs_index");
        writeShape(json, o.maxAbsIndex);
        json.key("max_rel_diff").value(o.maxRelDiff).key("max_rel_index");
        writeShape(json, o.maxRelIndex);
        json.key("required_atol").value(o.requiredAtol).key("required_rtol").value(o.requiredRtol);
        json.key("histogram_max").value(o.histogramMax).key("histogram").beginArray();
        for (auto n : o.histogram)
            json.value(n);
        json.endArray();
    } else {
        json.field("a", o.valueA).field("b", o.valueB);
    }
    json.endObject();
}

void writeJson(JsonWriter& json, const CompareReport& r)
{
    json.beginObject().field("method", r.method).field("passed", r.passed());
    json.field("trial_count", static_cast<int>(r.trials.size())).field("passed_trials", r.passedTrials);
    json.key("first_failing_trial");
    if (r.firstFailing)
        json.value(*r.firstFailing);
    else
        json.null();
    json.key("trials").beginArray();
    for (const auto& t : r.trials) {
        json.beginObject().field("index", t.index).field("seed", static_cast<std::uint64_t>(t.seed));
        json.field("variant", t.variant).field("passed", t.passed).key("inputs").beginArray();
        for (const auto& s : t.inputs)
            json.value(s);
        json.endArray().key("outputs").beginArray();
        for (const auto& o : t.outputs)
            writeJson(json, o);
        json.endArray().endObject();
    }
    json.endArray().endObject();
}

void writeJson(JsonWriter& json, const DiffReport& r)
{
    json.beginObject().field("a", r.nameA).field("b", r.nameB).field("same", r.same());
    json.key("modules_only_in_a").beginArray();
    for (const auto& p : r.modulesOnlyInA)
        json.value(p);
    json.endArray().key("modules_only_in_b").beginArray();
    for (const auto& p : r.modulesOnlyInB)
        json.value(p);
    json.endArray().key("methods").beginArray();
    for (const auto& m : r.methods) {
        json.beginObject().field("module", m.modulePath).field("method", m.method).field("same", m.same());
        json.field("only_in_a", m.onlyInA).field("only_in_b", m.onlyInB).field("code_diff", m.codeDiff);
        json.key("op_counts").beginArray();
        for (const auto& c : m.opCounts)
            json.beginObject().field("kind", c.kind).field("a", c.countA).field("b", c.countB).endObject();
        json.endArray().key("control_flow").beginArray();
        for (const auto& s : m.controlFlow)
            json.value(s);
        json.endArray().endObject();
    }
    json.endArray().endObject();
}

} // namespace torchscope
