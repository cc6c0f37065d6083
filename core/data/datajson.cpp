#include "datajson.h"

namespace torchscope {
namespace {

    void writeArgument(JsonWriter& json, const Argument& a)
    {
        json.beginObject().field("name", a.name).field("type", a.type);
        if (a.defaultValue)
            json.field("default", *a.defaultValue);
        if (a.kwargOnly)
            json.field("kwarg_only", true);
        json.endObject();
    }

    void writeLocation(JsonWriter& json, const char* key, const std::optional<SourceLocation>& loc)
    {
        if (!loc)
            return;
        json.key(key).beginObject();
        if (!loc->file.empty())
            json.field("file", loc->file);
        json.field("line", loc->line).field("column", loc->column).endObject();
    }

    void writeIds(JsonWriter& json, const char* key, const std::vector<int>& ids)
    {
        json.key(key).beginArray();
        for (int id : ids)
            json.value(id);
        json.endArray();
    }

} // namespace

void writeJson(JsonWriter& json, const ArchiveInfo& info, bool withExtraContents)
{
    json.beginObject()
        .field("path", info.path)
        .field("file_size", info.fileSize)
        .field("archive_name", info.archiveName)
        .field("format_version", info.formatVersion)
        .field("debug_info", info.hasDebugInfo)
        .field("bytecode", info.hasBytecode);
    json.key("records").beginArray();
    for (const auto& r : info.records)
        json.beginObject()
            .field("name", r.name)
            .field("size", r.size)
            .field("compressed_size", r.compressedSize)
            .field("compressed", r.compressed)
            .endObject();
    json.endArray();
    json.key("extra_files").beginArray();
    for (const auto& e : info.extraFiles) {
        json.beginObject().field("name", e.name).field("size", static_cast<std::uint64_t>(e.contents.size()));
        if (withExtraContents)
            json.field("contents", e.contents);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

void writeJson(JsonWriter& json, const TensorInfo& t)
{
    json.beginObject();
    json.key("shape").beginArray();
    for (auto d : t.shape)
        json.value(d);
    json.endArray();
    json.field("dtype", t.dtype)
        .field("device", t.device)
        .field("requires_grad", t.requiresGrad)
        .field("numel", t.numel)
        .field("bytes", t.bytes);
    if (t.quantized)
        json.field("quantized", true);
    json.endObject();
}

void writeJson(JsonWriter& json, const Slot& slot)
{
    json.beginObject().field("name", slot.name).field("kind", slotKindName(slot.kind)).field("type", slot.type);
    if (slot.tensor) {
        json.key("tensor");
        writeJson(json, *slot.tensor);
    } else {
        json.field("value", slot.value);
    }
    json.endObject();
}

void writeJson(JsonWriter& json, const MethodInfo& method)
{
    json.beginObject().field("name", method.name).field("schema", method.schema);
    json.key("arguments").beginArray();
    for (const auto& a : method.arguments)
        writeArgument(json, a);
    json.endArray();
    json.key("returns").beginArray();
    for (const auto& r : method.returns)
        writeArgument(json, r);
    json.endArray();
    json.endObject();
}

void writeJson(JsonWriter& json, const ModuleInfo& m)
{
    json.beginObject()
        .field("path", m.path)
        .field("name", m.name)
        .field("original_name", m.originalName)
        .field("qualified_type", m.qualifiedType)
        .field("parameter_count", m.parameterCount)
        .field("parameter_bytes", m.parameterBytes)
        .field("buffer_count", m.bufferCount)
        .field("buffer_bytes", m.bufferBytes)
        .field("subtree_modules", m.subtreeModules);
    json.key("methods").beginArray();
    for (const auto& method : m.methods)
        writeJson(json, method);
    json.endArray();
    json.key("slots").beginArray();
    for (const auto& slot : m.members)
        writeJson(json, slot);
    json.endArray();
    json.endObject();
}

void writeJson(JsonWriter& json, const IrGraph& g)
{
    json.beginObject().field("module", g.modulePath).field("method", g.method).field("inlined", g.inlined);
    json.key("blocks").beginArray();
    for (const auto& b : g.blocks) {
        json.beginObject().field("id", b.id).field("owner", b.owner);
        writeIds(json, "inputs", b.inputs);
        writeIds(json, "outputs", b.outputs);
        writeIds(json, "nodes", b.nodes);
        json.endObject();
    }
    json.endArray();
    json.key("nodes").beginArray();
    for (const auto& n : g.nodes) {
        json.beginObject().field("id", n.id).field("kind", n.kind).field("block", n.block);
        writeIds(json, "inputs", n.inputs);
        writeIds(json, "outputs", n.outputs);
        writeIds(json, "blocks", n.blocks);
        json.key("attributes").beginArray();
        for (const auto& a : n.attributes)
            json.beginObject().field("name", a.name).field("kind", a.kind).field("value", a.value).endObject();
        json.endArray();
        if (!n.schema.empty())
            json.field("schema", n.schema);
        json.field("module", n.modulePath);
        if (!n.calleePath.empty())
            json.field("callee", n.calleePath);
        writeLocation(json, "code_location", n.codeLocation);
        if (n.codeLocation)
            json.field("code_method", n.codeMethod);
        writeLocation(json, "original_location", n.originalLocation);
        json.endObject();
    }
    json.endArray();
    json.key("values").beginArray();
    for (const auto& v : g.values) {
        json.beginObject().field("id", v.id).field("name", v.name).field("type", v.type).field("producer", v.producer);
        if (v.producer < 0)
            json.field("block", v.block);
        json.key("uses").beginArray();
        for (const auto& u : v.uses)
            json.beginObject().field("node", u.node).field("input", u.inputIndex).endObject();
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

} // namespace torchscope
