// IrView (IR text with IrLexer, linked to its IrGraph), under QT_QPA_PLATFORM=offscreen. The graphs come from
// the real engine, the texts from tests/data/expected (Python's own output).

#include "data/irtextmap.h"
#include "engine/archive.h"
#include "widgets/irlexer.h"
#include "widgets/irview.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace torchscope;

namespace {

QString dataPath(const QString& relative) { return QStringLiteral(TORCHSCOPE_TEST_DATA "/") + relative; }

QString readText(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

long send(IrView& view, unsigned int message, long wParam = 0, long lParam = 0)
{
    return view.SendScintilla(message, static_cast<unsigned long>(wParam), lParam);
}

// The byte position of the first occurrence of `needle` on a 1-based line (the IR texts here are ASCII).
int positionOf(IrView& view, int line, const QString& needle)
{
    const int column = static_cast<int>(view.text(line - 1).indexOf(needle));
    return column < 0 ? -1 : view.positionFromLineIndex(line - 1, column);
}

int lineContaining(IrView& view, const QString& needle)
{
    for (int line = 0; line < view.lines(); ++line) {
        if (view.text(line).contains(needle))
            return line + 1;
    }
    return -1;
}

// The runs of text that carry the value indicator, as (line, text) pairs.
QList<QPair<int, QString>> markedRuns(IrView& view)
{
    QList<QPair<int, QString>> runs;
    const int length = static_cast<int>(send(view, QsciScintilla::SCI_GETLENGTH));
    int pos = 0;
    while (pos < length) {
        if (!send(view, QsciScintilla::SCI_INDICATORVALUEAT, view.valueIndicator(), pos)) {
            ++pos;
            continue;
        }
        const int end = static_cast<int>(send(view, QsciScintilla::SCI_INDICATOREND, view.valueIndicator(), pos));
        const int line = static_cast<int>(send(view, QsciScintilla::SCI_LINEFROMPOSITION, pos)) + 1;
        runs.append({ line, QString::fromUtf8(view.bytes(pos, end).left(end - pos)) });
        pos = std::max(end, pos + 1);
    }
    return runs;
}

QList<int> markedLines(IrView& view)
{
    QList<int> lines;
    for (int line = 0; line < view.lines(); ++line) {
        if (view.markersAtLine(line))
            lines.append(line + 1);
    }
    return lines;
}

int valueNamed(const IrGraph& graph, const std::string& name)
{
    for (const IrValue& value : graph.values) {
        if (value.name == name)
            return value.id;
    }
    return -1;
}

} // namespace

class TestIrView : public QObject {
    Q_OBJECT

private:
    IrGraph graphOf(const QString& archive, const std::string& module, GraphForm form)
    {
        auto opened = Archive::open(dataPath(archive).toStdString());
        if (!opened)
            return {};
        auto graph = opened.value()->graph(module, "forward", form);
        return graph ? graph.value() : IrGraph {};
    }

