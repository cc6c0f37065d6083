#pragma once

// Shared by tst_codec and tst_protocol: a sample of every value type and message with every field set,
// field-by-field equality that names the field that differs, and round-trip helpers.

#include "worker/codec.h"
#include "worker/protocol.h"

#include <QIODevice>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <set>
#include <tuple>
#include <utility>

using namespace torchscope;
using namespace std::string_literals;

// A tripwire for fields added to the value types, which the codec would otherwise silently drop: when
// one fails, add the field to both directions in core/worker/codec.cpp and to the samples and same()
// here, raise kProtocolVersion, then update the size. Checked on x86-64 libstdc++ only; a bool added
// into padding slips through.
#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
#define FIELDS_UNCHANGED(T, size)                                                                                      \
    static_assert(sizeof(T) == size, #T " changed: update codec.cpp, tst_codec.cpp and kProtocolVersion")
FIELDS_UNCHANGED(ZipRecord, 56);
FIELDS_UNCHANGED(ExtraFile, 64);
FIELDS_UNCHANGED(ArchiveInfo, 136);
FIELDS_UNCHANGED(TensorInfo, 120);
FIELDS_UNCHANGED(Slot, 232);
FIELDS_UNCHANGED(Argument, 112);
FIELDS_UNCHANGED(MethodInfo, 112);
FIELDS_UNCHANGED(ModuleInfo, 248);
FIELDS_UNCHANGED(ModuleTree, 24);
FIELDS_UNCHANGED(SourceLocation, 40);
FIELDS_UNCHANGED(IrUse, 8);
FIELDS_UNCHANGED(IrValue, 104);
FIELDS_UNCHANGED(IrAttribute, 96);
FIELDS_UNCHANGED(IrNode, 368);
FIELDS_UNCHANGED(IrBlock, 80);
FIELDS_UNCHANGED(IrGraph, 144);
FIELDS_UNCHANGED(Error, 72);
FIELDS_UNCHANGED(TensorStats, 128);
FIELDS_UNCHANGED(InputSpec, 192);
FIELDS_UNCHANGED(ArgumentSpec, 296);
FIELDS_UNCHANGED(ValueNode, 304);
FIELDS_UNCHANGED(TimingStats, 72);
FIELDS_UNCHANGED(RunRequest, 272);
FIELDS_UNCHANGED(RunResult, 536);
FIELDS_UNCHANGED(Tolerance, 16);
FIELDS_UNCHANGED(OutputComparison, 344);
FIELDS_UNCHANGED(TrialReport, 104);
FIELDS_UNCHANGED(CompareRequest, 264);
FIELDS_UNCHANGED(CompareReport, 72);
#endif

namespace codectest {

// ---- Field-by-field equality; a mismatch names the field it found.

bool mismatch(const char* field)
{
    qWarning("values differ in field %s", field);
    return false;
}
bool same(const std::string& a, const std::string& b) { return a == b; }
bool same(const QByteArray& a, const QByteArray& b) { return a == b; }
template <typename T>
std::enable_if_t<std::is_integral_v<T>, bool> same(T a, T b) // bool and every integer width
{
    return a == b;
}
// Bit patterns: -0.0, NaN and subnormals must come back exactly.
bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same(SlotKind a, SlotKind b) { return a == b; }
bool same(ErrorKind a, ErrorKind b) { return a == b; }
bool same(const ZipRecord& a, const ZipRecord& b);
bool same(const ExtraFile& a, const ExtraFile& b);
bool same(const ArchiveInfo& a, const ArchiveInfo& b);
bool same(const TensorInfo& a, const TensorInfo& b);
bool same(const Slot& a, const Slot& b);
bool same(const Argument& a, const Argument& b);
bool same(const MethodInfo& a, const MethodInfo& b);
bool same(const ModuleInfo& a, const ModuleInfo& b);
bool same(const ModuleTree& a, const ModuleTree& b);
bool same(const SourceLocation& a, const SourceLocation& b);
bool same(const IrUse& a, const IrUse& b);
bool same(const IrValue& a, const IrValue& b);
bool same(const IrAttribute& a, const IrAttribute& b);
bool same(const IrNode& a, const IrNode& b);
bool same(const IrBlock& a, const IrBlock& b);
bool same(const IrGraph& a, const IrGraph& b);
bool same(const Error& a, const Error& b);
bool same(const TensorStats& a, const TensorStats& b);
bool same(InputKind a, InputKind b) { return a == b; }
bool same(Fill a, Fill b) { return a == b; }
bool same(ValueNode::Kind a, ValueNode::Kind b) { return a == b; }
bool same(const InputSpec& a, const InputSpec& b);
bool same(const ArgumentSpec& a, const ArgumentSpec& b);
bool same(const ValueNode& a, const ValueNode& b);
bool same(const TimingStats& a, const TimingStats& b);
bool same(const RunRequest& a, const RunRequest& b);
bool same(const RunResult& a, const RunResult& b);
bool same(const Tolerance& a, const Tolerance& b);
bool same(const OutputComparison& a, const OutputComparison& b);
bool same(const TrialReport& a, const TrialReport& b);
bool same(const CompareRequest& a, const CompareRequest& b);
bool same(const CompareReport& a, const CompareReport& b);
template <typename T>
bool same(const std::optional<T>& a, const std::optional<T>& b);

template <typename T>
bool same(const std::vector<T>& a, const std::vector<T>& b)
{
    if (a.size() != b.size())
        return mismatch("(vector size)");
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i]))
            return false;
    return true;
}

