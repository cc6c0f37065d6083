#include "codeview.h"

#include "torchscriptlexer.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>

namespace torchscope {
namespace {

    QColor blend(const QColor& a, const QColor& b, double t)
    {
        return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
    }

    constexpr int kFoldMargin = 2;

} // namespace

CodeView::CodeView(QWidget* parent)
    : CodeView(new TorchScriptLexer, parent)
{
}

CodeView::CodeView(QsciLexer* lexer, QWidget* parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setReadOnly(true);
    setWrapMode(QsciScintilla::WrapNone);
    setIndentationWidth(2); // PythonPrint and Graph::toString both indent by two spaces
    setTabWidth(2);
    setIndentationGuides(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(true);
    // The horizontal scroll bar follows the longest line shown instead of Scintilla's fixed 2000 pixels.
    SendScintilla(SCI_SETSCROLLWIDTH, 1UL);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1UL);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0); // no symbol margin: highlights are line backgrounds
    setFolding(QsciScintilla::BoxedTreeFoldStyle, kFoldMargin);
    m_highlightMarker = markerDefine(QsciScintilla::Background);
    lexer->setParent(this);
    setLexer(lexer);

    connect(this, &QsciScintilla::cursorPositionChanged, this, &CodeView::onCursorPositionChanged);
    connect(this, &QsciScintilla::linesChanged, this, &CodeView::updateMarginWidth);
    connect(this, &QsciScintillaBase::SCN_ZOOM, this, &CodeView::updateMarginWidth);

    setDarkMode(TorchScriptLexer::isDarkPalette(palette()));
    updateMarginWidth();
}

void CodeView::setCode(const QString& text)
{
    m_highlighted.clear();
    setReadOnly(false); // Scintilla refuses to replace the text of a read-only document
    setText(text);
    setReadOnly(true);
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    setCursorPosition(0, 0);
    m_lastLine = 0;
    m_ownPosition = 0;
    updateMarginWidth();
}

int CodeView::cursorLine() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void CodeView::highlightLines(const QList<int>& lines)
{
    markerDeleteAll(m_highlightMarker);
    m_highlighted.clear();
    const int count = this->lines();
    for (int line : lines) {
        if (line >= 1 && line <= count) {
            markerAdd(line - 1, m_highlightMarker);
            m_highlighted.append(line);
        }
    }
    if (m_highlighted.isEmpty())
        return;
    const int first = firstVisibleLine();
    const int onScreen = static_cast<int>(SendScintilla(SCI_LINESONSCREEN));
    for (int line : m_highlighted) {
        const int visible = static_cast<int>(SendScintilla(SCI_VISIBLEFROMDOCLINE, line - 1));
        if (visible >= first && visible < first + onScreen)
            return;
    }
    centreLine(m_highlighted.first());
}

void CodeView::goToLine(int line)
{
    if (line < 1 || line > lines())
        return;
    setCursorPosition(line - 1, 0);
    m_lastLine = line - 1;
    m_ownPosition = static_cast<int>(SendScintilla(SCI_GETCURRENTPOS));
    centreLine(line);
}

void CodeView::centreLine(int line)
{
    ensureLineVisible(line - 1);
    const int visible = static_cast<int>(SendScintilla(SCI_VISIBLEFROMDOCLINE, line - 1));
    const int onScreen = static_cast<int>(SendScintilla(SCI_LINESONSCREEN));
    setFirstVisibleLine(std::max(0, visible - onScreen / 2));
}

void CodeView::resetZoom() { zoomTo(0); }

void CodeView::setDarkMode(bool dark)
{
    if (auto* scriptLexer = qobject_cast<TorchScriptLexer*>(lexer()))
        scriptLexer->setDarkMode(dark);
    applyViewColors();
}

void CodeView::applyViewColors()
{
    const QsciLexer* lex = lexer();
    const QColor paper = lex ? lex->defaultPaper() : palette().color(QPalette::Base);
    const QColor text = lex ? lex->defaultColor() : palette().color(QPalette::Text);
    const QColor accent = palette().color(QPalette::Highlight);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    setMarginsFont(font);
    setMarginsBackgroundColor(blend(paper, text, 0.05));
    setMarginsForegroundColor(blend(paper, text, 0.5));
    setFoldMarginColors(blend(paper, text, 0.05), blend(paper, text, 0.05));
    // The fold markers are Scintilla's own (25 to 31), which setMarker*Color(..., -1) leaves alone: the box is
    // filled with the foreground colour and drawn, with its lines and sign, in the background colour.
    for (int marker = SC_MARKNUM_FOLDEREND; marker <= static_cast<int>(SC_MARKNUM_FOLDEROPEN); ++marker) {
        SendScintilla(SCI_MARKERSETFORE, static_cast<unsigned long>(marker), paper);
        SendScintilla(SCI_MARKERSETBACK, static_cast<unsigned long>(marker), blend(paper, text, 0.45));
    }
    setMarkerBackgroundColor(blend(paper, accent, 0.3), m_highlightMarker);
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(blend(paper, text, 0.06));
    setSelectionBackgroundColor(palette().color(QPalette::Highlight));
    setSelectionForegroundColor(palette().color(QPalette::HighlightedText));
    setIndentationGuidesBackgroundColor(paper);
    setIndentationGuidesForegroundColor(blend(paper, text, 0.2));
    setMatchedBraceBackgroundColor(blend(paper, accent, 0.35));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(text);
    updateMarginWidth();
}

void CodeView::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setDarkMode(TorchScriptLexer::isDarkPalette(palette()));
}

void CodeView::onCursorPositionChanged(int line, int)
{
    // Scintilla reports moves late (when it paints), so the view's own moves are recognised by where they went.
    const int position = static_cast<int>(SendScintilla(SCI_GETCURRENTPOS));
    const bool own = position == m_ownPosition;
    m_ownPosition = -1;
    if (own) {
        m_lastLine = line;
        return;
    }
    if (line != m_lastLine) {
        m_lastLine = line;
        Q_EMIT cursorLineChanged(line + 1);
    }
    userMovedCursor(position);
}

void CodeView::userMovedCursor(int) { }

void CodeView::updateMarginWidth()
{
    const int digits = static_cast<int>(QString::number(std::max(1, lines())).size());
    setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}

} // namespace torchscope
