#include "layoutservice.h"

#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>

namespace torchscope {

struct LayoutService::Impl {
    struct Job {
        Ticket ticket = 0; // 0 for a render
        std::string view;
        std::string key;
        VisualGraph graph;
        Callback done;
        RenderFormat format = RenderFormat::Svg;
        std::shared_ptr<std::promise<Result<std::string>>> rendered;
    };

    struct Record {
        State state = State::Queued;
        std::string view;
        bool hasCallback = false;
        bool unwanted = false; // superseded or cancelled while running: drop the result when it comes
        std::optional<LayoutResult> result;
    };

    explicit Impl(size_t capacity)
        : capacity(capacity)
    {
    }

    // Called with `mutex` held.
    void drop(Ticket ticket)
    {
        auto it = records.find(ticket);
        if (it == records.end())
            return;
        if (it->second.hasCallback)
            records.erase(it); // nobody polls a callback ticket: forget it now
        else
            it->second.state = State::Dropped;
        finished.notify_all();
    }

    // Called with `mutex` held: older requests of `view` give way to `ticket`.
    void supersede(const std::string& view, Ticket ticket)
    {
        for (auto it = queue.begin(); it != queue.end();) {
            if (it->ticket != 0 && it->ticket != ticket && it->view == view) {
                const Ticket old = it->ticket;
                it = queue.erase(it);
                drop(old);
            } else {
                ++it;
            }
        }
        if (running != 0 && running != ticket)
            if (auto it = records.find(running); it != records.end() && it->second.view == view)
                it->second.unwanted = true;
    }

    // Called with `mutex` held.
    LayoutPtr lookup(const std::string& key)
    {
        auto it = cacheIndex.find(key);
        if (it == cacheIndex.end())
            return nullptr;
        lru.splice(lru.begin(), lru, it->second);
        return it->second->second;
    }

    // Called with `mutex` held.
    void store(const std::string& key, LayoutPtr layout)
    {
        if (key.empty() || capacity == 0)
            return;
        if (auto it = cacheIndex.find(key); it != cacheIndex.end()) {
            it->second->second = std::move(layout);
            lru.splice(lru.begin(), lru, it->second);
            return;
        }
        lru.emplace_front(key, std::move(layout));
        cacheIndex[key] = lru.begin();
        while (lru.size() > capacity) {
            cacheIndex.erase(lru.back().first);
            lru.pop_back();
        }
    }

    void loop()
    {
        for (;;) {
            std::unique_lock<std::mutex> lock(mutex);
            work.wait(lock, [this] { return stopping || !queue.empty(); });
            if (stopping)
                return;
            Job job = std::move(queue.front());
            queue.pop_front();
            if (job.rendered) {
                lock.unlock();
                job.rendered->set_value(renderGraph(job.graph, job.format));
                continue;
            }
            running = job.ticket;
            records[job.ticket].state = State::Running;
            const auto observe = hook;
            lock.unlock();

            if (observe)
                observe(job.ticket, job.key);
            Result<GraphLayout> laid = layoutGraph(job.graph);
            LayoutResult result = laid ? LayoutResult(std::make_shared<const GraphLayout>(std::move(laid).value()))
                                       : LayoutResult(laid.error());

            lock.lock();
            running = 0;
            if (result)
                store(job.key, result.value());
            auto it = records.find(job.ticket);
            if (it == records.end() || it->second.unwanted) {
                drop(job.ticket);
                continue;
            }
            if (it->second.hasCallback) {
                records.erase(it);
                lock.unlock();
                job.done(job.ticket, result);
                lock.lock();
                finished.notify_all(); // wait() on a callback ticket returns once it has been called
                continue;
            }
            it->second.state = State::Done;
            it->second.result = std::move(result);
            finished.notify_all();
        }
    }

    const size_t capacity;
    mutable std::mutex mutex;
    std::condition_variable work; // the thread waits for jobs
    std::condition_variable finished; // wait() waits for results
    std::deque<Job> queue;
    std::map<Ticket, Record> records;
    Ticket next = 0;
    Ticket running = 0;
    bool stopping = false;
    std::list<std::pair<std::string, LayoutPtr>> lru; // most recently used first
    std::unordered_map<std::string, std::list<std::pair<std::string, LayoutPtr>>::iterator> cacheIndex;
    std::function<void(Ticket, const std::string&)> hook;
    std::thread thread; // last: started once everything above exists
};

LayoutService::LayoutService(size_t cacheCapacity)
    : d(std::make_unique<Impl>(cacheCapacity))
{
    d->thread = std::thread([impl = d.get()] { impl->loop(); });
}

LayoutService::~LayoutService()
{
    std::deque<Impl::Job> abandoned;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopping = true;
        abandoned.swap(d->queue);
        for (const auto& job : abandoned)
            if (!job.rendered)
                d->drop(job.ticket);
    }
    d->work.notify_all();
    d->thread.join();
    for (auto& job : abandoned)
        if (job.rendered)
            job.rendered->set_value(
                Error { ErrorKind::InvalidArgument, "the layout service stopped before rendering" });
}