template <typename T>
bool same(const std::optional<T>& a, const std::optional<T>& b)
{
    if (a.has_value() != b.has_value())
        return mismatch("(optional presence)");
    return !a || same(*a, *b);
}

template <typename T>
bool sameField(const T& a, const T& b, const char* field)
{
    return same(a, b) || mismatch(field);
}
#define SAME(field) sameField(a.field, b.field, #field)

bool same(const ZipRecord& a, const ZipRecord& b)
{
    return SAME(name) && SAME(size) && SAME(compressedSize) && SAME(compressed);
}

bool same(const ExtraFile& a, const ExtraFile& b) { return SAME(name) && SAME(contents); }

bool same(const ArchiveInfo& a, const ArchiveInfo& b)
{
    return SAME(path) && SAME(fileSize) && SAME(archiveName) && SAME(formatVersion) && SAME(records) && SAME(extraFiles)
        && SAME(hasDebugInfo) && SAME(hasBytecode) && SAME(hasConstants) && SAME(hasCode);
}

bool same(const TensorInfo& a, const TensorInfo& b)
{
    return SAME(shape) && SAME(dtype) && SAME(device) && SAME(requiresGrad) && SAME(numel) && SAME(bytes)
        && SAME(quantized);
}

bool same(const Slot& a, const Slot& b)
{
    return SAME(name) && SAME(kind) && SAME(type) && SAME(tensor) && SAME(value);
}

bool same(const Argument& a, const Argument& b)
{
    return SAME(name) && SAME(type) && SAME(defaultValue) && SAME(kwargOnly);
}

bool same(const MethodInfo& a, const MethodInfo& b)
{
    return SAME(name) && SAME(arguments) && SAME(returns) && SAME(schema);
}

bool same(const ModuleInfo& a, const ModuleInfo& b)
{
    return SAME(path) && SAME(name) && SAME(originalName) && SAME(qualifiedType) && SAME(parent) && SAME(children)
        && SAME(members) && SAME(methods) && SAME(parameterCount) && SAME(parameterBytes) && SAME(bufferCount)
        && SAME(bufferBytes) && SAME(subtreeModules);
}

bool same(const ModuleTree& a, const ModuleTree& b) { return SAME(modules); }

bool same(const SourceLocation& a, const SourceLocation& b) { return SAME(file) && SAME(line) && SAME(column); }

bool same(const IrUse& a, const IrUse& b) { return SAME(node) && SAME(inputIndex); }

