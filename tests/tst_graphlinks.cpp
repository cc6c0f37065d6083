// The graph view inside a ModelTab served by a real torchscope-worker, offscreen: it follows the module tree,
// fetches callee graphs from the worker to expand, and is linked both ways to the code, the IR text and the Node
// panel. Expected lines come from Python's own texts in tests/data/expected.

#include "data/irgraph.h"
#include "tabharness.h"
#include "testsupport.h"
#include "widgets/graphpanel.h"
#include "widgets/graphscene.h"
#include "widgets/graphview.h"
#include "widgets/modeltab.h"
#include "widgets/nodedetails.h"
#include "worker/workerclient.h"
#include "worker/workerpool.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr int kWaitMs = 120000; // waiting for a worker process and the layout thread, not a timing requirement

int lineContaining(const QString& text, const QString& needle)
{
    const QStringList lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return i + 1;
    return -1;
}

QString expectedText(const QString& stem, const QString& module, const QString& file)
{
    return QString::fromUtf8(readBytes(expectedFile(stem, module, file)));
}

int nodeLabelled(GraphPanel* panel, const QString& label)
{
    const VisualGraph* g = panel->visualGraph();
    for (size_t i = 0; g && i < g->nodes.size(); ++i)
        if (QString::fromStdString(g->nodes[i].label) == label)
            return static_cast<int>(i);
    return -1;
}

QSet<QString> moduleClusters(GraphPanel* panel)
{
    QSet<QString> out;
    for (const auto& c : panel->visualGraph()->clusters)
        if (c.kind == ClusterKind::Module)
            out.insert(QString::fromStdString(c.modulePath));
    return out;
}

} // namespace

class TestGraphLinks : public QObject {
    Q_OBJECT

    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<ModelTab> m_tab;

    // Opens the fixture in a tab and waits for the graph of its root module.
    bool open(const QString& stem)
    {
        ModelTab::Source source { fixture(stem).path, {}, stem };
        m_tab = std::make_unique<ModelTab>(source, QStringList(), [this] { return m_pool->take(); });
        m_tab->resize(1400, 900);
        m_tab->show();
        return waitGraph();
    }

    bool waitGraph()
    {
        GraphPanel* panel = m_tab->graphPanel();
        return QTest::qWaitFor(
            [&] {
                return m_tab->state() == ModelTab::State::Ready && panel->visualGraph() && !panel->isLayoutPending();
            },
            kWaitMs);
    }

private Q_SLOTS:
    void initTestCase() { m_pool = std::make_unique<WorkerPool>(workerPath()); }

    void cleanup() { m_tab.reset(); }

    void cleanupTestCase() { m_pool.reset(); }

    // The graph shows the module picked in the tree; the scripted gate's If is there once `dg` is picked.
    void followsTheModuleTree()
    {
        QVERIFY(open(QStringLiteral("mydecisiongate_scripted")));
        GraphPanel* panel = m_tab->graphPanel();
        QCOMPARE(QString::fromStdString(panel->visualGraph()->modulePath), QString());
        QVERIFY(nodeLabelled(panel, QStringLiteral("tanh")) >= 0);
        QSignalSpy shown(m_tab.get(), &ModelTab::graphUpdated);
        m_tab->selectModule(QStringLiteral("dg"));
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(waitGraph());
        QCOMPARE(QString::fromStdString(panel->visualGraph()->modulePath), QStringLiteral("dg"));
        bool hasIf = false;
        for (const auto& c : panel->visualGraph()->clusters)
            hasIf = hasIf || c.kind == ClusterKind::If;
        QVERIFY(hasIf);
        QVERIFY(expectedText(QStringLiteral("mydecisiongate_scripted"), QStringLiteral("dg"),
            QStringLiteral("forward.graph.txt"))
                    .contains(QLatin1String("prim::If(")));
    }

    // Selecting a drawn node shows it in the Node panel and moves the code and the IR text to it.
    void selectingANodeMovesCodeAndIr()
    {
        QVERIFY(open(QStringLiteral("mycell_scripted")));
        GraphPanel* panel = m_tab->graphPanel();
        const int tanh = nodeLabelled(panel, QStringLiteral("tanh"));
        QVERIFY(tanh >= 0);
        panel->scene()->selectNode(tanh);
        QCOMPARE(m_tab->nodeDetails()->nodeKind(), QStringLiteral("aten::tanh"));
        QVERIFY(m_tab->nodeDetails()->isVisible());

        const QString code = expectedText(QStringLiteral("mycell_scripted"), QString(), QStringLiteral("forward.code.txt"));
        int line = 0, index = 0;
        m_tab->codeView()->getCursorPosition(&line, &index);
        QCOMPARE(line + 1, lineContaining(code, QStringLiteral("torch.tanh")));
        m_tab->irView()->getCursorPosition(&line, &index);
        QVERIFY(m_tab->irView()->text(line).contains(QLatin1String("aten::tanh")));
    }

    // Moving the cursor in the code marks the nodes of that line in the drawing.
    void codeCursorMarksTheGraph()
    {
        QVERIFY(open(QStringLiteral("mycell_scripted")));
        GraphPanel* panel = m_tab->graphPanel();
        const QString code = expectedText(QStringLiteral("mycell_scripted"), QString(), QStringLiteral("forward.code.txt"));
        const int line = lineContaining(code, QStringLiteral("torch.tanh"));
        QVERIFY(line > 0);
        m_tab->codeView()->setFocus();
        m_tab->codeView()->setCursorPosition(line - 1, 4);
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->scene()->markedNodes(1 /* MarkCodeLine */).contains(nodeLabelled(panel, QStringLiteral("tanh"))),
            kWaitMs);
    }

    // Expanding in the app asks the worker for the callees' graphs.
    void expandAllFetchesCalleesFromTheWorker()
    {
        QVERIFY(open(QStringLiteral("wraprnn")));
        GraphPanel* panel = m_tab->graphPanel();
        panel->expandAll();
        QVERIFY(waitGraph());
        QTRY_COMPARE_WITH_TIMEOUT(moduleClusters(panel),
            (QSet<QString> { QStringLiteral("loop"), QStringLiteral("loop.cell"), QStringLiteral("loop.cell.dg"),
                QStringLiteral("loop.cell.linear") }),
            kWaitMs);
    }

    // Ctrl+F (the tab's Find) goes to the graph's search field when the graph has the focus.
    void findGoesToTheGraphWhenItHasFocus()
    {
        QVERIFY(open(QStringLiteral("mycell_scripted")));
        m_tab->showView(QStringLiteral("graph"));
        m_tab->graphPanel()->view()->setFocus();
        QApplication::setActiveWindow(m_tab.get());
        QTRY_VERIFY(m_tab->graphPanel()->view()->hasFocus());
        m_tab->activateFind();
        QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        QVERIFY(m_tab->graphPanel()->isAncestorOf(QApplication::focusWidget()));
    }
};

QTEST_MAIN(TestGraphLinks)
#include "tst_graphlinks.moc"
