#include "inputspec.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace torchscope {
namespace {

    Error bad(const std::string& spec, const std::string& why)
    {
        return Error { ErrorKind::InvalidArgument, "bad input spec '" + spec + "': " + why };
    }

    bool parseInt(const std::string& s, std::int64_t& out)
    {
        if (s.empty())
            return false;
        errno = 0;
        char* end = nullptr;
        const long long v = std::strtoll(s.c_str(), &end, 10);
        if (errno != 0 || *end != '\0')
            return false;
        out = v;
        return true;
    }

    bool parseDouble(const std::string& s, double& out)
    {
        if (s.empty())
            return false;
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        return *end == '\0';
    }

    // The shortest text that reads back as the same double.
    std::string formatDouble(double v)
    {
        char buf[40];
        for (int precision = 1; precision <= 17; ++precision) {
            std::snprintf(buf, sizeof buf, "%.*g", precision, v);
            if (std::strtod(buf, nullptr) == v)
                break;
        }
        return buf;
    }

    // Splits "a,list[b,c],d" at the commas outside brackets.
    bool splitTopLevel(const std::string& s, std::vector<std::string>& parts)
    {
        int depth = 0;
        std::string current;
        for (char c : s) {
            if (c == '[')
                ++depth;
            else if (c == ']' && --depth < 0)
                return false;
            if (c == ',' && depth == 0) {
                parts.push_back(current);
                current.clear();
                continue;
            }
            current += c;
        }
        if (depth != 0)
            return false;
        if (!current.empty() || !parts.empty())
            parts.push_back(current);
        return true;
    }

    Result<InputSpec> parseTensor(const std::string& spec)
    {
        InputSpec out;
        out.kind = InputKind::Tensor;
        const auto colon = spec.find(':');
        if (colon == std::string::npos)
            return bad(spec, "expected FILL:SHAPE[@DTYPE], e.g. randn:1x3x224x224");
        const std::string fill = spec.substr(0, colon);
        std::string rest = spec.substr(colon + 1);
        if (fill == "rand")
            out.fill = Fill::Rand;
        else if (fill == "randn")
            out.fill = Fill::Randn;
        else if (fill == "zeros")
            out.fill = Fill::Zeros;
        else if (fill == "ones")
            out.fill = Fill::Ones;
        else if (fill == "arange")
            out.fill = Fill::Arange;
        else if (fill.rfind("full=", 0) == 0) {
            out.fill = Fill::Full;
            if (!parseDouble(fill.substr(5), out.fillValue))
                return bad(spec, "full=V needs a number, e.g. full=0.5:2x3");
        } else if (fill.rfind("randint=", 0) == 0) {
            out.fill = Fill::Randint;
            const std::string range = fill.substr(8);
            const auto dots = range.find("..");
            if (dots == std::string::npos || !parseInt(range.substr(0, dots), out.low)
                || !parseInt(range.substr(dots + 2), out.high))
                return bad(spec, "randint=LO..HI needs two integers, e.g. randint=0..10:4 (HI exclusive)");
            if (out.high <= out.low)
                return bad(spec, "randint=LO..HI needs LO < HI (HI is exclusive, as in torch.randint)");
        } else {
            return bad(spec,
                "unknown kind '" + fill
                    + "': use rand, randn, zeros, ones, arange, full=V, randint=LO..HI, int, float, bool, str, "
                      "none, default, file, list[...], tuple[...] or dict[...]");
        }
        const auto at = rest.find('@');
        if (at != std::string::npos) {
            out.dtype = normalizeDtype(rest.substr(at + 1));
            if (out.dtype.empty())
                return bad(spec,
                    "unknown dtype '" + rest.substr(at + 1)
                        + "': use float32, float64, float16, bfloat16, int8, int16, int32, int64, uint8 or bool");
            rest = rest.substr(0, at);
        }
        if (rest != "scalar") {
            size_t start = 0;
            while (true) {
                const auto x = rest.find('x', start);
                const std::string dim = rest.substr(start, x == std::string::npos ? std::string::npos : x - start);
                std::int64_t n = 0;
                if (!parseInt(dim, n) || n < 0)
                    return bad(
                        spec, "the shape must be sizes joined by x (e.g. 1x3x224x224), or scalar for a 0-d tensor");
                out.shape.push_back(n);
                if (x == std::string::npos)
                    break;
                start = x + 1;
            }
        }
        return out;
    }

} // namespace