bool same(const IrValue& a, const IrValue& b)
{
    return SAME(id) && SAME(name) && SAME(type) && SAME(producer) && SAME(block) && SAME(uses);
}

bool same(const IrAttribute& a, const IrAttribute& b) { return SAME(name) && SAME(kind) && SAME(value); }

bool same(const IrNode& a, const IrNode& b)
{
    return SAME(id) && SAME(kind) && SAME(inputs) && SAME(outputs) && SAME(attributes) && SAME(schema) && SAME(block)
        && SAME(blocks) && SAME(modulePath) && SAME(calleePath) && SAME(codeLocation) && SAME(codeMethod)
        && SAME(originalLocation);
}

bool same(const IrBlock& a, const IrBlock& b)
{
    return SAME(id) && SAME(owner) && SAME(inputs) && SAME(outputs) && SAME(nodes);
}

bool same(const IrGraph& a, const IrGraph& b)
{
    return SAME(modulePath) && SAME(method) && SAME(inlined) && SAME(blocks) && SAME(nodes) && SAME(values);
}

bool same(const Error& a, const Error& b) { return SAME(kind) && SAME(message) && SAME(detail); }

bool same(const TensorStats& a, const TensorStats& b)
{
    return SAME(numel) && SAME(min) && SAME(max) && SAME(mean) && SAME(std) && SAME(zeros) && SAME(nans) && SAME(infs)
        && SAME(valid) && SAME(dtype) && SAME(shape);
}

bool same(const InputSpec& a, const InputSpec& b)
{
    return SAME(kind) && SAME(fill) && SAME(fillValue) && SAME(low) && SAME(high) && SAME(shape) && SAME(dtype)
        && SAME(intValue) && SAME(floatValue) && SAME(boolValue) && SAME(text) && SAME(items) && SAME(keys);
}

bool same(const ArgumentSpec& a, const ArgumentSpec& b)
{
    return SAME(name) && SAME(type) && SAME(defaultValue) && SAME(suggested);
}

bool same(const ValueNode& a, const ValueNode& b)
{
    return SAME(kind) && SAME(stats) && SAME(device) && SAME(values) && SAME(valuesTruncated) && SAME(intValue)
        && SAME(floatValue) && SAME(boolValue) && SAME(text) && SAME(items) && SAME(keys);
}

bool same(const TimingStats& a, const TimingStats& b)
{
    return SAME(warmup) && SAME(runs) && SAME(meanMs) && SAME(medianMs) && SAME(p95Ms) && SAME(minMs) && SAME(maxMs)
        && SAME(samplesMs);
}

bool same(const RunRequest& a, const RunRequest& b)
{
    return SAME(modulePath) && SAME(method) && SAME(device) && SAME(inputs) && SAME(inputsFile) && SAME(seed)
        && SAME(warmup) && SAME(repeat) && SAME(valueLimit) && SAME(saveOutputs) && SAME(saveInputs) && SAME(variant);
}

bool same(const RunResult& a, const RunResult& b)
{
    return SAME(modulePath) && SAME(method) && SAME(device) && SAME(argumentNames) && SAME(inputs) && SAME(output)
        && SAME(timing) && SAME(peakMemoryBytes);
}

bool same(const Tolerance& a, const Tolerance& b) { return SAME(rtol) && SAME(atol); }

bool same(const OutputComparison& a, const OutputComparison& b)
{
    return SAME(path) && SAME(passed) && SAME(problem) && SAME(isTensor) && SAME(dtype) && SAME(shape)
        && SAME(tolerance) && SAME(numel) && SAME(mismatched) && SAME(maxAbsDiff) && SAME(maxAbsIndex)
        && SAME(maxRelDiff) && SAME(maxRelIndex) && SAME(requiredAtol) && SAME(requiredRtol) && SAME(histogram)
        && SAME(histogramMax) && SAME(valueA) && SAME(valueB);
}

bool same(const TrialReport& a, const TrialReport& b)
{
    return SAME(index) && SAME(seed) && SAME(variant) && SAME(passed) && SAME(inputs) && SAME(outputs);
}

