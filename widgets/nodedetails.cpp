#include "nodedetails.h"

#include <QFileInfo>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

    QString valueRow(const IrGraph& g, int id)
    {
        if (id < 0 || id >= static_cast<int>(g.values.size()))
            return {};
        const IrValue& v = g.values[id];
        return QStringLiteral("<tr><td><code>%%1</code></td><td><code>%2</code></td></tr>").arg(q(v.name), q(v.type));
    }
}

NodeDetails::NodeDetails(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    clearNode();
}

void NodeDetails::clearNode()
{
    m_kind.clear();
    setHtml(tr("<p>Select a node in the graph or a line of the IR to see its details here.</p>"));
}

void NodeDetails::showNode(const IrGraph& g, int index)
{
    if (index < 0 || index >= static_cast<int>(g.nodes.size())) {
        clearNode();
        return;
    }
    const IrNode& n = g.nodes[index];
    m_kind = QString::fromStdString(n.kind);
    QString html = QStringLiteral("<h3><code>%1</code></h3>").arg(q(n.kind));
    if (!n.schema.empty())
        html += QStringLiteral("<p><code>%1</code></p>").arg(q(n.schema));
    html += QStringLiteral("<p>%1 <code>%2</code>").arg(tr("Module:"), n.modulePath.empty() ? tr("(root)") : q(n.modulePath));
    if (!n.calleePath.empty())
        html += QStringLiteral("<br>%1 <code>%2</code>").arg(tr("Calls:"), q(n.calleePath));
    if (n.codeLocation)
        html += QStringLiteral("<br>%1").arg(tr(".code line %1 of %2").arg(n.codeLocation->line).arg(q(n.codeMethod)));
    if (n.originalLocation)
        html += QStringLiteral("<br>%1").arg(tr("Python source %1:%2")
                                                 .arg(q(QFileInfo(QString::fromStdString(n.originalLocation->file))
                                                         .fileName()
                                                         .toStdString()))
                                                 .arg(n.originalLocation->line));
    html += QStringLiteral("</p>");
    const auto table = [&](const QString& title, const std::vector<int>& values) {
        if (values.empty())
            return;
        html += QStringLiteral("<p><b>%1</b></p><table cellspacing=4>").arg(title);
        for (int v : values)
            html += valueRow(g, v);
        html += QStringLiteral("</table>");
    };
    table(tr("Inputs"), n.inputs);
    table(tr("Outputs"), n.outputs);
    if (!n.attributes.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><table cellspacing=4>").arg(tr("Attributes"));
        for (const IrAttribute& a : n.attributes)
            html += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td></tr>").arg(q(a.name), q(a.value));
        html += QStringLiteral("</table>");
    }
    setHtml(html);
}

} // namespace torchscope
