#include "graphlayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

namespace torchscope {
namespace {

    void collectClusters(Agraph_t* g, double height, std::vector<LayoutCluster>& out)
    {
        for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
            const std::string name = agnameof(sub);
            if (name.rfind("cluster", 0) == 0) {
                const boxf bb = GD_bb(sub);
                LayoutCluster c;
                c.name = name;
                if (const char* label = agget(sub, const_cast<char*>("label")))
                    c.label = label;
                c.x = bb.LL.x;
                c.y = height - bb.UR.y;
                c.width = bb.UR.x - bb.LL.x;
                c.height = bb.UR.y - bb.LL.y;
                out.push_back(std::move(c));
            }
            collectClusters(sub, height, out);
        }
    }

} // namespace

Result<GraphLayout> layoutDot(const std::string& dot)
{
    // Graphviz reports errors through a process-wide callback; collect them instead of letting it print.
    static thread_local std::string messages;
    messages.clear();
    const agusererrf previous = agseterrf([](char* text) -> int {
        messages += text;
        return 0;
    });
    struct Restore {
        agusererrf f;
        ~Restore() { agseterrf(f); }
    } restore { previous };
    auto detail = [] {
        std::string m = messages;
        while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
            m.pop_back();
        return m.empty() ? std::string() : ": " + m;
    };

    std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContext(), gvFreeContext);
    Agraph_t* g = agmemread(dot.c_str());
    if (!g)
        return Error { ErrorKind::InvalidArgument, "Graphviz could not parse the DOT text" + detail() };
    if (gvLayout(gvc.get(), g, "dot") != 0) {
        agclose(g);
        return Error { ErrorKind::InvalidArgument, "Graphviz could not lay out the graph" + detail() };
    }
    GraphLayout layout;
    const boxf bb = GD_bb(g);
    layout.width = bb.UR.x - bb.LL.x;
    layout.height = bb.UR.y - bb.LL.y;
    const double h = bb.UR.y;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        LayoutNode node;
        node.name = agnameof(n);
        node.x = ND_coord(n).x;
        node.y = h - ND_coord(n).y;
        node.width = ND_width(n) * 72.0;
        node.height = ND_height(n) * 72.0;
        layout.nodes.push_back(std::move(node));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            LayoutEdge edge;
            edge.tail = agnameof(agtail(e));
            edge.head = agnameof(aghead(e));
            if (const splines* spl = ED_spl(e)) {
                for (int i = 0; i < spl->size; ++i)
                    for (int p = 0; p < spl->list[i].size; ++p)
                        edge.points.push_back({ spl->list[i].list[p].x, h - spl->list[i].list[p].y });
            }
            layout.edges.push_back(std::move(edge));
        }
    }
    collectClusters(g, h, layout.clusters);
    gvFreeLayout(gvc.get(), g);
    agclose(g);
    return layout;
}

} // namespace torchscope
