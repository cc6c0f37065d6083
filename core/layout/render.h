#pragma once

#include "data/result.h"
#include "visualgraph.h"

#include <optional>
#include <string>

namespace torchscope {

enum class RenderFormat { Svg, Png, Dot };

// "svg", "png", "dot" (any case); nullopt for anything else.
std::optional<RenderFormat> renderFormatFromName(const std::string& name);
// The format a file name asks for by its extension ("graph.SVG" -> Svg); nullopt when it names none we write.
std::optional<RenderFormat> renderFormatForPath(const std::string& path);

// The graph as a file's bytes, without Qt: SVG (Graphviz's own SVG writer, so labels stay <text> that can be
// selected and searched), PNG, or our DOT text (toDot, not laid out). Lays the graph out with `dot`; Graphviz's
// messages come back in the error. Not thread-safe: run it where every other Graphviz call runs
// (LayoutService::render does).
Result<std::string> renderGraph(const VisualGraph& graph, RenderFormat format);

} // namespace torchscope
