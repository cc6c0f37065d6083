#include "visualgraph.h"

namespace torchscope {

const char* categoryName(NodeCategory category)
{
    switch (category) {
    case NodeCategory::Convolution:
        return "Convolution";
    case NodeCategory::LinearMatmul:
        return "LinearMatmul";
    case NodeCategory::Normalization:
        return "Normalization";
    case NodeCategory::Activation:
        return "Activation";
    case NodeCategory::Pooling:
        return "Pooling";
    case NodeCategory::ShapeView:
        return "ShapeView";
    case NodeCategory::Elementwise:
        return "Elementwise";
    case NodeCategory::ControlFlow:
        return "ControlFlow";
    case NodeCategory::Call:
        return "Call";
    case NodeCategory::Constant:
        return "Constant";
    case NodeCategory::Input:
        return "Input";
    case NodeCategory::Output:
        return "Output";
    case NodeCategory::Other:
        break;
    }
    return "Other";
}

std::string ExpansionState::key() const
{
    if (expanded.empty())
        return "-";
    std::string out;
    for (const auto& path : expanded) // std::set: already sorted, so equal states give equal keys
        out += (out.empty() ? "" : ",") + path;
    return out;
}

int VisualGraph::findNode(const std::string& id) const
{
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id)
            return int(i);
    return -1;
}

int VisualGraph::findCluster(const std::string& id) const
{
    for (size_t i = 0; i < clusters.size(); ++i)
        if (clusters[i].id == id)
            return int(i);
    return -1;
}

} // namespace torchscope
