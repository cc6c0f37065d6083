// buildVisualGraph(): the drawable graph of the seed fixtures, checked structurally: If/Loop clusters, collapsed
// and expanded calls, folded plumbing, the inlined form's module clusters, and the expansion helpers.
#include "testsupport.h"

#include "engine/archive.h"
#include "layout/graphmodel.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

using namespace torchscope;
using namespace torchscope::test;

namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }

std::vector<const VisualCluster*> clustersOfKind(const VisualGraph& g, ClusterKind kind)
{
    std::vector<const VisualCluster*> out;
    for (const auto& c : g.clusters)
        if (c.kind == kind)
            out.push_back(&c);
    return out;
}

std::vector<const VisualNode*> nodesOfKind(const VisualGraph& g, const std::string& kind)
{
    std::vector<const VisualNode*> out;
    for (const auto& n : g.nodes)
        if (n.kind == kind)
            out.push_back(&n);
    return out;
}

int countKind(const IrGraph& g, const std::string& kind)
{
    return int(std::count_if(g.nodes.begin(), g.nodes.end(), [&](const IrNode& n) { return n.kind == kind; }));
}

// True when cluster `inner` lies (directly or not) inside cluster `outer`.
bool within(const VisualGraph& g, int inner, int outer)
{
    for (int c = inner; c >= 0; c = g.clusters[c].parent)
        if (c == outer)
            return true;
    return false;
}

const VisualCluster* moduleCluster(const VisualGraph& g, const std::string& path)
{
    for (const auto& c : g.clusters)
        if (c.kind == ClusterKind::Module && c.modulePath == path)
            return &c;
    return nullptr;
}

// What every built graph promises: unique names, edges between existing nodes, clusters and nodes listed where
// their parent says.
void checkConsistent(const VisualGraph& g)
{
    std::set<std::string> ids;
    for (size_t i = 0; i < g.nodes.size(); ++i) {
        const VisualNode& n = g.nodes[i];
        QVERIFY2(ids.insert(n.id).second, n.id.c_str());
        QVERIFY(n.source >= 0 && n.source < int(g.sources.size()));
        const auto& list = n.cluster < 0 ? g.topNodes : g.clusters[n.cluster].nodes;
        QVERIFY2(std::count(list.begin(), list.end(), int(i)) == 1, n.id.c_str());
    }
    for (size_t i = 0; i < g.clusters.size(); ++i) {
        const VisualCluster& c = g.clusters[i];
        QVERIFY2(c.id.rfind("cluster", 0) == 0 && ids.insert(c.id).second, c.id.c_str());
        const auto& list = c.parent < 0 ? g.topClusters : g.clusters[c.parent].children;
        QVERIFY2(std::count(list.begin(), list.end(), int(i)) == 1, c.id.c_str());
    }
    for (const VisualEdge& e : g.edges) {
        QVERIFY2(g.findNode(e.from) >= 0 && g.findNode(e.to) >= 0, (e.from + " -> " + e.to).c_str());
        QVERIFY(e.from != e.to);
    }
}

// graph(%self : __torch__.M, %x : Tensor): one node per (kind, inputs, outputs); values named by id.
IrGraph syntheticGraph(const std::string& module, const std::string& method,
    const std::vector<std::tuple<std::string, std::vector<int>, std::vector<int>, std::string>>& nodes, int values,
    std::vector<int> outputs)
{
    IrGraph g;
    g.modulePath = module;
    g.method = method;
    for (int v = 0; v < values; ++v) {
        IrValue value;
        value.id = v;
        value.name = v == 0 ? "self" : std::to_string(v);
        value.type = v == 0 ? "__torch__.M" : "Tensor";
        value.block = 0;
        g.values.push_back(value);
    }
    IrBlock top;
    top.id = 0;
    top.inputs = { 0, 1 };
    top.outputs = std::move(outputs);
    for (size_t i = 0; i < nodes.size(); ++i) {
        IrNode n;
        n.id = int(i);
        std::tie(n.kind, n.inputs, n.outputs, std::ignore) = nodes[i];
        if (!std::get<3>(nodes[i]).empty())
            n.attributes.push_back({ "name", "s", "\"" + std::get<3>(nodes[i]) + "\"" });
        n.modulePath = module;
        for (int o : n.outputs) {
            g.values[o].producer = n.id;
            g.values[o].block = -1;
        }
        top.nodes.push_back(n.id);
        g.nodes.push_back(n);
    }
    g.blocks.push_back(top);
    return g;
}

} // namespace

