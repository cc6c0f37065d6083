#include "irextractor.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace torchscope {
namespace {

    using RangeKey = std::tuple<std::string, size_t, size_t>;

    // Ranges are compared by file name and offsets: the debug-info loader may hand out distinct Source
    // objects for the same file.
    RangeKey plainKey(const torch::jit::SourceRange& r)
    {
        std::string file;
        if (r.source()) {
            const auto name = r.source()->filename();
            file = name.has_value() ? *name : std::to_string(reinterpret_cast<std::uintptr_t>(r.source().get()));
        }
        return { file, r.start(), r.end() };
    }

    // PythonPrint tags its output with the range that generated a node (the original Python source when the
    // archive has debug info), so a node is looked up by that same range.
    RangeKey keyOf(const torch::jit::SourceRange& range)
    {
        const auto generated = range.findSourceRangeThatGenerated();
        return plainKey(generated.has_value() ? *generated : range);
    }

    // Where each source range first appears in a function's printed .code, as PythonPrint::ranges() records it.
    struct CodeMap {
        std::string text;
        std::map<RangeKey, size_t> offsets;

        explicit CodeMap(const torch::jit::Function& fn)
        {
            std::vector<c10::IValue> constants;
            torch::jit::PrintDepsTable deps;
            torch::jit::PythonPrint pp(constants, deps);
            pp.printMethod(fn);
            text = pp.str();
            for (const auto& tagged : pp.ranges())
                offsets.emplace(plainKey(tagged.range), tagged.bytes); // emplace keeps the first offset
        }

