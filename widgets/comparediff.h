#pragma once

#include "data/irgraph.h"

#include <QList>
#include <QSet>
#include <QString>

namespace torchscope {

// What the Compare window marks: the lines of two texts that the line diff does not pair, and the IR nodes of two
// graphs that have no counterpart in the other. Plain computations over core/data values, run on any thread.

struct CodeDiff {
    QList<int> changedA; // 1-based lines of A deleted or replaced in B
    QList<int> changedB; // 1-based lines of B inserted or replacing lines of A
};
CodeDiff diffCode(const QString& a, const QString& b);

// A node's signature: its kind, the module it belongs to and its occurrence among nodes of that kind and module
// ("prim::If|dg|0"). Constants and list plumbing are left out (a trace folds them differently).
// Without `byModule` the module is left out: a trace's nodes all belong to the traced module.
QList<QString> nodeSignatures(const IrGraph& graph, bool byModule = true);

struct GraphDiff {
    QSet<int> onlyA; // IR node indices of A whose signature B lacks
    QSet<int> onlyB;
};
GraphDiff diffGraphs(const IrGraph& a, const IrGraph& b, bool byModule = true);

} // namespace torchscope
