// LayoutService: one layout thread, superseded and cancelled requests dropped, the cache. Driven
// deterministically: a hook holds the first layout on the layout thread while the test queues more, and results
// are awaited through wait()/futures, never through sleeps or timings.
#include "testsupport.h"

#include "engine/archive.h"
#include "layout/graphmodel.h"
#include "layout/layoutservice.h"

#include <QTest>

#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace torchscope;
using namespace torchscope::test;

namespace {

using State = LayoutService::State;

// Records every layout the service starts, and can hold the one for `holdKey` until released.
class Recorder {
public:
    explicit Recorder(std::string holdKey = {})
        : m_holdKey(std::move(holdKey))
        , m_released(m_release.get_future().share())
    {
    }

    std::function<void(LayoutService::Ticket, const std::string&)> hook()
    {
        return [this](LayoutService::Ticket, const std::string& key) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_keys.push_back(key);
                m_threads.push_back(std::this_thread::get_id());
            }
            if (!m_holdKey.empty() && key == m_holdKey) {
                m_started.set_value();
                m_released.wait();
            }
        };
    }

    void waitUntilHeld() { m_started.get_future().wait(); }
    void release() { m_release.set_value(); }

    std::vector<std::string> keys()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_keys;
    }
    std::vector<std::thread::id> threads()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_threads;
    }

private:
    std::string m_holdKey;
    std::promise<void> m_started;
    std::promise<void> m_release;
    std::shared_future<void> m_released;
    std::mutex m_mutex;
    std::vector<std::string> m_keys;
    std::vector<std::thread::id> m_threads;
};

} // namespace

class TestLayoutService : public QObject {
    Q_OBJECT

private:
    VisualGraph m_gate; // mydecisiongate_scripted dg.forward

    void checkOneThread(Recorder& recorder, const LayoutService& service)
    {
        const auto threads = recorder.threads();
        QVERIFY(!threads.empty());
        for (const auto& id : threads) {
            QVERIFY(id == service.threadId());
            QVERIFY(id != std::this_thread::get_id());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto archive = Archive::open(toStd(fixture(QStringLiteral("mydecisiongate_scripted")).path));
        QVERIFY(archive.ok());
        auto graph = archive.value()->graph("dg", "forward", GraphForm::Graph);
        QVERIFY(graph.ok());
        auto visual = buildVisualGraph(graph.value());
        QVERIFY(visual.ok());
        m_gate = std::move(visual).value();
    }

    void laysOutAndCaches()
    {
        LayoutService service;
        Recorder recorder;
        service.setLayoutHook(recorder.hook());
        const auto first = service.request("view", "k1", m_gate);
        auto result = service.wait(first);
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), result->ok() ? "" : result->error().message.c_str());
        const LayoutService::LayoutPtr layout = result->value();
        QVERIFY(layout && layout->width > 0 && !layout->nodes.empty());
        QCOMPARE(layout->nodes.size(), m_gate.nodes.size());
        QCOMPARE(service.state(first), State::Unknown); // taken, so forgotten

        // The same key again: answered from the cache at once, the very same layout, not laid out again.
        const auto again = service.request("view", "k1", m_gate);
        QCOMPARE(service.state(again), State::Done);
        auto cached = service.take(again);
        QVERIFY(cached.has_value() && cached->ok());
        QCOMPARE(cached->value().get(), layout.get());
        QCOMPARE(service.cached("k1").get(), layout.get());
        QCOMPARE(recorder.keys(), std::vector<std::string> { "k1" });