class TestGraphModel : public QObject {
    Q_OBJECT

private:
    const Archive& archive(const QString& stem) { return openedFixture(stem); }

    IrGraph graphOf(const QString& stem, const std::string& module, GraphForm form = GraphForm::Graph)
    {
        auto g = archive(stem).graph(module, "forward", form);
        if (!g)
            qFatal("graph %s %s: %s", qPrintable(stem), module.c_str(), g.error().message.c_str());
        return std::move(g).value();
    }

    SubgraphProvider provider(const QString& stem)
    {
        const Archive* a = &archive(stem);
        return [a](const std::string& path, const std::string& method) -> std::optional<IrGraph> {
            auto g = a->graph(path, method, GraphForm::Graph);
            return g ? std::optional<IrGraph>(std::move(g).value()) : std::nullopt;
        };
    }

    VisualGraph build(const IrGraph& g, GraphModelOptions options = {})
    {
        auto built = buildVisualGraph(g, options);
        if (!built)
            qFatal("buildVisualGraph: %s", built.error().message.c_str());
        return std::move(built).value();
    }

private Q_SLOTS:
    void scriptedGateHasIfWithBothBranches()
    {
        const VisualGraph g = build(graphOf(QStringLiteral("mydecisiongate_scripted"), "dg"));
        checkConsistent(g);
        const auto ifs = clustersOfKind(g, ClusterKind::If);
        QCOMPARE(ifs.size(), size_t(1));
        const VisualCluster& cluster = *ifs.front();
        QCOMPARE(cluster.children.size(), size_t(2));
        QCOMPARE(str(g.clusters[cluster.children[0]].label), QStringLiteral("then"));
        QCOMPARE(str(g.clusters[cluster.children[1]].label), QStringLiteral("else"));
        for (int child : cluster.children)
            QCOMPARE(g.clusters[child].kind, ClusterKind::IfBranch);

        // The head sits in the If cluster and the condition (aten::Bool) feeds it.
        const auto heads = nodesOfKind(g, "prim::If");
        QCOMPARE(heads.size(), size_t(1));
        QCOMPARE(heads.front()->category, NodeCategory::ControlFlow);
        QCOMPARE(&g.clusters[heads.front()->cluster], &cluster);
        const auto cond = nodesOfKind(g, "aten::Bool");
        QCOMPARE(cond.size(), size_t(1));
        const bool fed = std::any_of(g.edges.begin(), g.edges.end(), [&](const VisualEdge& e) {
            return e.from == cond.front()->id && e.to == heads.front()->id && e.label == "condition: bool";
        });
        QVERIFY(fed);

        // then: x passes through (only the yield); else: neg.
        const auto neg = nodesOfKind(g, "aten::neg");
        QCOMPARE(neg.size(), size_t(1));
        QCOMPARE(neg.front()->cluster, cluster.children[1]);
        QCOMPARE(g.clusters[cluster.children[0]].nodes.size(), size_t(1));
        QCOMPARE(g.nodes[g.clusters[cluster.children[0]].nodes.front()].kind, std::string("block.return"));
    }

    // Many `if`s (a frozen model) start closed: one box per If holding its blocks, opened by its key.
    void collapsedControlIsOneBox()
    {
        const IrGraph ir = graphOf(QStringLiteral("mydecisiongate_scripted"), "dg");
        QCOMPARE(countControlNodes(ir), countKind(ir, "prim::If"));
        QCOMPARE(countControlNodes(ir), 1);
        GraphModelOptions options;
        options.collapseControl = true;
        const VisualGraph closed = buildVisualGraph(ir, options).value();
        checkConsistent(closed);
        QVERIFY(clustersOfKind(closed, ClusterKind::If).empty());
        QVERIFY(nodesOfKind(closed, "aten::neg").empty());
        const auto boxes = nodesOfKind(closed, "prim::If");
        QCOMPARE(boxes.size(), size_t(1));
        const VisualNode& box = *boxes.front();
        QVERIFY(box.expandable);
        QCOMPARE(box.expansionKey.substr(0, 1), std::string("@"));
        // The box stands for the If and what its blocks hold (the else branch's neg).
        QVERIFY(std::any_of(box.irNodes.begin(), box.irNodes.end(),
            [&](int id) { return ir.nodes[id].kind == "aten::neg"; }));
        QVERIFY(std::any_of(closed.edges.begin(), closed.edges.end(),
            [&](const VisualEdge& e) { return e.to == box.id && e.label == "condition: bool"; }));

        options.expansion.expanded.insert(box.expansionKey);
        const VisualGraph open = buildVisualGraph(ir, options).value();
        checkConsistent(open);
        const auto ifs = clustersOfKind(open, ClusterKind::If);
        QCOMPARE(ifs.size(), size_t(1));
        QCOMPARE(ifs.front()->expansionKey, box.expansionKey);
        QCOMPARE(nodesOfKind(open, "aten::neg").size(), size_t(1));
        QCOMPARE(expandOneLevel(closed, {}).expanded, std::set<std::string> { box.expansionKey });
    }

