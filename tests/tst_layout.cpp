// IR -> DOT (toDot) -> Graphviz positions (layoutDot), on graphs taken from the fixtures.
#include "testsupport.h"

#include "engine/archive.h"
#include "layout/dotwriter.h"
#include "layout/graphlayout.h"
#include "layout/graphmodel.h"
#include "layout/render.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace torchscope;
using namespace torchscope::test;

namespace {

IrGraph graphOf(const QString& stem, const std::string& module, const std::string& method, GraphForm form)
{
    auto archive = Archive::open(toStd(fixture(stem).path));
    if (!archive)
        qFatal("%s", archive.error().message.c_str());
    auto graph = archive.value()->graph(module, method, form);
    if (!graph)
        qFatal("%s", graph.error().message.c_str());
    return std::move(graph).value();
}

SubgraphProvider providerFor(const QString& stem)
{
    auto archive = Archive::open(toStd(fixture(stem).path));
    if (!archive)
        qFatal("%s", archive.error().message.c_str());
    std::shared_ptr<const Archive> a(std::move(archive).value());
    return [a](const std::string& path, const std::string& method) -> std::optional<IrGraph> {
        auto g = a->graph(path, method, GraphForm::Graph);
        return g ? std::optional<IrGraph>(std::move(g).value()) : std::nullopt;
    };
}

// Names of the nodes a DOT text declares ("n12 [label=...]").
QSet<QString> declaredNodes(const QString& dot)
{
    QSet<QString> names;
    static const QRegularExpression decl(QStringLiteral(R"(^\s*(\w+) \[)"), QRegularExpression::MultilineOption);
    for (auto it = decl.globalMatch(dot); it.hasNext();)
        names.insert(it.next().captured(1));
    return names;
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT

private:
    IrGraph m_gate; // mydecisiongate_scripted, dg.forward: one prim::If

private Q_SLOTS:
    void initTestCase()
    {
        m_gate = graphOf(QStringLiteral("mydecisiongate_scripted"), "dg", "forward", GraphForm::Graph);
    }

    void dotHasClusterForIf()
    {
        const QString dot = QString::fromStdString(toDot(m_gate));
        QVERIFY(dot.startsWith(QStringLiteral("digraph ")));
        int ifId = -1;
        for (const IrNode& n : m_gate.nodes)
            if (n.kind == "prim::If")
                ifId = n.id;
        QVERIFY(ifId >= 0);
        QVERIFY2(dot.contains(QStringLiteral("subgraph cluster_n%1 {").arg(ifId)), qPrintable(dot));
        QCOMPARE(dot.count(QStringLiteral("subgraph cluster_")), 3); // the If and its two blocks

        // Constants are folded into their users' labels, not drawn.
        const QSet<QString> declared = declaredNodes(dot);
        int drawn = 0;
        for (const IrNode& n : m_gate.nodes) {
            const bool isDeclared = declared.contains(QStringLiteral("n%1").arg(n.id));
            QCOMPARE(isDeclared, n.kind != "prim::Constant");
            drawn += isDeclared;
        }
        QVERIFY(drawn >= 4); // sum, gt, Bool, If, neg
        QVERIFY(!dot.contains(QStringLiteral("Constant")));
        QVERIFY(dot.contains(QStringLiteral("label=\"neg\"")));
    }

    void layoutPositionsAreInside()
    {
        const auto layout = layoutDot(toDot(m_gate));
        QVERIFY2(layout.ok(), layout.ok() ? "" : layout.error().message.c_str());
        const GraphLayout& l = layout.value();
        QVERIFY(l.width > 0 && l.height > 0);
        QVERIFY(std::isfinite(l.width) && std::isfinite(l.height));
        const double slack = 1.0;
        QSet<QString> names;
        for (const LayoutNode& n : l.nodes) {
            names.insert(QString::fromStdString(n.name));
            QVERIFY(std::isfinite(n.x) && std::isfinite(n.y));
            QVERIFY2(n.x >= -slack && n.x <= l.width + slack, n.name.c_str());
            QVERIFY2(n.y >= -slack && n.y <= l.height + slack, n.name.c_str());
            QVERIFY(n.width >= 0 && n.height >= 0);
        }
        for (const IrNode& n : m_gate.nodes)
            QCOMPARE(names.contains(QStringLiteral("n%1").arg(n.id)), n.kind != "prim::Constant");
        QVERIFY(!l.edges.empty());
        for (const LayoutEdge& e : l.edges) {
            QVERIFY(names.contains(QString::fromStdString(e.tail)) && names.contains(QString::fromStdString(e.head)));
            QVERIFY(!e.points.empty());
            for (const LayoutPoint& p : e.points)
                QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
        }
        QCOMPARE(l.clusters.size(), size_t(3));
        for (const LayoutCluster& c : l.clusters) {
            QVERIFY2(c.width > 0 && c.height > 0, c.name.c_str());
            QVERIFY(c.x >= -slack && c.x + c.width <= l.width + slack);
            QVERIFY(c.y >= -slack && c.y + c.height <= l.height + slack);
        }
        // The If's cluster holds its blocks' clusters.
        auto find = [&](const std::string& label) {
            return std::find_if(
                l.clusters.begin(), l.clusters.end(), [&](const LayoutCluster& c) { return c.label == label; });
        };
        const auto outer = find("If");
        QVERIFY(outer != l.clusters.end());
        for (const char* block : { "block0", "block1" }) {
            const auto inner = find(block);
            QVERIFY2(inner != l.clusters.end(), block);
            QVERIFY(inner->x >= outer->x && inner->x + inner->width <= outer->x + outer->width);
            QVERIFY(inner->y >= outer->y && inner->y + inner->height <= outer->y + outer->height);
        }
    }

    void everyFixtureLaysOut_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<bool>("inlined");
        for (const Fixture& f : torchScriptFixtures()) {
            QTest::addRow("%s", qPrintable(f.stem)) << f.stem << false;
            QTest::addRow("%s inlined", qPrintable(f.stem)) << f.stem << true;
        }
    }
    void everyFixtureLaysOut()
    {
        QFETCH(QString, stem);
        QFETCH(bool, inlined);
        const QString first = expectedModules(stem).value(0).methods.value(0);
        QVERIFY(!first.isEmpty());
        const IrGraph g = graphOf(stem, "", toStd(first), inlined ? GraphForm::Inlined : GraphForm::Graph);
        const auto layout = layoutDot(toDot(g));
        QVERIFY2(layout.ok(), layout.ok() ? "" : layout.error().message.c_str());
        int drawn = 0;
        for (const IrNode& n : g.nodes)
            drawn += n.kind != "prim::Constant";
        QVERIFY(int(layout->nodes.size()) >= drawn);
        for (const LayoutNode& n : layout->nodes)
            QVERIFY(std::isfinite(n.x) && std::isfinite(n.y));
    }