bool InputSpec::operator==(const InputSpec& o) const
{
    if (kind != o.kind)
        return false;
    switch (kind) {
    case InputKind::Auto:
    case InputKind::Default:
    case InputKind::None:
        return true;
    case InputKind::Tensor:
        return fill == o.fill && shape == o.shape && dtype == o.dtype
            && (fill != Fill::Full || fillValue == o.fillValue)
            && (fill != Fill::Randint || (low == o.low && high == o.high));
    case InputKind::Int:
        return intValue == o.intValue;
    case InputKind::Float:
        return floatValue == o.floatValue;
    case InputKind::Bool:
        return boolValue == o.boolValue;
    case InputKind::Str:
    case InputKind::File:
        return text == o.text;
    case InputKind::List:
    case InputKind::Tuple:
    case InputKind::Dict:
        return items == o.items && keys == o.keys;
    }
    return false;
}

const char* fillName(Fill fill)
{
    switch (fill) {
    case Fill::Rand:
        return "rand";
    case Fill::Randn:
        return "randn";
    case Fill::Zeros:
        return "zeros";
    case Fill::Ones:
        return "ones";
    case Fill::Arange:
        return "arange";
    case Fill::Full:
        return "full";
    case Fill::Randint:
        return "randint";
    }
    return "";
}

std::string normalizeDtype(const std::string& raw)
{
    std::string name = raw.rfind("torch.", 0) == 0 ? raw.substr(6) : raw;
    static const std::pair<const char*, const char*> aliases[] = {
        { "float32", "float32" },
        { "float", "float32" },
        { "f32", "float32" },
        { "float64", "float64" },
        { "double", "float64" },
        { "f64", "float64" },
        { "float16", "float16" },
        { "half", "float16" },
        { "f16", "float16" },
        { "bfloat16", "bfloat16" },
        { "bf16", "bfloat16" },
        { "int8", "int8" },
        { "int16", "int16" },
        { "short", "int16" },
        { "int32", "int32" },
        { "int", "int32" },
        { "int64", "int64" },
        { "long", "int64" },
        { "uint8", "uint8" },
        { "bool", "bool" },
    };
    for (const auto& [alias, canonical] : aliases)
        if (name == alias)
            return canonical;
    return {};
}

Result<InputSpec> parseInputSpec(const std::string& spec)
{
    InputSpec out;
    if (spec == "auto")
        return out;
    if (spec == "default") {
        out.kind = InputKind::Default;
        return out;
    }
    if (spec == "none" || spec == "None") {
        out.kind = InputKind::None;
        return out;
    }
    for (const char* container : { "list[", "tuple[", "dict[" }) {
        const std::string prefix = container;
        if (spec.rfind(prefix, 0) != 0)
            continue;
        if (spec.back() != ']')
            return bad(spec, "a " + prefix.substr(0, prefix.size() - 1) + " ends with ]");
        out.kind = prefix == "list[" ? InputKind::List : prefix == "tuple[" ? InputKind::Tuple : InputKind::Dict;
        std::vector<std::string> parts;
        if (!splitTopLevel(spec.substr(prefix.size(), spec.size() - prefix.size() - 1), parts))
            return bad(spec, "unbalanced [ ]");
        for (const auto& part : parts) {
            std::string itemText = part;
            if (out.kind == InputKind::Dict) {
                const auto eq = part.find('=');
                const auto bracket = part.find('[');
                if (eq == std::string::npos || eq == 0 || (bracket != std::string::npos && bracket < eq))
                    return bad(spec, "dict items are KEY=SPEC, e.g. dict[a=randn:4,b=zeros:4]");
                out.keys.push_back(part.substr(0, eq));
                itemText = part.substr(eq + 1);
            }
            auto item = parseInputSpec(itemText);
            if (!item)
                return item.error();
            out.items.push_back(std::move(item).value());
        }
        return out;
    }
    const auto colon = spec.find(':');
    const std::string head = spec.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    if (head == "int") {
        out.kind = InputKind::Int;
        if (!parseInt(value, out.intValue))
            return bad(spec, "int:N needs an integer, e.g. int:3");
        return out;
    }
    if (head == "float") {
        out.kind = InputKind::Float;
        if (!parseDouble(value, out.floatValue))
            return bad(spec, "float:X needs a number, e.g. float:0.5");
        return out;
    }
    if (head == "bool") {
        out.kind = InputKind::Bool;
        if (value == "true" || value == "True" || value == "1")
            out.boolValue = true;
        else if (value == "false" || value == "False" || value == "0")
            out.boolValue = false;
        else
            return bad(spec, "bool:B needs true or false");
        return out;
    }
    if (head == "str") {
        out.kind = InputKind::Str;
        if (colon == std::string::npos)
            return bad(spec, "str:TEXT needs a colon, e.g. str:hello");
        out.text = value;
        return out;
    }
    if (head == "file") {
        out.kind = InputKind::File;
        if (value.empty())
            return bad(spec, "file:PATH needs a path to a .npy array or a torch.save'd tensor");
        out.text = value;
        return out;
    }
    return parseTensor(spec);
}