    // The lines the graph says a value is written on: its producer (or the header of the block it enters),
    // the nodes that use it, and each `-> (...)`/`return (...)` of a block that outputs it.
    QSet<int> expectedValueLines(IrView& view, const IrGraph& graph, int valueId)
    {
        const IrValue& value = graph.values.at(static_cast<size_t>(valueId));
        const QString token = QLatin1Char('%') + QString::fromStdString(value.name);
        QSet<int> lines;
        if (value.producer >= 0)
            lines.insert(view.lineOfNode(value.producer));
        else
            lines.insert(lineContaining(view, token + QStringLiteral(" : ")));
        for (const IrUse& use : value.uses)
            lines.insert(view.lineOfNode(use.node));
        int outputs = 0;
        for (const IrBlock& block : graph.blocks) {
            for (int out : block.outputs)
                outputs += out == valueId ? 1 : 0;
        }
        // Block outputs are not node uses in IrGraph; find their lines in the text and check there are as many.
        int returns = 0;
        const QRegularExpression exact(QRegularExpression::escape(token) + QStringLiteral("(?![A-Za-z0-9_.])"));
        for (int line = 0; line < view.lines(); ++line) {
            const QString text = view.text(line).trimmed();
            if ((text.startsWith(QLatin1String("-> (")) || text.startsWith(QLatin1String("return (")))
                && text.contains(exact)) {
                lines.insert(line + 1);
                ++returns;
            }
        }
        if (returns != outputs)
            return {};
        return lines;
    }

private Q_SLOTS:
    void nodeLinesAndStyles()
    {
        const IrGraph graph = graphOf(QStringLiteral("mydecisiongate_scripted.pt"), "dg", GraphForm::Graph);
        QVERIFY(!graph.nodes.empty());
        const QString text = readText(QStringLiteral("expected/mydecisiongate_scripted/dg/forward.graph.txt"));
        IrView view;
        view.setGraph(text, graph);
        QCOMPARE(view.text(), text);
        QVERIFY(view.isReadOnly());
        QVERIFY(qobject_cast<IrLexer*>(view.lexer()));

        for (const IrNode& node : graph.nodes) {
            const int line = view.lineOfNode(node.id);
            QVERIFY(line > 0);
            QVERIFY(view.text(line - 1).contains(QString::fromStdString(node.kind)));
            QCOMPARE(view.nodeIdAtLine(line), node.id);
        }
        QCOMPARE(view.nodeIdAtLine(1), -1);
        QCOMPARE(view.nodeIdAtLine(lineContaining(view, QStringLiteral("block0()"))), -1);

        send(view, QsciScintilla::SCI_COLOURISE, 0, -1);
        auto style = [&view](int line, const QString& needle, int offset = 0) {
            const int pos = positionOf(view, line, needle);
            return pos < 0 ? -100 : static_cast<int>(send(view, QsciScintilla::SCI_GETSTYLEAT, pos + offset));
        };
        const int sumLine = lineContaining(view, QStringLiteral("aten::sum"));
        const int constLine = lineContaining(view, QStringLiteral("prim::Constant[value=0]"));
        const int ifLine = lineContaining(view, QStringLiteral("prim::If"));
        QCOMPARE(style(1, QStringLiteral("graph")), int(IrLexer::Keyword));
        QCOMPARE(style(1, QStringLiteral("%self")), int(IrLexer::Value));
        QCOMPARE(style(1, QStringLiteral("__torch__"), 3), int(IrLexer::Type));
        QCOMPARE(style(sumLine, QStringLiteral("%4")), int(IrLexer::Value));
        QCOMPARE(style(sumLine, QStringLiteral("Tensor")), int(IrLexer::Type));
        QCOMPARE(style(sumLine, QStringLiteral("aten::sum"), 6), int(IrLexer::AtenKind));
        QCOMPARE(style(sumLine, QStringLiteral("%x.1"), 3), int(IrLexer::Value));
        QCOMPARE(style(sumLine, QStringLiteral("# /"), 5), int(IrLexer::Comment));
        QCOMPARE(style(sumLine, QStringLiteral(".py:83:11"), 6), int(IrLexer::Comment));
        QCOMPARE(style(ifLine, QStringLiteral("prim::If")), int(IrLexer::PrimKind));
        QCOMPARE(style(constLine, QStringLiteral("value=")), int(IrLexer::Attribute));
        QCOMPARE(style(constLine, QStringLiteral("=0]"), 1), int(IrLexer::Number));
        QCOMPARE(
            style(lineContaining(view, QStringLiteral("block1")), QStringLiteral("block1")), int(IrLexer::Keyword));
        QCOMPARE(style(lineContaining(view, QStringLiteral("-> (%12)")), QStringLiteral("->")), int(IrLexer::Keyword));
        QCOMPARE(
            style(lineContaining(view, QStringLiteral("return")), QStringLiteral("return")), int(IrLexer::Keyword));

        auto* lexer = qobject_cast<IrLexer*>(view.lexer());
        for (int s = 0; s < IrLexer::StyleCount; ++s)
            QVERIFY2(!lexer->description(s).isEmpty(), qPrintable(QString::number(s)));
        QVERIFY(lexer->description(IrLexer::StyleCount).isEmpty());
        for (bool dark : { false, true }) {
            view.setDarkMode(dark);
            QCOMPARE(lexer->isDarkMode(), dark);
            const QList<int> distinct { IrLexer::Value, IrLexer::Type, IrLexer::AtenKind, IrLexer::PrimKind,
                IrLexer::OtherKind, IrLexer::Attribute, IrLexer::Comment, IrLexer::Number, IrLexer::String,
                IrLexer::Default };
            for (int a = 0; a < distinct.size(); ++a) {
                for (int b = a + 1; b < distinct.size(); ++b)
                    QVERIFY(lexer->color(distinct[a]) != lexer->color(distinct[b]));
            }
            QCOMPARE(lexer->paper(IrLexer::Default).lightnessF() < 0.5, dark);
        }
    }

