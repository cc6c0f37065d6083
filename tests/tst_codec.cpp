// The worker protocol's codecs and framing: every value type and every message survives the trip
// byte-exactly, and malformed input (bad frames, truncated payloads, random bytes) is rejected
// without crashing.


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
#endif

namespace {

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

} // namespace

class TestCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stringsAreExactBytes();
    void stringConversions();
    void integersKeepTheirWidth();
    void nestedContainers();
    void specialDoublesSurvive();
    void valueTypesRoundTrip();
    void everyKindRoundTrips();
    void optionalFieldsAbsent();
    void corruptValuesAreRejected();
    void truncatedValuesFail();
    void hugeCountsDoNotAllocate();

    void everyMessageTypeHasASample();
    void payloadsRoundTrip();
    void decodersRejectShortAndLongPayloads();
    void failedDecodeLeavesOutputsAlone();
    void frameLayoutIsPinned();
    void framesInOneChunk();
    void framesByteAtATime();
    void framesSplitAnywhere();
    void partialFrameWaits();
    void badFramesStopTheReader_data();
    void badFramesStopTheReader();
    void customLengthLimit();
    void garbageDoesNotCrash();
};

void TestCodec::stringsAreExactBytes()
{
    CHECK_ROUND_TRIP(kBinary);
    CHECK_ROUND_TRIP(std::string());
    CHECK_ROUND_TRIP(bytes(3 * 1024 * 1024)); // above QByteArray's 1 MiB read step
    // The wire form is QByteArray's, so either side may read it as the other.
    QCOMPARE(encoded(kBinary), encoded(toQByteArray(kBinary)));
    QCOMPARE(encoded(kBinary).size(), qsizetype(4 + kBinary.size()));
    std::string fromBytes;
    const QByteArray wire = encoded(toQByteArray(kBinary));
    QDataStream s(wire);
    s >> fromBytes;
    QCOMPARE(s.status(), QDataStream::Ok);
    QVERIFY(fromBytes == kBinary);
}

void TestCodec::stringConversions()
{
    const std::string utf8 = "\xe6\xa8\xa1\xe5\x9e\x8b \xc3\xbc"; // "模型 ü"
    const QString text = toQString(utf8);
    QCOMPARE(text.size(), qsizetype(4));
    QCOMPARE(text.at(0), QChar(0x6a21));
    QCOMPARE(text.at(3), QChar(0xfc));
    QVERIFY(fromQString(text) == utf8);
    QCOMPARE(toQString("a\0b"s).size(), qsizetype(3));
    QVERIFY(fromQString(QString()) == "");
    QVERIFY(toQString(std::string()).isEmpty());
    // Bytes that are not UTF-8 survive only through the byte helpers.
    QVERIFY(fromQByteArray(toQByteArray(kBinary)) == kBinary);
    QCOMPARE(toQByteArray(kBinary).size(), qsizetype(kBinary.size()));
}

void TestCodec::integersKeepTheirWidth()
{
    const std::vector<std::int64_t> i64 { std::numeric_limits<std::int64_t>::min(), -1, 0,
        std::numeric_limits<std::int64_t>::max() };
    const std::vector<std::uint64_t> u64 { 0, std::numeric_limits<std::uint64_t>::max() };
    const std::vector<int> i32 { std::numeric_limits<int>::min(), -1, std::numeric_limits<int>::max() };
    CHECK_ROUND_TRIP(i64);
    CHECK_ROUND_TRIP(u64);
    CHECK_ROUND_TRIP(i32);
    QCOMPARE(encoded(i64).size(), qsizetype(4 + 8 * 4));
    QCOMPARE(encoded(i32).size(), qsizetype(4 + 4 * 3));
    QCOMPARE(encoded(SlotKind::Constant).size(), qsizetype(2));
}

