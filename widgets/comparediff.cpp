#include "comparediff.h"

#include "data/linediff.h"

#include <QHash>

namespace torchscope {

CodeDiff diffCode(const QString& a, const QString& b)
{
    CodeDiff out;
    const std::vector<LineEdit> edits = diffLines(splitLines(a.toStdString()), splitLines(b.toStdString()));
    for (const LineEdit& e : edits) {
        if (e.op == LineEdit::Delete)
            out.changedA.append(e.aLine + 1);
        else if (e.op == LineEdit::Insert)
            out.changedB.append(e.bLine + 1);
    }
    return out;
}

namespace {
    bool ignored(const std::string& kind)
    {
        return kind == "prim::Constant" || kind == "prim::ListConstruct" || kind == "prim::TupleConstruct"
            || kind == "prim::GetAttr";
    }
}

QList<QString> nodeSignatures(const IrGraph& graph, bool byModule)
{
    QList<QString> out;
    out.reserve(qsizetype(graph.nodes.size()));
    QHash<QString, int> seen;
    for (const IrNode& node : graph.nodes) {
        if (ignored(node.kind)) {
            out.append(QString());
            continue;
        }
        const QString base = QString::fromStdString(node.kind) + QLatin1Char('|')
            + (byModule ? QString::fromStdString(node.modulePath) : QString());
        const int n = seen.value(base, 0);
        seen.insert(base, n + 1);
        out.append(base + QLatin1Char('|') + QString::number(n));
    }
    return out;
}

GraphDiff diffGraphs(const IrGraph& a, const IrGraph& b, bool byModule)
{
    const QList<QString> sa = nodeSignatures(a, byModule);
    const QList<QString> sb = nodeSignatures(b, byModule);
    const QSet<QString> setA(sa.begin(), sa.end());
    const QSet<QString> setB(sb.begin(), sb.end());
    GraphDiff out;
    for (int i = 0; i < sa.size(); ++i)
        if (!sa[i].isEmpty() && !setB.contains(sa[i]))
            out.onlyA.insert(i);
    for (int i = 0; i < sb.size(); ++i)
        if (!sb[i].isEmpty() && !setA.contains(sb[i]))
            out.onlyB.insert(i);
    return out;
}

} // namespace torchscope
