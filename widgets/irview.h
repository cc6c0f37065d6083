#pragma once

#include "codeview.h"

#include "data/irgraph.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace torchscope {

class IrLexer;

// A method's IR text (Graph::toString) with its IrGraph: knows which node each line prints, highlights a
// %value's definition and uses when the cursor is on it, and marks nodes picked elsewhere (the code view, the
// graph drawing).
class IrView : public CodeView {
    Q_OBJECT
public:
    explicit IrView(QWidget* parent = nullptr);

    // Shows `text`, which must be what LibTorch prints for `graph` (with or without source comments).
    void setGraph(const QString& text, const IrGraph& graph);
    const IrGraph& graph() const { return m_graph; }

    // The node printed on a 1-based line, or -1.
    int nodeIdAtLine(int line) const;
    // The 1-based line a node is printed on, or -1.
    int lineOfNode(int nodeId) const;
    // The value whose definition and uses are highlighted, or -1.
    int selectedValue() const { return m_selectedValue; }
    // The indicator that marks the selected value's occurrences (for tests and themes).
    int valueIndicator() const { return m_valueIndicator; }

    void setDarkMode(bool dark) override;

protected:
    void userMovedCursor(int position) override;

public Q_SLOTS:
    // Marks the lines of these nodes (e.g. those nodesForCodeLine() finds for the code view's cursor line),
    // replacing the previous marks; nodes without a line are ignored.
    void highlightNodes(const QList<int>& nodeIds);
    // Highlights a value's definition and uses as if the cursor were on it; -1 clears.
    void selectValue(int valueId);

Q_SIGNALS:
    // The cursor went onto an occurrence of a %value (-1: it left the value it was on).
    void valueSelected(int valueId);
    // The user moved the cursor to another line: the node printed there, or -1 when it prints no node.
    void nodeActivated(int nodeId);

private:
    // An IrView shows a graph's text: setGraph() keeps the text and the graph together.
    using CodeView::setCode;

    int valueAt(int position) const;
    void markValue(int valueId);

    IrLexer* m_lexer = nullptr;
    IrGraph m_graph;
    QByteArray m_text; // the document's bytes, as Scintilla positions count them
    std::vector<int> m_nodeLines;
    QHash<QByteArray, int> m_valueByName; // "%x.1" (UTF-8, as in the document) -> value id
    int m_valueIndicator = -1;
    int m_selectedValue = -1;
};

} // namespace torchscope
