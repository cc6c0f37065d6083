#pragma once

#include <optional>
#include <string>
#include <vector>

namespace torchscope {

struct SourceLocation {
    std::string file; // empty for positions in the printed .code text
    int line = 0; // 1-based
    int column = 0; // 0-based, as LibTorch prints it
};

struct IrUse {
    int node = -1;
    int inputIndex = 0;
};

struct IrValue {
    int id = -1;
    std::string name; // debug name without '%', e.g. "input.1" or "5"
    std::string type; // "Tensor", "Float(3, 4, strides=[4, 1], requires_grad=0, device=cpu)"
    int producer = -1; // node index; -1 when it is a block or graph input
    int block = -1; // block whose input it is, when producer == -1
    std::vector<IrUse> uses;
};

struct IrAttribute {
    std::string name;
    std::string kind; // "i", "f", "s", "t", "is", "ty", ...
    std::string value; // printed as in the graph text
};

struct IrNode {
    int id = -1;
    std::string kind; // "aten::linear", "prim::If"
    std::vector<int> inputs; // value ids
    std::vector<int> outputs;
    std::vector<IrAttribute> attributes;
    std::string schema; // operator schema when the node has one
    int block = 0; // owning block
    std::vector<int> blocks; // nested blocks (prim::If: then, else; prim::Loop: body)
    std::string modulePath; // module whose method the node belongs to (inlined: the module it came from)
    std::string calleePath; // for prim::CallMethod / module-typed prim::GetAttr: the module it refers to
    // Line/column in the printed .code of method `codeMethod` of module `modulePath`: in the inlined form a
    // node's code is that of the submodule method it came from.
    std::optional<SourceLocation> codeLocation;
    std::string codeMethod;
    std::optional<SourceLocation> originalLocation; // original Python file and line, when debug info exists
};

struct IrBlock {
    int id = -1;
    int owner = -1; // node that owns it; -1 for the graph's top block
    std::vector<int> inputs; // value ids
    std::vector<int> outputs;
    std::vector<int> nodes; // in order
};

// One method's graph (or its inlined form) as plain values. Block 0 is the graph itself.
struct IrGraph {
    std::string modulePath;
    std::string method;
    bool inlined = false;
    std::vector<IrBlock> blocks;
    std::vector<IrNode> nodes;
    std::vector<IrValue> values;
};

} // namespace torchscope