    void stylesTracedTypesAndStrings()
    {
        // Traced graphs carry shaped types; fixtures lose them on save, so this text is written here.
        const QString text = QStringLiteral(
            "graph(%self : __torch__.MyCell,\n"
            "      %x : Float(3, 4, strides=[4, 1], requires_grad=0, device=cpu)):\n"
            "  %linear : __torch__.torch.nn.modules.linear.Linear = prim::GetAttr[name=\"linear\"](%self)\n"
            "  %y : Float(3, 4, strides=[4, 1], requires_grad=1, device=cpu) = my_ops::scale[alpha=-1.5e-05](%x)\n"
            "  return (%y)\n");
        IrView view;
        view.setGraph(text, IrGraph {});
        send(view, QsciScintilla::SCI_COLOURISE, 0, -1);
        auto style = [&view](int line, const QString& needle, int offset = 0) {
            const int pos = positionOf(view, line, needle);
            return pos < 0 ? -100 : static_cast<int>(send(view, QsciScintilla::SCI_GETSTYLEAT, pos + offset));
        };
        for (const QString& part : { QStringLiteral("Float"), QStringLiteral("4, 1]"), QStringLiteral("cpu)") })
            QCOMPARE(style(2, part), int(IrLexer::Type));
        QCOMPARE(style(2, QStringLiteral(")):"), 1), int(IrLexer::Operator)); // the header's own parenthesis
        QCOMPARE(style(3, QStringLiteral("\"linear\""), 2), int(IrLexer::String));
        QCOMPARE(style(3, QStringLiteral("name=")), int(IrLexer::Attribute));
        QCOMPARE(style(4, QStringLiteral("cpu)"), 3), int(IrLexer::Type));
        QCOMPARE(style(4, QStringLiteral(" = my_ops"), 1), int(IrLexer::Operator));
        QCOMPARE(style(4, QStringLiteral("my_ops::scale")), int(IrLexer::OtherKind));
        QCOMPARE(style(4, QStringLiteral("alpha")), int(IrLexer::Attribute));
        QCOMPARE(style(4, QStringLiteral("-1.5e-05")), int(IrLexer::Number));
        QCOMPARE(style(4, QStringLiteral("e-05]"), 3), int(IrLexer::Number));
        QCOMPARE(style(4, QStringLiteral("(%x)"), 1), int(IrLexer::Value));
    }

    void blocksFold()
    {
        const IrGraph graph = graphOf(QStringLiteral("wraprnn.pt"), "", GraphForm::Inlined);
        const QString text = readText(QStringLiteral("expected/wraprnn/_root/forward.inlined.txt"));
        IrView view;
        view.setGraph(text, graph);
        send(view, QsciScintilla::SCI_COLOURISE, 0, -1);
        auto isHeader = [&view](int line) {
            return (send(view, QsciScintilla::SCI_GETFOLDLEVEL, line - 1) & QsciScintilla::SC_FOLDLEVELHEADERFLAG) != 0;
        };
        auto visible = [&view](int line) { return send(view, QsciScintilla::SCI_GETLINEVISIBLE, line - 1) != 0; };
        const int loopLine = lineContaining(view, QStringLiteral("prim::Loop"));
        const int ifLine = lineContaining(view, QStringLiteral("prim::If"));
        const int negLine = lineContaining(view, QStringLiteral("aten::neg"));
        const int afterLoop = lineContaining(view, QStringLiteral("prim::TupleConstruct(%y0, %h0)"));
        QVERIFY(isHeader(1));
        QVERIFY(isHeader(loopLine));
        QVERIFY(isHeader(ifLine));
        QVERIFY(isHeader(lineContaining(view, QStringLiteral("block1()"))));
        QVERIFY(!isHeader(negLine));
        QVERIFY(!isHeader(afterLoop));

        view.foldLine(ifLine - 1);
        QVERIFY(!visible(negLine));
        QVERIFY(visible(ifLine + 3 + 3)); // the aten::add after the If's two blocks
        view.foldLine(loopLine - 1);
        QVERIFY(!visible(loopLine + 1));
        QVERIFY(visible(afterLoop));
        view.foldAll(true);
        QVERIFY(!visible(loopLine));
        QVERIFY(visible(1));
        view.goToLine(negLine);
        QVERIFY(visible(negLine));
    }

