// The codecs of the worker protocol: every value type survives the trip byte-exactly, and malformed
// values (truncated, corrupt, absurd counts) are rejected without crashing.

#include "codecsamples.h"

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
    void runValueTypesRoundTrip();
    void runEnumsAreChecked();
    void deepNestingIsRejected();
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

void TestCodec::runValueTypesRoundTrip()
{
    CHECK_ROUND_TRIP(makeInputSpec());
    CHECK_ROUND_TRIP(InputSpec {});
    CHECK_ROUND_TRIP(makeArgumentSpec(true));
    CHECK_ROUND_TRIP(makeArgumentSpec(false));
    CHECK_ROUND_TRIP(makeTensorNode());
    CHECK_ROUND_TRIP(makeValueNode());
    CHECK_ROUND_TRIP(makeTimingStats());
    CHECK_ROUND_TRIP(makeRunRequest());
    CHECK_ROUND_TRIP(RunRequest {});
    CHECK_ROUND_TRIP(makeRunResult());
    RunResult noPeak = makeRunResult();
    noPeak.peakMemoryBytes.reset(); // CPU runs: no peak memory
    CHECK_ROUND_TRIP(noPeak);
    // Compare's request and report (the Compare window's worker request).
    CHECK_ROUND_TRIP(makeOutputComparison());
    CHECK_ROUND_TRIP(makeTrialReport());
    CHECK_ROUND_TRIP(makeCompareRequest());
    CHECK_ROUND_TRIP(CompareRequest {});
    CHECK_ROUND_TRIP(makeCompareReport());
    CHECK_ROUND_TRIP(CompareReport {});
    // Every spec the CLI grammar can spell survives the trip as the parser produced it.
    for (const char* text : { "randn:1x3x224x224@float16", "full=2.5:2x2", "randint=-3..7:5@int32", "arange:scalar",
             "int:3", "float:-0.5", "bool:true", "str:a b", "none", "default", "auto", "file:/x/\xc3\xbc.npy",
             "list[zeros:2,tuple[ones:1,int:2]]", "dict[a=rand:3,b=none]" }) {
        const Result<InputSpec> parsed = parseInputSpec(text);
        QVERIFY2(parsed.ok(), text);
        CHECK_ROUND_TRIP(parsed.value());
    }
    ValueNode node;
    QVERIFY(roundTrip(makeValueNode(), node));
    QCOMPARE(node.items.size(), std::size_t(3));
    QCOMPARE(node.items[1].items[1].text.size(), kBinary.size());
    QVERIFY(std::signbit(node.items[0].values[0]));
}

void TestCodec::runEnumsAreChecked()
{
    for (int k = 0; k <= int(InputKind::File); ++k)
        CHECK_ROUND_TRIP(InputKind(k));
    for (int k = 0; k <= int(Fill::Randint); ++k)
        CHECK_ROUND_TRIP(Fill(k));
    for (int k = 0; k <= int(ValueNode::Kind::Other); ++k)
        CHECK_ROUND_TRIP(ValueNode::Kind(k));
    auto raw = [](quint16 v) {
        QByteArray out;
        QDataStream s(&out, QIODevice::WriteOnly);
        s << v;
        return out;
    };
    QCOMPARE(readStatus<InputKind>(raw(quint16(int(InputKind::File) + 1))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<Fill>(raw(quint16(int(Fill::Randint) + 1))), QDataStream::ReadCorruptData);
    QCOMPARE(readStatus<ValueNode::Kind>(raw(quint16(int(ValueNode::Kind::Other) + 1))), QDataStream::ReadCorruptData);
    auto everyPrefixFails = [](const QByteArray& wire, auto tag) {
        using T = decltype(tag);
        for (qsizetype n = 0; n < wire.size(); ++n)
            if (readStatus<T>(wire.left(n)) == QDataStream::Ok)
                return false;
        return readStatus<T>(wire) == QDataStream::Ok;
    };
    QVERIFY(everyPrefixFails(encoded(makeRunRequest()), RunRequest {}));
    QVERIFY(everyPrefixFails(encoded(makeRunResult()), RunResult {}));
    QVERIFY(everyPrefixFails(encoded(makeArgumentSpec(true)), ArgumentSpec {}));
}

void TestCodec::deepNestingIsRejected()
{
    auto nested = [](int depth) {
        ValueNode node;
        for (int i = 1; i < depth; ++i) {
            ValueNode outer;
            outer.kind = ValueNode::Kind::List;
            outer.items.push_back(std::move(node));
            node = std::move(outer);
        }
        return node;
    };
    QCOMPARE(readStatus<ValueNode>(encoded(nested(kMaxValueDepth))), QDataStream::Ok);
    QCOMPARE(readStatus<ValueNode>(encoded(nested(kMaxValueDepth + 1))), QDataStream::ReadCorruptData);
    InputSpec spec;
    for (int i = 0; i < kMaxValueDepth; ++i) {
        InputSpec outer;
        outer.kind = InputKind::Tuple;
        outer.items.push_back(spec);
        spec = outer;
    }
    QCOMPARE(readStatus<InputSpec>(encoded(spec)), QDataStream::ReadCorruptData);
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
