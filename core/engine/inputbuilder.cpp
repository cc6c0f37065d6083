// Inputs for a run: specs and files turned into the IValues a method's schema asks for.

#include "runsupport.h"

#include "data/npy.h"
#include "moduleinspector.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cstring>
#include <fstream>
#include <sstream>

namespace torchscope {
namespace {

    Error bad(const std::string& message) { return Error { ErrorKind::InvalidArgument, message }; }

    at::ScalarType scalarTypeOf(const std::string& dtype, at::ScalarType fallback)
    {
        static const std::pair<const char*, at::ScalarType> types[] = {
            { "float32", at::kFloat },
            { "float64", at::kDouble },
            { "float16", at::kHalf },
            { "bfloat16", at::kBFloat16 },
            { "int8", at::kChar },
            { "int16", at::kShort },
            { "int32", at::kInt },
            { "int64", at::kLong },
            { "uint8", at::kByte },
            { "bool", at::kBool },
        };
        for (const auto& [name, type] : types)
            if (dtype == name)
                return type;
        return fallback;
    }

    std::string typeText(const c10::TypePtr& type) { return type ? type->annotation_str() : std::string("Any"); }

    Result<std::string> readFile(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return Error { ErrorKind::NotFound, "cannot read input file '" + path + "': check the path" };
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }

    // A .npy array or whatever a torch.save file holds (torch::pickle_load reads the zip format).
    Result<c10::IValue> loadValueFile(const std::string& path)
    {
        auto bytes = readFile(path);
        if (!bytes)
            return bytes.error();
        if (bytes->compare(0, 6, "\x93NUMPY") == 0) {
            auto array = parseNpy(bytes.value(), path);
            if (!array)
                return array.error();
            const auto type = scalarTypeOf(array->dtype, at::kFloat);
            auto t = at::empty(array->shape, at::TensorOptions().dtype(type));
            std::memcpy(t.data_ptr(), array->data.data(), array->data.size());
            return c10::IValue(t);
        }
        try {
            std::vector<char> data(bytes->begin(), bytes->end());
            return compat::pickleLoad(data);
        } catch (const std::exception& e) {
            const std::string text = firstLine(exceptionText(e));
            // LibTorch 1.13's unpickler lacks APPEND (opcode 'a', 0x61), which pickle uses for one-element lists;
            // 2.x reads it.
            const bool oneElementList
                = text.find("Unknown opcode") != std::string::npos && text.find("0x61") != std::string::npos;
            return bad("cannot read '" + path + "' as inputs: " + text
                + (oneElementList
                        ? " (this LibTorch " + compat::libtorchVersion()
                            + " cannot read one-element lists from torch.save files: save the list as a tuple or build "
                              "against LibTorch 2.x)"
                        : " (give a tensor or a tuple of inputs saved by torch.save, or a NumPy .npy array)"));
        }
    }

    // torch.save'd containers unpickle as Dict[Any, Any] / List[Any]: give them the types the schema names.
    c10::IValue retype(const c10::IValue& value, c10::TypePtr type)
    {
        if (!type || value.isNone())
            return value;
        if (type->kind() == c10::TypeKind::OptionalType)
            type = type->expectRef<c10::OptionalType>().getElementType();
        if (value.isGenericDict() && type->kind() == c10::TypeKind::DictType) {
            const auto& dictType = type->expectRef<c10::DictType>();
            c10::impl::GenericDict dict(dictType.getKeyType(), dictType.getValueType());
            for (const auto& entry : value.toGenericDict())
                dict.insert_or_assign(entry.key(), retype(entry.value(), dictType.getValueType()));
            return c10::IValue(dict);
        }
        if (value.isList() && type->kind() == c10::TypeKind::ListType) {
            const auto elem = type->expectRef<c10::ListType>().getElementType();
            c10::impl::GenericList list(elem);
            for (const auto& item : value.toListRef())
                list.push_back(retype(item, elem));
            return c10::IValue(list);
        }
        if (value.isTuple() && type->kind() == c10::TypeKind::TupleType) {
            const auto& elems = type->expectRef<c10::TupleType>().elements();
            const auto& items = value.toTupleRef().elements();
            if (items.size() != elems.size())
                return value; // the method's own check reports the mismatch
            std::vector<c10::IValue> out;
            for (size_t i = 0; i < items.size(); ++i)
                out.push_back(retype(items[i], elems[i]));
            return c10::IValue(c10::ivalue::Tuple::create(std::move(out)));
        }
        return value;
    }

    class Builder {
    public:
        explicit Builder(std::uint64_t seed)
            : m_generator(at::detail::createCPUGenerator(seed))
        {
        }

