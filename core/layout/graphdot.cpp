// toDot(VisualGraph): our DOT conventions for a drawn graph (clusters, node styles per category, edge labels).
#include "graphmodel.h"
#include "nodestyle.h"

#include <sstream>

namespace torchscope {

std::string dotQuoted(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

namespace {

    // Long folded constants (a 100-element list) would make one box as wide as the graph; the full text stays
    // in VisualNode::attributes for the details panel.
    std::string clipped(const std::string& line)
    {
        constexpr size_t limit = 48;
        if (line.size() <= limit)
            return line;
        size_t cut = limit - 3;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) // not inside a UTF-8 sequence
            --cut;
        return line.substr(0, cut) + "...";
    }

    constexpr size_t kInlineEdgeLabelLimit = 200; // nodes
    constexpr size_t kBigGraph = 500; // nodes

    class Writer {
    public:
        Writer(const VisualGraph& g, const DotOptions& options)
            : m_g(g)
            , m_options(options)
        {
        }

        std::string run()
        {
            // nslimit/nslimit1 cap dot's network simplex at half an iteration per node: placing x coordinates
            // dominates on big graphs (a transformer's nested elif chains took minutes) and rarely needs more.
            // Big graphs get a tenth for x coordinates (nslimit; ranking keeps its half: less leaves blocks'
            // merge nodes beside their branches), fewer mincross iterations and no final whole-graph mincross
            // pass: about half the layout time of a frozen transformer or 5,000 traced nodes, and drawings that
            // differ little (bench/graph.sh).
            const bool big = m_g.nodes.size() > kBigGraph;
            m_out << "digraph " << dotQuoted(m_g.title) << " {\n"
                  << "  graph [rankdir=TB, fontname=\"Sans\", fontsize=10, nodesep=0.3, ranksep=0.35, "
                  << (big ? "nslimit=0.1, nslimit1=0.5, mclimit=0.3, remincross=false" : "nslimit=0.5, nslimit1=0.5")
                  << "];\n"
                  << "  node [fontname=\"Sans\", fontsize=10, height=0.3, margin=\"0.12,0.04\"];\n"
                  << "  edge [fontname=\"Sans\", fontsize=8, color=\"#555555\", fontcolor=\"#555555\", "
                     "arrowsize=0.6];\n";
            for (int n : m_g.topNodes)
                node(n, "  ");
            for (int c : m_g.topClusters)
                cluster(c, "  ");
            for (size_t i = 0; i < m_g.edges.size(); ++i)
                edge(i);
            m_out << "}\n";
            return m_out.str();
        }

    private:
        void node(int index, const std::string& indent)
        {
            const VisualNode& n = m_g.nodes[index];
            std::string label = n.label;
            for (const auto& a : n.attributes)
                label += "\n" + clipped(a);
            const NodeStyle s = nodeStyle(n);
            m_out << indent << dotQuoted(n.id) << " [label=" << dotQuoted(label) << ", shape=" << s.shape << ", style=\""
                  << s.style << "\", fillcolor=\"" << s.fill << "\", color=\"" << s.line << "\"";
            if (n.kind == "block.return" || n.kind == "block.merge")
                m_out << ", fontsize=8, height=0.2";
            m_out << "];\n";
        }

        void cluster(int index, const std::string& indent)
        {
            const VisualCluster& c = m_g.clusters[index];
            const NodeStyle s = clusterStyle(c.kind);
            m_out << indent << "subgraph " << dotQuoted(c.id) << " {\n"
                  << indent << "  graph [label=" << dotQuoted(c.label) << ", labeljust=l, style=\"" << s.style
                  << "\", fillcolor=\"" << s.fill << "\", color=\"" << s.line << "\"];\n";
            for (int n : c.nodes)
                node(n, indent + "  ");
            for (int child : c.children)
                cluster(child, indent + "  ");
            m_out << indent << "}\n";
        }

        void edge(size_t index)
        {
            const VisualEdge& e = m_g.edges[index];
            m_out << "  " << dotQuoted(e.from) << " -> " << dotQuoted(e.to) << " [id=\"e" << index << "\"";
            // dot makes every edge `label` a virtual node to rank and place: the neatest labels, but it multiplies
            // the layout time of big graphs, so those get xlabels, placed next to their edge after the layout.
            if (!e.label.empty() && m_options.edgeLabels)
                m_out << (m_g.nodes.size() <= kInlineEdgeLabelLimit ? ", label=" : ", xlabel=") << dotQuoted(e.label);
            // weight=0: a control edge only keeps a block below its head; straightening it costs layout time.
            if (e.style == EdgeStyle::Control)
                m_out << ", style=dashed, color=\"#bbbbbb\", arrowhead=none, weight=0";
            else if (e.style == EdgeStyle::LoopBack)
                m_out << ", style=dashed, color=\"#6aa84f\", fontcolor=\"#6aa84f\", constraint=false";
            m_out << "];\n";
        }

        const VisualGraph& m_g;
        const DotOptions m_options;
        std::ostringstream m_out;
    };

} // namespace

std::string toDot(const VisualGraph& graph) { return Writer(graph, DotOptions()).run(); }

std::string toDot(const VisualGraph& graph, const DotOptions& options) { return Writer(graph, options).run(); }

} // namespace torchscope
