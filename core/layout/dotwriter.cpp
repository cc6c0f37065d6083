#include "dotwriter.h"

#include <sstream>

namespace torchscope {
namespace {

    std::string escape(const std::string& s)
    {
        std::string out;
        for (char c : s) {
            if (c == '"' || c == '\\')
                out += '\\';
            if (c == '\n') {
                out += "\\n";
                continue;
            }
            out += c;
        }
        return out;
    }

    std::string shortKind(const std::string& kind)
    {
        const auto colons = kind.find("::");
        return colons == std::string::npos ? kind : kind.substr(colons + 2);
    }

    bool isConstant(const IrNode& n) { return n.kind == "prim::Constant"; }

    class DotWriter {
    public:
        explicit DotWriter(const IrGraph& g)
            : m_g(g)
        {
        }

        std::string run()
        {
            m_out << "digraph \"" << escape(m_g.modulePath.empty() ? m_g.method : m_g.modulePath + "." + m_g.method)
                  << "\" {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Sans\", fontsize=10];\n"
                  << "  edge [fontname=\"Sans\", fontsize=8];\n";
            if (!m_g.blocks.empty()) {
                const IrBlock& top = m_g.blocks.front();
                for (int v : top.inputs)
                    m_out << "  in" << v << " [shape=ellipse, label=\"%" << escape(m_g.values[v].name) << "\"];\n";
                writeBlockNodes(top, "  ");
                m_out << "  out [shape=ellipse, label=\"return\"];\n";
                for (int v : top.outputs)
                    edge(v, "out");
            }
            for (const auto& n : m_g.nodes) {
                if (isConstant(n))
                    continue;
                for (int v : n.inputs)
                    edge(v, "n" + std::to_string(n.id));
            }
            m_out << "}\n";
            return m_out.str();
        }

    private:
        void writeBlockNodes(const IrBlock& block, const std::string& indent)
        {
            for (int id : block.nodes) {
                const IrNode& n = m_g.nodes[id];
                if (isConstant(n))
                    continue;
                if (!n.blocks.empty()) {
                    m_out << indent << "subgraph cluster_n" << n.id << " {\n"
                          << indent << "  label=\"" << escape(shortKind(n.kind)) << "\";\n";
                    m_out << indent << "  n" << n.id << " [label=\"" << escape(label(n)) << "\", shape=diamond];\n";
                    for (size_t b = 0; b < n.blocks.size(); ++b) {
                        m_out << indent << "  subgraph cluster_b" << n.blocks[b] << " {\n"
                              << indent << "    label=\"block" << b << "\";\n";
                        m_out << indent << "    b" << n.blocks[b] << " [shape=point];\n";
                        writeBlockNodes(m_g.blocks[n.blocks[b]], indent + "    ");
                        m_out << indent << "  }\n";
                    }
                    m_out << indent << "}\n";
                } else {
                    m_out << indent << "n" << n.id << " [label=\"" << escape(label(n)) << "\"];\n";
                }
            }
        }

        std::string label(const IrNode& n) const
        {
            std::string text = shortKind(n.kind);
            for (const auto& a : n.attributes)
                text += "\n" + a.name + "=" + a.value;
            for (int v : n.inputs) {
                const IrValue& value = m_g.values[v];
                if (value.producer >= 0 && isConstant(m_g.nodes[value.producer])) {
                    const auto& attrs = m_g.nodes[value.producer].attributes;
                    text += "\n" + (attrs.empty() ? std::string("None") : attrs.front().value);
                }
            }
            return text;
        }

        void edge(int valueId, const std::string& target)
        {
            const IrValue& v = m_g.values[valueId];
            std::string from;
            if (v.producer >= 0) {
                if (isConstant(m_g.nodes[v.producer]))
                    return;
                from = "n" + std::to_string(v.producer);
            } else if (v.block == 0) {
                from = "in" + std::to_string(v.id);
            } else {
                from = "b" + std::to_string(v.block);
            }
            m_out << "  " << from << " -> " << target << " [label=\"" << escape(v.type) << "\"];\n";
        }

        const IrGraph& m_g;
        std::ostringstream m_out;
    };

} // namespace

std::string toDot(const IrGraph& graph) { return DotWriter(graph).run(); }

} // namespace torchscope