    void valueUnderCursorIsHighlighted()
    {
        const IrGraph graph = graphOf(QStringLiteral("wraprnn.pt"), "", GraphForm::Inlined);
        QVERIFY(!graph.values.empty());
        const QString text = readText(QStringLiteral("expected/wraprnn/_root/forward.inlined.txt"));
        IrView view;
        view.resize(900, 500);
        view.setGraph(text, graph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &IrView::valueSelected);

        // %y0 (not %y0.5, the loop-carried value that shares its prefix).
        const int y0 = valueNamed(graph, "y0");
        QVERIFY(y0 >= 0);
        QVERIFY(valueNamed(graph, "y0.5") >= 0);
        const int useLine = lineContaining(view, QStringLiteral("prim::TupleConstruct(%y0, %h0)"));
        view.setCursorPosition(
            useLine - 1, static_cast<int>(view.text(useLine - 1).indexOf(QStringLiteral("%y0"))) + 2);
        QTRY_COMPARE(selected.count(), 1); // Scintilla reports the move when it paints
        QCOMPARE(selected.takeFirst().at(0).toInt(), y0);
        QCOMPARE(view.selectedValue(), y0);
        const QSet<int> expected = expectedValueLines(view, graph, y0);
        QCOMPARE(expected.size(), 2);
        QSet<int> lines;
        for (const auto& [line, run] : markedRuns(view)) {
            QCOMPARE(run, QStringLiteral("%y0"));
            lines.insert(line);
        }
        QCOMPARE(lines, expected);
        QCOMPARE(markedRuns(view).size(), 2);

        // Moving within the token changes nothing; moving off it clears the highlight.
        view.setCursorPosition(
            useLine - 1, static_cast<int>(view.text(useLine - 1).indexOf(QStringLiteral("%y0"))) + 3);
        QTest::qWait(50);
        QCOMPARE(selected.count(), 0);
        view.setCursorPosition(useLine - 1, 0);
        QTRY_COMPARE(selected.count(), 1);
        QCOMPARE(selected.takeFirst().at(0).toInt(), -1);
        QVERIFY(markedRuns(view).isEmpty());

        // Every value of the graph: what lights up is exactly its definition, uses and block outputs.
        for (const IrValue& value : graph.values) {
            const QString token = QLatin1Char('%') + QString::fromStdString(value.name);
            const int line = value.producer >= 0 ? view.lineOfNode(value.producer)
                                                 : lineContaining(view, token + QStringLiteral(" : "));
            QVERIFY(line > 0);
            const int column = static_cast<int>(view.text(line - 1).indexOf(token + QStringLiteral(" : ")));
            QVERIFY2(column >= 0, qPrintable(token));
            view.setCursorPosition(line - 1, column);
            QTRY_COMPARE(view.selectedValue(), value.id);
            QSet<int> got;
            for (const auto& [runLine, run] : markedRuns(view)) {
                QCOMPARE(run, token);
                got.insert(runLine);
            }
            QCOMPARE(got, expectedValueLines(view, graph, value.id));
        }
    }

