#include "irlexer.h"

#include "torchscriptlexer.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

#include <algorithm>

namespace torchscope {
namespace {

    QColor pick(bool dark, const char* light, const char* darkColor)
    {
        return QColor(QLatin1String(dark ? darkColor : light));
    }

    bool isDigit(char c) { return c >= '0' && c <= '9'; }
    bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
    bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }
    // Debug names are identifiers with `.N` suffixes ("input.1", "5").
    bool isValueChar(char c) { return isIdentChar(c) || c == '.'; }

    // A type ends at a `,` or an unmatched closing bracket at depth 0, or at ` = ` before the node kind.
    int typeEnd(const QByteArray& line, int from)
    {
        int depth = 0;
        int i = from;
        for (; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '\n' || c == '\r')
                break;
            if (c == '(' || c == '[' || c == '{' || c == '<') {
                ++depth;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == '>') {
                if (depth > 0)
                    --depth;
            } else if (depth == 0 && (c == ',' || (c == ' ' && line.mid(i, 3) == " = "))) {
                break;
            }
        }
        return i;
    }

    bool isBlockKeyword(const QByteArray& word)
    {
        if (!word.startsWith("block") || word.size() == 5)
            return false;
        for (int i = 5; i < word.size(); ++i) {
            if (!isDigit(word[i]))
                return false;
        }
        return true;
    }

} // namespace

IrLexer::IrLexer(QObject* parent)
    : QsciLexerCustom(parent)
    , m_dark(TorchScriptLexer::isDarkPalette(QApplication::palette()))
{
    applyStyles();
}

const char* IrLexer::language() const { return "TorchScript IR"; }

QString IrLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Default");
    case Value:
        return tr("Value");
    case Type:
        return tr("Type");
    case AtenKind:
        return tr("ATen operator");
    case PrimKind:
        return tr("Primitive node");
    case OtherKind:
        return tr("Other operator");
    case Attribute:
        return tr("Attribute");
    case Comment:
        return tr("Source location");
    case Keyword:
        return tr("Keyword");
    case Number:
        return tr("Number");
    case String:
        return tr("String");
    case Operator:
        return tr("Punctuation");
    default:
        return {};
    }
}

QColor IrLexer::defaultColor(int style) const
{
    switch (style) {
    case Value:
        return pick(m_dark, "#871094", "#c77dbb");
    case Type:
        return pick(m_dark, "#267f99", "#4ec9b0");
    case AtenKind:
        return pick(m_dark, "#0b57d0", "#56a8f5");
    case PrimKind:
        return pick(m_dark, "#a0522d", "#cf8e6d");
    case OtherKind:
        return pick(m_dark, "#b3261e", "#ff8a80");
    case Attribute:
        return pick(m_dark, "#8c6c00", "#bbb529");
    case Comment:
        return pick(m_dark, "#8c8c8c", "#7a7e85");
    case Keyword:
        return pick(m_dark, "#0033b3", "#cf8e6d");
    case Number:
        return pick(m_dark, "#1750eb", "#2aacb8");
    case String:
        return pick(m_dark, "#067d17", "#6aab73");
    default:
        break;
    }
    // As in TorchScriptLexer: the palette's text colour when the palette agrees with the scheme.
    const QPalette palette = QApplication::palette();
    if (TorchScriptLexer::isDarkPalette(palette) == m_dark)
        return palette.color(QPalette::Text);
    return pick(m_dark, "#1f1f1f", "#bcbec4");
}

QColor IrLexer::defaultPaper(int) const
{
    const QPalette palette = QApplication::palette();
    if (TorchScriptLexer::isDarkPalette(palette) == m_dark)
        return palette.color(QPalette::Base);
    return pick(m_dark, "#ffffff", "#1e1f22");
}

QFont IrLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (style == Keyword)
        font.setBold(true);
    if (style == Comment)
        font.setItalic(true);
    return font;
}

void IrLexer::setDarkMode(bool dark)
{
    m_dark = dark;
    applyStyles();
}

void IrLexer::applyStyles()
{
    setDefaultColor(defaultColor(Default));
    setDefaultPaper(defaultPaper(Default));
    setDefaultFont(defaultFont(Default));
    for (int style = 0; style < StyleCount; ++style) {
        setColor(defaultColor(style), style);
        setPaper(defaultPaper(style), style);
        setFont(defaultFont(style), style);
    }
}