        // `where` names the argument ("argument 'x'") in errors.
        Result<c10::IValue> build(const InputSpec& spec, c10::TypePtr type, const std::string& where)
        {
            const bool optional = type && type->kind() == c10::TypeKind::OptionalType;
            if (optional && spec.kind != InputKind::None)
                type = type->expectRef<c10::OptionalType>().getElementType();
            const auto kind = type ? type->kind() : c10::TypeKind::AnyType;
            const auto mismatch = [&](const char* given) {
                return bad(where + " is " + typeText(type) + ", but the spec gives " + given + " ("
                    + formatInputSpec(spec) + ")");
            };
            switch (spec.kind) {
            case InputKind::Auto:
            case InputKind::Default:
                return bad(where + " has no default: give a spec for it");
            case InputKind::None:
                if (type && kind != c10::TypeKind::OptionalType && kind != c10::TypeKind::NoneType
                    && kind != c10::TypeKind::AnyType)
                    return bad(where + " is " + typeText(type) + ", not Optional: it cannot be none");
                return c10::IValue();
            case InputKind::Tensor:
                if (kind != c10::TypeKind::TensorType && kind != c10::TypeKind::AnyType)
                    return mismatch("a tensor");
                return c10::IValue(makeTensor(spec));
            case InputKind::File: {
                auto value = loadValueFile(spec.text);
                if (!value)
                    return value.error();
                return retype(value.value(), type);
            }
            case InputKind::Int:
                if (kind == c10::TypeKind::FloatType)
                    return c10::IValue(static_cast<double>(spec.intValue));
                if (kind != c10::TypeKind::IntType && kind != c10::TypeKind::NumberType
                    && kind != c10::TypeKind::AnyType)
                    return mismatch("an int");
                return c10::IValue(spec.intValue);
            case InputKind::Float:
                if (kind != c10::TypeKind::FloatType && kind != c10::TypeKind::NumberType
                    && kind != c10::TypeKind::AnyType)
                    return mismatch("a float");
                return c10::IValue(spec.floatValue);
            case InputKind::Bool:
                if (kind != c10::TypeKind::BoolType && kind != c10::TypeKind::AnyType)
                    return mismatch("a bool");
                return c10::IValue(spec.boolValue);
            case InputKind::Str:
                if (kind != c10::TypeKind::StringType && kind != c10::TypeKind::AnyType)
                    return mismatch("a str");
                return c10::IValue(spec.text);
            case InputKind::List: {
                if (kind != c10::TypeKind::ListType && kind != c10::TypeKind::AnyType)
                    return mismatch("a list");
                const c10::TypePtr elem = kind == c10::TypeKind::ListType
                    ? type->expectRef<c10::ListType>().getElementType()
                    : c10::TypePtr(c10::AnyType::get());
                c10::impl::GenericList list(elem);
                for (size_t i = 0; i < spec.items.size(); ++i) {
                    auto item = build(spec.items[i], elem, where + "[" + std::to_string(i) + "]");
                    if (!item)
                        return item.error();
                    list.push_back(std::move(item).value());
                }
                return c10::IValue(list);
            }
            case InputKind::Tuple: {
                std::vector<c10::TypePtr> elems;
                if (kind == c10::TypeKind::TupleType) {
                    const auto& tuple = type->expectRef<c10::TupleType>();
                    if (tuple.elements().size() != spec.items.size())
                        return bad(where + " is " + typeText(type) + " (" + std::to_string(tuple.elements().size())
                            + " items), but the spec gives " + std::to_string(spec.items.size()));
                    elems.assign(tuple.elements().begin(), tuple.elements().end());
                } else if (kind == c10::TypeKind::AnyType) {
                    elems.assign(spec.items.size(), c10::AnyType::get());
                } else {
                    return mismatch("a tuple");
                }
                std::vector<c10::IValue> values;
                for (size_t i = 0; i < spec.items.size(); ++i) {
                    auto item = build(spec.items[i], elems[i], where + "[" + std::to_string(i) + "]");
                    if (!item)
                        return item.error();
                    values.push_back(std::move(item).value());
                }
                return c10::IValue(c10::ivalue::Tuple::create(std::move(values)));
            }
            case InputKind::Dict: {
                c10::TypePtr keyType = c10::StringType::get();
                c10::TypePtr valueType = c10::AnyType::get();
                if (kind == c10::TypeKind::DictType) {
                    keyType = type->expectRef<c10::DictType>().getKeyType();
                    valueType = type->expectRef<c10::DictType>().getValueType();
                } else if (kind != c10::TypeKind::AnyType) {
                    return mismatch("a dict");
                }
                c10::impl::GenericDict dict(keyType, valueType);
                for (size_t i = 0; i < spec.items.size(); ++i) {
                    const std::string& key = spec.keys[i];
                    auto item = build(spec.items[i], valueType, where + "['" + key + "']");
                    if (!item)
                        return item.error();
                    if (keyType->kind() == c10::TypeKind::IntType) {
                        try {
                            dict.insert_or_assign(
                                c10::IValue(static_cast<std::int64_t>(std::stoll(key))), item.value());
                        } catch (const std::exception&) {
                            return bad(where + " has int keys, and '" + key + "' is not an int");
                        }
                    } else {
                        dict.insert_or_assign(c10::IValue(key), item.value());
                    }
                }
                return c10::IValue(dict);
            }
            }
            return bad(where + ": unknown spec");
        }