bool same(const CompareRequest& a, const CompareRequest& b)
{
    return SAME(modulePath) && SAME(method) && SAME(deviceA) && SAME(deviceB) && SAME(inputs) && SAME(inputsFile)
        && SAME(seed) && SAME(trials) && SAME(variant) && SAME(atol) && SAME(rtol);
}

bool same(const CompareReport& a, const CompareReport& b)
{
    return SAME(method) && SAME(trials) && SAME(passedTrials) && SAME(firstFailing);
}

// ---- Sample values: every field differs from its default and from its neighbours of the same type.

// Extra files and records are binary: NUL, 0xff and bytes that are not UTF-8.
const std::string kBinary = "PK\x03\x04\0\xff\xfe\x80 \0\0end\xc3"s;

std::string bytes(int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out.push_back(char((i * 7 + 3) & 0xff));
    return out;
}

ZipRecord makeZipRecord(int i)
{
    return ZipRecord { "code/__torch__/m" + std::to_string(i) + ".py", 1234u + unsigned(i), 567, true };
}

ArchiveInfo makeArchiveInfo()
{
    ArchiveInfo a;
    a.path = "/models/\xe6\xa8\xa1\xe5\x9e\x8b \xc3\xbc.pt"; // "模型 ü" in UTF-8
    a.fileSize = 0x100000001ull; // above 32 bits
    a.archiveName = "wraprnn";
    a.formatVersion = 7;
    a.records = { makeZipRecord(0), makeZipRecord(1),
        ZipRecord { "data/0", std::numeric_limits<std::uint64_t>::max(), 0x200000000ull, false } };
    a.extraFiles = { ExtraFile { "meta.json", "{\"a\": 1}" }, ExtraFile { "blob.bin", kBinary }, ExtraFile {} };
    a.hasDebugInfo = a.hasBytecode = a.hasConstants = a.hasCode = true;
    return a;
}

TensorInfo makeTensorInfo()
{
    return TensorInfo { { 3, 0, std::int64_t(1) << 40, -1 }, "float64", "cuda:1", true, std::int64_t(1) << 41,
        -5, true };
}

Slot makeSlot(bool withTensor)
{
    Slot s;
    s.name = withTensor ? "weight" : "act";
    s.kind = withTensor ? SlotKind::Parameter : SlotKind::Constant;
    s.type = withTensor ? "Tensor" : "str";
    if (withTensor)
        s.tensor = makeTensorInfo();
    s.value = withTensor ? "<tensor>" : "'relu'";
    return s;
}

MethodInfo makeMethod()
{
    MethodInfo m;
    m.name = "forward_packed";
    m.arguments = { Argument { "x", "Tensor", std::nullopt, false }, Argument { "alpha", "float", "1.5"s, true },
        Argument { "tag", "str", ""s, true } };
    m.returns = { Argument { "ret", "Tuple[Tensor, Tensor]", "None"s, true } };
    m.schema = "forward_packed(__torch__.LSTM self, Tensor x, *, float alpha=1.5) -> (Tensor, Tensor)";
    return m;
}

ModuleInfo makeModule(int i)
{
    ModuleInfo m;
    m.path = "cell.linear" + std::to_string(i);
    m.name = "linear" + std::to_string(i);
    m.originalName = "Linear";
    m.qualifiedType = "__torch__.torch.nn.modules.linear.Linear";
    m.parent = 3 + i;
    m.children = { 4, 5, -7 };
    m.members = { makeSlot(true), makeSlot(false) };
    m.methods = { makeMethod(), MethodInfo { "helper", {}, {}, "helper(__torch__.M self) -> NoneType" } };
    m.parameterCount = (std::int64_t(1) << 33) + i;
    m.parameterBytes = (std::int64_t(1) << 35) + 1;
    m.bufferCount = 17;
    m.bufferBytes = 68;
    m.subtreeModules = 9;
    return m;
}

ModuleTree makeModuleTree() { return ModuleTree { { makeModule(0), makeModule(1), ModuleInfo {} } }; }