        std::optional<SourceLocation> locate(const torch::jit::SourceRange& r) const
        {
            if (!r.source())
                return std::nullopt;
            auto it = offsets.find(keyOf(r));
            if (it == offsets.end())
                return std::nullopt;
            SourceLocation loc;
            loc.line = 1;
            size_t lineStart = 0;
            for (size_t i = 0; i < it->second && i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++loc.line;
                    lineStart = i + 1;
                }
            }
            loc.column = static_cast<int>(it->second - lineStart);
            return loc;
        }
    };

    std::string typeText(const c10::TypePtr& type)
    {
        std::ostringstream out;
        out << *type;
        return out.str();
    }

    template <typename T>
    std::string listText(const std::vector<T>& items)
    {
        std::ostringstream out;
        out << '[';
        for (size_t i = 0; i < items.size(); ++i)
            out << (i ? ", " : "") << items[i];
        out << ']';
        return out.str();
    }

    std::string tensorText(const at::Tensor& t)
    {
        std::ostringstream out;
        out << "Tensor(" << c10::toString(t.scalar_type()) << ", " << t.sizes() << ")";
        return out.str();
    }

    IrAttribute attributeOf(const torch::jit::Node* n, c10::Symbol name)
    {
        using K = torch::jit::AttributeKind;
        IrAttribute a;
        a.name = name.toUnqualString();
        const K kind = n->kindOf(name);
        a.kind = torch::jit::toString(kind);
        std::ostringstream out;
        switch (kind) {
        case K::i: out << n->i(name); break;
        case K::f: out << c10::IValue(n->f(name)); break; // "4.", as the graph text spells it
        case K::s: out << '"' << n->s(name) << '"'; break;
        case K::is: out << listText(n->is(name)); break;
        case K::fs: out << listText(n->fs(name)); break;
        case K::ss: out << listText(n->ss(name)); break;
        case K::t: out << tensorText(n->t(name)); break;
        case K::ts: out << "[" << n->ts(name).size() << " tensors]"; break;
        case K::ty: out << typeText(n->ty(name)); break;
        case K::tys: out << "[" << n->tys(name).size() << " types]"; break;
        case K::ival: out << n->ival(name); break;
        case K::g: out << "<Graph>"; break;
        case K::gs: out << "<Graphs>"; break;
        default: out << "<" << a.kind << ">"; break;
        }
        a.value = out.str();
        return a;
    }

    bool isModuleType(const c10::TypePtr& type)
    {
        auto cls = type->cast<c10::ClassType>();
        return cls && cls->is_module();
    }

    class Extractor {
    public:
        Extractor(const std::string& modulePath, bool inlined)
            : m_modulePath(modulePath)
            , m_inlined(inlined)
        {
        }

        // `fn`: the function whose .code the nodes come from; null for none.
        IrGraph run(const torch::jit::Graph& graph, const torch::jit::Function* fn)
        {
            m_out.modulePath = m_modulePath;
            m_out.inlined = m_inlined;
            m_root = fn;
            addBlock(graph.block(), -1);
            // Uses are filled last, when every node has its index.
            for (const auto& [value, id] : m_valueIds)
                for (const auto& use : value->uses())
                    if (auto it = m_nodeIds.find(use.user); it != m_nodeIds.end())
                        m_out.values[id].uses.push_back({ it->second, static_cast<int>(use.offset) });
            return std::move(m_out);
        }

    private:
        int valueId(const torch::jit::Value* v)
        {
            auto it = m_valueIds.find(v);
            if (it != m_valueIds.end())
                return it->second;
            const int id = static_cast<int>(m_out.values.size());
            IrValue value;
            value.id = id;
            value.name = v->debugName();
            value.type = typeText(v->type());
            m_out.values.push_back(std::move(value));
            m_valueIds.emplace(v, id);
            return id;
        }

        int addBlock(const torch::jit::Block* block, int owner)
        {
            const int id = static_cast<int>(m_out.blocks.size());
            m_out.blocks.push_back({});
            m_out.blocks[id].id = id;
            m_out.blocks[id].owner = owner;
            for (const auto* v : block->inputs()) {
                const int vid = valueId(v);
                m_out.values[vid].block = id;
                m_out.blocks[id].inputs.push_back(vid);
                if (owner < 0 && v->offset() == 0 && isModuleType(v->type()))
                    m_modulePaths[v] = m_modulePath;
            }
            for (const auto* n : block->nodes()) {
                const int node = addNode(n, id); // adds nested blocks, so m_out.blocks may move
                m_out.blocks[id].nodes.push_back(node);
            }
            for (const auto* v : block->outputs())
                m_out.blocks[id].outputs.push_back(valueId(v));
            return id;
        }

        std::string joinPath(const std::string& base, const std::string& name)
        {
            return base.empty() ? name : base + "." + name;
        }

        int addNode(const torch::jit::Node* n, int block)
        {
            const int id = static_cast<int>(m_out.nodes.size());
            m_nodeIds.emplace(n, id);
            m_out.nodes.push_back({});
            IrNode node;
            node.id = id;
            node.kind = n->kind().toQualString();
            node.block = block;
            for (const auto* v : n->inputs())
                node.inputs.push_back(valueId(v));
            for (const auto* v : n->outputs()) {
                const int vid = valueId(v);
                m_out.values[vid].producer = id;
                node.outputs.push_back(vid);
            }
            for (const auto& name : n->attributeNames())
                node.attributes.push_back(attributeOf(n, name));
            if (const auto* schema = n->maybeSchema()) {
                std::ostringstream out;
                out << *schema;
                node.schema = out.str();
            }

            // The module this node runs in and, for the inlined form, the function whose .code holds it.
            node.modulePath = m_modulePath;
            const torch::jit::Function* codeFn = m_root;
            if (m_inlined) {
                if (auto cs = n->callstack()) {
                    for (const auto& entry : (*cs)->vec()) {
                        const auto& info = std::get<2>(entry);
                        // LibTorch names a call on `self` (a method of the same module) "SELF".
                        if (info.has_value() && !info->instance_name().empty() && info->instance_name() != "SELF")
                            node.modulePath = joinPath(node.modulePath, info->instance_name());
                        codeFn = std::get<0>(entry);
                    }
                }
            }

            // Which submodule a module-typed value or a method call refers to.
            if (n->kind() == c10::prim::GetAttr && isModuleType(n->output()->type())) {
                if (auto it = m_modulePaths.find(n->input(0)); it != m_modulePaths.end()) {
                    node.calleePath = joinPath(it->second, n->s(c10::attr::name));
                    m_modulePaths[n->output()] = node.calleePath;
                }
            } else if (n->kind() == c10::prim::CallMethod) {
                if (auto it = m_modulePaths.find(n->input(0)); it != m_modulePaths.end())
                    node.calleePath = it->second;
            }

            const torch::jit::SourceRange range = n->sourceRange();
            if (codeFn) {
                node.codeLocation = codeMap(*codeFn).locate(range);
                node.codeMethod = codeFn->name();
            }
            if (auto original = compat::originalFileLineCol(range)) {
                SourceLocation loc;
                loc.file = std::get<0>(*original);
                loc.line = static_cast<int>(std::get<1>(*original));
                loc.column = static_cast<int>(std::get<2>(*original));
                node.originalLocation = loc;
            }

            for (const auto* b : n->blocks())
                node.blocks.push_back(addBlock(b, id));
            m_out.nodes[id] = std::move(node);
            return id;
        }

        const CodeMap& codeMap(const torch::jit::Function& fn)
        {
            auto it = m_codeMaps.find(&fn);
            if (it == m_codeMaps.end())
                it = m_codeMaps.emplace(&fn, std::make_unique<CodeMap>(fn)).first;
            return *it->second;
        }

        std::string m_modulePath;
        bool m_inlined;
        const torch::jit::Function* m_root = nullptr;
        IrGraph m_out;
        std::unordered_map<const torch::jit::Value*, int> m_valueIds;
        std::unordered_map<const torch::jit::Node*, int> m_nodeIds;
        std::unordered_map<const torch::jit::Value*, std::string> m_modulePaths;
        std::unordered_map<const torch::jit::Function*, std::unique_ptr<CodeMap>> m_codeMaps;
    };

} // namespace

IrGraph extractGraph(const torch::jit::Method& method, const std::string& modulePath, bool inlined)
{
    auto graph = torch::jit::toGraphFunction(method.function()).graph();
    if (inlined) {
        graph = graph->copy();
        torch::jit::Inline(*graph);
    }
    IrGraph out = Extractor(modulePath, inlined).run(*graph, &method.function());
    out.method = method.name();
    return out;
}

IrGraph extractGraph(const torch::jit::Graph& graph, const std::string& modulePath, const std::string& method)
{
    IrGraph out = Extractor(modulePath, true).run(graph, nullptr);
    out.method = method;
    return out;
}

} // namespace torchscope