    private:
        at::Tensor makeTensor(const InputSpec& spec)
        {
            const bool integral = spec.fill == Fill::Randint;
            const auto dtype = scalarTypeOf(spec.dtype, integral ? at::kLong : at::kFloat);
            const auto f32 = at::TensorOptions().dtype(at::kFloat);
            at::Tensor t;
            switch (spec.fill) {
            case Fill::Rand:
                t = at::rand(spec.shape, m_generator, f32);
                break;
            case Fill::Randn:
                t = at::randn(spec.shape, m_generator, f32);
                break;
            case Fill::Zeros:
                t = at::zeros(spec.shape, f32);
                break;
            case Fill::Ones:
                t = at::ones(spec.shape, f32);
                break;
            case Fill::Arange: {
                std::int64_t n = 1;
                for (auto d : spec.shape)
                    n *= d;
                t = at::arange(n, at::TensorOptions().dtype(at::kDouble)).reshape(spec.shape);
                break;
            }
            case Fill::Full:
                t = at::full(spec.shape, spec.fillValue, at::TensorOptions().dtype(at::kDouble));
                break;
            case Fill::Randint:
                t = at::randint(spec.low, spec.high, spec.shape, m_generator, at::TensorOptions().dtype(at::kLong));
                break;
            }
            return t.to(dtype);
        }

        at::Generator m_generator;
    };

