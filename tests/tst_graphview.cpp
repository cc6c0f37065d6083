// The graph view (widgets/: GraphPanel, GraphScene, GraphView, GraphMinimap, graph search and export) under
// QT_QPA_PLATFORM=offscreen. Graphs come from the real engine; what the drawing must show is checked against
// Python's own graph text in tests/data/expected (a prim::If there means an If cluster here).

#include "data/irtextmap.h"
#include "engine/archive.h"
#include "layout/graphmodel.h"
#include "testsupport.h"
#include "widgets/graphexport.h"
#include "widgets/graphitems.h"
#include "widgets/graphminimap.h"
#include "widgets/graphpanel.h"
#include "widgets/graphscene.h"
#include "widgets/graphsearch.h"
#include "widgets/graphview.h"

#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QXmlStreamReader>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr int kWaitMs = 60000; // a wait for the layout thread, not a timing requirement

// A GraphPanel fed by the engine as ModelTab feeds it from the worker: callee graphs arrive later, queued.
struct Harness {
    explicit Harness(const QString& stem)
        : archive(openedFixture(stem))
    {
        panel.setArchiveId(stem);
        panel.resize(900, 700);
        panel.show();
        QObject::connect(
            &panel, &GraphPanel::graphNeeded, &panel,
            [this](const QString& module, const QString& method) {
                auto g = archive.graph(toStd(module), toStd(method), GraphForm::Graph);
                if (g)
                    panel.addGraph(module, method, g.value());
                else
                    panel.graphUnavailable(module, method);
            },
            Qt::QueuedConnection);
    }

    bool show(const QString& module, const QString& method, bool inlined = false)
    {
        auto g = archive.graph(toStd(module), toStd(method), inlined ? GraphForm::Inlined : GraphForm::Graph);
        if (!g)
            return false;
        graph = g.value();
        panel.showGraph(module, method, inlined, graph);
        return settle();
    }

    // Waits until no layout or graph fetch is pending and a drawing is on screen.
    bool settle()
    {
        return QTest::qWaitFor([this] { return !panel.isLayoutPending(); }, kWaitMs) && panel.visualGraph();
    }

    int countClusters(ClusterKind kind) const
    {
        int n = 0;
        for (const auto& c : panel.visualGraph()->clusters)
            n += c.kind == kind && panel.scene()->clusterItem(&c - panel.visualGraph()->clusters.data()) ? 1 : 0;
        return n;
    }

    QSet<QString> moduleClusters() const
    {
        QSet<QString> out;
        for (const auto& c : panel.visualGraph()->clusters)
            if (c.kind == ClusterKind::Module)
                out.insert(QString::fromStdString(c.modulePath));
        return out;
    }

    int nodeWithLabel(const QString& label) const
    {
        const auto& nodes = panel.visualGraph()->nodes;
        for (size_t i = 0; i < nodes.size(); ++i)
            if (QString::fromStdString(nodes[i].label) == label)
                return static_cast<int>(i);
        return -1;
    }

    QPoint viewPointOf(int node) const
    {
        GraphNodeItem* item = panel.scene()->nodeItem(node);
        return panel.view()->mapFromScene(item->sceneBoundingRect().center());
    }

    const Archive& archive;
    GraphPanel panel;
    IrGraph graph;
};

QString expectedGraphText(const QString& stem, const QString& module, const QString& method)
{
    return QString::fromUtf8(
        readBytes(expectedDir(stem) + QLatin1Char('/') + moduleDirName(module) + QLatin1Char('/') + method
            + QStringLiteral(".graph.txt")));
}

} // namespace