    void clickSelectsValue()
    {
        const IrGraph graph = graphOf(QStringLiteral("mydecisiongate_scripted.pt"), "dg", GraphForm::Graph);
        const QString text = readText(QStringLiteral("expected/mydecisiongate_scripted/dg/forward.graph.txt"));
        IrView view;
        view.resize(900, 400);
        view.setGraph(text, graph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &IrView::valueSelected);
        QSignalSpy activated(&view, &IrView::nodeActivated);

        // Click in the middle of `%x.1` in `aten::neg(%x.1)`.
        const int negLine = lineContaining(view, QStringLiteral("aten::neg(%x.1)"));
        const int pos = positionOf(view, negLine, QStringLiteral("(%x.1)")) + 2;
        const int x = static_cast<int>(send(view, QsciScintilla::SCI_POINTXFROMPOSITION, 0, pos));
        const int y = static_cast<int>(send(view, QsciScintilla::SCI_POINTYFROMPOSITION, 0, pos));
        const int height = static_cast<int>(send(view, QsciScintilla::SCI_TEXTHEIGHT, negLine - 1));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(x + 2, y + height / 2));

        const int x1 = valueNamed(graph, "x.1");
        QTRY_COMPARE(view.selectedValue(), x1);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toInt(), x1);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), graph.nodes.back().id); // aten::neg, the last node

        // %x.1 enters the graph (header line 2), is used by aten::sum and aten::neg and returned by block0.
        QSet<int> lines;
        for (const auto& [line, run] : markedRuns(view)) {
            QCOMPARE(run, QStringLiteral("%x.1"));
            lines.insert(line);
        }
        QCOMPARE(lines, expectedValueLines(view, graph, x1));
        QVERIFY(lines.contains(2));
        QVERIFY(lines.contains(lineContaining(view, QStringLiteral("-> (%x.1)"))));
        QCOMPARE(lines.size(), 4);
    }

    void nodeActivatedAndHighlightNodes()
    {
        const IrGraph graph = graphOf(QStringLiteral("mydecisiongate_scripted.pt"), "dg", GraphForm::Graph);
        const QString text = readText(QStringLiteral("expected/mydecisiongate_scripted/dg/forward.graph.txt"));
        IrView view;
        view.setGraph(text, graph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &IrView::nodeActivated);

        int ifNode = -1;
        for (const IrNode& node : graph.nodes)
            ifNode = node.kind == "prim::If" ? node.id : ifNode;
        QVERIFY(ifNode >= 0);
        view.setCursorPosition(view.lineOfNode(ifNode) - 1, 4);
        QTRY_COMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toInt(), ifNode);
        view.setCursorPosition(view.lineOfNode(ifNode), 4); // block0(): no node
        QTRY_COMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toInt(), -1);
        view.selectValue(0);
        view.goToLine(view.lineOfNode(0)); // the view's own moves are not reported
        QTest::qWait(50);
        QCOMPARE(activated.count(), 0);
        QCOMPARE(view.selectedValue(), 0); // and do not clear a value chosen elsewhere
        QCOMPARE(view.cursorLine(), view.lineOfNode(0));

        view.highlightNodes({ 2, ifNode, 999, -3 });
        QCOMPARE(markedLines(view), QList<int>({ view.lineOfNode(2), view.lineOfNode(ifNode) }));
        view.highlightNodes({});
        QVERIFY(markedLines(view).isEmpty());

        // The code view's cursor on `new_h = torch.tanh(...)` marks the IR lines of aten::add and aten::tanh.
        const IrGraph cell = graphOf(QStringLiteral("mycell_scripted.pt"), "", GraphForm::Graph);
        view.setGraph(readText(QStringLiteral("expected/mycell_scripted/_root/forward.graph.txt")), cell);
        const QStringList code
            = readText(QStringLiteral("expected/mycell_scripted/_root/forward.code.txt")).split(QLatin1Char('\n'));
        const int codeLine = static_cast<int>(code.indexOf(QRegularExpression(QStringLiteral(".*torch\\.tanh.*")))) + 1;
        QVERIFY(codeLine > 0);
        QList<int> ids;
        for (int id : nodesForCodeLine(cell, "", "forward", codeLine))
            ids.append(id);
        view.highlightNodes(ids);
        const QList<int> marked = markedLines(view);
        QVERIFY(marked.contains(lineContaining(view, QStringLiteral("aten::tanh"))));
        QVERIFY(marked.contains(lineContaining(view, QStringLiteral("aten::add"))));
        QVERIFY(!marked.contains(lineContaining(view, QStringLiteral("prim::TupleConstruct"))));
    }
};

QTEST_MAIN(TestIrView)
#include "tst_irview.moc"
