// The engine's run, compare, diff and retrace on the fixtures, with expected values from Python's torch.jit
// (run at test time with PYTHON_WITH_TORCH, or read from tests/data/expected).
#include "testsupport.h"

#include "engine/archive.h"
#include "engine/compare.h"
#include "engine/structdiff.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

std::unique_ptr<Archive> open(const QString& file)
{
    auto a = Archive::open(dataPath(file).toStdString());
    if (!a)
        qFatal("cannot open %s: %s", qPrintable(file), a.error().message.c_str());
    return std::move(a).value();
}

// Runs a Python script with torch and returns its stdout; the script's failure fails the test.
QString python(const QString& script)
{
    QProcess p;
    p.start(QStringLiteral(PYTHON_WITH_TORCH), { QStringLiteral("-c"), script });
    if (!p.waitForFinished(180000) || p.exitCode() != 0)
        qWarning("python failed: %s", p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

InputSpec spec(const char* text)
{
    auto s = parseInputSpec(text);
    if (!s)
        qFatal("bad spec %s", text);
    return s.value();
}

} // namespace

class TestRunEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void argumentSpecsFollowTheSchema()
    {
        auto a = open(QStringLiteral("multi_method.pt"));
        // Python: [(a.name, a.type.annotation_str, a.default_value) for a in m.<method>.schema.arguments[1:]]
        const QString expected = python(
            QStringLiteral("import torch\n"
                           "m = torch.jit.load('%1')\n"
                           "for name in ['forward', 'combine', 'describe']:\n"
                           "    for a in getattr(m, name).schema.arguments[1:]:\n"
                           "        print(name, a.name, a.type.annotation_str, a.has_default_value(), sep='|')\n")
                .arg(dataPath(QStringLiteral("multi_method.pt"))));
        QStringList got;
        for (const char* name : { "forward", "combine", "describe" }) {
            auto args = a->argumentSpecs("", name);
            QVERIFY(args.ok());
            for (const auto& arg : args.value()) {
                got << QStringLiteral("%1|%2|%3|%4")
                           .arg(QLatin1String(name), QString::fromStdString(arg.name), QString::fromStdString(arg.type),
                               arg.defaultValue ? QStringLiteral("True") : QStringLiteral("False"));
                // What a run uses when no spec is given: the default, None for Optional, else nothing known.
                const InputKind expectedKind = arg.defaultValue ? InputKind::Default
                    : arg.type.rfind("Optional[", 0) == 0       ? InputKind::None
                                                                : InputKind::Auto;
                QCOMPARE(arg.suggested.kind, expectedKind);
            }
        }
        QCOMPARE(got.join(QLatin1Char('\n')), expected);
    }

    // Every schema type built from specs, run, and the output checked against Python on the same values.
    void everySchemaTypeRuns()
    {
        auto a = open(QStringLiteral("multi_method.pt"));
        RunRequest combine;
        combine.method = "combine";
        combine.inputs = { spec("dict[b=full=2:4,a=ones:4]"), spec("list[arange:4,full=0.5:4]"), spec("str:multi"),
            spec("int:5") };
        auto r = a->run(combine);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->argumentNames, (std::vector<std::string> { "inputs", "extras", "name", "k" }));
        QCOMPARE(r->output.kind, ValueNode::Kind::Tuple);
        QCOMPARE(r->output.items.size(), size_t(2));
        const ValueNode& total = r->output.items[0];
        const ValueNode& n = r->output.items[1];
        QCOMPARE(total.kind, ValueNode::Kind::Tensor);
        QCOMPARE(n.kind, ValueNode::Kind::Int);

        const QString expected = python(QStringLiteral(
            "import torch\n"
            "m = torch.jit.load('%1')\n"
            "t, n = m.combine({'b': torch.full([4], 2.0), 'a': torch.ones(4)},"
            " [torch.arange(4.0), torch.full([4], 0.5)], 'multi', 5)\n"
            "print(' '.join(repr(v) for v in t.tolist()), n)\n"
            "print(m.describe((torch.zeros(2, 3), 7), True, '-'))\n"
            "x = torch.arange(8.0).reshape(2, 4)\n"
            "print(' '.join(repr(v) for v in m.forward(x, 0.5, True, torch.ones(2, 4)).flatten().tolist()))\n"
            "print(' '.join(repr(v) for v in m.forward(x).flatten().tolist()))\n")
                                            .arg(dataPath(QStringLiteral("multi_method.pt"))));
        const QStringList lines = expected.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QStringList got;
        for (double v : total.values)
            got << QString::number(v);
        const QStringList expectTotal = lines[0].split(QLatin1Char(' '));
        QCOMPARE(got.join(QLatin1Char(' ')) + QLatin1Char(' ') + QString::number(n.intValue), [&] {
            QStringList e;
            for (int i = 0; i < expectTotal.size() - 1; ++i)
                e << QString::number(expectTotal[i].toDouble());
            return e.join(QLatin1Char(' ')) + QLatin1Char(' ') + expectTotal.last();
        }());

        RunRequest describe;
        describe.method = "describe";
        describe.inputs = { spec("tuple[zeros:2x3,int:7]"), spec("bool:true"), spec("str:-") };
        auto d = a->run(describe);
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
        QCOMPARE(d->output.kind, ValueNode::Kind::Str);
        QCOMPARE(QString::fromStdString(d->output.text), lines[1]);

        RunRequest forward; // float, bool and Optional[Tensor] given
        forward.inputs = { spec("arange:2x4"), spec("float:0.5"), spec("bool:true"), spec("ones:2x4") };
        auto f = a->run(forward);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        RunRequest defaults; // scale, flag and h from the schema's defaults (h=None)
        defaults.inputs = { spec("arange:2x4") };
        auto g = a->run(defaults);
        QVERIFY(g.ok());
        QCOMPARE(g->inputs[3].kind, ValueNode::Kind::None);
        int row = 2;
        for (const auto* result : { &f, &g }) {
            const QStringList values = lines[row++].split(QLatin1Char(' '));
            const auto& got = (*result)->output.values;
            QCOMPARE(int(got.size()), values.size());
            for (int i = 0; i < values.size(); ++i)
                QVERIFY2(qAbs(got[size_t(i)] - values[i].toDouble()) <= 1e-5 * (1 + qAbs(values[i].toDouble())),
                    qPrintable(QStringLiteral("%1 vs %2").arg(got[size_t(i)]).arg(values[i])));
        }
    }

    void seedsMakeRunsReproducible()
    {
        auto a = open(QStringLiteral("mycell_pair_scripted.pt"));
        RunRequest r;
        r.inputs = { spec("randn:3x4"), spec("rand:3x4") };
        r.seed = 7;
        r.repeat = 3;
        r.warmup = 1;
        auto first = a->run(r);
        auto second = a->run(r);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->inputs[0].values, second->inputs[0].values);
        QCOMPARE(first->output.items[0].values, second->output.items[0].values);
        QCOMPARE(first->timing.runs, 3);
        QCOMPARE(first->timing.warmup, 1);
        QVERIFY(first->timing.minMs <= first->timing.medianMs && first->timing.medianMs <= first->timing.p95Ms);
        QVERIFY(!first->peakMemoryBytes); // CPU: LibTorch reports no peak
        r.seed = 8;
        auto other = a->run(r);
        QVERIFY(other.ok());
        QVERIFY(other->inputs[0].values != first->inputs[0].values);
        // rand is in [0, 1), randn is not
        for (double v : first->inputs[1].values)
            QVERIFY(v >= 0 && v < 1);
    }

    void runErrors_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("needle");
        QTest::newRow("missing tensor") << "forward" << QStringList {} << "cpu"
                                        << "argument 'x' of forward (Tensor) needs an input";
        QTest::newRow("int for tensor") << "forward" << QStringList { "int:3" } << "cpu"
                                        << "is Tensor, but the spec gives an int";
        QTest::newRow("none for tensor") << "forward" << QStringList { "none" } << "cpu"
                                         << "not Optional";
        QTest::newRow("too many") << "describe" << QStringList { "none", "none", "none", "none" } << "cpu"
                                  << "4 inputs given";
        QTest::newRow("tuple arity") << "describe" << QStringList { "tuple[randn:2]" } << "cpu"
                                     << "(2 items)";
        QTest::newRow("missing file") << "forward" << QStringList { "file:/nonexistent/x.npy" } << "cpu"
                                      << "cannot read input file '/nonexistent/x.npy'";
        QTest::newRow("no default") << "combine" << QStringList { "default" } << "cpu"
                                    << "has no default value";
        QTest::newRow("unknown method") << "nosuch" << QStringList {} << "cpu"
                                        << "has no method 'nosuch'";
        QTest::newRow("bad device") << "forward" << QStringList { "randn:2x4" } << "tpu"
                                    << "unknown device 'tpu'";
        if (!cudaBuild())
            QTest::newRow("cuda in cpu build") << "forward" << QStringList { "randn:2x4" } << "cuda"
                                               << "CPU-only LibTorch";
    }

    void runErrors()
    {
        QFETCH(QString, method);
        QFETCH(QStringList, specs);
        QFETCH(QString, device);
        QFETCH(QString, needle);
        auto a = open(QStringLiteral("multi_method.pt"));
        RunRequest r;
        r.method = method.toStdString();
        r.device = device.toStdString();
        for (const auto& s : specs)
            r.inputs.push_back(spec(qPrintable(s)));
        auto result = a->run(r);
        QVERIFY(!result.ok());
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(needle), qPrintable(message));
    }

    // The seed's lesson: the trace froze `if x.sum() > 0`. A trial fails exactly when the gate's input sums
    // to a negative number (Python computes the sum for the very inputs of each trial).
    void gateTracedVsScriptedDiverges()
    {
        auto traced = open(QStringLiteral("mydecisiongate_traced.pt"));
        auto scripted = open(QStringLiteral("mydecisiongate_scripted.pt"));
        CompareRequest request;
        request.inputs = { spec("randn:3x4"), spec("rand:3x4") };
        request.trials = 20;
        request.seed = 100;
        auto report = compareArchives(*traced, *scripted, request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(int(report->trials.size()), 20);
        QVERIFY(!report->passed());
        QVERIFY(report->firstFailing);
        QVERIFY(report->passedTrials > 0);

        QTemporaryDir dir;
        QStringList files;
        for (const auto& t : report->trials) {
            RunRequest r;
            r.inputs = request.inputs;
            r.seed = t.seed;
            r.variant = t.variant;
            r.saveInputs = dir.filePath(QStringLiteral("in%1.pt").arg(t.index)).toStdString();
            QVERIFY(scripted->run(r).ok());
            files << QString::fromStdString(r.saveInputs);
            for (const auto& o : t.outputs) {
                QVERIFY(o.isTensor);
                QCOMPARE(o.passed, t.passed);
                if (!o.passed) {
                    QVERIFY(o.mismatched > 0 && o.mismatched <= o.numel);
                    QVERIFY(o.maxAbsDiff > 0 && o.requiredAtol > 0);
                    QCOMPARE(int(o.histogram.size()), 10);
                }
            }
        }
        const QString signs
            = python(QStringLiteral("import torch\n"
                                    "m = torch.jit.load('%1')\n"
                                    "for f in %2:\n"
                                    "    x, h = torch.load(f)\n"
                                    "    print('pos' if m.linear(x).sum() > 0 else 'neg')\n")
                         .arg(dataPath(QStringLiteral("mydecisiongate_scripted.pt")),
                             QStringLiteral("['") + files.join(QStringLiteral("', '")) + QStringLiteral("']")));
        const QStringList sign = signs.split(QLatin1Char('\n'));
        QCOMPARE(sign.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(report->trials[size_t(i)].passed, sign[i] == QLatin1String("pos"));
    }

    void mycellTracedVsScriptedAgrees()
    {
        auto traced = open(QStringLiteral("mycell_pair_traced.pt"));
        auto scripted = open(QStringLiteral("mycell_pair_scripted.pt"));
        CompareRequest request;
        request.inputs = { spec("randn:3x4"), spec("randn:3x4") };
        request.trials = 20;
        auto report = compareArchives(*traced, *scripted, request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(report->passed());
        QCOMPARE(report->passedTrials, 20);
        QVERIFY(!report->firstFailing);
        QCOMPARE(report->trials[1].variant, std::string("negate"));
        QCOMPARE(report->trials[2].variant, std::string("scale"));
        QCOMPARE(report->trials[0].outputs.size(), size_t(2));
        QCOMPARE(report->trials[0].outputs[0].path, std::string("output[0]"));
        QCOMPARE(report->trials[0].outputs[0].tolerance.rtol, 1.3e-6);
    }

    void structureMismatchFails()
    {
        // WrapRNN returns relu(y), a Tensor; MyRNNLoop returns (y, h): same input, different structure.
        auto wrap = open(QStringLiteral("wraprnn.pt"));
        auto loop = open(QStringLiteral("myrnnloop.pt"));
        CompareRequest request;
        request.inputs = { spec("rand:5x3x4") };
        auto report = compareArchives(*wrap, *loop, request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(!report->passed());
        QCOMPARE(report->trials[0].outputs.size(), size_t(1));
        QCOMPARE(QString::fromStdString(report->trials[0].outputs[0].problem),
            QStringLiteral("structure differs: A returns a Tensor, B a tuple of 2"));
    }

    void diffNamesTheMissingBranch()
    {
        auto scripted = open(QStringLiteral("mydecisiongate_scripted.pt"));
        auto traced = open(QStringLiteral("mydecisiongate_traced.pt"));
        auto report = diffArchives(*scripted, *traced, {});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(!report->same());
        QVERIFY(report->modulesOnlyInA.empty() && report->modulesOnlyInB.empty()); // matched by path, not type
        // The line of the `if` in Python's own dg.forward.code.
        const QStringList code = splitLines(QString::fromUtf8(readBytes(
            expectedDir(QStringLiteral("mydecisiongate_scripted")) + QStringLiteral("/dg/forward.code.txt"))));
        int ifLine = 0;
        for (int i = 0; i < code.size() && !ifLine; ++i)
            if (code[i].trimmed().startsWith(QLatin1String("if ")))
                ifLine = i + 1;
        QVERIFY(ifLine > 0);
        const MethodDifference* gate = nullptr;
        for (const auto& m : report->methods)
            if (m.modulePath == "dg" && m.method == "forward")
                gate = &m;
        QVERIFY(gate);
        QCOMPARE(gate->controlFlow.size(), size_t(1));
        const QString sentence = QString::fromStdString(gate->controlFlow[0]);
        QVERIFY2(sentence.startsWith(
                     QStringLiteral("`dg.forward`: A (mydecisiongate_scripted.pt) has `prim::If` at line %1; "
                                    "B (mydecisiongate_traced.pt) has no branch")
                         .arg(ifLine)),
            qPrintable(sentence));
        bool ifCounted = false;
        for (const auto& c : gate->opCounts)
            ifCounted = ifCounted || (c.kind == "prim::If" && c.countA == 1 && c.countB == 0);
        QVERIFY(ifCounted);
        QVERIFY(
            QString::fromStdString(gate->codeDiff).contains(QLatin1String("-  if bool(torch.gt(torch.sum(x), 0)):")));

        auto same = diffArchives(*scripted, *scripted, {});
        QVERIFY(same.ok());
        QVERIFY(same->same());
    }

    void retraceUnrollsLoopsAndResolvesBranches()
    {
        auto loop = open(QStringLiteral("myrnnloop.pt"));
        for (int steps : { 2, 5 }) {
            RunRequest r;
            r.inputs = { spec(qPrintable(QStringLiteral("rand:%1x3x4").arg(steps))) };
            auto graph = loop->retrace(r);
            QVERIFY2(graph.ok(), graph.ok() ? "" : graph.error().message.c_str());
            const QString text = QString::fromStdString(graph.value());
            QVERIFY(text.startsWith(QLatin1String("graph(")));
            QCOMPARE(int(text.count(QLatin1String("aten::tanh("))), steps);
            QVERIFY(!text.contains(QLatin1String("prim::Loop")));
            QVERIFY(!text.contains(QLatin1String("prim::If")));
            QVERIFY(text.contains(QLatin1String("%xs : Float(")));
        }
        // The scripted graph itself keeps both (Python's inlined_graph).
        const QString inlined = QString::fromUtf8(
            readBytes(expectedDir(QStringLiteral("myrnnloop")) + QStringLiteral("/_root/forward.inlined.txt")));
        QVERIFY(inlined.contains(QLatin1String("prim::Loop")) && inlined.contains(QLatin1String("prim::If")));
    }
};

QTEST_GUILESS_MAIN(TestRunEngine)
#include "tst_runengine.moc"
