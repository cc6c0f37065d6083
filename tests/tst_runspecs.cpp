// The value types of run and compare: the input-spec grammar (every schema type round-trips), the .npy reader,
// the line diff (checked against diff -u), timing summaries and assert_close's tolerance table.
#include "testsupport.h"

#include "data/comparereport.h"
#include "data/inputspec.h"
#include "data/linediff.h"
#include "data/npy.h"
#include "data/runresult.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace torchscope;

Q_DECLARE_METATYPE(torchscope::InputKind)

namespace {

// A version 1.0 .npy file as numpy.save writes it, built by hand from the format description.
std::string npyFile(const std::string& descr, bool fortran, const std::string& shape, const std::string& data)
{
    std::string header
        = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string out = "\x93NUMPY";
    out += '\x01';
    out += '\x00';
    out += static_cast<char>(header.size() & 0xff);
    out += static_cast<char>(header.size() >> 8);
    return out + header + data;
}

template <typename T> std::string bytesOf(std::initializer_list<T> values)
{
    std::string out;
    for (T v : values) {
        char buf[sizeof(T)];
        std::memcpy(buf, &v, sizeof(T));
        out.append(buf, sizeof(T));
    }
    return out;
}

template <typename T> std::vector<T> valuesOf(const std::string& data)
{
    std::vector<T> out(data.size() / sizeof(T));
    std::memcpy(out.data(), data.data(), data.size());
    return out;
}

} // namespace