    // The shape and dtype a traced graph recorded for an input ("Float(3, 4, strides=...)"), when it has them.
    std::optional<InputSpec> recordedTensor(const c10::TypePtr& type)
    {
        const auto tensor = type ? type->cast<c10::TensorType>() : nullptr;
        if (!tensor)
            return std::nullopt;
        const auto sizes = tensor->sizes().concrete_sizes();
        if (!sizes)
            return std::nullopt;
        InputSpec spec;
        spec.kind = InputKind::Tensor;
        spec.shape = *sizes;
        if (const auto scalar = tensor->scalarType()) {
            spec.dtype = pythonDtypeName(*scalar);
            if (at::isIntegralType(*scalar, /*includeBool=*/true)) {
                spec.fill = Fill::Randint;
                spec.high = *scalar == at::kBool ? 2 : 10;
            }
            if (normalizeDtype(spec.dtype).empty())
                spec.dtype.clear();
        }
        return spec;
    }

} // namespace

std::vector<ArgumentSpec> describeArguments(const torch::jit::Method& method)
{
    std::vector<ArgumentSpec> out;
    const auto& schema = method.function().getSchema();
    const auto& graphInputs = method.graph()->inputs();
    for (size_t i = 1; i < schema.arguments().size(); ++i) {
        const auto& arg = schema.arguments()[i];
        ArgumentSpec a;
        a.name = arg.name();
        a.type = typeText(arg.type());
        if (arg.default_value()) {
            std::ostringstream s;
            s << *arg.default_value();
            a.defaultValue = s.str();
            a.suggested.kind = InputKind::Default;
        } else if (arg.type()->kind() == c10::TypeKind::OptionalType) {
            a.suggested.kind = InputKind::None;
        } else if (i < graphInputs.size()) {
            if (auto recorded = recordedTensor(graphInputs[i]->type()))
                a.suggested = *recorded;
        }
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<c10::IValue>> buildInputs(const torch::jit::Method& method, const std::vector<InputSpec>& specs,
    const std::string& inputsFile, std::uint64_t seed)
{
    const auto& schema = method.function().getSchema();
    const size_t count = schema.arguments().empty() ? 0 : schema.arguments().size() - 1;
    std::ostringstream printedSchema;
    printedSchema << schema;
    const std::string signature = printedSchema.str();
    if (!inputsFile.empty()) {
        auto value = loadValueFile(inputsFile);
        if (!value)
            return value.error();
        std::vector<c10::IValue> inputs;
        const bool singleContainer = count == 1
            && (schema.arguments()[1].type()->kind() == c10::TypeKind::ListType
                || schema.arguments()[1].type()->kind() == c10::TypeKind::DictType);
        if (value->isTuple() && !(count == 1 && schema.arguments()[1].type()->kind() == c10::TypeKind::TupleType))
            inputs = value->toTupleRef().elements().vec();
        else if (value->isList() && !singleContainer)
            inputs = value->toListRef().vec();
        else
            inputs.push_back(value.value());
        if (inputs.size() > count)
            return bad("'" + inputsFile + "' holds " + std::to_string(inputs.size()) + " inputs, but " + signature
                + " takes " + std::to_string(count));
        for (size_t i = 0; i < inputs.size(); ++i)
            inputs[i] = retype(inputs[i], schema.arguments()[i + 1].type());
        for (size_t i = inputs.size(); i < count; ++i) {
            const auto& arg = schema.arguments()[i + 1];
            if (!arg.default_value())
                return bad("'" + inputsFile + "' holds " + std::to_string(inputs.size()) + " inputs, but " + signature
                    + " needs '" + arg.name() + "' too");
            inputs.push_back(*arg.default_value());
        }
        return inputs;
    }
    if (specs.size() > count)
        return bad(
            std::to_string(specs.size()) + " inputs given, but " + signature + " takes " + std::to_string(count));
    const auto described = describeArguments(method);
    Builder builder(seed);
    std::vector<c10::IValue> inputs;
    for (size_t i = 0; i < count; ++i) {
        const auto& arg = schema.arguments()[i + 1];
        InputSpec spec = i < specs.size() ? specs[i] : InputSpec {};
        if (spec.kind == InputKind::Auto)
            spec = described[i].suggested;
        const std::string where = "argument '" + arg.name() + "' of " + method.name();
        if (spec.kind == InputKind::Default) {
            if (!arg.default_value())
                return bad(where + " has no default value (" + signature + ")");
            inputs.push_back(*arg.default_value());
            continue;
        }
        if (spec.kind == InputKind::Auto)
            return bad(where + " (" + typeText(arg.type()) + ") needs an input: give --input for each argument, e.g. "
                + (arg.type()->kind() == c10::TypeKind::TensorType ? "--input randn:3x4" : "--input int:1")
                + " (schema: " + signature + ")");
        auto value = builder.build(spec, arg.type(), where);
        if (!value)
            return value.error();
        inputs.push_back(std::move(value).value());
    }
    return inputs;
}

c10::IValue applyVariant(const c10::IValue& value, const std::string& variant)
{
    if (variant.empty() || variant == "plain")
        return value;
    const double factor = variant == "negate" ? -1.0 : 10.0;
    if (value.isTensor()) {
        const auto& t = value.toTensor();
        return at::isFloatingType(t.scalar_type()) ? c10::IValue(t * factor) : value;
    }
    if (value.isDouble())
        return c10::IValue(value.toDouble() * factor);
    if (value.isTuple()) {
        std::vector<c10::IValue> items;
        for (const auto& item : value.toTupleRef().elements())
            items.push_back(applyVariant(item, variant));
        return c10::IValue(c10::ivalue::Tuple::create(std::move(items)));
    }
    if (value.isList()) {
        auto list = value.toList().copy();
        for (size_t i = 0; i < list.size(); ++i)
            list.set(i, applyVariant(list.get(i), variant));
        return c10::IValue(list);
    }
    if (value.isGenericDict()) {
        auto dict = value.toGenericDict().copy();
        for (auto& entry : dict)
            entry.setValue(applyVariant(entry.value(), variant));
        return c10::IValue(dict);
    }
    return value;
}

c10::IValue toDevice(const c10::IValue& value, const at::Device& device)
{
    if (value.isTensor())
        return c10::IValue(value.toTensor().to(device));
    if (value.isTuple()) {
        std::vector<c10::IValue> items;
        for (const auto& item : value.toTupleRef().elements())
            items.push_back(toDevice(item, device));
        return c10::IValue(c10::ivalue::Tuple::create(std::move(items)));
    }
    if (value.isList()) {
        auto list = value.toList().copy();
        for (size_t i = 0; i < list.size(); ++i)
            list.set(i, toDevice(list.get(i), device));
        return c10::IValue(list);
    }
    if (value.isGenericDict()) {
        auto dict = value.toGenericDict().copy();
        for (auto& entry : dict)
            entry.setValue(toDevice(entry.value(), device));
        return c10::IValue(dict);
    }
    return value;
}

} // namespace torchscope