class TestGraphView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void drawsEveryFixture_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("method");
        for (const auto& row : {
                 std::tuple { "mycell_scripted", "", "forward" },
                 std::tuple { "mycell_traced", "", "forward" },
                 std::tuple { "mydecisiongate_scripted", "dg", "forward" },
                 std::tuple { "mydecisiongate_traced", "dg", "forward" },
                 std::tuple { "myrnnloop", "", "forward" },
                 std::tuple { "wraprnn", "loop.cell", "forward" },
                 std::tuple { "lstm_scripted", "", "forward__0" },
                 std::tuple { "frozen", "", "forward" },
             })
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(std::get<0>(row)), QLatin1String(std::get<1>(row)))))
                << QString::fromLatin1(std::get<0>(row)) << QString::fromLatin1(std::get<1>(row))
                << QString::fromLatin1(std::get<2>(row));
        for (const Fixture& f : torchScriptFixtures())
            QTest::newRow(qPrintable(f.stem + QStringLiteral(" root"))) << f.stem << QString() << QString();
    }

    // Every drawn element has its item, where the layout put it, and control flow is drawn as Python's graph has it.
    void drawsEveryFixture()
    {
        QFETCH(QString, stem);
        QFETCH(QString, module);
        QFETCH(QString, method);
        Harness h(stem);
        if (method.isEmpty()) {
            const ModuleInfo* root = h.archive.modules().find("");
            QVERIFY(root);
            if (root->methods.empty())
                QSKIP("the root module has no methods");
            method = QString::fromStdString(root->methods.front().name);
            for (const auto& m : root->methods)
                if (m.name == "forward")
                    method = QStringLiteral("forward");
        }
        QVERIFY2(h.show(module, method), qPrintable(h.panel.statusText()));
        const VisualGraph& g = *h.panel.visualGraph();
        QVERIFY(!g.nodes.empty());
        QCOMPARE(h.panel.scene()->nodeCount(), static_cast<int>(g.nodes.size()));
        for (size_t i = 0; i < g.nodes.size(); ++i)
            QVERIFY2(h.panel.scene()->nodeItem(static_cast<int>(i)), g.nodes[i].id.c_str());
        for (size_t i = 0; i < g.edges.size(); ++i)
            QVERIFY2(h.panel.scene()->edgeItem(static_cast<int>(i)), g.edges[i].from.c_str());
        QVERIFY(h.panel.scene()->sceneRect().contains(h.panel.scene()->itemsBoundingRect().adjusted(2, 2, -2, -2)));
        const QString python = expectedGraphText(stem, module, method);
        if (!python.isEmpty()) {
            QCOMPARE(h.countClusters(ClusterKind::If) > 0, python.contains(QLatin1String("prim::If(")));
            QCOMPARE(h.countClusters(ClusterKind::Loop) > 0, python.contains(QLatin1String("prim::Loop(")));
        }
        QVERIFY(h.panel.statusText().isEmpty());
    }

    // The tutorial's lesson: the scripted gate draws both branches of its `if`, the trace only the path it took.
    void scriptedGateHasBothBranches()
    {
        Harness scripted(QStringLiteral("mydecisiongate_scripted"));
        QVERIFY(scripted.show(QStringLiteral("dg"), QStringLiteral("forward")));
        QCOMPARE(scripted.countClusters(ClusterKind::If), 1);
        QCOMPARE(scripted.countClusters(ClusterKind::IfBranch), 2);
        Harness traced(QStringLiteral("mydecisiongate_traced"));
        QVERIFY(traced.show(QStringLiteral("dg"), QStringLiteral("forward")));
        QCOMPARE(traced.countClusters(ClusterKind::If), 0);
    }

    void expandsAndCollapses()
    {
        Harness h(QStringLiteral("wraprnn"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        QVERIFY(h.moduleClusters().isEmpty());
        const int loop = h.nodeWithLabel(QStringLiteral("loop\nMyRNNLoop.forward")) >= 0
            ? h.nodeWithLabel(QStringLiteral("loop\nMyRNNLoop.forward"))
            : h.nodeWithLabel(QStringLiteral("loop"));
        QVERIFY(loop >= 0);
        QVERIFY(h.panel.visualGraph()->nodes[loop].expandable);

        // A double click on the box opens it, fetching the callee's graph on the way.
        h.panel.view()->centreOnNode(loop);
        QTest::mouseDClick(h.panel.view()->viewport(), Qt::LeftButton, {}, h.viewPointOf(loop));
        QVERIFY(h.settle());
        QCOMPARE(h.moduleClusters(), QSet<QString> { QStringLiteral("loop") });

        h.panel.expandAll();
        QVERIFY(h.settle());
        const QSet<QString> all { QStringLiteral("loop"), QStringLiteral("loop.cell"), QStringLiteral("loop.cell.dg"),
            QStringLiteral("loop.cell.linear") };
        QCOMPARE(h.moduleClusters(), all);
        QCOMPARE(h.countClusters(ClusterKind::Loop), 1); // MyRNNLoop's for loop
        QCOMPARE(h.countClusters(ClusterKind::If), 1); // MyDecisionGate's if

        h.panel.setModuleExpanded(QStringLiteral("loop.cell"), false);
        QVERIFY(h.settle());
        QCOMPARE(h.moduleClusters(), QSet<QString> { QStringLiteral("loop") });

        h.panel.collapseAll();
        QVERIFY(h.settle());
        QVERIFY(h.moduleClusters().isEmpty());
        h.panel.expandOneLevel();
        QVERIFY(h.settle());
        QCOMPARE(h.moduleClusters(), QSet<QString> { QStringLiteral("loop") });
    }

    // Module paths in the inlined form: collapsed boxes per submodule, opened by expansion.
    void inlinedFormClustersByModule()
    {
        Harness h(QStringLiteral("wraprnn"));
        QVERIFY(h.show(QString(), QStringLiteral("forward"), true));
        QVERIFY(h.panel.visualGraph()->inlined);
        QVERIFY(h.moduleClusters().isEmpty());
        h.panel.expandAll();
        QVERIFY(h.settle());
        QVERIFY(h.moduleClusters().contains(QStringLiteral("loop.cell.dg")));
    }

    // Graphs with much control flow start with their If/Loop boxes closed; a double click or a search opens them.
    void controlFlowStartsClosedOnBigGraphs()
    {
        Harness h(QStringLiteral("mydecisiongate_scripted"));
        h.panel.setControlCollapseThreshold(0);
        QVERIFY(h.show(QStringLiteral("dg"), QStringLiteral("forward")));
        QCOMPARE(h.countClusters(ClusterKind::If), 0);
        int box = -1;
        const auto& nodes = h.panel.visualGraph()->nodes;
        for (size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].kind == "prim::If")
                box = static_cast<int>(i);
        QVERIFY(box >= 0);
        QVERIFY(h.panel.toolTipFor(box).contains(QLatin1String("double-click")));
        h.panel.view()->centreOnNode(box);
        QTest::mouseDClick(h.panel.view()->viewport(), Qt::LeftButton, {}, h.viewPointOf(box));
        QVERIFY(h.settle());
        QCOMPARE(h.countClusters(ClusterKind::If), 1);

        Harness search(QStringLiteral("mydecisiongate_scripted"));
        search.panel.setControlCollapseThreshold(0);
        QVERIFY(search.show(QStringLiteral("dg"), QStringLiteral("forward")));
        QCOMPARE(search.countClusters(ClusterKind::If), 0);
        search.panel.find(QStringLiteral("neg")); // only in the else branch
        QVERIFY(search.settle());
        QCOMPARE(search.countClusters(ClusterKind::If), 1);
        QCOMPARE(search.panel.matches().size(), 1);
    }

    void selectingANodeNamesItsIrNode()
    {
        Harness h(QStringLiteral("mycell_scripted"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        QSignalSpy spy(&h.panel, &GraphPanel::irNodeSelected);
        const int tanh = h.nodeWithLabel(QStringLiteral("tanh"));
        QVERIFY(tanh >= 0);
        h.panel.view()->centreOnNode(tanh);
        QTest::mouseClick(h.panel.view()->viewport(), Qt::LeftButton, {}, h.viewPointOf(tanh));
        QCOMPARE(spy.count(), 1);
        const auto graph = spy.at(0).at(0).value<IrGraph>();
        const int irNode = spy.at(0).at(1).toInt();
        QCOMPARE(QString::fromStdString(graph.nodes[irNode].kind), QStringLiteral("aten::tanh"));
        QCOMPARE(h.panel.scene()->selectedNode(), tanh);

        // Picking the same IR node from elsewhere (the IR text) selects the box without echoing the signal.
        h.panel.scene()->clearSelection();
        spy.clear();
        QVERIFY(h.panel.selectIrNode(irNode));
        QCOMPARE(h.panel.scene()->selectedNode(), tanh);
        QCOMPARE(spy.count(), 0);
    }

    void selectingAValueMarksProducerAndUses()
    {
        Harness h(QStringLiteral("mycell_scripted"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        const VisualGraph& g = *h.panel.visualGraph();
        int edge = -1;
        for (size_t i = 0; i < g.edges.size() && edge < 0; ++i)
            if (g.edges[i].style == EdgeStyle::Data && g.edges[i].value >= 0)
                edge = static_cast<int>(i);
        QVERIFY(edge >= 0);
        h.panel.scene()->edgeItem(edge)->setSelected(true);
        const QSet<int> marked = h.panel.scene()->markedNodes(MarkValue);
        QSet<QString> ids;
        for (int n : marked)
            ids.insert(QString::fromStdString(g.nodes[n].id));
        QVERIFY(ids.contains(QString::fromStdString(g.edges[edge].from)));
        QVERIFY(ids.contains(QString::fromStdString(g.edges[edge].to)));
        QVERIFY(h.panel.scene()->edgeItem(edge)->marks() & MarkValue);
    }

    void codeLineMarksItsNodes()
    {
        Harness h(QStringLiteral("mycell_scripted"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        // The .code line Python prints `torch.tanh` on.
        const QStringList code = splitLines(QString::fromUtf8(readBytes(expectedDir(QStringLiteral("mycell_scripted"))
            + QStringLiteral("/_root/forward.code.txt"))));
        int line = 0;
        for (int i = 0; i < code.size() && !line; ++i)
            if (code[i].contains(QLatin1String("torch.tanh")))
                line = i + 1;
        QVERIFY(line > 0);
        const auto nodes = nodesForCodeLine(h.graph, "", "forward", line);
        QVERIFY(!nodes.empty());
        h.panel.markIrNodes(QList<int>(nodes.begin(), nodes.end()));
        const QSet<int> marked = h.panel.scene()->markedNodes(MarkCodeLine);
        QVERIFY(marked.contains(h.nodeWithLabel(QStringLiteral("tanh"))));
    }

    void searchFindsAndOpensHiddenMatches()
    {
        Harness h(QStringLiteral("wraprnn"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        h.panel.find(QStringLiteral("relu"));
        QCOMPARE(h.panel.matches().size(), 1);
        QCOMPARE(h.panel.scene()->markedNodes(MarkSearchCurrent).size(), 1);

        // tanh lives in loop.cell: the search opens loop and loop.cell to show it.
        h.panel.find(QStringLiteral("tanh"));
        QVERIFY(h.settle());
        QVERIFY(h.panel.expansion().isExpanded("loop"));
        QVERIFY(h.panel.expansion().isExpanded("loop.cell"));
        QVERIFY(!h.panel.matches().isEmpty());
        for (int n : h.panel.matches())
            QVERIFY(h.panel.scene()->nodeItem(n)->marks() & MarkSearch);

        // Quoted: exact. "linear" is a module and an op; "linea" is neither.
        h.panel.find(QStringLiteral("\"linea\""));
        QVERIFY(h.settle());
        QVERIFY(h.panel.matches().isEmpty());
        h.panel.find(QStringLiteral("linea"));
        QVERIFY(h.settle());
        const int unquoted = h.panel.matches().size();
        QVERIFY(unquoted > 0);
        h.panel.find(QStringLiteral("\"aten::linear\""));
        QVERIFY(h.settle());
        QVERIFY(!h.panel.matches().isEmpty());
        QVERIFY(h.panel.matches().size() <= unquoted);

        // Next and previous go round the matches.
        h.panel.find(QStringLiteral("linea"));
        const int first = h.panel.currentMatch();
        for (int i = 0; i < h.panel.matches().size(); ++i)
            h.panel.findNext();
        QCOMPARE(h.panel.currentMatch(), first);
        h.panel.findPrevious();
        QCOMPARE(h.panel.currentMatch(), (first + h.panel.matches().size() - 1) % h.panel.matches().size());
    }

    void searchTermGrammar()
    {
        const GraphSearchTerm plain = GraphSearchTerm::parse(QStringLiteral(" Lin "));
        QVERIFY(!plain.exact);
        QVERIFY(plain.matches("aten::linear"));
        const GraphSearchTerm exact = GraphSearchTerm::parse(QStringLiteral("\"linear\""));
        QVERIFY(exact.exact);
        QVERIFY(exact.matches("linear"));
        QVERIFY(!exact.matches("linear_1"));
        QVERIFY(!exact.matches("Linear"));
        QVERIFY(GraphSearchTerm::parse(QStringLiteral("\"\"")).isEmpty());
    }

    void exportsSvgPngAndDot()
    {
        Harness h(QStringLiteral("mydecisiongate_scripted"));
        QVERIFY(h.show(QStringLiteral("dg"), QStringLiteral("forward")));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        const QString svg = dir.filePath(QStringLiteral("dg.svg"));
        QCOMPARE(h.panel.exportTo(svg), QString());
        QXmlStreamReader xml(readBytes(svg));
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(texts.contains(QStringLiteral("If")), qPrintable(texts.join(QLatin1Char('|'))));

        const QString dot = dir.filePath(QStringLiteral("dg.dot"));
        QCOMPARE(h.panel.exportTo(dot), QString());
        QCOMPARE(readBytes(dot), QByteArray::fromStdString(toDot(*h.panel.visualGraph())));

        const QString png = dir.filePath(QStringLiteral("dg.png"));
        QCOMPARE(h.panel.exportTo(png, 1.5), QString());
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), tiledPngSize(h.panel.scene()->sceneRect(), 1.5));

        // Strips of 7 rows make the same picture as one strip.
        const QString tiled = dir.filePath(QStringLiteral("tiled.png"));
        const QString whole = dir.filePath(QStringLiteral("whole.png"));
        const QRectF area = h.panel.scene()->sceneRect();
        QCOMPARE(writeTiledPng(h.panel.scene(), area, 1.0, tiled, 7), QString());
        QCOMPARE(writeTiledPng(h.panel.scene(), area, 1.0, whole, 100000), QString());
        const QImage a(tiled), b(whole);
        QCOMPARE(a.size(), b.size());
        qint64 differing = 0, ink = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x) {
                // Antialiased edges may shade a pixel a little differently at another offset; a real seam differs a lot.
                const QRgb pa = a.pixel(x, y), pb = b.pixel(x, y);
                differing += std::abs(qRed(pa) - qRed(pb)) > 64 || std::abs(qGreen(pa) - qGreen(pb)) > 64
                    || std::abs(qBlue(pa) - qBlue(pb)) > 64;
                ink += b.pixel(x, y) != qRgb(255, 255, 255);
            }
        QVERIFY(ink > 0);
        QVERIFY2(differing * 200 < qint64(a.width()) * a.height(), qPrintable(QString::number(differing)));

        QVERIFY(!h.panel.exportTo(dir.filePath(QStringLiteral("dg.txt"))).isEmpty());
        QVERIFY(h.panel.exportTo(QStringLiteral("/nonexistent-dir/x.svg")).contains(QLatin1String("nonexistent-dir")));
    }

    // A layout the user cancels is never shown; the drawing on screen stays.
    void cancelKeepsTheDrawing()
    {
        Harness h(QStringLiteral("wraprnn"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        const int before = h.panel.scene()->nodeCount();
        h.panel.setFoldPlumbing(false); // a new layout, requested but not delivered before the event loop runs
        QVERIFY(h.panel.isLayoutPending());
        h.panel.cancelLayout();
        QVERIFY(!h.panel.isLayoutPending());
        QVERIFY(h.panel.statusText().contains(QLatin1String("cancelled")));
        QTest::qWait(50);
        QCOMPARE(h.panel.scene()->nodeCount(), before);
    }

    void zoomFitAndMinimap()
    {
        Harness h(QStringLiteral("wraprnn"));
        h.panel.resize(420, 300);
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        h.panel.expandAll();
        QVERIFY(h.settle());
        GraphView* view = h.panel.view();
        view->setFocus();
        view->resetZoom();
        QCOMPARE(view->zoom(), 1.0);
        QTest::keyClick(view, Qt::Key_Plus);
        QVERIFY(view->zoom() > 1.0);
        QTest::keyClick(view, Qt::Key_Minus);
        QTest::keyClick(view, Qt::Key_Minus);
        QVERIFY(view->zoom() < 1.0);
        QTest::keyClick(view, Qt::Key_0);
        QCOMPARE(view->zoom(), 1.0);

        // At 100 % the expanded WrapRNN is bigger than the view: the minimap shows where the view is.
        QVERIFY(view->minimap()->isVisible());
        const QRectF frame = view->minimap()->frame();
        QVERIFY(!frame.isEmpty());
        QVERIFY(frame.width() < view->minimap()->width() || frame.height() < view->minimap()->height());
        const QPointF centreBefore = view->mapToScene(view->viewport()->rect().center());
        QTest::mouseClick(view->minimap(), Qt::LeftButton, {}, QPoint(view->minimap()->width() - 3, view->minimap()->height() - 3));
        QVERIFY(view->mapToScene(view->viewport()->rect().center()) != centreBefore);

        QTest::keyClick(view, Qt::Key_F);
        QVERIFY(view->zoom() <= 1.0);
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(h.panel.scene()->itemsBoundingRect()));

        const int node = h.nodeWithLabel(QStringLiteral("tanh"));
        QVERIFY(node >= 0);
        h.panel.scene()->selectNode(node);
        QVERIFY(view->zoomToSelection());
        QVERIFY(view->mapToScene(view->viewport()->rect())
                    .boundingRect()
                    .contains(h.panel.scene()->nodeItem(node)->sceneBoundingRect()));

        // Far out, items draw as plain blocks; painting there still puts ink where the nodes are.
        QImage tiny(64, 64, QImage::Format_RGB32);
        tiny.fill(Qt::white);
        QPainter p(&tiny);
        h.panel.scene()->render(&p, QRectF(0, 0, 64, 64), h.panel.scene()->sceneRect());
        p.end();
        bool ink = false;
        for (int y = 0; y < 64 && !ink; ++y)
            for (int x = 0; x < 64 && !ink; ++x)
                ink = tiny.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(ink);
    }

    void hoverTextDescribesTheNode()
    {
        Harness h(QStringLiteral("mycell_scripted"));
        QVERIFY(h.show(QString(), QStringLiteral("forward")));
        const int tanh = h.nodeWithLabel(QStringLiteral("tanh"));
        const QString text = h.panel.toolTipFor(tanh);
        QVERIFY2(text.contains(QLatin1String("aten::tanh")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String(".code line")), qPrintable(text));
        const int linear = h.nodeWithLabel(QStringLiteral("linear\nLinear.forward"));
        if (linear >= 0)
            QVERIFY(h.panel.toolTipFor(linear).contains(QLatin1String("double-click")));
        // A hover over the node shows that text.
        QHelpEvent help(QEvent::ToolTip, h.viewPointOf(tanh), h.panel.view()->viewport()->mapToGlobal(h.viewPointOf(tanh)));
        QCoreApplication::sendEvent(h.panel.view()->viewport(), &help);
        QCOMPARE(QToolTip::text(), text);
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