    void tracedGateHasNoControlFlow()
    {
        // The seed's trace-vs-script story: tracing records only the branch taken, so nothing is left to choose.
        const IrGraph ir = graphOf(QStringLiteral("mydecisiongate_traced"), "dg");
        QCOMPARE(countKind(ir, "prim::If"), 0);
        const VisualGraph g = build(ir);
        checkConsistent(g);
        QVERIFY(g.clusters.empty());
        for (const auto& n : g.nodes)
            QVERIFY2(n.category != NodeCategory::ControlFlow, n.id.c_str());
    }

    void loopIsACluster()
    {
        const VisualGraph g = build(graphOf(QStringLiteral("myrnnloop"), ""));
        checkConsistent(g);
        const auto loops = clustersOfKind(g, ClusterKind::Loop);
        QCOMPARE(loops.size(), size_t(1));
        QCOMPARE(loops.front()->children.size(), size_t(1));
        const VisualCluster& body = g.clusters[loops.front()->children.front()];
        QCOMPARE(body.kind, ClusterKind::LoopBody);
        const auto heads = nodesOfKind(g, "prim::Loop");
        QCOMPARE(heads.size(), size_t(1));
        const std::string head = heads.front()->id;
        auto hasEdge = [&](auto pred) { return std::any_of(g.edges.begin(), g.edges.end(), pred); };
        QVERIFY(hasEdge([&](const VisualEdge& e) { return e.to == head && e.label == "trip count: int"; }));
        QVERIFY(hasEdge([&](const VisualEdge& e) { return e.to == head && e.label == "carried: Tensor"; }));
        QVERIFY(hasEdge([&](const VisualEdge& e) { return e.to == head && e.style == EdgeStyle::LoopBack; }));
        // The always-true condition is folded onto the head.
        const auto& attrs = heads.front()->attributes;
        QVERIFY(std::find(attrs.begin(), attrs.end(), "condition=True") != attrs.end());
        // The body calls the cell: a collapsed Call box inside the body.
        const auto calls = nodesOfKind(g, "prim::CallMethod");
        QCOMPARE(calls.size(), size_t(1));
        QCOMPARE(calls.front()->calleePath, std::string("cell"));
        QCOMPARE(g.clusters[calls.front()->cluster].id, body.id);
    }

    void wrapRnnCollapsedIsOneCallBox()
    {
        const VisualGraph g = build(graphOf(QStringLiteral("wraprnn"), ""));
        checkConsistent(g);
        QVERIFY(g.clusters.empty());
        std::vector<const VisualNode*> calls;
        for (const auto& n : g.nodes)
            if (n.category == NodeCategory::Call)
                calls.push_back(&n);
        QCOMPARE(calls.size(), size_t(1));
        QCOMPARE(calls.front()->calleePath, std::string("loop"));
        QCOMPARE(calls.front()->calleeMethod, std::string("forward"));
        QVERIFY(calls.front()->expandable);
        QCOMPARE(str(calls.front()->label), QStringLiteral("loop"));
    }

