#pragma once

#include "data/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

// How one argument of a method gets its value for a run. Built from the method's schema (see
// Archive::argumentSpecs), from the command line (parseInputSpec) or by the desktop app's Run panel.
enum class InputKind {
    Auto, // not given: the argument's default, else None for Optional, else what the graph recorded
    Default, // the schema's default value (an error when there is none)
    None,
    Tensor, // a generated tensor: fill, shape, dtype
    Int,
    Float,
    Bool,
    Str,
    List, // items
    Tuple, // items
    Dict, // keys + items (string keys)
    File, // `text` names a .npy array or a torch.save'd tensor
};

// The values a generated tensor holds, as the torch function of the same name makes them.
enum class Fill { Rand, Randn, Zeros, Ones, Arange, Full, Randint };

struct InputSpec {
    InputKind kind = InputKind::Auto;

    // InputKind::Tensor
    Fill fill = Fill::Randn;
    double fillValue = 0; // Full
    std::int64_t low = 0; // Randint: torch.randint(low, high), high exclusive
    std::int64_t high = 10;
    std::vector<std::int64_t> shape; // empty: a 0-d tensor
    std::string dtype; // Python's name ("float32"); empty: float32, or int64 for randint and arange of ints

    // Scalars and files
    std::int64_t intValue = 0;
    double floatValue = 0;
    bool boolValue = false;
    std::string text; // Str: the string; File: the path

    // Containers
    std::vector<InputSpec> items;
    std::vector<std::string> keys; // Dict only, one per item

    bool operator==(const InputSpec& other) const;
    bool operator!=(const InputSpec& other) const { return !(*this == other); }
};

// The command-line spelling (documented in `torchscope-cli run --help` and the README):
//   FILL:SHAPE[@DTYPE]   FILL = rand | randn | zeros | ones | arange | full=V | randint=LO..HI
//                        SHAPE = 1x3x224x224, or `scalar` for a 0-d tensor
//   int:3  float:0.5  bool:true  str:TEXT  none  default  auto  file:PATH(.npy or .pt)
//   list[SPEC,...]  tuple[SPEC,...]  dict[KEY=SPEC,...]   (nested freely)
// Errors name the spec and say what was expected.
Result<InputSpec> parseInputSpec(const std::string& text);
// The inverse of parseInputSpec: parseInputSpec(formatInputSpec(s)) == s.
std::string formatInputSpec(const InputSpec& spec);

const char* fillName(Fill fill);
// "float32" for "float32", "float", "torch.float32"; empty when the name is not a dtype this tool makes.
std::string normalizeDtype(const std::string& name);

// The one-paragraph grammar that --help and error messages show.
const char* inputSpecGrammar();

} // namespace torchscope
