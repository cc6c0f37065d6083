#include "opkinds.h"

#include "graphmodel.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>

namespace torchscope {
namespace {

    bool oneOf(const std::string& s, std::initializer_list<const char*> names)
    {
        return std::any_of(names.begin(), names.end(), [&](const char* n) { return s == n; });
    }

    bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

    // Splits at commas outside brackets: schema arguments and type parameters nest ("int[2] stride=[1, 1]").
    std::vector<std::string> splitTopLevel(const std::string& text)
    {
        std::vector<std::string> parts;
        int depth = 0;
        std::string current;
        for (char c : text) {
            if (c == '(' || c == '[')
                ++depth;
            else if (c == ')' || c == ']')
                --depth;
            if (c == ',' && depth == 0) {
                parts.push_back(current);
                current.clear();
                continue;
            }
            current += c;
        }
        if (!current.empty())
            parts.push_back(current);
        return parts;
    }

    std::string trim(const std::string& s)
    {
        const auto b = s.find_first_not_of(' ');
        if (b == std::string::npos)
            return {};
        return s.substr(b, s.find_last_not_of(' ') - b + 1);
    }

} // namespace

std::string opkinds::shortKind(const std::string& kind)
{
    const auto colons = kind.find("::");
    return colons == std::string::npos ? kind : kind.substr(colons + 2);
}

std::vector<opkinds::SchemaArgument> opkinds::schemaArguments(const std::string& schema)
{
    std::vector<SchemaArgument> args;
    const auto open = schema.find('(');
    if (open == std::string::npos)
        return args;
    int depth = 0;
    size_t close = std::string::npos;
    for (size_t i = open; i < schema.size(); ++i) {
        if (schema[i] == '(')
            ++depth;
        else if (schema[i] == ')' && --depth == 0) {
            close = i;
            break;
        }
    }
    if (close == std::string::npos)
        return args;
    for (const std::string& raw : splitTopLevel(schema.substr(open + 1, close - open - 1))) {
        const std::string part = trim(raw);
        if (part.empty() || part == "*")
            continue; // "*" only marks the keyword-only arguments; it is not one
        SchemaArgument arg;
        std::string decl = part;
        if (const auto eq = part.find('='); eq != std::string::npos) {
            arg.hasDefault = true;
            arg.defaultValue = trim(part.substr(eq + 1));
            decl = trim(part.substr(0, eq));
        }
        const auto space = decl.find_last_of(' ');
        arg.name = space == std::string::npos ? decl : decl.substr(space + 1);
        args.push_back(std::move(arg));
    }
    return args;
}

NodeCategory categoryForKind(const std::string& kind)
{
    if (oneOf(kind, { "prim::If", "prim::Loop", "prim::RaiseException", "prim::Uninitialized" }))
        return NodeCategory::ControlFlow;
    if (oneOf(kind, { "prim::CallMethod", "prim::CallFunction" }))
        return NodeCategory::Call;
    if (oneOf(kind, { "prim::Constant", "prim::GetAttr" }))
        return NodeCategory::Constant;
    if (oneOf(kind,
            { "prim::ListConstruct", "prim::ListUnpack", "prim::TupleConstruct", "prim::TupleUnpack",
                "prim::TupleIndex", "prim::DictConstruct", "prim::NumToTensor", "prim::ConstantChunk" }))
        return NodeCategory::ShapeView;
    if (kind.rfind("aten::", 0) != 0 && kind.rfind("quantized::", 0) != 0)
        return NodeCategory::Other;

    std::string op = opkinds::shortKind(kind);
    while (!op.empty() && op.back() == '_') // in-place variants (relu_) draw like their op
        op.pop_back();
    while (!op.empty() && op.front() == '_') // _convolution, _batch_norm_impl_index
        op.erase(op.begin());

    if (contains(op, "conv"))
        return NodeCategory::Convolution;
    if (oneOf(op,
            { "linear", "matmul", "mm", "bmm", "addmm", "addmv", "addbmm", "baddbmm", "mv", "dot", "einsum", "bilinear",
                "scaled_dot_product_attention", "linear_relu" }))
        return NodeCategory::LinearMatmul;
    if (contains(op, "_norm") || contains(op, "batch_norm") || oneOf(op, { "normalize" }))
        return NodeCategory::Normalization;
    if (oneOf(op,
            { "relu", "relu6", "gelu", "sigmoid", "tanh", "softmax", "log_softmax", "silu", "hardtanh", "hardswish",
                "hardsigmoid", "elu", "selu", "celu", "leaky_relu", "prelu", "rrelu", "softplus", "softsign", "mish",
                "glu", "threshold", "softmin", "logsigmoid", "tanhshrink", "hardshrink", "softshrink" }))
        return NodeCategory::Activation;
    if (contains(op, "pool"))
        return NodeCategory::Pooling;
    if (oneOf(op,
            { "view", "reshape", "flatten", "unflatten", "permute", "transpose", "t", "squeeze", "unsqueeze", "expand",
                "expand_as", "contiguous", "size", "select", "slice", "narrow", "cat", "concat", "stack", "split",
                "split_with_sizes", "chunk", "unbind", "index", "index_select", "gather", "repeat", "movedim",
                "view_as", "reshape_as", "numel", "dim", "len", "__getitem__", "pad", "constant_pad_nd", "roll", "flip",
                "tile", "masked_select", "embedding", "pixel_shuffle", "upsample_nearest2d", "upsample_bilinear2d",
                "list", "zeros", "ones", "empty", "full", "zeros_like", "ones_like", "empty_like", "arange" }))
        return NodeCategory::ShapeView;
    if (oneOf(op,
            { "add", "sub", "rsub", "mul", "div", "neg", "pow", "exp", "log", "log1p", "sqrt", "rsqrt", "abs", "clamp",
                "clamp_min", "clamp_max", "where", "eq", "ne", "gt", "lt", "ge", "le", "floor", "ceil", "round", "sign",
                "reciprocal", "square", "sin", "cos", "floor_divide", "remainder", "fmod", "maximum", "minimum",
                "__and__", "__or__", "__xor__", "__not__", "logical_and", "logical_or", "logical_not", "bitwise_and",
                "bitwise_or", "bitwise_not", "masked_fill", "erf", "addcmul", "addcdiv", "lerp", "sum", "mean", "prod",
                "max", "min", "amax", "amin", "argmax", "argmin", "cumsum", "std", "var" }))
        return NodeCategory::Elementwise;
    return NodeCategory::Other;
}

std::string shortType(const std::string& type)
{
    // Keyword parts a traced graph adds inside a tensor type's brackets; the shape before them is what people read.
    static const char* const keywords[] = { "strides=", "requires_grad=", "device=" };
    std::string out;
    out.reserve(type.size());
    for (size_t i = 0; i < type.size(); ++i) {
        if (type[i] != '(') {
            out += type[i];
            continue;
        }
        int depth = 0;
        size_t close = i;
        for (; close < type.size(); ++close) {
            if (type[close] == '(' || type[close] == '[')
                ++depth;
            else if ((type[close] == ')' || type[close] == ']') && --depth == 0)
                break;
        }
        if (close >= type.size()) { // unbalanced: leave the rest as it is
            out += type.substr(i);
            break;
        }
        std::string inner;
        for (const std::string& raw : splitTopLevel(type.substr(i + 1, close - i - 1))) {
            const std::string part = trim(raw);
            const bool keyword = std::any_of(
                std::begin(keywords), std::end(keywords), [&](const char* k) { return part.rfind(k, 0) == 0; });
            if (!keyword)
                inner += (inner.empty() ? "" : ", ") + shortType(part); // tuples nest tensor types
        }
        out += "(" + inner + ")";
        i = close;
    }
    return out;
}

} // namespace torchscope
