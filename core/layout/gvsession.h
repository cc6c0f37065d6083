#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>

// Internal to torchscope_layout: the Graphviz context and message capture every Graphviz call runs inside.
namespace torchscope {

class GraphvizSession {
public:
    // Routes Graphviz's messages (errors and warnings) into this session instead of stderr, until destroyed.
    GraphvizSession();
    ~GraphvizSession();
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;

    // One context for the process, kept for its life: creating one loads the plugin configuration, which costs
    // more than laying out a small graph. Like all of Graphviz, use it from one thread at a time.
    GVC_t* context();
    // ": <what Graphviz said>", or "" when it said nothing; for appending to an error message.
    std::string detail() const;

private:
    agusererrf m_previous;
};

} // namespace torchscope
