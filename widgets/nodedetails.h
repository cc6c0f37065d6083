#pragma once

#include "data/irgraph.h"

#include <QTextBrowser>

namespace torchscope {

// Everything about one IR node picked in the graph or the IR text: kind, schema, inputs and outputs with their
// types, attributes, module path, its line in the .code and, with debug info, the original Python file and line.
class NodeDetails : public QTextBrowser {
    Q_OBJECT
public:
    explicit NodeDetails(QWidget* parent = nullptr);

    void showNode(const IrGraph& graph, int node);
    void clearNode();
    // The kind of the node shown, empty when none (for tests).
    QString nodeKind() const { return m_kind; }

private:
    QString m_kind;
};

} // namespace torchscope