LayoutService::Ticket LayoutService::request(
    const std::string& view, const std::string& cacheKey, VisualGraph graph, Callback done)
{
    std::unique_lock<std::mutex> lock(d->mutex);
    const Ticket ticket = ++d->next;
    d->supersede(view, ticket);
    Impl::Record& record = d->records[ticket];
    record.view = view;
    record.hasCallback = static_cast<bool>(done);
    if (LayoutPtr hit = cacheKey.empty() ? nullptr : d->lookup(cacheKey)) {
        if (done) {
            d->records.erase(ticket);
            lock.unlock();
            done(ticket, LayoutResult(std::move(hit)));
            return ticket;
        }
        record.state = State::Done;
        record.result = LayoutResult(std::move(hit));
        d->finished.notify_all();
        return ticket;
    }
    Impl::Job job;
    job.ticket = ticket;
    job.view = view;
    job.key = cacheKey;
    job.graph = std::move(graph);
    job.done = std::move(done);
    d->queue.push_back(std::move(job));
    lock.unlock();
    d->work.notify_one();
    return ticket;
}

void LayoutService::cancel(Ticket ticket)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    for (auto it = d->queue.begin(); it != d->queue.end(); ++it) {
        if (it->ticket == ticket && !it->rendered) {
            d->queue.erase(it);
            d->drop(ticket);
            return;
        }
    }
    if (auto it = d->records.find(ticket); it != d->records.end() && it->second.state == State::Running)
        it->second.unwanted = true;
}

LayoutService::State LayoutService::state(Ticket ticket) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->records.find(ticket);
    if (it == d->records.end())
        return State::Unknown;
    // A running request that is no longer wanted already counts as dropped for its asker.
    return it->second.unwanted && it->second.state == State::Running ? State::Dropped : it->second.state;
}

std::optional<LayoutService::LayoutResult> LayoutService::take(Ticket ticket)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->records.find(ticket);
    if (it == d->records.end())
        return std::nullopt;
    if (it->second.state == State::Dropped) {
        d->records.erase(it);
        return std::nullopt;
    }
    if (it->second.state != State::Done)
        return std::nullopt;
    std::optional<LayoutResult> result = std::move(it->second.result);
    d->records.erase(it);
    return result;
}

std::optional<LayoutService::LayoutResult> LayoutService::wait(Ticket ticket)
{
    std::unique_lock<std::mutex> lock(d->mutex);
    d->finished.wait(lock, [&] {
        auto it = d->records.find(ticket);
        return it == d->records.end() || it->second.state == State::Done || it->second.state == State::Dropped;
    });
    auto it = d->records.find(ticket);
    if (it == d->records.end())
        return std::nullopt;
    std::optional<LayoutResult> result;
    if (it->second.state == State::Done)
        result = std::move(it->second.result);
    d->records.erase(it);
    return result;
}

LayoutService::LayoutPtr LayoutService::cached(const std::string& cacheKey) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->cacheIndex.find(cacheKey);
    return it == d->cacheIndex.end() ? nullptr : it->second->second;
}

void LayoutService::clearCache()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->lru.clear();
    d->cacheIndex.clear();
}

std::future<Result<std::string>> LayoutService::render(VisualGraph graph, RenderFormat format)
{
    Impl::Job job;
    job.graph = std::move(graph);
    job.format = format;
    job.rendered = std::make_shared<std::promise<Result<std::string>>>();
    std::future<Result<std::string>> future = job.rendered->get_future();
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        if (d->stopping) {
            job.rendered->set_value(Error { ErrorKind::InvalidArgument, "the layout service has stopped" });
            return future;
        }
        d->queue.push_back(std::move(job));
    }
    d->work.notify_one();
    return future;
}

void LayoutService::setLayoutHook(std::function<void(Ticket, const std::string& cacheKey)> hook)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->hook = std::move(hook);
}

std::thread::id LayoutService::threadId() const { return d->thread.get_id(); }

} // namespace torchscope
