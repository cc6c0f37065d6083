#include "torchscriptlexer.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

namespace torchscope {
namespace {

    // The highest QsciLexerPython style (TripleDoubleQuotedFString); styles are re-applied up to it.
    constexpr int kLastStyle = QsciLexerPython::TripleDoubleQuotedFString;

    // Keyword set 2: what TorchScript's printer emits besides Python keywords. Types first, then builtins and
    // the names through which operators are called (`torch.tanh`, `ops.prim.NumToTensor`).
    const char kTorchScriptNames[] = "Tensor Optional List Dict Tuple Union Any NoneType Device Future RRef Await "
                                     "Generator Stream Storage Scalar ScalarType Layout MemoryFormat QScheme "
                                     "Enum NamedTuple Final Number int float bool str complex "
                                     "torch ops annotate unchecked_cast isinstance uninitialized len range enumerate "
                                     "zip print getattr hasattr min max abs round divmod hash chr ord list dict "
                                     "tuple super math fork wait";

    QColor pick(bool dark, const char* light, const char* darkColor)
    {
        return QColor(QLatin1String(dark ? darkColor : light));
    }

} // namespace

TorchScriptLexer::TorchScriptLexer(QObject* parent)
    : QsciLexerPython(parent)
    , m_dark(isDarkPalette(QApplication::palette()))
{
    // The printer indents by two spaces and never mixes tabs: a warning marker would only be noise.
    setIndentationWarning(QsciLexerPython::NoWarning);
    setFoldComments(true);
    setFoldQuotes(true);
    applyStyles();
}

bool TorchScriptLexer::isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

const char* TorchScriptLexer::language() const { return "TorchScript"; }

const char* TorchScriptLexer::keywords(int set) const
{
    if (set == 2)
        return kTorchScriptNames;
    return QsciLexerPython::keywords(set);
}

QColor TorchScriptLexer::defaultColor(int style) const
{
    switch (style) {
    case Comment:
    case CommentBlock:
        return pick(m_dark, "#8c8c8c", "#7a7e85");
    case Number:
        return pick(m_dark, "#1750eb", "#2aacb8");
    case DoubleQuotedString:
    case SingleQuotedString:
    case TripleSingleQuotedString:
    case TripleDoubleQuotedString:
    case DoubleQuotedFString:
    case SingleQuotedFString:
    case TripleSingleQuotedFString:
    case TripleDoubleQuotedFString:
    case UnclosedString:
        return pick(m_dark, "#067d17", "#6aab73");
    case Keyword:
        return pick(m_dark, "#0033b3", "#cf8e6d");
    case HighlightedIdentifier:
    case ClassName:
        return pick(m_dark, "#267f99", "#4ec9b0");
    case FunctionMethodName:
        return pick(m_dark, "#00627a", "#56a8f5");
    case Decorator:
        return pick(m_dark, "#9e880d", "#b3ae60");
    default:
        break;
    }
    // Plain text takes the palette's own text colour when the palette agrees with the scheme, so the view
    // matches the rest of the window; otherwise a fixed colour that is readable on the scheme's paper.
    const QPalette palette = QApplication::palette();
    if (isDarkPalette(palette) == m_dark)
        return palette.color(QPalette::Text);
    return pick(m_dark, "#1f1f1f", "#bcbec4");
}

QColor TorchScriptLexer::defaultPaper(int style) const
{
    if (style == UnclosedString)
        return pick(m_dark, "#ffe0e0", "#5a2a2a");
    const QPalette palette = QApplication::palette();
    if (isDarkPalette(palette) == m_dark)
        return palette.color(QPalette::Base);
    return pick(m_dark, "#ffffff", "#1e1f22");
}

QFont TorchScriptLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (style == Keyword)
        font.setBold(true);
    if (style == Comment || style == CommentBlock)
        font.setItalic(true);
    return font;
}

void TorchScriptLexer::setDarkMode(bool dark)
{
    m_dark = dark;
    applyStyles();
}

void TorchScriptLexer::applyStyles()
{
    setDefaultColor(defaultColor(Default));
    setDefaultPaper(defaultPaper(Default));
    setDefaultFont(defaultFont(Default));
    for (int style = 0; style <= kLastStyle; ++style) {
        setColor(defaultColor(style), style);
        setPaper(defaultPaper(style), style);
        setFont(defaultFont(style), style);
    }
}

} // namespace torchscope