void TestCodec::nestedContainers()
{
    CHECK_ROUND_TRIP((std::vector<std::vector<int>> { {}, { 1, 2 }, { -3 } }));
    CHECK_ROUND_TRIP((std::vector<std::vector<std::string>> { { kBinary, "" }, {}, { "x" } }));
    CHECK_ROUND_TRIP((std::optional<std::vector<std::string>> { { "a", kBinary } }));
    CHECK_ROUND_TRIP((std::optional<std::vector<std::string>> {}));
    CHECK_ROUND_TRIP((std::vector<std::optional<std::string>> { std::nullopt, ""s, kBinary }));
    CHECK_ROUND_TRIP((std::optional<std::optional<int>> { std::optional<int> {} }));
    CHECK_ROUND_TRIP((std::vector<ModuleTree> { makeModuleTree(), ModuleTree {} }));
}

void TestCodec::specialDoublesSurvive()
{
    TensorStats t = makeTensorStats();
    t.min = -0.0;
    t.max = std::numeric_limits<double>::infinity();
    t.mean = std::numeric_limits<double>::quiet_NaN();
    t.std = -std::numeric_limits<double>::max();
    CHECK_ROUND_TRIP(t);
    TensorStats back;
    QVERIFY(roundTrip(t, back));
    QVERIFY(std::signbit(back.min));
    QVERIFY(std::isnan(back.mean));
}

void TestCodec::valueTypesRoundTrip()
{
    CHECK_ROUND_TRIP(makeZipRecord(3));
    CHECK_ROUND_TRIP((ExtraFile { "blob.bin", kBinary }));
    CHECK_ROUND_TRIP(makeArchiveInfo());
    CHECK_ROUND_TRIP(makeTensorInfo());
    CHECK_ROUND_TRIP(makeSlot(true));
    CHECK_ROUND_TRIP(makeSlot(false));
    CHECK_ROUND_TRIP(makeMethod().arguments);
    CHECK_ROUND_TRIP(makeMethod());
    CHECK_ROUND_TRIP(makeModule(2));
    CHECK_ROUND_TRIP(makeModuleTree());
    CHECK_ROUND_TRIP((SourceLocation { "/home/u/model.py", 42, 8 }));
    CHECK_ROUND_TRIP((IrUse { 7, 3 }));
    CHECK_ROUND_TRIP(makeIrGraph().values);
    CHECK_ROUND_TRIP((IrAttribute { "value", "t", kBinary }));
    CHECK_ROUND_TRIP(makeNode(0));
    CHECK_ROUND_TRIP(makeNode(1));
    CHECK_ROUND_TRIP(makeIrGraph().blocks);
    CHECK_ROUND_TRIP(makeIrGraph());
    CHECK_ROUND_TRIP(makeError());
    CHECK_ROUND_TRIP(makeTensorStats());

    // A value read over a non-default one replaces every field (the reader does not merge).
    ArchiveInfo target = makeArchiveInfo();
    QVERIFY(roundTrip(ArchiveInfo {}, target));
    QVERIFY(same(target, ArchiveInfo {}));
}

void TestCodec::everyKindRoundTrips()
{
    for (SlotKind kind : { SlotKind::Parameter, SlotKind::Buffer, SlotKind::Attribute, SlotKind::Constant })
        CHECK_ROUND_TRIP(kind);
    for (int k = 0; k <= int(ErrorKind::InvalidArgument); ++k)
        CHECK_ROUND_TRIP(makeError(ErrorKind(k)));
}

void TestCodec::optionalFieldsAbsent()
{
    IrNode node = makeNode(0);
    node.codeLocation.reset();
    node.originalLocation.reset();
    CHECK_ROUND_TRIP(node);
    node.codeLocation = SourceLocation {}; // present but all default
    CHECK_ROUND_TRIP(node);
    CHECK_ROUND_TRIP((Argument { "x", "Tensor", std::nullopt, true }));
    CHECK_ROUND_TRIP((Argument { "x", "str", ""s, false })); // present and empty is not absent
    Slot slot = makeSlot(true);
    slot.tensor.reset();
    CHECK_ROUND_TRIP(slot);
}