void IrLexer::styleText(int start, int end)
{
    QsciScintilla* sci = editor();
    if (!sci)
        return;
    const int lineCount = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETLINECOUNT));
    const int length = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    const int firstLine = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
    const int lastLine = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, end));
    // Styles are per line, so whole lines are styled even when Scintilla asks for part of one.
    const int from = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, firstLine));
    startStyling(from);
    for (int line = firstLine; line <= lastLine; ++line) {
        const int lineStart = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
        const int lineEnd = line + 1 < lineCount
            ? static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line + 1))
            : length;
        if (lineEnd > lineStart)
            styleLine(sci->bytes(lineStart, lineEnd).left(lineEnd - lineStart));
    }
    // The text is set as a whole (the views are read-only), after which Scintilla styles from the start: fold
    // levels are then set for every line at once, so folding a header never meets lines not yet styled.
    setFoldLevels(firstLine, from == 0 ? lineCount - 1 : lastLine);
}

void IrLexer::styleLine(const QByteArray& line)
{
    const int n = static_cast<int>(line.size());
    int i = 0;
    auto emitStyle = [this, &i](int to, int style) {
        if (to > i)
            setStyling(to - i, style);
        i = to;
    };

    int indent = 0;
    while (indent < n && (line[indent] == ' ' || line[indent] == '\t'))
        ++indent;
    emitStyle(indent, Default);

    bool afterKind = false; // a `[` right after a kind opens its attributes
    bool inAttributes = false;
    while (i < n) {
        const char c = line[i];
        const char next = i + 1 < n ? line[i + 1] : '\0';
        if (c == '\n' || c == '\r') {
            emitStyle(n, Default);
        } else if (c == '#') {
            emitStyle(n, Comment);
        } else if (c == '%') {
            int j = i + 1;
            while (j < n && isValueChar(line[j]))
                ++j;
            emitStyle(j, Value);
            if (line.mid(i, 3) == " : ") {
                emitStyle(i + 3, Operator);
                emitStyle(typeEnd(line, i), Type);
            }
        } else if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < n && line[j] != c && line[j] != '\n') {
                if (line[j] == '\\')
                    ++j;
                ++j;
            }
            emitStyle(std::min(j + 1, n), String);
        } else if (c == '-' && next == '>') {
            emitStyle(i + 2, Keyword);
        } else if (isDigit(c) || ((c == '-' || c == '.') && isDigit(next))) {
            int j = i + 1;
            while (j < n
                && (isIdentChar(line[j]) || line[j] == '.'
                    || ((line[j] == '-' || line[j] == '+') && (line[j - 1] == 'e' || line[j - 1] == 'E'))))
                ++j;
            emitStyle(j, Number);
        } else if (isIdentStart(c)) {
            const bool first = i == indent;
            int j = i + 1;
            while (j < n && (isIdentChar(line[j]) || line[j] == '.' || line[j] == ':'))
                ++j;
            const QByteArray word = line.mid(i, j - i);
            int style = Default;
            if (word.contains("::")) {
                style = word.startsWith("aten::") ? AtenKind : word.startsWith("prim::") ? PrimKind : OtherKind;
                afterKind = true;
                emitStyle(j, style);
                continue;
            }
            if (inAttributes && j < n && line[j] == '=')
                style = Attribute;
            else if ((first && (word == "graph" || word == "return" || word == "with" || isBlockKeyword(word))))
                style = Keyword;
            emitStyle(j, style);
        } else {
            if (c == '[' && afterKind)
                inAttributes = true;
            else if (c == ']')
                inAttributes = false;
            emitStyle(i + 1, Operator);
        }
        afterKind = false;
    }
}

void IrLexer::setFoldLevels(int firstLine, int lastLine)
{
    QsciScintilla* sci = editor();
    const int lineCount = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETLINECOUNT));
    auto isBlank = [sci](int line) {
        return sci->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, line)
            == sci->SendScintilla(QsciScintilla::SCI_GETLINEINDENTPOSITION, line);
    };
    auto indentOf
        = [sci](int line) { return static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETLINEINDENTATION, line)); };
    for (int line = firstLine; line <= lastLine && line < lineCount; ++line) {
        const int indent = indentOf(line);
        int level = QsciScintilla::SC_FOLDLEVELBASE + std::min(indent, 0x7ff);
        if (isBlank(line)) {
            level |= QsciScintilla::SC_FOLDLEVELWHITEFLAG;
        } else {
            int following = line + 1;
            while (following < lineCount && isBlank(following))
                ++following;
            if (following < lineCount && indentOf(following) > indent)
                level |= QsciScintilla::SC_FOLDLEVELHEADERFLAG;
        }
        sci->SendScintilla(QsciScintilla::SCI_SETFOLDLEVEL, line, level);
    }
}

} // namespace torchscope
