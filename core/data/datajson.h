#pragma once

#include "archiveinfo.h"
#include "irgraph.h"
#include "jsonwriter.h"
#include "moduleinfo.h"

namespace torchscope {

// The JSON forms the CLI's --json prints. Field names are stable: scripts depend on them.
void writeJson(JsonWriter& json, const ArchiveInfo& info, bool withExtraContents);
void writeJson(JsonWriter& json, const TensorInfo& tensor);
void writeJson(JsonWriter& json, const Slot& slot);
void writeJson(JsonWriter& json, const MethodInfo& method);
// One module object: path, name, original_name, qualified_type, totals, methods and slots.
void writeJson(JsonWriter& json, const ModuleInfo& module);
void writeJson(JsonWriter& json, const IrGraph& graph);

} // namespace torchscope
