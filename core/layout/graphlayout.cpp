#include "graphlayout.h"

#include "graphmodel.h"
#include "gvsession.h"

#include <cmath>
#include <cstdlib>

namespace torchscope {
namespace {

    // Label text as drawn: DOT's line-break escapes (\n, \l, \r) become newlines.
    std::string labelText(const textlabel_t* label)
    {
        std::string out;
        if (!label || !label->text)
            return out;
        for (const char* p = label->text; *p; ++p) {
            if (*p == '\\' && p[1]) {
                ++p;
                out += (*p == 'n' || *p == 'l' || *p == 'r') ? '\n' : *p;
                continue;
            }
            out += *p;
        }
        while (!out.empty() && out.back() == '\n') // "\l" ends the last line too
            out.pop_back();
        return out;
    }

    std::optional<LayoutPoint> labelPos(const textlabel_t* label, double height)
    {
        if (!label || !label->set)
            return std::nullopt;
        return LayoutPoint { label->pos.x, height - label->pos.y };
    }

    void collectClusters(Agraph_t* g, double height, std::vector<LayoutCluster>& out)
    {
        for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
            const std::string name = agnameof(sub);
            if (name.rfind("cluster", 0) == 0) {
                const boxf bb = GD_bb(sub);
                LayoutCluster c;
                c.name = name;
                c.label = labelText(GD_label(sub));
                c.labelPos = labelPos(GD_label(sub), height);
                c.x = bb.LL.x;
                c.y = height - bb.UR.y;
                c.width = bb.UR.x - bb.LL.x;
                c.height = bb.UR.y - bb.LL.y;
                out.push_back(std::move(c));
            }
            collectClusters(sub, height, out);
        }
    }

    LayoutEdge readEdge(Agedge_t* e, double h)
    {
        LayoutEdge edge;
        edge.tail = agnameof(agtail(e));
        edge.head = agnameof(aghead(e));
        if (const char* id = agget(e, const_cast<char*>("id")))
            edge.id = id;
        const textlabel_t* label = ED_label(e) ? ED_label(e) : ED_xlabel(e); // toDot writes xlabels
        edge.label = labelText(label);
        edge.labelPos = labelPos(label, h);
        if (const splines* spl = ED_spl(e)) {
            for (int i = 0; i < spl->size; ++i) {
                const bezier& bz = spl->list[i];
                for (int p = 0; p < bz.size; ++p)
                    edge.points.push_back({ bz.list[p].x, h - bz.list[p].y });
                if (bz.sflag)
                    edge.arrowTail = LayoutPoint { bz.sp.x, h - bz.sp.y };
                if (bz.eflag)
                    edge.arrowHead = LayoutPoint { bz.ep.x, h - bz.ep.y };
            }
        }
        return edge;
    }

    LayoutPoint bezier(const LayoutPoint* p, double t)
    {
        const double u = 1 - t;
        const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        return { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
    }

    // The point halfway along a piecewise cubic Bezier (1 + 3n control points), by arc length measured on a few
    // samples per piece: labels sit beside the middle of what is drawn, not of the control polygon.
    LayoutPoint splineMidpoint(const std::vector<LayoutPoint>& points)
    {
        if (points.size() < 4)
            return points.empty() ? LayoutPoint {} : points[points.size() / 2];
        constexpr int steps = 8;
        std::vector<LayoutPoint> samples { points[0] };
        for (size_t i = 0; i + 3 < points.size(); i += 3)
            for (int s = 1; s <= steps; ++s)
                samples.push_back(bezier(&points[i], double(s) / steps));
        std::vector<double> length(samples.size(), 0);
        for (size_t i = 1; i < samples.size(); ++i)
            length[i] = length[i - 1] + std::hypot(samples[i].x - samples[i - 1].x, samples[i].y - samples[i - 1].y);
        const double half = length.back() / 2;
        for (size_t i = 1; i < samples.size(); ++i) {
            if (length[i] >= half) {
                const double span = length[i] - length[i - 1];
                const double t = span > 0 ? (half - length[i - 1]) / span : 0;
                return { samples[i - 1].x + t * (samples[i].x - samples[i - 1].x),
                    samples[i - 1].y + t * (samples[i].y - samples[i - 1].y) };
            }
        }
        return samples.back();
    }

    // Width in points of an edge label at fontsize 8 in a sans font: Graphviz's own estimate for Helvetica
    // averages about 0.55 em a character. Only for labelPos; a view measures with its own font.
    double estimatedWidth(const std::string& text)
    {
        size_t chars = 0;
        for (unsigned char c : text)
            chars += (c & 0xC0) != 0x80; // count UTF-8 sequences, not bytes
        return chars * 8 * 0.55;
    }

} // namespace

Result<GraphLayout> layoutDot(const std::string& dot)
{
    GraphvizSession session;
    Agraph_t* g = agmemread(dot.c_str());
    if (!g)
        return Error { ErrorKind::InvalidArgument, "Graphviz could not parse the DOT text" + session.detail() };
    if (gvLayout(session.context(), g, "dot") != 0) {
        agclose(g);
        return Error { ErrorKind::InvalidArgument, "Graphviz could not lay out the graph" + session.detail() };
    }
    GraphLayout layout;
    const boxf bb = GD_bb(g);
    layout.width = bb.UR.x - bb.LL.x;
    layout.height = bb.UR.y - bb.LL.y;
    const double h = bb.UR.y;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        LayoutNode node;
        node.name = agnameof(n);
        node.label = labelText(ND_label(n));
        const char* shape = agget(n, const_cast<char*>("shape"));
        node.shape = shape && *shape ? shape : "ellipse"; // Graphviz's default when the DOT names none
        node.x = ND_coord(n).x;
        node.y = h - ND_coord(n).y;
        node.width = ND_width(n) * 72.0;
        node.height = ND_height(n) * 72.0;
        layout.nodes.push_back(std::move(node));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
            layout.edges.push_back(readEdge(e, h));
    }
    collectClusters(g, h, layout.clusters);
    gvFreeLayout(session.context(), g);
    agclose(g);
    return layout;
}

Result<GraphLayout> layoutGraph(const VisualGraph& graph)
{
    // Up to this many nodes dot places the labels itself, where they never cover an edge or another label, for a
    // few milliseconds more; above, ranking them is what costs (3x on the transformer's 174-node root view).
    constexpr size_t dotPlacesLabels = 100;
    DotOptions options;
    options.edgeLabels = graph.nodes.size() <= dotPlacesLabels;
    auto laid = layoutDot(toDot(graph, options));
    if (!laid || options.edgeLabels)
        return laid;
    GraphLayout layout = std::move(laid).value();
    for (LayoutEdge& e : layout.edges) {
        if (e.id.size() < 2 || e.id[0] != 'e')
            continue;
        const size_t index = std::strtoul(e.id.c_str() + 1, nullptr, 10);
        if (index >= graph.edges.size() || graph.edges[index].label.empty())
            continue;
        e.label = graph.edges[index].label;
        const LayoutPoint anchor = splineMidpoint(e.points);
        e.labelAnchor = anchor;
        e.labelPos = LayoutPoint { anchor.x + LayoutEdge::kLabelGap + estimatedWidth(e.label) / 2, anchor.y };
    }
    return layout;
}

} // namespace torchscope
