#include "moduleinspector.h"

#include <sstream>

namespace torchscope {
namespace {

    std::string shortValue(const c10::IValue& v)
    {
        if (v.isTensor() || v.isObject() || v.isModule())
            return {};
        std::ostringstream out;
        out << v;
        std::string s = out.str();
        constexpr size_t kMax = 120;
        if (s.size() > kMax)
            s = s.substr(0, kMax - 3) + "...";
        return s;
    }

    Argument toArgument(const c10::Argument& a)
    {
        Argument arg;
        arg.name = a.name();
        arg.type = a.type()->annotation_str();
        arg.kwargOnly = a.kwarg_only();
        if (a.default_value().has_value()) {
            // The schema's own spelling (quoted strings, "None"): everything after the first '=' of the argument.
            std::ostringstream out;
            out << a;
            const std::string text = out.str();
            const auto eq = text.find('=');
            if (eq != std::string::npos)
                arg.defaultValue = text.substr(eq + 1);
        }
        return arg;
    }

    MethodInfo describeMethod(const torch::jit::Function& fn)
    {
        MethodInfo info;
        info.name = fn.name();
        const auto& schema = fn.getSchema();
        const auto& args = schema.arguments();
        for (size_t i = 1; i < args.size(); ++i) // argument 0 is self
            info.arguments.push_back(toArgument(args[i]));
        for (const auto& r : schema.returns())
            info.returns.push_back(toArgument(r));
        std::ostringstream out;
        out << schema;
        info.schema = out.str();
        return info;
    }

    void visit(const torch::jit::Module& module, const std::string& path, const std::string& name, int parent,
        ModuleTree& tree)
    {
        const int index = static_cast<int>(tree.modules.size());
        tree.modules.emplace_back();
        {
            ModuleInfo& info = tree.modules.back();
            info.path = path;
            info.name = name;
            info.parent = parent;
            const auto type = module.type();
            info.originalName = type->name() ? type->name()->name() : std::string();
            info.qualifiedType = type->name() ? type->name()->qualifiedName() : type->str();
            for (const auto* fn : type->methods())
                info.methods.push_back(describeMethod(*fn));
        }
        if (parent >= 0)
            tree.modules[parent].children.push_back(index);

        const auto type = module.type();
        const auto object = module._ivalue();
        std::vector<std::pair<std::string, torch::jit::Module>> children;
        for (size_t i = 0; i < type->numAttributes(); ++i) {
            const auto& attrType = type->getAttribute(i);
            const std::string attrName = type->getAttributeName(i);
            const c10::IValue value = object->getSlot(i);
            if (auto cls = attrType->cast<c10::ClassType>(); cls && cls->is_module() && value.isObject()) {
                children.emplace_back(attrName, torch::jit::Module(value.toObject()));
                continue;
            }
            Slot slot;
            slot.name = attrName;
            slot.type = attrType->annotation_str();
            slot.kind = type->is_parameter(i) ? SlotKind::Parameter
                : type->is_buffer(i)          ? SlotKind::Buffer
                                              : SlotKind::Attribute;
            if (value.isTensor() && value.toTensor().defined())
                slot.tensor = describeTensor(value.toTensor());
            else
                slot.value = shortValue(value);
            tree.modules[index].members.push_back(std::move(slot));
        }
        for (size_t i = 0; i < type->numConstants(); ++i) {
            Slot slot;
            slot.name = type->getConstantName(i);
            slot.kind = SlotKind::Constant;
            const c10::IValue value = type->getConstant(i);
            slot.type = value.type()->annotation_str();
            if (value.isTensor() && value.toTensor().defined())
                slot.tensor = describeTensor(value.toTensor());
            else
                slot.value = shortValue(value);
            tree.modules[index].members.push_back(std::move(slot));
        }
        {
            ModuleInfo& info = tree.modules[index];
            for (const auto& slot : info.members) {
                if (!slot.tensor)
                    continue;
                if (slot.kind == SlotKind::Parameter) {
                    info.parameterCount += slot.tensor->numel;
                    info.parameterBytes += slot.tensor->bytes;
                } else if (slot.kind == SlotKind::Buffer) {
                    info.bufferCount += slot.tensor->numel;
                    info.bufferBytes += slot.tensor->bytes;
                }
            }
        }
        for (const auto& [childName, child] : children)
            visit(child, path.empty() ? childName : path + "." + childName, childName, index, tree);

        if (parent >= 0) {
            const ModuleInfo& info = tree.modules[index];
            ModuleInfo& up = tree.modules[parent];
            up.parameterCount += info.parameterCount;
            up.parameterBytes += info.parameterBytes;
            up.bufferCount += info.bufferCount;
            up.bufferBytes += info.bufferBytes;
            up.subtreeModules += info.subtreeModules;
        }
    }

} // namespace

std::string pythonDtypeName(at::ScalarType type)
{
    switch (type) {
    case at::kFloat: return "float32";
    case at::kDouble: return "float64";
    case at::kHalf: return "float16";
    case at::kBFloat16: return "bfloat16";
    case at::kLong: return "int64";
    case at::kInt: return "int32";
    case at::kShort: return "int16";
    case at::kChar: return "int8";
    case at::kByte: return "uint8";
    case at::kBool: return "bool";
    case at::kComplexHalf: return "complex32";
    case at::kComplexFloat: return "complex64";
    case at::kComplexDouble: return "complex128";
    case at::kQInt8: return "qint8";
    case at::kQUInt8: return "quint8";
    case at::kQInt32: return "qint32";
    case at::kQUInt4x2: return "quint4x2";
    default: return c10::toString(type);
    }
}

TensorInfo describeTensor(const at::Tensor& t)
{
    TensorInfo info;
    info.dtype = pythonDtypeName(t.scalar_type());
    info.device = t.device().str();
    info.requiresGrad = t.requires_grad();
    info.quantized = t.is_quantized();
    try {
        info.shape = t.sizes().vec();
        info.numel = t.numel();
        info.bytes = info.numel * static_cast<std::int64_t>(t.element_size());
    } catch (const std::exception&) {
        // Tensors without sizes (some opaque layouts) still describe their dtype and device.
    }
    return info;
}

ModuleTree inspectModules(const torch::jit::Module& root)
{
    ModuleTree tree;
    visit(root, std::string(), std::string(), -1, tree);
    return tree;
}

std::optional<torch::jit::Module> findSubmodule(const torch::jit::Module& root, const std::string& path)
{
    torch::jit::Module current = root;
    size_t start = 0;
    while (start < path.size()) {
        const size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const auto type = current.type();
        if (!type->hasAttribute(part))
            return std::nullopt;
        const auto cls = type->getAttribute(part)->cast<c10::ClassType>();
        if (!cls || !cls->is_module())
            return std::nullopt;
        current = current.attr(part).toModule();
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return current;
}

} // namespace torchscope