void TestCodec::corruptValuesAreRejected()
{
    auto raw = [](auto... fields) {
        QByteArray out;
        QDataStream s(&out, QIODevice::WriteOnly);
        (s << ... << fields);
        return out;
    };
    QCOMPARE(readStatus<SlotKind>(raw(quint16(4))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<SlotKind>(raw(quint16(3))), QDataStream::Ok);
    QCOMPARE(readStatus<ErrorKind>(raw(quint16(int(ErrorKind::InvalidArgument) + 1))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<Error>(raw(quint16(0xffff), quint32(0), quint32(0))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<std::optional<int>>(raw(quint8(2), qint32(5))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<std::optional<int>>(raw(quint8(1), qint32(5))), QDataStream::Ok);
}

void TestCodec::truncatedValuesFail()
{
    auto everyPrefixFails = [](const QByteArray& wire, auto tag) {
        using T = decltype(tag);
        for (qsizetype n = 0; n < wire.size(); ++n)
            if (readStatus<T>(wire.left(n)) == QDataStream::Ok)
                return false;
        return readStatus<T>(wire) == QDataStream::Ok;
    };
    QVERIFY(everyPrefixFails(encoded(makeArchiveInfo()), ArchiveInfo {}));
    QVERIFY(everyPrefixFails(encoded(makeModuleTree()), ModuleTree {}));
    QVERIFY(everyPrefixFails(encoded(makeIrGraph()), IrGraph {}));
    QVERIFY(everyPrefixFails(encoded(makeError()), Error {}));
    QVERIFY(everyPrefixFails(encoded(makeTensorStats()), TensorStats {}));
}

void TestCodec::hugeCountsDoNotAllocate()
{
    QByteArray wire;
    QDataStream s(&wire, QIODevice::WriteOnly);
    s << quint32(0xfffffffe) << qint32(1) << qint32(2);
    QCOMPARE(readStatus<std::vector<int>>(wire), QDataStream::ReadPastEnd);
    QCOMPARE(readStatus<std::vector<ModuleInfo>>(wire), QDataStream::ReadPastEnd);
    QCOMPARE(readStatus<std::string>(wire), QDataStream::ReadPastEnd);
    QCOMPARE(readStatus<IrGraph>(wire), QDataStream::ReadPastEnd);
}

void TestCodec::everyMessageTypeHasASample()
{
    std::set<quint16> known;
    for (int t = 0; t <= 0xffff; ++t)
        if (isKnownMessageType(quint16(t)))
            known.insert(quint16(t));
    std::set<quint16> sampled;
    for (const Sample& s : messageSamples())
        sampled.insert(quint16(s.type));
    QCOMPARE(known.size(), std::size_t(17));
    QVERIFY(known == sampled);
    std::set<std::string> names;
    for (quint16 t : known)
        names.insert(messageTypeName(MessageType(t)));
    QCOMPARE(names.size(), known.size());
    QVERIFY(!names.count("Unknown"));
}

void TestCodec::payloadsRoundTrip()
{
    for (const Sample& s : messageSamples())
        QVERIFY2(s.matches(s.payload), messageTypeName(s.type));
}

void TestCodec::decodersRejectShortAndLongPayloads()
{
    for (const Sample& s : messageSamples()) {
        for (qsizetype n = 0; n < s.payload.size(); n += 1 + n / 64)
            QVERIFY2(!s.decodes(s.payload.left(n)), messageTypeName(s.type));
        QVERIFY2(!s.decodes(s.payload + '\0'), messageTypeName(s.type));
    }
}

void TestCodec::failedDecodeLeavesOutputsAlone()
{
    const QByteArray payload = encodeOpen("/a.pt", { "/lib.so" });
    std::string path = "untouched";
    std::vector<std::string> libs { "untouched" };
    QVERIFY(!decodeOpen(payload.left(payload.size() - 1), path, libs));
    QVERIFY(path == "untouched");
    QVERIFY(libs == std::vector<std::string> { "untouched" });
    Error error = makeError(ErrorKind::NotFound);
    QVERIFY(!decodeFailed(encodeText("not an error"), error));
    QVERIFY(same(error, makeError(ErrorKind::NotFound)));
}

void TestCodec::frameLayoutIsPinned()
{
    const QByteArray wire = frame(Message { MessageType::Graph, 0x0102030405060708ull, QByteArray("abc") });
    const QByteArray expected = QByteArray::fromHex("00000013"
                                                    "54534350"
                                                    "0001"
                                                    "0007"
                                                    "0102030405060708"
                                                    "616263");
    QCOMPARE(wire, expected);
    QCOMPARE(frame(Message { MessageType::Hello, 0, {} }).size(), qsizetype(20));
}

void TestCodec::framesInOneChunk()
{
    const std::vector<Message> messages = sampleMessages();
    for (const Message& m : messages) {
        FrameReader reader;
        reader.append(frame(m));
        Message got;
        QVERIFY2(reader.next(got), messageTypeName(m.type));
        QVERIFY(sameMessage(got, m));
        QVERIFY(!reader.next(got));
        QVERIFY(!reader.hasError());
        QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    }
    // Two messages in one chunk.
    FrameReader reader;
    reader.append(frame(messages[1]) + frame(messages[2]));
    Message first, second, none;
    QVERIFY(reader.next(first));
    QVERIFY(reader.next(second));
    QVERIFY(!reader.next(none));
    QVERIFY(sameMessage(first, messages[1]));
    QVERIFY(sameMessage(second, messages[2]));
}

void TestCodec::framesByteAtATime()
{
    const std::vector<Message> messages = sampleMessages();
    QByteArray stream;
    for (const Message& m : messages)
        stream += frame(m);
    FrameReader reader;
    std::vector<Message> received;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        reader.append(stream.mid(i, 1));
        Message m;
        while (reader.next(m))
            received.push_back(m);
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(received.size(), messages.size());
    const std::vector<Sample> samples = messageSamples();
    for (std::size_t i = 0; i < messages.size(); ++i) {
        QVERIFY2(sameMessage(received[i], messages[i]), messageTypeName(messages[i].type));
        QVERIFY2(samples[i].matches(received[i].payload), messageTypeName(messages[i].type));
    }
}

void TestCodec::framesSplitAnywhere()
{
    const Message a { MessageType::Failed, 7, encodeFailed(makeError()) };
    const Message b { MessageType::Text, 8, encodeText(kBinary) };
    const QByteArray stream = frame(a) + frame(b);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        FrameReader reader;
        std::vector<Message> received;
        Message m;
        reader.append(stream.left(cut));
        while (reader.next(m))
            received.push_back(m);
        reader.append(stream.mid(cut));
        while (reader.next(m))
            received.push_back(m);
        QCOMPARE(received.size(), std::size_t(2));
        QVERIFY(sameMessage(received[0], a) && sameMessage(received[1], b));
    }
}

void TestCodec::partialFrameWaits()
{
    const QByteArray wire = frame(Message { MessageType::Record, 3, encodeRecord("data/0") });
    FrameReader reader;
    reader.append(wire.left(wire.size() - 1));
    Message m;
    QVERIFY(!reader.next(m));
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bufferedBytes(), wire.size() - 1);
    reader.append(wire.right(1));
    QVERIFY(reader.next(m));
    QCOMPARE(m.type, MessageType::Record);
    QCOMPARE(m.requestId, quint64(3));
}

void TestCodec::badFramesStopTheReader_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("expected");
    const quint16 hello = quint16(MessageType::Hello);
    QTest::newRow("wrong magic") << frameWith(16, 0x50435354, kProtocolVersion, hello) << QStringLiteral("magic");
    QTest::newRow("text") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QStringLiteral("magic");
    QTest::newRow("version 0") << frameWith(16, kProtocolMagic, 0, hello) << QStringLiteral("version 0");
    QTest::newRow("newer version") << frameWith(16, kProtocolMagic, kProtocolVersion + 1, hello)
                                   << QStringLiteral("version 2");
    QTest::newRow("over 1 GiB") << frameWith(kMaxFrameLength + 1, kProtocolMagic, kProtocolVersion, hello)
                                << QStringLiteral("exceeds the limit");
    QTest::newRow("length 0xffffffff") << frameWith(0xffffffff, kProtocolMagic, kProtocolVersion, hello)
                                       << QStringLiteral("exceeds the limit");
    QTest::newRow("shorter than header") << frameWith(15, kProtocolMagic, kProtocolVersion, hello)
                                         << QStringLiteral("header");
    QTest::newRow("type 0") << frameWith(16, kProtocolMagic, kProtocolVersion, 0) << QStringLiteral("type 0");
    QTest::newRow("type 999") << frameWith(16, kProtocolMagic, kProtocolVersion, 999) << QStringLiteral("type 999");
}

void TestCodec::badFramesStopTheReader()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, expected);
    const Message good { MessageType::Hello, 1, {} };
    FrameReader reader;
    // The message before the bad frame still arrives; the reader stops at the bad frame's header.
    reader.append(frame(good) + bad);
    Message m;
    QVERIFY(reader.next(m));
    QVERIFY(sameMessage(m, good));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.hasError());
    QVERIFY2(reader.errorString().contains(expected), qPrintable(reader.errorString()));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    reader.append(frame(good));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.hasError());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestCodec::customLengthLimit()
{
    FrameReader reader(kFrameHeaderSize + 10);
    Message m;
    reader.append(frame(Message { MessageType::Text, 1, QByteArray(10, 'x') }));
    QVERIFY(reader.next(m));
    reader.append(frame(Message { MessageType::Text, 2, QByteArray(11, 'x') }));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.errorString().contains(QStringLiteral("27 bytes exceeds the limit of 26")));
}

