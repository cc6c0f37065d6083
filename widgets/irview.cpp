#include "irview.h"

#include "data/irtextmap.h"
#include "irlexer.h"

namespace torchscope {
namespace {

    bool isValueChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

} // namespace

IrView::IrView(QWidget* parent)
    : CodeView(new IrLexer, parent)
{
    m_lexer = static_cast<IrLexer*>(lexer());
    m_valueIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator);
    setIndicatorDrawUnder(true, m_valueIndicator);
    setDarkMode(m_lexer->isDarkMode());

    connect(this, &CodeView::cursorLineChanged, this, [this](int line) { Q_EMIT nodeActivated(nodeIdAtLine(line)); });
}

void IrView::setGraph(const QString& text, const IrGraph& graph)
{
    m_graph = graph;
    m_text = text.toUtf8();
    m_nodeLines = irNodeLines(m_text.toStdString(), m_graph);
    m_valueByName.clear();
    for (const IrValue& value : m_graph.values)
        m_valueByName.insert('%' + QByteArray::fromStdString(value.name), value.id);
    m_selectedValue = -1;
    setCode(text);
    markValue(-1);
}

int IrView::nodeIdAtLine(int line) const { return irNodeAtLine(m_nodeLines, line); }

int IrView::lineOfNode(int nodeId) const
{
    if (nodeId < 0 || static_cast<size_t>(nodeId) >= m_nodeLines.size())
        return -1;
    return m_nodeLines[static_cast<size_t>(nodeId)];
}

void IrView::highlightNodes(const QList<int>& nodeIds)
{
    QList<int> lines;
    for (int id : nodeIds) {
        const int line = lineOfNode(id);
        if (line > 0)
            lines.append(line);
    }
    highlightLines(lines);
}

void IrView::selectValue(int valueId)
{
    if (valueId < 0 || valueId >= static_cast<int>(m_graph.values.size()))
        valueId = -1;
    m_selectedValue = valueId;
    markValue(valueId);
}

void IrView::setDarkMode(bool dark)
{
    if (m_lexer)
        m_lexer->setDarkMode(dark);
    CodeView::setDarkMode(dark);
    if (m_valueIndicator >= 0) {
        // In the values' own colour, so it stays distinct from the node-line marker (the palette's highlight).
        QColor fill = m_lexer->color(IrLexer::Value);
        fill.setAlpha(dark ? 90 : 50);
        setIndicatorForegroundColor(fill, m_valueIndicator);
        SendScintilla(SCI_INDICSETOUTLINEALPHA, static_cast<unsigned long>(m_valueIndicator), 160L);
    }
}

void IrView::userMovedCursor(int position)
{
    const int value = valueAt(position);
    if (value == m_selectedValue)
        return;
    selectValue(value);
    Q_EMIT valueSelected(value);
}

int IrView::valueAt(int position) const
{
    // The cursor may sit on a value's characters or just after its last one (a click at the end of `%x)`).
    for (int p : { position, position - 1 }) {
        if (p < 0 || p >= m_text.size())
            continue;
        const char c = m_text[p];
        if (c != '%' && !isValueChar(c))
            continue;
        int start = p;
        if (c != '%') {
            while (start > 0 && isValueChar(m_text[start - 1]))
                --start;
            if (start == 0 || m_text[start - 1] != '%')
                continue;
            --start;
        }
        int end = start + 1;
        while (end < m_text.size() && isValueChar(m_text[end]))
            ++end;
        const auto it = m_valueByName.constFind(m_text.mid(start, end - start));
        if (it != m_valueByName.constEnd())
            return it.value();
    }
    return -1;
}

void IrView::markValue(int valueId)
{
    SendScintilla(SCI_SETINDICATORCURRENT, static_cast<unsigned long>(m_valueIndicator));
    SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, static_cast<long>(m_text.size()));
    if (valueId < 0)
        return;
    // Whole tokens only: `%x.1` must not light up inside `%x.10`.
    const QByteArray token = '%' + QByteArray::fromStdString(m_graph.values[static_cast<size_t>(valueId)].name);
    for (qsizetype at = m_text.indexOf(token); at >= 0; at = m_text.indexOf(token, at + token.size())) {
        const qsizetype end = at + token.size();
        if (end < m_text.size() && isValueChar(m_text[end]))
            continue;
        SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(at), static_cast<long>(token.size()));
    }
}

} // namespace torchscope