IrNode makeNode(int i)
{
    IrNode n;
    n.id = 10 + i;
    n.kind = i ? "prim::If" : "aten::linear";
    n.inputs = { 1, 2, 3 };
    n.outputs = { 4 + i };
    n.attributes = { IrAttribute { "value", "s", "'a\\nb'" }, IrAttribute { "name", "ty", "Tensor" } };
    n.schema = "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor";
    n.block = 1;
    n.blocks = { 2, 3 };
    n.modulePath = "cell";
    n.calleePath = "cell.dg";
    if (i == 0) {
        n.codeLocation = SourceLocation { "", 3, 11 };
        n.codeMethod = "forward";
        n.originalLocation = SourceLocation { "/home/u/model.py", 42, 8 };
    } else {
        n.originalLocation = SourceLocation { "code/__torch__.py", 7, 0 };
        n.codeMethod = "helper"; // present without a location: the codec must not tie the two
    }
    return n;
}

IrGraph makeIrGraph()
{
    IrGraph g;
    g.modulePath = "loop.cell";
    g.method = "forward";
    g.inlined = true;
    g.blocks = { IrBlock { 5, 6, { 1, 2 }, { 3 }, { 10, 11 } }, IrBlock { 1, 10, {}, { 4 }, {} } };
    g.nodes = { makeNode(0), makeNode(1) };
    g.values = { IrValue { 1, "input.1", "Float(3, 4, strides=[4, 1], requires_grad=0, device=cpu)", 9, 2,
                     { IrUse { 10, 0 }, IrUse { 11, 2 } } },
        IrValue { 2, "5", "Tensor", -1, 0, {} } };
    return g;
}

Error makeError(ErrorKind kind = ErrorKind::Checkpoint)
{
    return Error(kind, "/m/\xc3\xbc.pt is a torch.save() checkpoint (a state_dict), not a TorchScript archive",
        "detail with bytes: " + kBinary);
}

TensorStats makeTensorStats()
{
    TensorStats t;
    t.numel = std::int64_t(1) << 36;
    t.min = -3.25;
    t.max = 1e300;
    t.mean = 0.1;
    t.std = std::numeric_limits<double>::denorm_min();
    t.zeros = 4;
    t.nans = 2;
    t.infs = 1;
    t.valid = true;
    t.dtype = "bfloat16";
    t.shape = { 2, 0, 5 };
    return t;
}

// A tensor spec with every field set, and containers of each kind around it.
InputSpec makeInputSpec()
{
    InputSpec t;
    t.kind = InputKind::Tensor;
    t.fill = Fill::Randint;
    t.fillValue = -2.5;
    t.low = -3;
    t.high = std::int64_t(1) << 40;
    t.shape = { 1, 3, 0, 224 };
    t.dtype = "bfloat16";
    t.intValue = -7;
    t.floatValue = 0.125;
    t.boolValue = true;
    t.text = "/data/\xc3\xbc.npy"s;
    InputSpec list;
    list.kind = InputKind::List;
    list.items = { t, InputSpec {} };
    InputSpec dict;
    dict.kind = InputKind::Dict;
    dict.items = { list, t };
    dict.keys = { "a", kBinary };
    return dict;
}

ArgumentSpec makeArgumentSpec(bool withDefault)
{
    ArgumentSpec a;
    a.name = withDefault ? "inputs" : "x";
    a.type = withDefault ? "Dict[str, Tensor]" : "Tensor";
    if (withDefault)
        a.defaultValue = "None"s;
    a.suggested = makeInputSpec();
    return a;
}

ValueNode makeTensorNode()
{
    ValueNode n;
    n.kind = ValueNode::Kind::Tensor;
    n.stats = makeTensorStats();
    n.device = "cuda:1";
    n.values = { -0.0, 1.5, std::numeric_limits<double>::infinity(), 3e-310 };
    n.valuesTruncated = true;
    n.intValue = -9;
    n.floatValue = 2.5;
    n.boolValue = true;
    n.text = "Tensor";
    return n;
}

