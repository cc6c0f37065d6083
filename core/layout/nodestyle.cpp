#include "nodestyle.h"

namespace torchscope {

NodeStyle nodeStyle(const VisualNode& n)
{
    if (n.kind == "block.return")
        return { "box", "rounded,filled,dashed", "#fffaf3", "#e69138" };
    if (n.kind == "block.merge")
        return { "box", "rounded,filled", "#fce5cd", "#e69138" };
    switch (n.category) {
    case NodeCategory::Convolution:
        return { "box", "rounded,filled", "#cfe2f3", "#3d85c6" };
    case NodeCategory::LinearMatmul:
        return { "box", "rounded,filled", "#d9d2e9", "#674ea7" };
    case NodeCategory::Normalization:
        return { "box", "rounded,filled", "#d0e0e3", "#45818e" };
    case NodeCategory::Activation:
        return { "box", "rounded,filled", "#f4cccc", "#cc0000" };
    case NodeCategory::Pooling:
        return { "box", "rounded,filled", "#d9ead3", "#6aa84f" };
    case NodeCategory::ShapeView:
        return { "box", "rounded,filled", "#efefef", "#999999" };
    case NodeCategory::Elementwise:
        return { "box", "rounded,filled", "#fff2cc", "#bf9000" };
    case NodeCategory::ControlFlow:
        return { n.kind == "prim::If" ? "diamond" : "hexagon", "filled", "#fce5cd", "#e69138" };
    case NodeCategory::Call:
        return { "box3d", "filled", "#c9daf8", "#3c78d8" };
    case NodeCategory::Constant:
        return { "box", "rounded,filled,dashed", "#ffffff", "#999999" };
    case NodeCategory::Input:
        return { "ellipse", "filled", "#b6d7a8", "#38761d" };
    case NodeCategory::Output:
        return { "ellipse", "filled", "#ea9999", "#990000" };
    case NodeCategory::Other:
        break;
    }
    return { "box", "rounded,filled", "#ffffff", "#666666" };
}

NodeStyle clusterStyle(ClusterKind kind)
{
    switch (kind) {
    case ClusterKind::If:
        return { "", "rounded,filled", "#fdf3e7", "#e69138" };
    case ClusterKind::IfBranch:
        return { "", "rounded,filled,dashed", "#fffaf3", "#f6b26b" };
    case ClusterKind::Loop:
        return { "", "rounded,filled", "#eef7ea", "#6aa84f" };
    case ClusterKind::LoopBody:
        return { "", "rounded,filled,dashed", "#f7fbf5", "#93c47d" };
    case ClusterKind::Module:
        return { "", "rounded,filled", "#f1f5fc", "#6d9eeb" };
    case ClusterKind::Block:
        break;
    }
    return { "", "rounded,filled", "#f3f3f3", "#999999" };
}

} // namespace torchscope