    void wrapRnnExpandAll()
    {
        const IrGraph ir = graphOf(QStringLiteral("wraprnn"), "");
        GraphModelOptions options;
        options.subgraph = provider(QStringLiteral("wraprnn"));
        options.expansion = expandAll(ir, options.subgraph);
        const std::set<std::string> all { "loop", "loop.cell", "loop.cell.dg", "loop.cell.linear" };
        QCOMPARE(options.expansion.expanded, all);
        const VisualGraph g = build(ir, options);
        checkConsistent(g);
        for (const auto& path : all)
            QVERIFY2(moduleCluster(g, path), path.c_str());
        auto index = [&](const std::string& path) { return int(moduleCluster(g, path) - g.clusters.data()); };
        QVERIFY(within(g, index("loop.cell"), index("loop")));
        QVERIFY(within(g, index("loop.cell.dg"), index("loop.cell")));
        QVERIFY(within(g, index("loop.cell.linear"), index("loop.cell")));
        // The cell is called inside the loop's body; the gate's If is inside the gate.
        const auto bodies = clustersOfKind(g, ClusterKind::LoopBody);
        QCOMPARE(bodies.size(), size_t(1));
        QVERIFY(within(g, index("loop.cell"), int(bodies.front() - g.clusters.data())));
        const auto ifs = clustersOfKind(g, ClusterKind::If);
        QCOMPARE(ifs.size(), size_t(1));
        QVERIFY(within(g, int(ifs.front() - g.clusters.data()), index("loop.cell.dg")));
        // Nothing is left collapsed, and the callee graphs are named as sources.
        for (const auto& n : g.nodes)
            QVERIFY2(n.category != NodeCategory::Call, n.id.c_str());
        QCOMPARE(g.sources.size(), size_t(5));
        // Wired through: the linear op (in loop.cell.linear) feeds the gate's sum (in loop.cell.dg).
        const auto linear = nodesOfKind(g, "aten::linear");
        const auto sum = nodesOfKind(g, "aten::sum");
        QCOMPARE(linear.size(), size_t(1));
        QCOMPARE(sum.size(), size_t(1));
        QVERIFY(std::any_of(g.edges.begin(), g.edges.end(),
            [&](const VisualEdge& e) { return e.from == linear.front()->id && e.to == sum.front()->id; }));
        const auto& attrs = linear.front()->attributes;
        QVERIFY(std::find(attrs.begin(), attrs.end(), "weight=loop.cell.linear.weight") != attrs.end());
        QVERIFY(std::find(attrs.begin(), attrs.end(), "bias=loop.cell.linear.bias") != attrs.end());
        QCOMPARE(g.sources[linear.front()->source].modulePath, std::string("loop.cell.linear"));
    }

    void expansionHelpers()
    {
        const IrGraph ir = graphOf(QStringLiteral("wraprnn"), "");
        const SubgraphProvider p = provider(QStringLiteral("wraprnn"));
        using Paths = std::set<std::string>;
        QCOMPARE(expandToDepth(ir, 0, p).expanded, Paths {});
        QCOMPARE(expandToDepth(ir, 1, p).expanded, Paths { "loop" });
        QCOMPARE(expandToDepth(ir, 2, p).expanded, (Paths { "loop", "loop.cell" }));
        QCOMPARE(expandToDepth(ir, 1).expanded, Paths { "loop" }); // no provider: only the calls it makes itself
        QCOMPARE(collapseAll().expanded, Paths {});

        // One level at a time, from what is drawn.
        GraphModelOptions options;
        options.subgraph = p;
        ExpansionState state = expandOneLevel(build(ir, options), {});
        QCOMPARE(state.expanded, Paths { "loop" });
        options.expansion = state;
        state = expandOneLevel(build(ir, options), state);
        QCOMPARE(state.expanded, (Paths { "loop", "loop.cell" }));
        options.expansion = state;
        state = expandOneLevel(build(ir, options), state);
        QCOMPARE(state.expanded, (Paths { "loop", "loop.cell", "loop.cell.dg", "loop.cell.linear" }));

        // Relative to the drawn module.
        const IrGraph cell = graphOf(QStringLiteral("wraprnn"), "loop.cell");
        QCOMPARE(expandToDepth(cell, -1, p).expanded, (Paths { "loop.cell.dg", "loop.cell.linear" }));

        // The inlined form reads module paths.
        const IrGraph inlined = graphOf(QStringLiteral("wraprnn"), "", GraphForm::Inlined);
        QCOMPARE(expandToDepth(inlined, 1).expanded, Paths { "loop" });
        QCOMPARE(expandAll(inlined).expanded, (Paths { "loop", "loop.cell", "loop.cell.dg", "loop.cell.linear" }));
    }