        // No key: never cached. Cleared cache: laid out again.
        service.wait(service.request("view", "", m_gate));
        service.clearCache();
        QVERIFY(!service.cached("k1"));
        const auto third = service.wait(service.request("view", "k1", m_gate));
        QVERIFY(third.has_value() && third->ok() && third->value().get() != layout.get());
        QCOMPARE(recorder.keys(), (std::vector<std::string> { "k1", "", "k1" }));
        checkOneThread(recorder, service);
    }

    void supersededRequestsAreDropped()
    {
        LayoutService service;
        Recorder recorder("A");
        service.setLayoutHook(recorder.hook());
        const auto a = service.request("v1", "A", m_gate);
        recorder.waitUntilHeld(); // A is running on the layout thread
        QCOMPARE(service.state(a), State::Running);
        const auto b = service.request("v2", "B", m_gate);
        QCOMPARE(service.state(b), State::Queued);
        const auto c = service.request("v2", "C", m_gate); // supersedes B, still queued: dropped now
        QCOMPARE(service.state(b), State::Dropped);
        QCOMPARE(service.state(c), State::Queued);
        const auto d = service.request("v1", "D", m_gate); // supersedes A, running: its result will be dropped
        QCOMPARE(service.state(a), State::Dropped);
        recorder.release();

        QVERIFY(!service.wait(a).has_value());
        QVERIFY(!service.wait(b).has_value());
        const auto rc = service.wait(c);
        QVERIFY(rc.has_value() && rc->ok());
        const auto rd = service.wait(d);
        QVERIFY(rd.has_value() && rd->ok());
        QCOMPARE(recorder.keys(), (std::vector<std::string> { "A", "C", "D" })); // B was never laid out
        QVERIFY(service.cached("A")); // A's work still serves a later visit to that view
        QVERIFY(!service.cached("B"));
        checkOneThread(recorder, service);
    }

    void cancelDropsQueuedAndRunning()
    {
        LayoutService service;
        Recorder recorder("A");
        service.setLayoutHook(recorder.hook());
        const auto a = service.request("v1", "A", m_gate);
        recorder.waitUntilHeld();
        const auto b = service.request("v2", "B", m_gate);
        service.cancel(b);
        QCOMPARE(service.state(b), State::Dropped);
        service.cancel(a);
        QCOMPARE(service.state(a), State::Dropped);
        const auto c = service.request("v3", "C", m_gate);
        recorder.release();
        QVERIFY(!service.wait(a).has_value());
        QVERIFY(!service.wait(b).has_value());
        QVERIFY(service.wait(c).has_value());
        QCOMPARE(recorder.keys(), (std::vector<std::string> { "A", "C" }));
        checkOneThread(recorder, service);
    }

    void callbacks()
    {
        LayoutService service;
        std::promise<std::pair<std::thread::id, bool>> delivered;
        const auto ticket = service.request("v", "K", m_gate, [&](LayoutService::Ticket, const auto& result) {
            delivered.set_value({ std::this_thread::get_id(), result.ok() && result.value() != nullptr });
        });
        const auto [thread, ok] = delivered.get_future().get();
        QVERIFY(ok);
        QVERIFY(thread == service.threadId());
        QVERIFY(!service.wait(ticket).has_value()); // delivered to the callback, so nothing left to take
        QCOMPARE(service.state(ticket), State::Unknown);

        // A cache hit is delivered inside request(), on the caller's thread.
        bool called = false;
        std::thread::id hitThread;
        service.request("v", "K", m_gate, [&](LayoutService::Ticket, const auto& result) {
            called = result.ok() && result.value() == service.cached("K");
            hitThread = std::this_thread::get_id();
        });
        QVERIFY(called);
        QVERIFY(hitThread == std::this_thread::get_id());

        // A superseded callback request is never called.
        Recorder recorder("hold");
        service.setLayoutHook(recorder.hook());
        const auto held = service.request("w", "hold", m_gate);
        recorder.waitUntilHeld();
        bool staleCalled = false;
        const auto stale = service.request("x", "stale", m_gate, [&](auto, const auto&) { staleCalled = true; });
        const auto fresh = service.request("x", "fresh", m_gate);
        QCOMPARE(service.state(stale), State::Unknown); // dropped and, having a callback, forgotten
        recorder.release();
        QVERIFY(service.wait(held).has_value());
        QVERIFY(service.wait(fresh).has_value());
        QVERIFY(!staleCalled);
        QCOMPARE(recorder.keys(), (std::vector<std::string> { "hold", "fresh" }));
    }

    void rendersOnTheLayoutThread()
    {
        LayoutService service;
        auto svg = service.render(m_gate, RenderFormat::Svg);
        const Result<std::string> bytes = svg.get();
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().message.c_str());
        QVERIFY(bytes.value().find("<svg") != std::string::npos);
        auto dot = service.render(m_gate, RenderFormat::Dot);
        QCOMPARE(dot.get().value(), toDot(m_gate));
    }

    void cacheKeysTellViewsApart()
    {
        ExpansionState a, b;
        b.expanded = { "loop" };
        const std::string base = layoutCacheKey("x.pt", "", "forward", false, true, a);
        QCOMPARE(base, layoutCacheKey("x.pt", "", "forward", false, true, ExpansionState {}));
        QVERIFY(base != layoutCacheKey("x.pt", "", "forward", false, true, b));
        QVERIFY(base != layoutCacheKey("x.pt", "", "forward", true, true, a));
        QVERIFY(base != layoutCacheKey("x.pt", "", "forward", false, false, a));
        QVERIFY(base != layoutCacheKey("y.pt", "", "forward", false, true, a));
        QVERIFY(base != layoutCacheKey("x.pt", "loop", "forward", false, true, a));
        QVERIFY(base != layoutCacheKey("x.pt", "", "other", false, true, a));
    }
};

QTEST_GUILESS_MAIN(TestLayoutService)
#include "tst_layoutservice.moc"
