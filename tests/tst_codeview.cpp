// CodeView (read-only .code view with TorchScriptLexer) and FindBar, under QT_QPA_PLATFORM=offscreen.
#include "widgets/codeview.h"
#include "widgets/findbar.h"
#include "widgets/torchscriptlexer.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace torchscope;

namespace {

QString expectedFile(const QString& relative)
{
    QFile file(QStringLiteral(TORCHSCOPE_TEST_DATA "/expected/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

int styleAt(CodeView& view, int position)
{
    return static_cast<int>(view.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, static_cast<unsigned long>(position)));
}

// Byte position of the first occurrence of `needle` on a 0-based line (the snippets here are ASCII).
int positionOf(CodeView& view, int line, const char* needle)
{
    const int column = static_cast<int>(view.text(line).indexOf(QLatin1String(needle)));
    return column < 0 ? -1 : view.positionFromLineIndex(line, column);
}

double lightness(long bgr)
{
    return QColor(
        static_cast<int>(bgr & 0xff), static_cast<int>((bgr >> 8) & 0xff), static_cast<int>((bgr >> 16) & 0xff))
        .lightnessF();
}

} // namespace

class TestCodeView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTextReadOnly()
    {
        const QString code = expectedFile(QStringLiteral("mydecisiongate_scripted/dg/forward.code.txt"));
        QVERIFY(code.startsWith(QLatin1String("def forward(")));
        CodeView view;
        view.setCode(code);
        QCOMPARE(view.text(), code);
        QVERIFY(view.isReadOnly());
        QVERIFY(qobject_cast<TorchScriptLexer*>(view.lexer()));

        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QTest::keyClicks(&view, QStringLiteral("abc"));
        QTest::keyClick(&view, Qt::Key_Delete);
        QTest::keyClick(&view, Qt::Key_Backspace);
        QCOMPARE(view.text(), code);

        // Replacing the text keeps the view read-only and leaves nothing to undo.
        view.setCode(QStringLiteral("x = 1\n"));
        QCOMPARE(view.text(), QStringLiteral("x = 1\n"));
        QVERIFY(view.isReadOnly());
        QVERIFY(!view.isUndoAvailable());
    }

    void copyWorks()
    {
        const QString code = expectedFile(QStringLiteral("mydecisiongate_scripted/dg/forward.code.txt"));
        CodeView view;
        view.setCode(code);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QApplication::clipboard()->clear();
        view.setSelection(2, 2, 2, 4); // "if" on line 3
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("if"));
        view.selectAll();
        view.copy();
        QCOMPARE(QApplication::clipboard()->text(), code);
    }

