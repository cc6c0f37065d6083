// The Compare window (issue 5) with real workers: the seed's MyDecisionGate scripted vs traced — the `dg`
// module's code has changed lines, the graphs mark the branch (prim::If and the ops inside it) as present in
// the scripted export only, and the Compare panel finds the frozen branch in 20 trials — and MyCell scripted vs
// traced without the gate, which agree. Expected facts come from Python's text in tests/data/expected/.

#include "testsupport.h"

#include "comparediff.h"
#include "comparepanel.h"
#include "comparewindow.h"
#include "graphitems.h"
#include "graphpanel.h"
#include "graphscene.h"
#include "tracedialog.h"
#include "worker/workerclient.h"

#include "data/inputspec.h"

#include <QFile>
#include <QFont>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr int kGuardMs = 120000;

std::unique_ptr<CompareWindow> openPair(const QString& a, const QString& b)
{
    auto window = std::make_unique<CompareWindow>(
        dataPath(a), dataPath(b), [] { return std::make_unique<WorkerClient>(QStringLiteral(TORCHSCOPE_WORKER)); });
    window->resize(1400, 900);
    window->show();
    return window;
}

QString readExpected(const QString& stem, const QString& file)
{
    QFile f(expectedDir(stem) + QLatin1Char('/') + file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The op kinds a graph text names ("%4 : Tensor = aten::sum(%x.1, %3)" -> aten::sum).
QSet<QString> kindsOf(const QString& graphText)
{
    QSet<QString> kinds;
    const QRegularExpression op(QStringLiteral("= ((?:aten|prim)::\\w+)"));
    for (auto it = op.globalMatch(graphText); it.hasNext();)
        kinds.insert(it.next().captured(1));
    return kinds;
}

QTreeWidgetItem* itemFor(QTreeWidget* tree, const QString& path)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole + 1).toString() == path)
            return *it;
    return nullptr;
}

} // namespace

class TestCompareWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void codeDiffMarksChangedLines()
    {
        const CodeDiff d = diffCode(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nx\nc\ny\n"));
        QCOMPARE(d.changedA, QList<int>({ 2 }));
        QCOMPARE(d.changedB, QList<int>({ 2, 4 }));
        QVERIFY(diffCode(QStringLiteral("same\n"), QStringLiteral("same\n")).changedA.isEmpty());
    }

    void gatePairShowsTheFrozenBranch()
    {
        auto window
            = openPair(QStringLiteral("mydecisiongate_scripted.pt"), QStringLiteral("mydecisiongate_traced.pt"));
        QTRY_VERIFY_WITH_TIMEOUT(window->isOpened() || !window->errorText().isEmpty(), kGuardMs);
        QVERIFY2(window->errorText().isEmpty(), qPrintable(window->errorText()));

        // Trees: both have dg and linear, synchronized by path.
        QVERIFY(itemFor(window->tree(CompareWindow::A), QStringLiteral("dg")));
        QVERIFY(itemFor(window->tree(CompareWindow::B), QStringLiteral("dg")));
        window->tree(CompareWindow::A)->setCurrentItem(itemFor(window->tree(CompareWindow::A), QStringLiteral("dg")));
        QCOMPARE(window->currentModule(), QStringLiteral("dg"));
        QCOMPARE(
            window->tree(CompareWindow::B)->currentItem()->data(0, Qt::UserRole + 1).toString(), QStringLiteral("dg"));
        QCOMPARE(window->currentMethod(), QStringLiteral("forward"));
        QTRY_VERIFY_WITH_TIMEOUT(window->viewsReady(), kGuardMs);

        // Code: Python's .code of each side; every scripted line the trace lacks is marked.
        const QString codeA
            = readExpected(QStringLiteral("mydecisiongate_scripted"), QStringLiteral("dg/forward.code.txt"));
        const QString codeB
            = readExpected(QStringLiteral("mydecisiongate_traced"), QStringLiteral("dg/forward.code.txt"));
        QVERIFY(!codeA.isEmpty() && !codeB.isEmpty());
        QCOMPARE(window->shownCode(CompareWindow::A), codeA);
        QCOMPARE(window->shownCode(CompareWindow::B), codeB);
        const QStringList linesA = codeA.split(QLatin1Char('\n'));
        const QStringList linesB = codeB.split(QLatin1Char('\n'));
        const QList<int> changedA = window->changedLines(CompareWindow::A);
        QVERIFY(!changedA.isEmpty());
        QVERIFY(!window->changedLines(CompareWindow::B).isEmpty());
        for (int i = 0; i < linesA.size(); ++i)
            if (!linesA[i].isEmpty() && !linesB.contains(linesA[i]))
                QVERIFY2(changedA.contains(i + 1), qPrintable(linesA[i]));

        // Graphs: the kinds Python's scripted dg.forward graph has and the traced one lacks (prim::If among them)
        // are the nodes marked as present in A only.
        const QSet<QString> kindsA
            = kindsOf(readExpected(QStringLiteral("mydecisiongate_scripted"), QStringLiteral("dg/forward.graph.txt")));
        const QSet<QString> kindsB
            = kindsOf(readExpected(QStringLiteral("mydecisiongate_traced"), QStringLiteral("dg/forward.graph.txt")));
        const QSet<QString> onlyInScript = kindsA - kindsB - QSet<QString> { QStringLiteral("prim::Constant") };
        QVERIFY(onlyInScript.contains(QStringLiteral("prim::If")));
        const IrGraph& graphA = window->graph(CompareWindow::A);
        int ifNode = -1;
        for (int i = 0; i < int(graphA.nodes.size()); ++i) {
            const QString kind = QString::fromStdString(graphA.nodes[size_t(i)].kind);
            if (onlyInScript.contains(kind))
                QVERIFY2(window->diffNodes(CompareWindow::A).contains(i), qPrintable(kind));
            if (kind == QLatin1String("prim::If"))
                ifNode = i;
        }
        QVERIFY(ifNode >= 0);
        QVERIFY(window->diffNodes(CompareWindow::B).isEmpty()); // the trace adds nothing of its own

        // ... and drawn: the box standing for prim::If carries MarkDiff.
        window->showTab(QStringLiteral("graph"));
        GraphPanel* panelA = window->graphPanel(CompareWindow::A);
        QTRY_VERIFY_WITH_TIMEOUT(panelA->isSettled() && panelA->visualGraph(), kGuardMs);
        int ifBox = -1;
        const VisualGraph* visual = panelA->visualGraph();
        for (int i = 0; i < int(visual->nodes.size()); ++i)
            for (int ir : visual->nodes[size_t(i)].irNodes)
                if (ir == ifNode && visual->nodes[size_t(i)].source == 0)
                    ifBox = i;
        QVERIFY(ifBox >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(panelA->scene()->markedNodes(MarkDiff).contains(ifBox), kGuardMs);

        // Outputs: 20 trials with the seed's inputs find the frozen branch.
        window->selectModule(QString());
        window->showTab(QStringLiteral("outputs"));
        ComparePanel* compare = window->comparePanel();
        compare->setInputs({ QStringLiteral("randn:3x4"), QStringLiteral("rand:3x4") });
        compare->setTrials(20);
        QSignalSpy finished(compare, &ComparePanel::finished);
        compare->runComparison();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kGuardMs);
        QVERIFY2(compare->hasReport(), qPrintable(compare->errorText()));
        QCOMPARE(int(compare->report().trials.size()), 20);
        QVERIFY(!compare->report().passed());
        QVERIFY(compare->report().firstFailing.has_value());
        QCOMPARE(compare->reportTree()->topLevelItemCount(), 20);
        const QString repro = compare->reproduceCommand();
        QVERIFY2(repro.startsWith(QStringLiteral("torchscope-cli compare ")), qPrintable(repro));
        QVERIFY(repro.contains(QStringLiteral("--seed ")) && repro.contains(QStringLiteral("--variant ")));
    }

    void mycellPairPasses()
    {
        auto window = openPair(QStringLiteral("mycell_pair_scripted.pt"), QStringLiteral("mycell_pair_traced.pt"));
        QTRY_VERIFY_WITH_TIMEOUT(window->isOpened() || !window->errorText().isEmpty(), kGuardMs);
        QVERIFY2(window->errorText().isEmpty(), qPrintable(window->errorText()));
        ComparePanel* compare = window->comparePanel();
        compare->setInputs({ QStringLiteral("randn:3x4"), QStringLiteral("randn:3x4") });
        compare->setTrials(20);
        compare->setSeed(5);
        QSignalSpy finished(compare, &ComparePanel::finished);
        compare->runComparison();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kGuardMs);
        QVERIFY2(compare->hasReport(), qPrintable(compare->errorText()));
        QCOMPARE(int(compare->report().trials.size()), 20);
        QVERIFY(compare->report().passed());
        QVERIFY(compare->reproduceCommand().isEmpty());
    }

    void traceShowsTheBranchTaken()
    {
        WorkerClient worker(QStringLiteral(TORCHSCOPE_WORKER));
        worker.start();
        QSignalSpy opened(&worker, &WorkerClient::opened);
        worker.open(dataPath(QStringLiteral("mydecisiongate_scripted.pt")));
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, kGuardMs);
        RunRequest request;
        request.method = "forward";
        request.inputs = { parseInputSpec("randn:3x4").value(), parseInputSpec("rand:3x4").value() };
        request.seed = 3;
        TraceDialog dialog(&worker, request);
        QSignalSpy done(&dialog, &TraceDialog::done);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kGuardMs);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        // Python's inlined graph of the scripted model has the branch; the trace resolved it.
        const QString python
            = readExpected(QStringLiteral("mydecisiongate_scripted"), QStringLiteral("_root/forward.inlined.txt"));
        QVERIFY(python.contains(QStringLiteral("prim::If")));
        const QString scripted = dialog.shownText(false);
        const QString traced = dialog.shownText(true);
        QVERIFY(scripted.contains(QStringLiteral("prim::If")));
        QVERIFY2(!traced.contains(QStringLiteral("prim::If")), qPrintable(traced));
        QVERIFY(traced.contains(QStringLiteral("aten::linear")));
        const QStringList lines = scripted.split(QLatin1Char('\n'));
        int ifLine = 0;
        for (int i = 0; i < lines.size() && !ifLine; ++i)
            if (lines[i].contains(QStringLiteral("prim::If")))
                ifLine = i + 1;
        QVERIFY(dialog.changedLines(false).contains(ifLine));

        // Drawn: the scripted graph's prim::If has no counterpart in the trace and is marked.
        int ifNode = -1;
        for (const IrNode& node : dialog.graph(false).nodes)
            if (node.kind == "prim::If")
                ifNode = node.id;
        QVERIFY(ifNode >= 0);
        QVERIFY(dialog.diffNodes(false).contains(ifNode));
        QVERIFY(!dialog.graph(true).nodes.empty());
        for (const IrNode& node : dialog.graph(true).nodes)
            QVERIFY(node.kind != "prim::If");
        dialog.show();
        GraphPanel* panel = dialog.graphPanel(false);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isSettled() && panel->visualGraph(), kGuardMs);
        QSet<int> ifBoxes;
        const VisualGraph* visual = panel->visualGraph();
        for (int i = 0; i < int(visual->nodes.size()); ++i)
            for (int ir : visual->nodes[size_t(i)].irNodes)
                if (ir == ifNode && visual->nodes[size_t(i)].source == 0)
                    ifBoxes.insert(i);
        QVERIFY(!ifBoxes.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(panel->scene()->markedNodes(MarkDiff).contains(ifBoxes), kGuardMs);
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