void TestCodec::garbageDoesNotCrash()
{
    std::mt19937 rng(20240601u); // fixed seed: the same 1000 buffers on every run
    const std::vector<Sample> samples = messageSamples();
    auto randomBytes = [&rng](qsizetype n) {
        QByteArray out(n, Qt::Uninitialized);
        for (char& c : out)
            c = char(rng() & 0xff);
        return out;
    };
    int rejectedFrames = 0, delivered = 0, decoded = 0;
    for (int i = 0; i < 1000; ++i) {
        QByteArray buffer;
        switch (i % 4) {
        case 0: // pure noise
            buffer = randomBytes(qsizetype(rng() % 400));
            break;
        case 1: // a plausible header over a noise payload
            buffer = frameWith(kFrameHeaderSize + (rng() % 64), kProtocolMagic, kProtocolVersion,
                         quint16(samples[rng() % samples.size()].type))
                + randomBytes(qsizetype(rng() % 80));
            break;
        default: { // a real payload with a few bytes overwritten, possibly cut short, correctly framed
            const Sample& s = samples[rng() % samples.size()];
            QByteArray payload = s.payload.left(qsizetype(std::min<std::size_t>(s.payload.size(), 20000)));
            for (int k = 0, n = int(rng() % 4) + 1; k < n && !payload.isEmpty(); ++k)
                payload[qsizetype(rng() % payload.size())] = char(rng() & 0xff);
            if (rng() % 3 == 0)
                payload.truncate(qsizetype(rng() % (payload.size() + 1)));
            buffer = frame(Message { s.type, rng(), payload });
            break;
        }
        }

        FrameReader reader;
        for (qsizetype pos = 0; pos < buffer.size();) {
            const qsizetype chunk = 1 + qsizetype(rng() % 32);
            reader.append(buffer.mid(pos, chunk));
            pos += chunk;
            Message m;
            while (reader.next(m)) {
                ++delivered;
                for (const Sample& s : samples)
                    decoded += s.decodes(m.payload) ? 1 : 0;
            }
        }
        rejectedFrames += reader.hasError() ? 1 : 0;
        QVERIFY(reader.bufferedBytes() <= buffer.size());

        // Every decoder and value reader on the raw bytes as well.
        for (const Sample& s : samples)
            decoded += s.decodes(buffer) ? 1 : 0;
        readStatus<ArchiveInfo>(buffer);
        readStatus<ModuleTree>(buffer);
        readStatus<IrGraph>(buffer);
        readStatus<Error>(buffer);
        readStatus<TensorStats>(buffer);
    }
    // The mix exercised every path: frames were rejected, frames were delivered, some payloads decoded.
    QVERIFY(rejectedFrames >= 200);
    QVERIFY(delivered >= 400);
    QVERIFY(decoded > 0);
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
