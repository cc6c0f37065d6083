#include "gvsession.h"

namespace torchscope {
namespace {

    thread_local std::string t_messages;

    int collect(char* text)
    {
        t_messages += text;
        return 0;
    }

} // namespace

GraphvizSession::GraphvizSession()
    : m_previous(agseterrf(collect))
{
    t_messages.clear();
}

GraphvizSession::~GraphvizSession() { agseterrf(m_previous); }

GVC_t* GraphvizSession::context()
{
    // Never freed: Graphviz's pango text layout caches a pointer into the context's font table in a static, and
    // reads it in the next layout, even with another context (use after free under ThreadSanitizer).
    static GVC_t* const gvc = gvContext();
    return gvc;
}

std::string GraphvizSession::detail() const
{
    std::string m = t_messages;
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    for (auto& c : m)
        if (c == '\n')
            c = ' '; // one line: the CLI prints errors on one line
    return m.empty() ? std::string() : ": " + m;
}

} // namespace torchscope