    void foldedConstantsAreLabels()
    {
        const IrGraph ir = graphOf(QStringLiteral("mydecisiongate_scripted"), "dg");
        const VisualGraph g = build(ir);
        for (const auto& n : g.nodes)
            QVERIFY2(n.kind != "prim::Constant", n.id.c_str());
        const auto gt = nodesOfKind(g, "aten::gt");
        QCOMPARE(gt.size(), size_t(1));
        QCOMPARE(gt.front()->attributes, std::vector<std::string> { "other=0" });
        QCOMPARE(gt.front()->foldedIrNodes.size(), size_t(1));
        QCOMPARE(ir.nodes[gt.front()->foldedIrNodes.front()].kind, std::string("prim::Constant"));
        // sum's dtype=None is its schema default: nothing to say.
        QVERIFY(nodesOfKind(g, "aten::sum").front()->attributes.empty());
        // self is only reached through GetAttr: not drawn.
        QCOMPARE(nodesOfKind(g, "graph.input").size(), size_t(1));

        // List of constants and GetAttr of parameters fold too.
        const VisualGraph loop = build(graphOf(QStringLiteral("myrnnloop"), ""));
        QVERIFY(nodesOfKind(loop, "prim::ListConstruct").empty());
        QVERIFY(nodesOfKind(loop, "prim::GetAttr").empty());
        for (const VisualNode* zeros : nodesOfKind(loop, "aten::zeros"))
            QCOMPARE(zeros->attributes, std::vector<std::string> { "size=[3, 4]" });
        const VisualGraph linear = build(graphOf(QStringLiteral("wraprnn"), "loop.cell.linear"));
        QCOMPARE(nodesOfKind(linear, "aten::linear").front()->attributes,
            (std::vector<std::string> { "weight=weight", "bias=bias" }));
    }