class TestRunSpecs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<InputKind>("kind");
        // One row per kind of schema argument (Tensor in every fill, int, float, bool, str, None, defaults,
        // List[Tensor], Dict[str, Tensor], Tuple[...], Optional, files) and nesting.
        const QList<QPair<const char*, InputKind>> rows {
            { "randn:1x3x224x224", InputKind::Tensor },
            { "rand:3x4", InputKind::Tensor },
            { "zeros:scalar", InputKind::Tensor },
            { "ones:0x5@float64", InputKind::Tensor },
            { "arange:2x3@int64", InputKind::Tensor },
            { "full=0.5:2x2@float16", InputKind::Tensor },
            { "full=-3:7", InputKind::Tensor },
            { "randint=0..10:4@int32", InputKind::Tensor },
            { "randint=-5..5:2x2", InputKind::Tensor },
            { "rand:2@bfloat16", InputKind::Tensor },
            { "randn:2@bool", InputKind::Tensor },
            { "int:3", InputKind::Int },
            { "int:-42", InputKind::Int },
            { "float:0.5", InputKind::Float },
            { "float:1e-07", InputKind::Float },
            { "bool:true", InputKind::Bool },
            { "bool:false", InputKind::Bool },
            { "str:hello", InputKind::Str },
            { "str:", InputKind::Str },
            { "str:a b:c@d", InputKind::Str },
            { "none", InputKind::None },
            { "default", InputKind::Default },
            { "auto", InputKind::Auto },
            { "file:/tmp/x.npy", InputKind::File },
            { "list[randn:2x3,randn:4]", InputKind::List },
            { "list[]", InputKind::List },
            { "list[int:1,int:2,int:3]", InputKind::List },
            { "tuple[randn:2x3,int:7]", InputKind::Tuple },
            { "tuple[]", InputKind::Tuple },
            { "dict[a=randn:4,b=zeros:4]", InputKind::Dict },
            { "dict[]", InputKind::Dict },
            { "tuple[list[randn:2,none],dict[k=tuple[int:1,str:x]],float:2.5]", InputKind::Tuple },
        };
        for (const auto& [text, kind] : rows)
            QTest::newRow(text) << QString::fromUtf8(text) << kind;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(InputKind, kind);
        auto spec = parseInputSpec(text.toStdString());
        QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message.c_str());
        QCOMPARE(spec->kind, kind);
        const std::string printed = formatInputSpec(spec.value());
        QCOMPARE(QString::fromStdString(printed), text);
        auto again = parseInputSpec(printed);
        QVERIFY(again.ok());
        QVERIFY(again.value() == spec.value());
    }

    void parsedFields()
    {
        auto t = parseInputSpec("randint=-2..9:2x3@int8");
        QVERIFY(t.ok());
        QCOMPARE(t->fill, Fill::Randint);
        QCOMPARE(t->low, std::int64_t(-2));
        QCOMPARE(t->high, std::int64_t(9));
        QCOMPARE(t->shape, (std::vector<std::int64_t> { 2, 3 }));
        QCOMPARE(t->dtype, std::string("int8"));

        auto d = parseInputSpec("dict[x=full=2:3,y=list[ones:1,int:4]]");
        QVERIFY(d.ok());
        QCOMPARE(d->keys, (std::vector<std::string> { "x", "y" }));
        QCOMPARE(d->items.size(), size_t(2));
        QCOMPARE(d->items[0].fill, Fill::Full);
        QCOMPARE(d->items[0].fillValue, 2.0);
        QCOMPARE(d->items[1].kind, InputKind::List);
        QCOMPARE(d->items[1].items[1].intValue, std::int64_t(4));

        QCOMPARE(normalizeDtype("torch.float"), std::string("float32"));
        QCOMPARE(normalizeDtype("long"), std::string("int64"));
        QCOMPARE(normalizeDtype("complex64"), std::string());
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("unknown fill") << "gauss:3"
                                      << "unknown kind 'gauss'";
        QTest::newRow("no shape") << "randn"
                                  << "FILL:SHAPE";
        QTest::newRow("bad shape") << "randn:3xx4"
                                   << "sizes joined by x";
        QTest::newRow("negative dim") << "randn:-3"
                                      << "sizes joined by x";
        QTest::newRow("bad dtype") << "randn:3@complex64"
                                   << "unknown dtype 'complex64'";
        QTest::newRow("full no value") << "full=:3"
                                       << "full=V needs a number";
        QTest::newRow("randint order") << "randint=5..5:3"
                                       << "LO < HI";
        QTest::newRow("randint format") << "randint=5:3"
                                        << "randint=LO..HI";
        QTest::newRow("int") << "int:3.5"
                             << "int:N needs an integer";
        QTest::newRow("float") << "float:x"
                               << "float:X needs a number";
        QTest::newRow("bool") << "bool:yes"
                              << "bool:B needs true or false";
        QTest::newRow("unclosed list") << "list[randn:3"
                                       << "ends with ]";
        QTest::newRow("unbalanced") << "list[list[randn:3]"
                                    << "unbalanced";
        QTest::newRow("dict item") << "dict[randn:3]"
                                   << "KEY=SPEC";
        QTest::newRow("nested error") << "tuple[int:1,int:x]"
                                      << "int:N needs an integer";
        QTest::newRow("file") << "file:"
                              << "file:PATH needs a path";
    }

    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        auto spec = parseInputSpec(text.toStdString());
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().kind, ErrorKind::InvalidArgument);
        const QString message = QString::fromStdString(spec.error().message);
        QVERIFY2(message.contains(needle), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("bad input spec '")), qPrintable(message));
    }

    void npyFloat32()
    {
        const auto bytes = npyFile("<f4", false, "(2, 3)", bytesOf<float>({ 0.5f, 1, 2, 3, 4, -5 }));
        auto array = parseNpy(bytes, "a.npy");
        QVERIFY2(array.ok(), array.ok() ? "" : array.error().message.c_str());
        QCOMPARE(array->dtype, std::string("float32"));
        QCOMPARE(array->shape, (std::vector<std::int64_t> { 2, 3 }));
        QCOMPARE(valuesOf<float>(array->data), (std::vector<float> { 0.5f, 1, 2, 3, 4, -5 }));
    }

    void npyFortranOrder()
    {
        // numpy.asfortranarray([[0, 1, 2], [3, 4, 5]]) stores columns: 0 3 1 4 2 5.
        const auto bytes = npyFile("<f8", true, "(2, 3)", bytesOf<double>({ 0, 3, 1, 4, 2, 5 }));
        auto array = parseNpy(bytes, "f.npy");
        QVERIFY(array.ok());
        QCOMPARE(array->dtype, std::string("float64"));
        QCOMPARE(valuesOf<double>(array->data), (std::vector<double> { 0, 1, 2, 3, 4, 5 }));
    }

    void npyBigEndianAndScalar()
    {
        const auto big = npyFile(">i4", false, "(2,)", std::string("\x00\x00\x01\x02\xff\xff\xff\xfe", 8));
        auto array = parseNpy(big, "b.npy");
        QVERIFY(array.ok());
        QCOMPARE(array->shape, (std::vector<std::int64_t> { 2 }));
        QCOMPARE(valuesOf<std::int32_t>(array->data), (std::vector<std::int32_t> { 258, -2 }));

        auto scalar = parseNpy(npyFile("|b1", false, "()", std::string("\x01", 1)), "s.npy");
        QVERIFY(scalar.ok());
        QCOMPARE(scalar->dtype, std::string("bool"));
        QVERIFY(scalar->shape.empty());
    }

    void npyErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("needle");
        QTest::newRow("not npy") << QByteArray("PK\x03\x04 not an array") << "magic";
        const auto complex = npyFile("<c8", false, "(1,)", std::string(8, '\0'));
        QTest::newRow("complex") << QByteArray(complex.data(), int(complex.size())) << "dtype '<c8'";
        const auto object = npyFile("|O", false, "(1,)", std::string(8, '\0'));
        QTest::newRow("object") << QByteArray(object.data(), int(object.size())) << "dtype";
        const auto truncated = npyFile("<f4", false, "(4,)", std::string(8, '\0'));
        QTest::newRow("truncated") << QByteArray(truncated.data(), int(truncated.size())) << "truncated";
    }

    void npyErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, needle);
        auto array = parseNpy(bytes.toStdString(), "in.npy");
        QVERIFY(!array.ok());
        const QString message = QString::fromStdString(array.error().message);
        QVERIFY2(message.contains(QLatin1String("'in.npy'")) && message.contains(needle), qPrintable(message));
    }

    // The hunks must be what GNU diff -u prints for the same two files.
    void unifiedDiffMatchesDiffU_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("one change") << "a\nb\nc\nd\ne\nf\ng\nh\n"
                                    << "a\nb\nc\nD\ne\nf\ng\nh\n";
        QTest::newRow("two hunks") << "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"
                                   << "1\nx\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\ny\n16\n";
        QTest::newRow("merged hunk") << "1\n2\n3\n4\n5\n6\n7\n8\n"
                                     << "0\n1\n2\n3\n5\n6\n7\n8\n9\n";
        QTest::newRow("insert only") << "a\nb\n"
                                     << "a\nb\nc\nd\n";
        QTest::newRow("from empty") << ""
                                    << "x\ny\n";
        QTest::newRow("to empty") << "x\ny\n"
                                  << "";
        QTest::newRow("code") << "def forward(self,\n    x: Tensor) -> Tensor:\n  if bool(torch.gt(torch.sum(x), 0)):\n"
                                 "    _0 = x\n  else:\n    _0 = torch.neg(x)\n  return _0\n"
                              << "def forward(self,\n    argument_1: Tensor) -> NoneType:\n  return None\n";
    }

    void unifiedDiffMatchesDiffU()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QTemporaryDir dir;
        QFile fa(dir.filePath(QStringLiteral("a"))), fb(dir.filePath(QStringLiteral("b")));
        QVERIFY(fa.open(QIODevice::WriteOnly) && fb.open(QIODevice::WriteOnly));
        fa.write(a.toUtf8());
        fb.write(b.toUtf8());
        fa.close();
        fb.close();
        QProcess diff;
        diff.start(QStringLiteral("diff"), { QStringLiteral("-u"), fa.fileName(), fb.fileName() });
        QVERIFY(diff.waitForFinished(10000));
        QCOMPARE(diff.exitCode(), 1);
        QStringList expected = QString::fromUtf8(diff.readAllStandardOutput()).split(QLatin1Char('\n'));
        expected = expected.mid(2); // the ---/+++ lines carry file names and times

        const std::string ours = unifiedDiff(a.toStdString(), b.toStdString(), "A", "B");
        QStringList got = QString::fromStdString(ours).split(QLatin1Char('\n'));
        QCOMPARE(got.value(0), QStringLiteral("--- A"));
        QCOMPARE(got.value(1), QStringLiteral("+++ B"));
        QCOMPARE(got.mid(2), expected);
        QCOMPARE(unifiedDiff(a.toStdString(), a.toStdString(), "A", "B"), std::string());
    }

    void shortestEditScript()
    {
        const std::vector<std::string> a { "a", "b", "c", "a", "b", "b", "a" };
        const std::vector<std::string> b { "c", "b", "a", "b", "a", "c" };
        const auto edits = diffLines(a, b);
        int changes = 0;
        std::vector<std::string> rebuilt;
        for (const auto& e : edits) {
            if (e.op != LineEdit::Equal)
                ++changes;
            if (e.op == LineEdit::Equal)
                rebuilt.push_back(a[size_t(e.aLine)]);
            if (e.op == LineEdit::Insert)
                rebuilt.push_back(b[size_t(e.bLine)]);
        }
        QCOMPARE(rebuilt, b);
        QCOMPARE(changes, 5); // Myers' paper: the shortest edit script of ABCABBA -> CBABAC has length 5
    }

    void timing()
    {
        const auto t = summarizeTimings({ 5, 1, 3, 2, 4, 100, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 }, 2);
        QCOMPARE(t.runs, 20);
        QCOMPARE(t.warmup, 2);
        QCOMPARE(t.minMs, 1.0);
        QCOMPARE(t.maxMs, 100.0);
        QCOMPARE(t.medianMs, 10.5); // numpy.median of the same 20 values
        QCOMPARE(t.p95Ms, 19.0); // nearest rank: ceil(0.95 * 20) = 19th smallest
        QCOMPARE(t.meanMs, 290.0 / 20);
        QCOMPARE(t.samplesMs.front(), 5.0); // in run order
    }

    void assertCloseTolerances()
    {
        // torch.testing._comparison._DTYPE_PRECISIONS in torch 1.13 and 2.x.
        QCOMPARE(defaultTolerance("float32").rtol, 1.3e-6);
        QCOMPARE(defaultTolerance("float32").atol, 1e-5);
        QCOMPARE(defaultTolerance("float64").rtol, 1e-7);
        QCOMPARE(defaultTolerance("float64").atol, 1e-7);
        QCOMPARE(defaultTolerance("float16").rtol, 1e-3);
        QCOMPARE(defaultTolerance("float16").atol, 1e-5);
        QCOMPARE(defaultTolerance("bfloat16").rtol, 1.6e-2);
        QCOMPARE(defaultTolerance("bfloat16").atol, 1e-5);
        QCOMPARE(defaultTolerance("int64").rtol, 0.0);
        QCOMPARE(defaultTolerance("bool").atol, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestRunSpecs)
#include "tst_runspecs.moc"