std::string formatInputSpec(const InputSpec& spec)
{
    switch (spec.kind) {
    case InputKind::Auto:
        return "auto";
    case InputKind::Default:
        return "default";
    case InputKind::None:
        return "none";
    case InputKind::Int:
        return "int:" + std::to_string(spec.intValue);
    case InputKind::Float:
        return "float:" + formatDouble(spec.floatValue);
    case InputKind::Bool:
        return spec.boolValue ? "bool:true" : "bool:false";
    case InputKind::Str:
        return "str:" + spec.text;
    case InputKind::File:
        return "file:" + spec.text;
    case InputKind::List:
    case InputKind::Tuple:
    case InputKind::Dict: {
        std::string out = spec.kind == InputKind::List ? "list[" : spec.kind == InputKind::Tuple ? "tuple[" : "dict[";
        for (size_t i = 0; i < spec.items.size(); ++i) {
            if (i)
                out += ',';
            if (spec.kind == InputKind::Dict)
                out += (i < spec.keys.size() ? spec.keys[i] : std::string("?")) + "=";
            out += formatInputSpec(spec.items[i]);
        }
        return out + "]";
    }
    case InputKind::Tensor: {
        std::string out = fillName(spec.fill);
        if (spec.fill == Fill::Full)
            out += "=" + formatDouble(spec.fillValue);
        else if (spec.fill == Fill::Randint)
            out += "=" + std::to_string(spec.low) + ".." + std::to_string(spec.high);
        out += ":";
        if (spec.shape.empty())
            out += "scalar";
        for (size_t i = 0; i < spec.shape.size(); ++i)
            out += (i ? "x" : "") + std::to_string(spec.shape[i]);
        if (!spec.dtype.empty())
            out += "@" + spec.dtype;
        return out;
    }
    }
    return {};
}

const char* inputSpecGrammar()
{
    return "Input specs, one --input per argument in order (missing trailing ones: auto):\n"
           "  FILL:SHAPE[@DTYPE]  a generated tensor. FILL: rand, randn, zeros, ones, arange, full=V,\n"
           "                      randint=LO..HI (HI exclusive); SHAPE: 1x3x224x224, or scalar (0-d);\n"
           "                      DTYPE: float32 (default), float64, float16, bfloat16, int8, int16,\n"
           "                      int32, int64 (randint's default), uint8, bool\n"
           "  int:3  float:0.5  bool:true  str:hello   a scalar argument\n"
           "  none                None for an Optional argument\n"
           "  default             the schema's default value\n"
           "  auto                the default if any, else None for Optional, else the recorded shape\n"
           "  file:PATH           a NumPy .npy array or a tensor saved by torch.save\n"
           "  list[S,...]  tuple[S,...]  dict[KEY=S,...]   containers of specs, nested freely\n"
           "                      (inside a container a str: value cannot hold , [ or ])\n";
}

} // namespace torchscope