    void noFoldKeepsEveryNode_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("module");
        QTest::newRow("gate") << QStringLiteral("mydecisiongate_scripted") << QStringLiteral("dg");
        QTest::newRow("loop") << QStringLiteral("myrnnloop") << QString();
        QTest::newRow("cell") << QStringLiteral("mycell_scripted") << QString();
    }
    void noFoldKeepsEveryNode()
    {
        QFETCH(QString, stem);
        QFETCH(QString, module);
        const IrGraph ir = graphOf(stem, toStd(module));
        GraphModelOptions options;
        options.foldPlumbing = false;
        const VisualGraph g = build(ir, options);
        checkConsistent(g);
        for (const char* kind : { "prim::Constant", "prim::GetAttr", "prim::ListConstruct", "prim::TupleConstruct" })
            QCOMPARE(int(nodesOfKind(g, kind).size()), countKind(ir, kind));
        QVERIFY(countKind(ir, "prim::Constant") > 0);
        // Every IR node is drawn by exactly one node of its own kind, and self is an input.
        std::multiset<int> drawn;
        for (const auto& n : g.nodes)
            if (n.kind == ir.nodes[n.irNodes.empty() ? 0 : n.irNodes.front()].kind && !n.irNodes.empty())
                drawn.insert(n.irNodes.front());
        QCOMPARE(drawn.size(), ir.nodes.size());
        QCOMPARE(nodesOfKind(g, "graph.input").size(), ir.blocks.front().inputs.size());
    }

    void inlinedClustersByModule()
    {
        const IrGraph ir = graphOf(QStringLiteral("wraprnn"), "", GraphForm::Inlined);
        GraphModelOptions options;
        options.expansion = expandAll(ir);
        const VisualGraph g = build(ir, options);
        checkConsistent(g);
        QVERIFY(g.inlined);
        for (const char* path : { "loop", "loop.cell", "loop.cell.dg", "loop.cell.linear" })
            QVERIFY2(moduleCluster(g, path), path);
        // Each op sits in the nearest Module cluster of its own module (root ops outside all of them).
        for (const auto& n : g.nodes) {
            if (n.irNodes.empty() || n.kind.rfind("block.", 0) == 0)
                continue;
            int c = n.cluster;
            while (c >= 0 && g.clusters[c].kind != ClusterKind::Module)
                c = g.clusters[c].parent;
            QCOMPARE(c < 0 ? std::string() : g.clusters[c].modulePath, ir.nodes[n.irNodes.front()].modulePath);
        }
        QCOMPARE(clustersOfKind(g, ClusterKind::Loop).size(), size_t(1));
        QCOMPARE(clustersOfKind(g, ClusterKind::If).size(), size_t(1));

        // Collapsed: the whole loop module is one box standing for all its (unfolded) ops.
        const VisualGraph collapsed = build(ir);
        checkConsistent(collapsed);
        QVERIFY(collapsed.clusters.empty());
        const auto boxes = nodesOfKind(collapsed, "module");
        QCOMPARE(boxes.size(), size_t(1));
        QCOMPARE(boxes.front()->calleePath, std::string("loop"));
        QVERIFY(boxes.front()->expandable);
        int loopOps = 0;
        for (const IrNode& n : ir.nodes)
            loopOps += (n.modulePath == "loop" || n.modulePath.rfind("loop.", 0) == 0) && n.kind != "prim::Constant"
                && n.kind != "prim::GetAttr" && n.kind != "prim::ListConstruct";
        QCOMPARE(int(boxes.front()->irNodes.size()), loopOps);
        QCOMPARE(expandOneLevel(collapsed, {}).expanded, std::set<std::string> { "loop" });
    }

    void edgeLabelsAreValueTypes()
    {
        const IrGraph ir = graphOf(QStringLiteral("myrnnloop"), "");
        const VisualGraph g = build(ir);
        int data = 0;
        for (const VisualEdge& e : g.edges) {
            if (e.value < 0)
                continue;
            ++data;
            QCOMPARE(e.type, ir.values[e.value].type);
            QVERIFY2(QString::fromStdString(e.label).endsWith(str(shortType(e.type))), e.label.c_str());
        }
        QVERIFY(data >= 5);
    }

    void malformedGraphIsAnError()
    {
        IrGraph g = graphOf(QStringLiteral("mycell_scripted"), "");
        g.nodes[1].inputs.push_back(int(g.values.size()) + 5);
        const auto built = buildVisualGraph(g);
        QVERIFY(!built.ok());
        QCOMPARE(built.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(built.error().message.find("malformed") != std::string::npos, built.error().message.c_str());
        QVERIFY(!buildVisualGraph(IrGraph {}).ok());
    }

    void callOfOwnMethodOpensWithItsCaller()
    {
        // ResNet's scripted forward only calls self._forward_impl: that is no level of the hierarchy, so it opens
        // at once (drawn as a cluster of the same module) instead of leaving one box as the whole view.
        const IrGraph root
            = syntheticGraph("", "forward", { { "prim::CallMethod", { 0, 1 }, { 2 }, "_forward_impl" } }, 3, { 2 });
        const IrGraph impl = syntheticGraph("", "_forward_impl", { { "aten::relu", { 1 }, { 2 }, "" } }, 3, { 2 });
        GraphModelOptions options;
        options.subgraph = [&](const std::string& path, const std::string& method) -> std::optional<IrGraph> {
            if (path.empty() && method == "_forward_impl")
                return impl;
            return std::nullopt;
        };
        const VisualGraph g = build(root, options);
        checkConsistent(g);
        QCOMPARE(g.clusters.size(), size_t(1));
        QCOMPARE(g.clusters.front().label, std::string("self._forward_impl"));
        const auto relu = nodesOfKind(g, "aten::relu");
        QCOMPARE(relu.size(), size_t(1));
        QCOMPARE(relu.front()->cluster, 0);
        QVERIFY(nodesOfKind(g, "prim::CallMethod").empty());
        QVERIFY(std::any_of(g.edges.begin(), g.edges.end(),
            [&](const VisualEdge& e) { return e.from == "in1" && e.to == relu.front()->id; }));
        QVERIFY(std::any_of(g.edges.begin(), g.edges.end(),
            [&](const VisualEdge& e) { return e.from == relu.front()->id && e.to == "out"; }));
        QCOMPARE(expandToDepth(root, -1, options.subgraph).expanded, std::set<std::string> {});

        // Without a provider it stays a box, named by the method, and there is nothing to expand.
        const VisualGraph box = build(root);
        const auto calls = nodesOfKind(box, "prim::CallMethod");
        QCOMPARE(calls.size(), size_t(1));
        QCOMPARE(calls.front()->label, std::string("self._forward_impl"));
        QVERIFY(!calls.front()->expandable);
        QCOMPARE(expandOneLevel(box, {}).expanded, std::set<std::string> {});
    }
};

QTEST_GUILESS_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