ValueNode makeValueNode()
{
    ValueNode tuple;
    tuple.kind = ValueNode::Kind::Tuple;
    ValueNode str;
    str.kind = ValueNode::Kind::Str;
    str.text = kBinary;
    ValueNode dict;
    dict.kind = ValueNode::Kind::Dict;
    dict.items = { makeTensorNode(), str };
    dict.keys = { "'a'", "'b'" };
    tuple.items = { makeTensorNode(), dict, ValueNode {} };
    return tuple;
}

TimingStats makeTimingStats()
{
    TimingStats t;
    t.warmup = 3;
    t.runs = 4;
    t.meanMs = 1.25;
    t.medianMs = 1.125;
    t.p95Ms = 2.5;
    t.minMs = 0.5;
    t.maxMs = 3.5;
    t.samplesMs = { 0.5, 3.5, 1.0, 1.25 };
    return t;
}

RunRequest makeRunRequest()
{
    RunRequest r;
    r.modulePath = "block.inner";
    r.method = "combine";
    r.device = "cuda:1";
    r.inputs = { makeInputSpec(), InputSpec {} };
    r.inputsFile = "/in/\xe6\xa8\xa1.pt"s;
    r.seed = std::numeric_limits<std::uint64_t>::max();
    r.warmup = 2;
    r.repeat = 20;
    r.valueLimit = std::int64_t(1) << 33;
    r.saveOutputs = "/out/o.pt";
    r.saveInputs = "/out/i.pt";
    r.variant = "negate";
    return r;
}

OutputComparison makeOutputComparison()
{
    OutputComparison c;
    c.path = "output[0]";
    c.passed = false;
    c.problem = "shape differs";
    c.isTensor = true;
    c.dtype = "float32";
    c.shape = { 3, 4 };
    c.tolerance = Tolerance { 1.3e-6, 1e-5 };
    c.numel = 12;
    c.mismatched = 7;
    c.maxAbsDiff = 2.5;
    c.maxAbsIndex = { 1, 2 };
    c.maxRelDiff = 0.75;
    c.maxRelIndex = { 2, 3 };
    c.requiredAtol = 2.4;
    c.requiredRtol = std::numeric_limits<double>::infinity();
    c.histogram = { 5, 0, 1, 0, 0, 2, 0, 0, 3, 1 };
    c.histogramMax = 2.5;
    c.valueA = "3";
    c.valueB = "'x'";
    return c;
}

TrialReport makeTrialReport()
{
    TrialReport t;
    t.index = 4;
    t.seed = 46;
    t.variant = "negate";
    t.passed = false;
    t.inputs = { "rand:3x4", "int:2" };
    t.outputs = { makeOutputComparison(), OutputComparison {} };
    return t;
}

CompareRequest makeCompareRequest()
{
    CompareRequest r;
    r.modulePath = "cell";
    r.method = "forward";
    r.deviceA = "cuda:0";
    r.deviceB = "cpu";
    r.inputs = { makeInputSpec() };
    r.inputsFile = "/in/x.npy";
    r.seed = 42;
    r.trials = 20;
    r.variant = "scale";
    r.atol = 1e-4;
    r.rtol = 2e-3;
    return r;
}

CompareReport makeCompareReport()
{
    CompareReport r;
    r.method = "forward";
    r.trials = { makeTrialReport(), TrialReport {} };
    r.passedTrials = 1;
    r.firstFailing = 0;
    return r;
}

RunResult makeRunResult()
{
    RunResult r;
    r.modulePath = "block";
    r.method = "forward";
    r.device = "cuda:0";
    r.argumentNames = { "x", "h" };
    r.inputs = { makeTensorNode(), ValueNode {} };
    r.output = makeValueNode();
    r.timing = makeTimingStats();
    r.peakMemoryBytes = std::int64_t(1) << 34;
    return r;
}

// ---- Round trips

template <typename T>
QByteArray encoded(const T& value)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(kStreamVersion);
    s << value;
    return s.status() == QDataStream::Ok ? out : QByteArray();
}

