#pragma once

#include "data/result.h"
#include "graphlayout.h"
#include "render.h"
#include "visualgraph.h"

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace torchscope {

// Runs every graph layout (and render) of the process on one thread it owns, because Graphviz is not thread-safe,
// and keeps laid-out graphs in a cache. Plain C++17: no Qt; the view wraps the callbacks into queued signals.
//
// Each request names the view that wants it. A newer request for the same view supersedes the older one: still
// queued, it is dropped without being laid out; already running (Graphviz cannot be interrupted), its result is
// dropped when it finishes (it still fills the cache, so going back to that view is instant).
// All members may be called from any thread.
class LayoutService {
public:
    using Ticket = std::uint64_t;
    using LayoutPtr = std::shared_ptr<const GraphLayout>;
    using LayoutResult = Result<LayoutPtr>;
    // Receives a result that is still wanted: on the layout thread, or for a cache hit inside request() on the
    // caller's thread. Never called for a dropped request. It must not block on this service.
    using Callback = std::function<void(Ticket, const LayoutResult&)>;
    enum class State { Unknown, Queued, Running, Done, Dropped };

    explicit LayoutService(size_t cacheCapacity = 32);
    // Drops what is queued, waits for a layout in progress, and stops the thread.
    ~LayoutService();
    LayoutService(const LayoutService&) = delete;
    LayoutService& operator=(const LayoutService&) = delete;

    // Lays out `graph` for `view`. `cacheKey` (layoutCacheKey(); empty for none) answers from the cache when it
    // can. With a callback the result goes there and the ticket is forgotten after delivery; without one it waits
    // for take() or wait().
    Ticket request(const std::string& view, const std::string& cacheKey, VisualGraph graph, Callback done = {});
    // The request is no longer wanted: dropped if queued, its result dropped if running.
    void cancel(Ticket ticket);

    State state(Ticket ticket) const;
    // The result of a Done ticket (then forgotten); nullopt while it is pending, or when it was dropped (then
    // forgotten) or is unknown.
    std::optional<LayoutResult> take(Ticket ticket);
    // Blocks until the ticket is done or dropped, then as take(). For callback tickets returns nullopt once the
    // callback has been called or the request dropped.
    std::optional<LayoutResult> wait(Ticket ticket);

    LayoutPtr cached(const std::string& cacheKey) const; // nullptr when absent
    void clearCache();

    // renderGraph() on the layout thread, after what is queued before it.
    std::future<Result<std::string>> render(VisualGraph graph, RenderFormat format);

    // For tests: called on the layout thread just before each layout starts (not for cache hits).
    void setLayoutHook(std::function<void(Ticket, const std::string& cacheKey)> hook);
    std::thread::id threadId() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace torchscope
