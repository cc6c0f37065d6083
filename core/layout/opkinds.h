#pragma once

#include <string>
#include <vector>

// Internal to torchscope_layout: what the graph model reads from op kinds and schemas.
namespace torchscope::opkinds {

// "linear" from "aten::linear"; kinds without a namespace are returned whole.
std::string shortKind(const std::string& kind);

struct SchemaArgument {
    std::string name; // "alpha"
    std::string defaultValue; // "1"; empty when the argument has no default
    bool hasDefault = false;
};

// The arguments of an operator schema, "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
// empty when the text is not a schema.
std::vector<SchemaArgument> schemaArguments(const std::string& schema);

} // namespace torchscope::opkinds
