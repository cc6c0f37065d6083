#include "render.h"

#include "graphmodel.h"
#include "gvsession.h"

#include <algorithm>
#include <cctype>

namespace torchscope {
namespace {

    // Graphviz 2.42 declares gvRenderData's length as unsigned int*, later releases as size_t*: deduce it.
    template <typename Length>
    int renderData(int (*render)(GVC_t*, Agraph_t*, const char*, char**, Length*), GVC_t* gvc, Agraph_t* g,
        const char* format, std::string& out)
    {
        char* data = nullptr;
        Length length = 0;
        const int rc = render(gvc, g, format, &data, &length);
        if (rc == 0 && data)
            out.assign(data, static_cast<size_t>(length));
        if (data)
            gvFreeRenderData(data);
        return rc;
    }

} // namespace

std::optional<RenderFormat> renderFormatFromName(const std::string& name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "svg")
        return RenderFormat::Svg;
    if (lower == "png")
        return RenderFormat::Png;
    if (lower == "dot" || lower == "gv")
        return RenderFormat::Dot;
    return std::nullopt;
}

std::optional<RenderFormat> renderFormatForPath(const std::string& path)
{
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return std::nullopt;
    return renderFormatFromName(path.substr(dot + 1));
}

Result<std::string> renderGraph(const VisualGraph& graph, RenderFormat format)
{
    const std::string dot = toDot(graph);
    if (format == RenderFormat::Dot)
        return dot;
    GraphvizSession session;
    Agraph_t* g = agmemread(dot.c_str());
    if (!g)
        return Error { ErrorKind::InvalidArgument, "Graphviz could not parse the DOT text" + session.detail() };
    if (gvLayout(session.context(), g, "dot") != 0) {
        agclose(g);
        return Error { ErrorKind::InvalidArgument, "Graphviz could not lay out the graph" + session.detail() };
    }
    if (format == RenderFormat::Png) {
        // Cairo bitmaps stop at 32767 pixels a side; past that Graphviz's cairo plugin scales the picture down
        // itself but says so with fprintf(stderr), which no error hook catches. Choose the resolution here.
        constexpr double defaultDpi = 96, maxPixels = 32000;
        const boxf bb = GD_bb(g);
        const double side = std::max(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y) + 16; // + the page margins
        if (side * defaultDpi / 72 > maxPixels)
            GD_drawing(g)->dpi = maxPixels * 72 / side;
    }
    // "svg:svg:core" names Graphviz's own SVG writer: the cairo one would turn every label into paths.
    const char* renderer = format == RenderFormat::Svg ? "svg:svg:core" : "png";
    std::string bytes;
    const int rc = renderData(gvRenderData, session.context(), g, renderer, bytes);
    gvFreeLayout(session.context(), g);
    agclose(g);
    if (rc != 0 || bytes.empty()) {
        const bool svg = format == RenderFormat::Svg;
        const std::string why = session.detail().empty()
            ? std::string(" (is Graphviz's ") + (svg ? "core" : "cairo or gd") + " plugin installed?)"
            : session.detail();
        return Error { ErrorKind::InvalidArgument,
            std::string("Graphviz could not write ") + (svg ? "SVG" : "PNG") + why };
    }
    return bytes;
}

} // namespace torchscope