// Writes `in`, reads it into `out`: true when the stream read cleanly and consumed every byte.
template <typename T>
bool roundTrip(const T& in, T& out)
{
    const QByteArray wire = encoded(in);
    QDataStream s(wire);
    s.setVersion(kStreamVersion);
    s >> out;
    return s.status() == QDataStream::Ok && s.atEnd();
}

#define CHECK_ROUND_TRIP(value)                                                                                        \
    do {                                                                                                               \
        const auto in_ = (value);                                                                                      \
        auto out_ = decltype(in_) {};                                                                                  \
        QVERIFY2(roundTrip(in_, out_), #value);                                                                        \
        QVERIFY2(same(in_, out_), #value);                                                                             \
    } while (false)

template <typename T>
QDataStream::Status readStatus(const QByteArray& wire)
{
    QDataStream s(wire);
    s.setVersion(kStreamVersion);
    T value {};
    s >> value;
    return s.status();
}

// ---- One sample of each message (some twice, with different values), with its decoder.

struct Sample {
    MessageType type;
    QByteArray payload;
    std::function<bool(const QByteArray&)> decodes; // the decoder accepts the payload
    std::function<bool(const QByteArray&)> matches; // ... and yields exactly the values encoded
};

template <typename... T, std::size_t... I>
bool sameTuple(const std::tuple<T...>& a, const std::tuple<T...>& b, std::index_sequence<I...>)
{
    return (same(std::get<I>(a), std::get<I>(b)) && ...);
}

// `decode` is one of protocol.h's decodeX functions; `expected` holds the values its outputs must receive.
template <typename Decoder, typename... T>
void addSample(std::vector<Sample>& out, MessageType type, const QByteArray& payload, Decoder decode,
    const std::tuple<T...>& expected)
{
    auto run = [decode](const QByteArray& p, std::tuple<T...>& values) {
        return std::apply([&](auto&... v) { return decode(p, v...); }, values);
    };
    out.push_back(Sample { type, payload,
        [run](const QByteArray& p) {
            std::tuple<T...> values;
            return run(p, values);
        },
        [run, expected](const QByteArray& p) {
            std::tuple<T...> values;
            return run(p, values) && sameTuple(values, expected, std::index_sequence_for<T...> {});
        } });
}

QByteArray blob(int n) { return toQByteArray(bytes(n)); }

// Every message type once (GraphText twice, so each of its flags is seen set alone).
std::vector<Sample> messageSamples()
{
    using std::make_tuple;
    const std::vector<std::string> libs { "/usr/lib/libtorchscope_test_ops.so", "lib\0\xff"s };
    const std::string path = makeArchiveInfo().path;
    const std::string text = "def forward(self,\n    x: Tensor) -> Tensor:\n  return x\n" + kBinary;
    std::vector<Sample> out;
    addSample(out, MessageType::Hello, encodeHello(), decodeHello, make_tuple());
    addSample(out, MessageType::Open, encodeOpen(path, libs), decodeOpen, make_tuple(path, libs));
    addSample(out, MessageType::OpenBytes, encodeOpenBytes("resource:wraprnn.pt", blob(70000), {}), decodeOpenBytes,
        make_tuple("resource:wraprnn.pt"s, bytes(70000), std::vector<std::string> {}));
    addSample(out, MessageType::MethodCode, encodeMethodCode("cell.dg", "forward"), decodeMethodCode,
        make_tuple("cell.dg"s, "forward"s));
    addSample(out, MessageType::ClassCode, encodeClassCode("cell"), decodeClassCode, make_tuple("cell"s));
    addSample(out, MessageType::GraphText, encodeGraphText("loop", "forward", true, false), decodeGraphText,
        make_tuple("loop"s, "forward"s, true, false));
    addSample(out, MessageType::GraphText, encodeGraphText("loop", "forward", false, true), decodeGraphText,
        make_tuple("loop"s, "forward"s, false, true));
    addSample(out, MessageType::Graph, encodeGraph("", "forward_packed", true), decodeGraph,
        make_tuple(""s, "forward_packed"s, true));
    addSample(out, MessageType::TensorStats, encodeTensorStats("cell.linear", "weight"), decodeTensorStats,
        make_tuple("cell.linear"s, "weight"s));
    addSample(out, MessageType::Record, encodeRecord("extra/meta.json"), decodeRecord, make_tuple("extra/meta.json"s));
    addSample(out, MessageType::Shutdown, encodeShutdown(), decodeShutdown, make_tuple());
    addSample(out, MessageType::HelloReply, encodeHelloReply(kProtocolVersion, "1.13.1", 123456789012),
        decodeHelloReply, make_tuple(kProtocolVersion, "1.13.1"s, qint64(123456789012)));
    addSample(out, MessageType::Opened, encodeOpened(makeArchiveInfo(), makeModuleTree()), decodeOpened,
        make_tuple(makeArchiveInfo(), makeModuleTree()));
    addSample(out, MessageType::Text, encodeText(text), decodeText, make_tuple(text));
    addSample(out, MessageType::GraphReply, encodeGraphReply(makeIrGraph()), decodeGraphReply,
        make_tuple(makeIrGraph()));
    addSample(out, MessageType::TensorStatsReply, encodeTensorStatsReply(makeTensorStats()), decodeTensorStatsReply,
        make_tuple(makeTensorStats()));
    addSample(out, MessageType::RecordReply, encodeRecordReply("data/0", bytes(4096)), decodeRecordReply,
        make_tuple("data/0"s, blob(4096)));
    addSample(out, MessageType::Failed, encodeFailed(makeError()), decodeFailed, make_tuple(makeError()));
    addSample(out, MessageType::ArgumentSpecs, encodeArgumentSpecs("block", "combine"), decodeArgumentSpecs,
        make_tuple("block"s, "combine"s));
    addSample(out, MessageType::Devices, encodeDevices(), decodeDevices, make_tuple());
    addSample(out, MessageType::Run, encodeRun(makeRunRequest()), decodeRun, make_tuple(makeRunRequest()));
    const std::vector<ArgumentSpec> specs { makeArgumentSpec(false), makeArgumentSpec(true) };
    addSample(out, MessageType::ArgumentSpecsReply, encodeArgumentSpecsReply(specs), decodeArgumentSpecsReply,
        make_tuple(specs));
    const std::vector<std::string> devices { "cpu", "cuda:0", "cuda:1" };
    addSample(out, MessageType::DevicesReply, encodeDevicesReply(devices, true), decodeDevicesReply,
        make_tuple(devices, true));
    addSample(out, MessageType::RunReply, encodeRunReply(makeRunResult()), decodeRunReply,
        make_tuple(makeRunResult()));
    addSample(out, MessageType::Compare, encodeCompare("/b/traced.pt", makeCompareRequest()), decodeCompare,
        make_tuple("/b/traced.pt"s, makeCompareRequest()));
    addSample(out, MessageType::Retrace, encodeRetrace(makeRunRequest()), decodeRetrace, make_tuple(makeRunRequest()));
    addSample(out, MessageType::RetraceGraph, encodeRetraceGraph(makeRunRequest()), decodeRetraceGraph,
        make_tuple(makeRunRequest()));
    addSample(out, MessageType::CompareReply, encodeCompareReply(makeCompareReport()), decodeCompareReply,
        make_tuple(makeCompareReport()));
    return out;
}

std::vector<Message> sampleMessages()
{
    std::vector<Message> out;
    quint64 id = 0;
    for (const Sample& s : messageSamples())
        out.push_back(Message { s.type, id++ * 0x9E3779B97F4A7C15ull, s.payload });
    return out;
}

bool sameMessage(const Message& a, const Message& b)
{
    return a.type == b.type && a.requestId == b.requestId && a.payload == b.payload;
}

QByteArray frameWith(quint32 length, quint32 magic, quint16 version, quint16 type, const QByteArray& payload = {})
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << length << magic << version << type << quint64(1);
    out.append(payload);
    return out;
}

} // namespace codectest

using namespace codectest;