    void lexerStylesDiffer()
    {
        CodeView view;
        view.setCode(QStringLiteral("@torch.jit.export\n"
                                    "def forward(self, x: Tensor) -> Tensor:\n"
                                    "  # keep the sign\n"
                                    "  return torch.add(x, 1, \"s\")\n"));
        view.SendScintilla(QsciScintilla::SCI_COLOURISE, 0UL, -1L);

        const int keyword = styleAt(view, positionOf(view, 1, "def"));
        const int type = styleAt(view, positionOf(view, 1, "Tensor"));
        const int comment = styleAt(view, positionOf(view, 2, "# keep") + 3);
        const int number = styleAt(view, positionOf(view, 3, "1"));
        const int string = styleAt(view, positionOf(view, 3, "\"s\""));
        const int decorator = styleAt(view, 0);
        const int builtin = styleAt(view, positionOf(view, 3, "torch"));
        QCOMPARE(keyword, int(QsciLexerPython::Keyword));
        QCOMPARE(type, int(QsciLexerPython::HighlightedIdentifier));
        QCOMPARE(builtin, int(QsciLexerPython::HighlightedIdentifier));
        QCOMPARE(comment, int(QsciLexerPython::Comment));
        QCOMPARE(number, int(QsciLexerPython::Number));
        QCOMPARE(string, int(QsciLexerPython::DoubleQuotedString));
        QCOMPARE(decorator, int(QsciLexerPython::Decorator));
        QCOMPARE(styleAt(view, positionOf(view, 1, "self")), int(QsciLexerPython::Identifier));

        // Distinct styles are also distinct colours, in both schemes.
        auto* lexer = qobject_cast<TorchScriptLexer*>(view.lexer());
        QVERIFY(lexer);
        for (bool dark : { false, true }) {
            view.setDarkMode(dark);
            QCOMPARE(lexer->isDarkMode(), dark);
            const QList<int> styles { keyword, type, comment, number, string, decorator, QsciLexerPython::Default };
            for (int a = 0; a < styles.size(); ++a) {
                for (int b = a + 1; b < styles.size(); ++b)
                    QVERIFY2(lexer->color(styles[a]) != lexer->color(styles[b]),
                        qPrintable(QStringLiteral("styles %1 and %2").arg(styles[a]).arg(styles[b])));
            }
            // The editor itself was restyled: paper and text follow the scheme.
            const long paper = view.SendScintilla(QsciScintilla::SCI_STYLEGETBACK, 0UL);
            const long ink = view.SendScintilla(QsciScintilla::SCI_STYLEGETFORE, 0UL);
            QCOMPARE(lightness(paper) < 0.5, dark);
            QCOMPARE(lightness(ink) > 0.5, dark);
            QCOMPARE(lexer->font(QsciLexerPython::Default).family(),
                QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        }
        const char* set2 = lexer->keywords(2);
        for (const char* word :
            { "Tensor", "Optional", "List", "Dict", "Tuple", "NoneType", "annotate", "unchecked_cast" })
            QVERIFY2(QByteArray(set2).split(' ').contains(QByteArray(word)), word);
        QVERIFY(QByteArray(lexer->keywords(1)).split(' ').contains("def"));
    }

    void foldsADef()
    {
        const QString code = expectedFile(QStringLiteral("mycell_scripted/_root/class.code.txt"));
        CodeView view;
        view.setCode(code);
        view.SendScintilla(QsciScintilla::SCI_COLOURISE, 0UL, -1L);
        int defLine = -1;
        for (int line = 0; line < view.lines(); ++line) {
            if (view.text(line).trimmed().startsWith(QLatin1String("def forward")))
                defLine = line;
        }
        QVERIFY(defLine > 0);
        const long level = view.SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, static_cast<unsigned long>(defLine));
        QVERIFY(level & QsciScintilla::SC_FOLDLEVELHEADERFLAG);
        const int bodyLine = view.lines() - 2; // `return (new_h, new_h)`, the last line before the final newline
        QVERIFY(view.text(bodyLine).contains(QLatin1String("return")));
        QVERIFY(view.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, static_cast<unsigned long>(bodyLine)));
        view.foldLine(defLine);
        QVERIFY(!view.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, static_cast<unsigned long>(bodyLine)));
        QVERIFY(view.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, static_cast<unsigned long>(defLine)));
        // Going to a folded line unfolds it.
        view.goToLine(bodyLine + 1);
        QVERIFY(view.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, static_cast<unsigned long>(bodyLine)));
        QCOMPARE(view.folding(), QsciScintilla::BoxedTreeFoldStyle);
    }

    void highlightLines()
    {
        const QString code = expectedFile(QStringLiteral("mydecisiongate_scripted/dg/forward.code.txt"));
        CodeView view;
        view.setCode(code);
        auto marked = [&view] {
            QList<int> lines;
            for (int line = 0; line < view.lines(); ++line) {
                if (view.markersAtLine(line))
                    lines.append(line + 1);
            }
            return lines;
        };
        view.highlightLines({ 2, 4 });
        QCOMPARE(marked(), QList<int>({ 2, 4 }));
        view.highlightLines({ 3, 99, 0, -1 });
        QCOMPARE(marked(), QList<int>({ 3 }));
        view.highlightLines({});
        QCOMPARE(marked(), QList<int>());
    }

    void goToLineCentresWithoutSignal()
    {
        const QString code = expectedFile(QStringLiteral("lstm_scripted/_root/class.code.txt"));
        QVERIFY(code.count(QLatin1Char('\n')) > 150);
        CodeView view;
        view.resize(600, 300);
        view.setCode(code);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &CodeView::cursorLineChanged);

        view.goToLine(150);
        QCOMPARE(view.cursorLine(), 150);
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        const int first = view.firstVisibleLine();
        const int onScreen = static_cast<int>(view.SendScintilla(QsciScintilla::SCI_LINESONSCREEN));
        QVERIFY(onScreen > 2);
        QVERIFY2(first < 149 && 149 < first + onScreen, qPrintable(QString::number(first)));
        QVERIFY(qAbs((149 - first) - onScreen / 2) <= 1);

        view.goToLine(0); // out of range: nothing happens
        view.goToLine(100000);
        QCOMPARE(view.cursorLine(), 150);

        // Lines highlighted off screen are scrolled into view.
        view.highlightLines({ 20 });
        QVERIFY(view.firstVisibleLine() <= 19 && 19 < view.firstVisibleLine() + onScreen);
    }

    void cursorLineChanged()
    {
        const QString code = expectedFile(QStringLiteral("mydecisiongate_scripted/dg/forward.code.txt"));
        CodeView view;
        view.setCode(code);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QSignalSpy spy(&view, &CodeView::cursorLineChanged);

        view.setCursorPosition(2, 1);
        QTRY_COMPARE(spy.count(), 1); // Scintilla reports the move when it paints
        QCOMPARE(spy.takeFirst().at(0).toInt(), 3);
        view.setCursorPosition(2, 4); // same line
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        QTest::keyClick(&view, Qt::Key_Down);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 4);
        QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 1);

        // A new text puts the cursor on line 1 silently; the next move away is reported.
        view.setCursorPosition(4, 0);
        QTRY_COMPARE(spy.count(), 1);
        spy.clear();
        view.setCode(code);
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(view.cursorLine(), 1);
        view.setCursorPosition(1, 0);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);

        // goToLine() is the view's own move: silent, and the user's next move from there is a change.
        view.goToLine(5);
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        view.setCursorPosition(1, 0);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 2);
    }

    void zoomAndMargin()
    {
        CodeView view;
        view.setCode(QStringLiteral("a\nb\n"));
        const long small = view.SendScintilla(QsciScintilla::SCI_GETMARGINWIDTHN, 0UL);
        QVERIFY(small > 0);
        QString many;
        for (int i = 0; i < 20000; ++i)
            many += QStringLiteral("x\n");
        view.setCode(many);
        const long wide = view.SendScintilla(QsciScintilla::SCI_GETMARGINWIDTHN, 0UL);
        QVERIFY2(wide > small, qPrintable(QStringLiteral("%1 vs %2").arg(wide).arg(small)));

        view.zoomIn();
        view.zoomIn();
        QCOMPARE(view.SendScintilla(QsciScintilla::SCI_GETZOOM), 2L);
        QVERIFY(view.SendScintilla(QsciScintilla::SCI_GETMARGINWIDTHN, 0UL) > wide);
        view.zoomOut();
        QCOMPARE(view.SendScintilla(QsciScintilla::SCI_GETZOOM), 1L);
        view.resetZoom();
        QCOMPARE(view.SendScintilla(QsciScintilla::SCI_GETZOOM), 0L);
        QCOMPARE(view.SendScintilla(QsciScintilla::SCI_GETMARGINWIDTHN, 0UL), wide);
    }

    void findBarCountsAndWraps()
    {
        const QString code = expectedFile(QStringLiteral("lstm_scripted/_root/class.code.txt"));
        const int expected = static_cast<int>(code.count(QStringLiteral("torch"), Qt::CaseSensitive));
        QVERIFY(expected > 20);
        CodeView view;
        view.setCode(code);
        FindBar bar(&view);
        bar.setCaseSensitive(true);
        bar.setSearchText(QStringLiteral("torch"));
        QCOMPARE(bar.matchCount(), expected);
        QCOMPARE(bar.currentMatch(), 1);
        QCOMPARE(view.selectedText(), QStringLiteral("torch"));
        const int firstAt = static_cast<int>(code.indexOf(QStringLiteral("torch")));
        int line = 0;
        int index = 0;
        view.getCursorPosition(&line, &index);
        QCOMPARE(view.positionFromLineIndex(line, index), firstAt + 5); // code is ASCII: bytes == characters

        for (int i = 1; i < expected; ++i)
            bar.findNext();
        QCOMPARE(bar.currentMatch(), expected);
        bar.findNext();
        QCOMPARE(bar.currentMatch(), 1); // wrapped
        bar.findPrevious();
        QCOMPARE(bar.currentMatch(), expected); // wrapped back
        QCOMPARE(view.selectedText(), QStringLiteral("torch"));
        view.getCursorPosition(&line, &index);
        QCOMPARE(
            view.positionFromLineIndex(line, index), static_cast<int>(code.lastIndexOf(QStringLiteral("torch"))) + 5);

        // Case: "Tensor" vs "tensor".
        bar.setSearchText(QStringLiteral("tensor"));
        QCOMPARE(bar.matchCount(), static_cast<int>(code.count(QStringLiteral("tensor"), Qt::CaseSensitive)));
        bar.setCaseSensitive(false);
        QCOMPARE(bar.matchCount(), static_cast<int>(code.count(QStringLiteral("tensor"), Qt::CaseInsensitive)));
        QVERIFY(bar.matchCount() > static_cast<int>(code.count(QStringLiteral("tensor"), Qt::CaseSensitive)));

        bar.setSearchText(QStringLiteral("no such text anywhere"));
        QCOMPARE(bar.matchCount(), 0);
        QCOMPARE(bar.currentMatch(), 0);
        bar.findNext(); // harmless
        bar.setSearchText(QString());
        QCOMPARE(bar.matchCount(), 0);

        // A new text is searched again.
        bar.setSearchText(QStringLiteral("torch"));
        view.setCode(QStringLiteral("torch torch\n"));
        QCOMPARE(bar.matchCount(), 2);
    }

    void findBarKeysAndHighlights()
    {
        const QString code = expectedFile(QStringLiteral("lstm_scripted/_root/class.code.txt"));
        QWidget window;
        CodeView* view = new CodeView(&window);
        FindBar* bar = new FindBar(view, &window);
        view->setCode(code);
        bar->hide();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        bar->activate();
        QVERIFY(bar->isVisible());
        auto* field = bar->findChild<QLineEdit*>();
        QVERIFY(field);
        QTRY_VERIFY(field->hasFocus());
        bar->setCaseSensitive(true);
        QTest::keyClicks(field, QStringLiteral("torch"));
        const int count = static_cast<int>(code.count(QStringLiteral("torch")));
        QCOMPARE(bar->matchCount(), count);
        QCOMPARE(bar->currentMatch(), 1);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(bar->currentMatch(), 2);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar->currentMatch(), count);

        // Every match carries an indicator, and nothing else does.
        const QByteArray bytes = code.toUtf8();
        int marked = 0;
        for (int pos = 0; pos < bytes.size(); ++pos) {
            const bool on
                = view->SendScintilla(QsciScintilla::SCI_INDICATORALLONFOR, static_cast<unsigned long>(pos)) != 0;
            const bool starts = bytes.mid(pos, 5) == "torch";
            if (starts) {
                QVERIFY(on);
                ++marked;
            }
            if (on) {
                const int from = static_cast<int>(std::max<qsizetype>(0, pos - 4));
                QVERIFY2(bytes.mid(from, pos - from + 5).contains("torch"), qPrintable(QString::number(pos)));
            }
        }
        QCOMPARE(marked, count);

        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QVERIFY(!view->SendScintilla(
            QsciScintilla::SCI_INDICATORALLONFOR, static_cast<unsigned long>(bytes.indexOf("torch"))));
        // Activating with a one-line selection searches for it.
        view->setSelection(0, 0, 0, 5); // "class"
        bar->activate();
        QCOMPARE(bar->searchText(), QStringLiteral("class"));
        QVERIFY(bar->matchCount() >= 1);
    }
};

QTEST_MAIN(TestCodeView)
#include "tst_codeview.moc"