    void bug_badDotIsReportedOnStderr()
    {
        // Core code never prints (CONVENTIONS.md): a bad DOT text must come back as the Error only. Graphviz's
        // default error reporter writes "Error: syntax error in line 1 near ..." to stderr; graphlayout.cpp
        // does not install its own (agseterrf) to keep it, so the detail lands on the terminal, not in the message.
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stderr);
        const int saved = ::dup(2);
        QVERIFY(saved >= 0);
        QVERIFY(::dup2(capture.handle(), 2) >= 0);
        const auto layout = layoutDot("digraph { a -> }");
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        QVERIFY(!layout.ok());
        capture.seek(0);
        const QByteArray printed = capture.readAll();
        QVERIFY2(printed.isEmpty(), printed.constData());
    }

    void badDotIsAnError()
    {
        for (const char* text : { "not dot", "digraph {", "" }) {
            const auto layout = layoutDot(text);
            QVERIFY2(!layout.ok(), text);
            QCOMPARE(layout.error().kind, ErrorKind::InvalidArgument);
            QVERIFY(!layout.error().message.empty());
        }
    }
    // Our own DOT conventions for a drawn graph (not Python text, so not made by make_fixtures.py): the expected
    // file was written from this output with `torchscope-cli render tests/data/mycell_scripted.pt
    // -o tests/data/expected/layout/mycell_scripted.forward.dot` after checking it by eye (inputs x.1 and h.1, the
    // collapsed linear call, add, tanh, TupleConstruct, return; constants and self not drawn; edges typed).
    // Regenerate it the same way, and look at it again, when the conventions change on purpose.
    void visualDotMatchesExpected()
    {
        const IrGraph g = graphOf(QStringLiteral("mycell_scripted"), "", "forward", GraphForm::Graph);
        const auto visual = buildVisualGraph(g);
        QVERIFY(visual.ok());
        const QByteArray expected
            = readBytes(dataDir() + QStringLiteral("/expected/layout/mycell_scripted.forward.dot"));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(QByteArray::fromStdString(toDot(visual.value())), expected);
    }

    void visualLayoutFitsClusters_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<int>("mode"); // 0 collapsed, 1 everything expanded, 2 inlined (expanded)
        for (const Fixture& f : torchScriptFixtures())
            for (int mode : { 0, 1, 2 })
                QTest::addRow("%s %s", qPrintable(f.stem),
                    mode == 0       ? "collapsed"
                        : mode == 1 ? "expanded"
                                    : "inlined")
                    << f.stem << mode;
    }
    void visualLayoutFitsClusters()
    {
        QFETCH(QString, stem);
        QFETCH(int, mode);
        const QString method = expectedModules(stem).value(0).methods.value(0);
        const IrGraph g = graphOf(stem, "", toStd(method), mode == 2 ? GraphForm::Inlined : GraphForm::Graph);
        GraphModelOptions options;
        if (mode == 1)
            options.subgraph = providerFor(stem);
        if (mode > 0)
            options.expansion = expandAll(g, options.subgraph);
        const auto visual = buildVisualGraph(g, options);
        QVERIFY2(visual.ok(), visual.ok() ? "" : visual.error().message.c_str());
        const VisualGraph& v = visual.value();
        const auto laid = layoutGraph(v);
        QVERIFY2(laid.ok(), laid.ok() ? "" : laid.error().message.c_str());
        const GraphLayout& l = laid.value();
        QVERIFY(l.width > 0 && l.height > 0);

        const double slack = 1.0;
        std::map<std::string, const LayoutCluster*> clusters;
        for (const LayoutCluster& c : l.clusters)
            clusters[c.name] = &c;
        auto contains = [&](const LayoutCluster& c, double x0, double y0, double x1, double y1) {
            return x0 >= c.x - slack && y0 >= c.y - slack && x1 <= c.x + c.width + slack
                && y1 <= c.y + c.height + slack;
        };
        for (const VisualCluster& c : v.clusters) {
            QVERIFY2(clusters.count(c.id), c.id.c_str());
            const LayoutCluster& lc = *clusters[c.id];
            QVERIFY2(lc.width > 0 && lc.height > 0, c.id.c_str());
            QCOMPARE(lc.label, c.label);
            QVERIFY(lc.labelPos.has_value());
            if (c.parent >= 0)
                QVERIFY2(contains(*clusters[v.clusters[c.parent].id], lc.x, lc.y, lc.x + lc.width, lc.y + lc.height),
                    c.id.c_str());
        }
        std::map<std::string, const LayoutNode*> nodes;
        for (const LayoutNode& n : l.nodes)
            nodes[n.name] = &n;
        QCOMPARE(nodes.size(), v.nodes.size());
        for (const VisualNode& n : v.nodes) {
            QVERIFY2(nodes.count(n.id), n.id.c_str());
            const LayoutNode& ln = *nodes[n.id];
            QVERIFY2(ln.width > 0 && ln.height > 0 && std::isfinite(ln.x) && std::isfinite(ln.y), n.id.c_str());
            QCOMPARE(
                QString::fromStdString(ln.label).split(QLatin1Char('\n')).value(0), QString::fromStdString(n.label));
            QVERIFY(!ln.shape.empty());
            const double x0 = ln.x - ln.width / 2, x1 = ln.x + ln.width / 2;
            const double y0 = ln.y - ln.height / 2, y1 = ln.y + ln.height / 2;
            QVERIFY2(x0 >= -slack && y0 >= -slack && x1 <= l.width + slack && y1 <= l.height + slack, n.id.c_str());
            for (int c = n.cluster; c >= 0; c = v.clusters[c].parent)
                QVERIFY2(
                    contains(*clusters[v.clusters[c].id], x0, y0, x1, y1), (n.id + " in " + v.clusters[c].id).c_str());
        }
        QCOMPARE(l.edges.size(), v.edges.size());
        for (const LayoutEdge& e : l.edges) {
            QVERIFY2(e.id.size() > 1 && e.id[0] == 'e', e.id.c_str());
            const VisualEdge& ve = v.edges[std::stoul(e.id.substr(1))];
            QCOMPARE(e.tail, ve.from);
            QCOMPARE(e.head, ve.to);
            QCOMPARE(e.label, ve.label);
            QVERIFY(e.points.size() >= 4);
            QCOMPARE(e.labelPos.has_value(), !ve.label.empty());
            // On a graph this small dot places the labels; where layoutGraph places one itself it is halfway along
            // the drawn edge (bigGraphsPlaceEdgeLabelsBeside).
            QVERIFY(!e.labelAnchor || !ve.label.empty());
            if (e.labelAnchor) {
                double x0 = e.points[0].x, x1 = x0, y0 = e.points[0].y, y1 = y0;
                for (const LayoutPoint& p : e.points) {
                    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
                }
                QVERIFY2(e.labelAnchor->x >= x0 - slack && e.labelAnchor->x <= x1 + slack
                        && e.labelAnchor->y >= y0 - slack && e.labelAnchor->y <= y1 + slack,
                    e.id.c_str());
                QVERIFY(e.labelPos->x > e.labelAnchor->x);
            }
            QCOMPARE(e.arrowHead.has_value(), ve.style != EdgeStyle::Control);
        }
    }

    void renderFormats()
    {
        const auto visual = buildVisualGraph(m_gate);
        QVERIFY(visual.ok());
        const auto svg = renderGraph(visual.value(), RenderFormat::Svg);
        QVERIFY2(svg.ok(), svg.ok() ? "" : svg.error().message.c_str());
        const QByteArray svgBytes = QByteArray::fromStdString(svg.value());
        QVERIFY(svgBytes.contains("<svg"));
        QVERIFY(svgBytes.contains(">neg</text>")); // labels stay text
        const auto png = renderGraph(visual.value(), RenderFormat::Png);
        QVERIFY2(png.ok(), png.ok() ? "" : png.error().message.c_str());
        QVERIFY(QByteArray::fromStdString(png.value()).startsWith("\x89PNG\r\n\x1a\n"));
        const auto dot = renderGraph(visual.value(), RenderFormat::Dot);
        QVERIFY(dot.ok());
        QCOMPARE(dot.value(), toDot(visual.value()));

        QVERIFY(renderFormatForPath("out/graph.SVG") == RenderFormat::Svg);
        QVERIFY(renderFormatForPath("graph.png") == RenderFormat::Png);
        QVERIFY(renderFormatForPath("graph.gv") == RenderFormat::Dot);
        QVERIFY(!renderFormatForPath("dir.svg/graph").has_value());
        QVERIFY(!renderFormatFromName("jpeg").has_value());
    }
    void bigGraphsPlaceEdgeLabelsBeside()
    {
        // Above a few hundred nodes toDot writes edge labels as xlabels (see graphdot.cpp); the layout still reports
        // each label and where it went.
        VisualGraph chain;
        chain.title = "chain";
        chain.sources.push_back({});
        for (int i = 0; i < 300; ++i) {
            VisualNode n;
            n.id = "n" + std::to_string(i);
            n.label = "op" + std::to_string(i);
            chain.topNodes.push_back(i);
            chain.nodes.push_back(n);
            if (i > 0) {
                VisualEdge e;
                e.from = "n" + std::to_string(i - 1);
                e.to = n.id;
                e.label = "Float(" + std::to_string(i) + ")";
                chain.edges.push_back(e);
            }
        }
        const std::string dot = toDot(chain);
        QVERIFY(dot.find("xlabel=\"Float(1)\"") != std::string::npos);
        const auto laid = layoutDot(dot);
        QVERIFY2(laid.ok(), laid.ok() ? "" : laid.error().message.c_str());
        QCOMPARE(laid->edges.size(), size_t(299));
        for (const LayoutEdge& e : laid->edges) {
            QCOMPARE(e.label, chain.edges[std::stoul(e.id.substr(1))].label);
            QVERIFY(e.labelPos.has_value());
        }

        // What layoutGraph gives Graphviz above 100 nodes: no edge labels at all; it places them itself, halfway
        // along each edge.
        DotOptions bare;
        bare.edgeLabels = false;
        QVERIFY(toDot(chain, bare).find("Float(1)") == std::string::npos);
        const auto placed = layoutGraph(chain);
        QVERIFY2(placed.ok(), placed.ok() ? "" : placed.error().message.c_str());
        QCOMPARE(placed->edges.size(), size_t(299));
        for (const LayoutEdge& e : placed->edges) {
            QCOMPARE(e.label, chain.edges[std::stoul(e.id.substr(1))].label);
            QVERIFY(e.labelAnchor && e.labelPos);
            // A straight chain: the anchor is halfway between the two nodes, the label's centre to its right.
            const auto tail = std::find_if(
                placed->nodes.begin(), placed->nodes.end(), [&](const LayoutNode& n) { return n.name == e.tail; });
            const auto head = std::find_if(
                placed->nodes.begin(), placed->nodes.end(), [&](const LayoutNode& n) { return n.name == e.head; });
            QVERIFY(tail != placed->nodes.end() && head != placed->nodes.end());
            const double middle = (tail->y + tail->height / 2 + head->y - head->height / 2) / 2;
            QVERIFY2(std::abs(e.labelAnchor->y - middle) < 4, e.id.c_str());
            QVERIFY(std::abs(e.labelPos->y - e.labelAnchor->y) < 1e-9);
            QVERIFY(e.labelPos->x > e.labelAnchor->x + LayoutEdge::kLabelGap);
        }
    }

    void categories()
    {
        QCOMPARE(categoryForKind("aten::conv2d"), NodeCategory::Convolution);
        QCOMPARE(categoryForKind("aten::_convolution"), NodeCategory::Convolution);
        QCOMPARE(categoryForKind("aten::linear"), NodeCategory::LinearMatmul);
        QCOMPARE(categoryForKind("aten::matmul"), NodeCategory::LinearMatmul);
        QCOMPARE(categoryForKind("aten::batch_norm"), NodeCategory::Normalization);
        QCOMPARE(categoryForKind("aten::layer_norm"), NodeCategory::Normalization);
        QCOMPARE(categoryForKind("aten::relu_"), NodeCategory::Activation);
        QCOMPARE(categoryForKind("aten::max_pool2d"), NodeCategory::Pooling);
        QCOMPARE(categoryForKind("aten::adaptive_avg_pool2d"), NodeCategory::Pooling);
        QCOMPARE(categoryForKind("aten::view"), NodeCategory::ShapeView);
        QCOMPARE(categoryForKind("prim::TupleUnpack"), NodeCategory::ShapeView);
        QCOMPARE(categoryForKind("aten::add"), NodeCategory::Elementwise);
        QCOMPARE(categoryForKind("prim::Loop"), NodeCategory::ControlFlow);
        QCOMPARE(categoryForKind("prim::CallMethod"), NodeCategory::Call);
        QCOMPARE(categoryForKind("prim::Constant"), NodeCategory::Constant);
        QCOMPARE(categoryForKind("torchscope_test::scale"), NodeCategory::Other);
        QCOMPARE(categoryForKind("aten::frobnicate"), NodeCategory::Other);
    }

    void shortTypes()
    {
        QCOMPARE(shortType("Float(1, 3, 224, 224, strides=[150528, 50176, 224, 1], requires_grad=0, device=cpu)"),
            std::string("Float(1, 3, 224, 224)"));
        QCOMPARE(shortType("(Float(2, strides=[1], requires_grad=0, device=cpu), Tensor)"),
            std::string("(Float(2), Tensor)"));
        QCOMPARE(shortType("Long(requires_grad=0, device=cpu)"), std::string("Long()"));
        QCOMPARE(shortType("Tensor"), std::string("Tensor"));
        QCOMPARE(shortType("int[]"), std::string("int[]"));
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
