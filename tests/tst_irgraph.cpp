// Archive::graph(): the IR as values. Checked for internal consistency, against the structure Python printed
// (tests/data/expected/*/<method>.graph.txt and .inlined.txt) and for the links to code and to Python sources.
#include "testsupport.h"

#include "engine/archive.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

const char* const kChildEnv = "TORCHSCOPE_TST_IRGRAPH_CHILD";

QString str(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestIrGraph : public QObject {
    Q_OBJECT

private:
    const Archive& archive(const QString& stem) { return openedFixture(stem); }

    IrGraph graphOf(const QString& stem, const std::string& module, const std::string& method, GraphForm form)
    {
        auto g = archive(stem).graph(module, method, form);
        if (!g)
            qFatal("graph %s %s.%s: %s", qPrintable(stem), module.c_str(), method.c_str(), g.error().message.c_str());
        return std::move(g).value();
    }

    static const IrNode* findNode(const IrGraph& g, const std::string& kind)
    {
        for (const IrNode& n : g.nodes)
            if (n.kind == kind)
                return &n;
        return nullptr;
    }

private Q_SLOTS:
    void nestedBlocksDoNotCorruptTheBlockVector()
    {
        // Regression: irextractor.cpp once did `m_out.blocks[id].nodes.push_back(addNode(n, id))`, which binds
        // blocks[id] before addNode() appends nested blocks and reallocates the vector (a write through a dangling
        // reference: If/Loop nodes went missing, or the process crashed). Runs in a child process with glibc's
        // freed-memory poisoning, so such a crash fails only this test.
        if (qEnvironmentVariableIsSet(kChildEnv)) {
            const Archive& a = archive(QStringLiteral("lstm_scripted"));
            for (const MethodInfo& m : a.modules().modules.front().methods)
                for (GraphForm form : { GraphForm::Graph, GraphForm::Inlined })
                    QVERIFY(a.graph("", m.name, form).ok());
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
        env.insert(QStringLiteral("MALLOC_PERTURB_"), QStringLiteral("165"));
        env.insert(QStringLiteral("QTEST_DISABLE_STACK_DUMP"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(QTest::currentTestFunction()) });
        QVERIFY(child.waitForFinished(120000));
        QVERIFY2(child.exitStatus() == QProcess::NormalExit, "Archive::graph crashed on lstm_scripted.pt");
        QCOMPARE(child.exitCode(), 0);
    }

    void consistentWithPython_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("inlined");
        for (const Fixture& f : torchScriptFixtures())
            for (const ExpectedText& t : expectedTexts(f.stem))
                if (t.kind == TextKind::Graph || t.kind == TextKind::Inlined)
                    QTest::newRow(qPrintable(t.tag()))
                        << f.stem << t.modulePath << t.method << (t.kind == TextKind::Inlined);
    }
    void consistentWithPython()
    {
        QFETCH(QString, stem);
        QFETCH(QString, module);
        QFETCH(QString, method);
        QFETCH(bool, inlined);
        const IrGraph g = graphOf(stem, toStd(module), toStd(method), inlined ? GraphForm::Inlined : GraphForm::Graph);
        QCOMPARE(str(g.modulePath), module);
        QCOMPARE(str(g.method), method);
        QCOMPARE(g.inlined, inlined);
        QVERIFY(!g.blocks.empty());
        QCOMPARE(g.blocks[0].owner, -1);

        // Ids are indices; every cross-reference points at something that points back.
        const int nValues = int(g.values.size());
        std::vector<int> nodeSeen(g.nodes.size(), 0);
        for (size_t b = 0; b < g.blocks.size(); ++b) {
            const IrBlock& block = g.blocks[b];
            QCOMPARE(block.id, int(b));
            for (int v : block.inputs) {
                QVERIFY(v >= 0 && v < nValues);
                QCOMPARE(g.values[v].producer, -1);
                QCOMPARE(g.values[v].block, int(b));
            }
            for (int v : block.outputs)
                QVERIFY(v >= 0 && v < nValues);
            for (int n : block.nodes) {
                QVERIFY(n >= 0 && n < int(g.nodes.size()));
                QCOMPARE(g.nodes[n].block, int(b));
                ++nodeSeen[n];
            }
            if (b > 0) {
                QVERIFY(block.owner >= 0 && block.owner < int(g.nodes.size()));
                const auto& owned = g.nodes[block.owner].blocks;
                QCOMPARE(std::count(owned.begin(), owned.end(), int(b)), std::ptrdiff_t(1));
            }
        }
        QVERIFY(std::all_of(nodeSeen.begin(), nodeSeen.end(), [](int seen) { return seen == 1; }));
        for (size_t i = 0; i < g.nodes.size(); ++i) {
            const IrNode& n = g.nodes[i];
            QCOMPARE(n.id, int(i));
            QVERIFY(!n.kind.empty());
            for (size_t k = 0; k < n.inputs.size(); ++k) {
                QVERIFY(n.inputs[k] >= 0 && n.inputs[k] < nValues);
                const auto& uses = g.values[n.inputs[k]].uses;
                QVERIFY(std::any_of(uses.begin(), uses.end(),
                    [&](const IrUse& u) { return u.node == int(i) && u.inputIndex == int(k); }));
            }
            for (int o : n.outputs) {
                QVERIFY(o >= 0 && o < nValues);
                QCOMPARE(g.values[o].producer, int(i));
            }
            for (int b : n.blocks)
                QCOMPARE(g.blocks.at(b).owner, int(i));
        }
        for (size_t v = 0; v < g.values.size(); ++v) {
            const IrValue& value = g.values[v];
            QCOMPARE(value.id, int(v));
            for (const IrUse& u : value.uses) {
                QVERIFY(u.node >= 0 && u.node < int(g.nodes.size()));
                QVERIFY(u.inputIndex >= 0 && u.inputIndex < int(g.nodes[u.node].inputs.size()));
                QCOMPARE(g.nodes[u.node].inputs[u.inputIndex], int(v));
            }
            if (value.producer < 0)
                QVERIFY(value.block >= 0 && value.block < int(g.blocks.size()));
        }

        // The same nodes, values, types, blocks and Python source locations as Python's own text.
        const ExpectedText text { stem, module, method, inlined ? TextKind::Inlined : TextKind::Graph,
            expectedDir(stem) + QLatin1Char('/') + moduleDirName(module) + QLatin1Char('/') + method
                + (inlined ? QStringLiteral(".inlined.txt") : QStringLiteral(".graph.txt")) };
        QCOMPARE(renderGraphSkeleton(g), graphTextSkeleton(QString::fromUtf8(readBytes(text.file))));

        // Each node's code line exists in the .code it points into.
        const Archive& a = archive(stem);
        for (const IrNode& n : g.nodes) {
            if (!n.codeLocation)
                continue;
            QVERIFY2(a.modules().find(n.modulePath), (n.kind + " in module '" + n.modulePath + "'").c_str());
            QStringList candidates;
            if (!inlined) {
                QCOMPARE(n.modulePath, toStd(module));
                candidates << str(a.methodCode(toStd(module), toStd(method)).value());
            } else {
                for (const MethodInfo& m : a.modules().find(n.modulePath)->methods)
                    candidates << str(a.methodCode(n.modulePath, m.name).value());
            }
            const bool found = std::any_of(candidates.begin(), candidates.end(), [&](const QString& code) {
                const QStringList lines = splitLines(code);
                return n.codeLocation->line >= 1 && n.codeLocation->line <= lines.size()
                    && n.codeLocation->column <= lines[n.codeLocation->line - 1].size();
            });
            QVERIFY2(found, n.kind.c_str());
        }
    }

    void bug_inlinedCallOnSelfIsNotAModuleNamedSELF()
    {
        // Inlining `self.check_forward_args(...)` records the callee's instance as "SELF" (LibTorch's marker for
        // a call on the graph's own module); irextractor.cpp appends it to the path, giving the module "SELF".
        const IrGraph g = graphOf(QStringLiteral("lstm_scripted"), "", "forward__0", GraphForm::Inlined);
        QVERIFY(!g.nodes.empty());
        for (const IrNode& n : g.nodes)
            QVERIFY2(n.modulePath.empty(), (n.kind + " in module '" + n.modulePath + "'").c_str());
    }

    void attributesAsPythonPrintsThem_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("method");
        for (const Fixture& f : torchScriptFixtures())
            for (const ExpectedText& t : expectedTexts(f.stem))
                if (t.kind == TextKind::GraphNoSource)
                    QTest::newRow(qPrintable(t.tag())) << f.stem << t.modulePath << t.method;
    }
    void attributesAsPythonPrintsThem()
    {
        // IrAttribute::value promises the graph text's spelling. Tensor constants are left out: the text prints
        // their values, the attribute a summary.
        QFETCH(QString, stem);
        QFETCH(QString, module);
        QFETCH(QString, method);
        const IrGraph g = graphOf(stem, toStd(module), toStd(method), GraphForm::Graph);
        QStringList expected;
        graphTextSkeleton(QString::fromUtf8(readBytes(expectedDir(stem) + QLatin1Char('/') + moduleDirName(module)
                              + QLatin1Char('/') + method + QStringLiteral(".graph-nosrc.txt"))),
            &expected);
        QCOMPARE(expected.size(), qsizetype(g.nodes.size()));
        for (const IrNode& n : g.nodes) {
            QStringList parts;
            bool tensor = false;
            for (const IrAttribute& a : n.attributes) {
                parts << str(a.name) + QLatin1Char('=') + str(a.value);
                tensor = tensor || a.kind == "t";
            }
            if (!tensor)
                QCOMPARE(parts.isEmpty() ? QString()
                                         : QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']'),
                    expected[n.id]);
        }
    }

    void bug_floatConstantLosesItsDecimalPoint()
    {
        // multi_method's `return y + float(self.hidden)`: Python prints prim::Constant[value=4.]; irextractor.cpp
        // attributeOf() streams the double as "4", which reads as an int.
        const IrGraph g = graphOf(QStringLiteral("multi_method"), "", "forward", GraphForm::Graph);
        const IrNode* four = nullptr;
        for (const IrNode& n : g.nodes)
            if (n.kind == "prim::Constant" && n.attributes.size() == 1 && n.attributes[0].kind == "f")
                four = &n;
        QVERIFY(four);
        QCOMPARE(g.values[four->outputs[0]].type, std::string("float"));
        QCOMPARE(four->attributes[0].value, std::string("4."));
    }

    void decisionGateIf()
    {
        const IrGraph g = graphOf(QStringLiteral("mydecisiongate_scripted"), "dg", "forward", GraphForm::Graph);
        const IrNode* ifNode = findNode(g, "prim::If");
        QVERIFY(ifNode);
        QCOMPARE(std::count_if(g.nodes.begin(), g.nodes.end(), [](const IrNode& n) { return n.kind == "prim::If"; }),
            std::ptrdiff_t(1));
        QCOMPARE(ifNode->blocks.size(), size_t(2));
        QCOMPARE(ifNode->inputs.size(), size_t(1));
        QCOMPARE(g.values[ifNode->inputs[0]].type, std::string("bool"));
        const IrBlock& elseBlock = g.blocks.at(ifNode->blocks[1]);
        QCOMPARE(elseBlock.nodes.size(), size_t(1));
        QCOMPARE(g.nodes[elseBlock.nodes[0]].kind, std::string("aten::neg"));
        QCOMPARE(g.blocks.at(ifNode->blocks[0]).nodes.size(), size_t(0)); // `return x`
    }

    void rnnLoopCarriesValues()
    {
        const IrGraph g = graphOf(QStringLiteral("myrnnloop"), "", "forward", GraphForm::Graph);
        const IrNode* loop = findNode(g, "prim::Loop");
        QVERIFY(loop);
        QCOMPARE(loop->blocks.size(), size_t(1));
        const IrBlock& body = g.blocks.at(loop->blocks[0]);
        // Inputs: trip count, condition, then the carried y and h; the body takes the iteration and both.
        QCOMPARE(loop->inputs.size(), size_t(4));
        QCOMPARE(loop->outputs.size(), size_t(2));
        QCOMPARE(body.inputs.size(), size_t(3));
        QCOMPARE(g.values[body.inputs[0]].type, std::string("int"));
        QCOMPARE(g.values[body.inputs[1]].name, std::string("y0.5"));
        QCOMPARE(g.values[body.inputs[2]].name, std::string("h0.7"));
        QCOMPARE(body.outputs.size(), size_t(3)); // the condition and the carried values
        const IrNode* call = findNode(g, "prim::CallMethod");
        QVERIFY(call);
        QCOMPARE(call->block, body.id);
        QCOMPARE(call->calleePath, std::string("cell"));
    }

    void codeLocationPointsAtTheStatement()
    {
        const Archive& a = archive(QStringLiteral("mycell_scripted"));
        const IrGraph g = graphOf(QStringLiteral("mycell_scripted"), "", "forward", GraphForm::Graph);
        const QStringList lines = splitLines(str(a.methodCode("", "forward").value()));
        const IrNode* tanh = findNode(g, "aten::tanh");
        QVERIFY(tanh && tanh->codeLocation);
        QVERIFY(tanh->codeLocation->file.empty());
        QVERIFY(tanh->codeLocation->line >= 1 && tanh->codeLocation->line <= lines.size());
        QVERIFY(lines[tanh->codeLocation->line - 1].contains(QLatin1String("torch.tanh")));
        // And its Python origin, as str(graph) prints it: make_fixtures.py:77:16.
        QVERIFY(tanh->originalLocation);
        QVERIFY(QString::fromStdString(tanh->originalLocation->file).endsWith(QLatin1String("make_fixtures.py")));
        QCOMPARE(tanh->originalLocation->line, 77);
        QCOMPARE(tanh->originalLocation->column, 16);
    }

    void originalLocationsNameTheFixtureScript()
    {
        // Every fixture carries .debug_pkl, so each has nodes that know their Python origin.
        for (const Fixture& f : torchScriptFixtures()) {
            const Archive& a = archive(f.stem);
            QVERIFY(a.info().hasDebugInfo);
            const IrGraph g = graphOf(f.stem, "", a.modules().modules.front().methods.front().name, GraphForm::Graph);
            QVERIFY2(std::any_of(g.nodes.begin(), g.nodes.end(),
                         [](const IrNode& n) { return n.originalLocation && n.originalLocation->line > 0; }),
                qPrintable(f.stem));
        }
        int withOrigin = 0;
        for (const IrNode& n : graphOf(QStringLiteral("multi_method"), "", "combine", GraphForm::Graph).nodes) {
            if (!n.originalLocation || n.originalLocation->line <= 0)
                continue;
            ++withOrigin;
            QVERIFY2(str(n.originalLocation->file).endsWith(QLatin1String("/make_fixtures.py")), n.kind.c_str());
        }
        QVERIFY(withOrigin > 5);
    }

    void callMethodNamesItsModule()
    {
        const IrGraph g = graphOf(QStringLiteral("wraprnn"), "", "forward", GraphForm::Graph);
        const IrNode* call = findNode(g, "prim::CallMethod");
        QVERIFY(call);
        QCOMPARE(call->calleePath, std::string("loop"));
        const IrNode* getLoop = findNode(g, "prim::GetAttr");
        QVERIFY(getLoop);
        QCOMPARE(getLoop->calleePath, std::string("loop"));
        const IrGraph nested = graphOf(QStringLiteral("multi_method"), "block", "forward", GraphForm::Graph);
        const IrNode* inner = findNode(nested, "prim::CallMethod");
        QVERIFY(inner);
        QCOMPARE(inner->calleePath, std::string("block.inner"));
    }

    void inlinedNodesKnowTheirModule()
    {
        // WrapRNN.forward -> loop (MyRNNLoop) -> cell (MyCell) -> dg (MyDecisionGate) and linear (Linear).
        const IrGraph g = graphOf(QStringLiteral("wraprnn"), "", "forward", GraphForm::Inlined);
        QVERIFY(!findNode(g, "prim::CallMethod"));
        const std::map<std::string, std::string> expected { { "aten::linear", "loop.cell.linear" },
            { "aten::neg", "loop.cell.dg" }, { "aten::sum", "loop.cell.dg" }, { "aten::tanh", "loop.cell" },
            { "aten::zeros", "loop" }, { "prim::Loop", "loop" }, { "aten::relu", "" } };
        for (const auto& [kind, path] : expected) {
            const IrNode* n = findNode(g, kind);
            QVERIFY2(n, kind.c_str());
            QCOMPARE(n->modulePath, path);
        }
    }
};

QTEST_GUILESS_MAIN(TestIrGraph)
#include "tst_irgraph.moc"
