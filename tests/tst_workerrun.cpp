// The Run panel's requests through a real torchscope-worker: argument specs, devices and runs answer what
// the engine gives in-process for the same request, and a run is cancelled by killing its worker, after
// which a fresh worker runs again. Every wait is a hang guard, never a measurement.

#include "testsupport.h"

#include "engine/archive.h"
#include "worker/workerclient.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr int kGuardMs = 120000;

// A started client with the answers it gave, by request id.
struct RunWorker {
    std::unique_ptr<WorkerClient> client = std::make_unique<WorkerClient>(QStringLiteral(TORCHSCOPE_WORKER));
    QHash<quint64, RunResult> results;
    QHash<quint64, std::vector<ArgumentSpec>> specs;
    QHash<quint64, Error> failures;
    QSet<quint64> opened;
    QStringList devices;
    bool cudaBuild = true;
    quint64 devicesId = 0;
    int deaths = 0;

    RunWorker()
    {
        WorkerClient* c = client.get();
        QObject::connect(c, &WorkerClient::opened, c, [this](quint64 id) { opened.insert(id); });
        QObject::connect(c, &WorkerClient::runFinished, c, [this](quint64 id, const RunResult& r) { results[id] = r; });
        QObject::connect(c, &WorkerClient::argumentSpecsReady, c,
            [this](quint64 id, const std::vector<ArgumentSpec>& s) { specs[id] = s; });
        QObject::connect(c, &WorkerClient::devicesReady, c, [this](quint64 id, const QStringList& d, bool cuda) {
            devicesId = id;
            devices = d;
            cudaBuild = cuda;
        });
        QObject::connect(c, &WorkerClient::failed, c, [this](quint64 id, const Error& e) { failures[id] = e; });
        QObject::connect(c, &WorkerClient::died, c, [this] { ++deaths; });
        client->start();
    }

    bool answered(quint64 id) const
    {
        return results.contains(id) || specs.contains(id) || failures.contains(id) || opened.contains(id)
            || devicesId == id;
    }
    bool wait(quint64 id)
    {
        return QTest::qWaitFor([&] { return answered(id) || deaths > 0; }, kGuardMs) && answered(id);
    }
    bool open(const QString& stem)
    {
        const quint64 id = client->open(fixture(stem).path);
        return wait(id) && opened.contains(id);
    }
};

RunRequest myCellRequest(std::uint64_t seed)
{
    RunRequest request;
    request.method = "forward";
    request.inputs = { *parseInputSpec("randn:3x4"), *parseInputSpec("rand:3x4") };
    request.seed = seed;
    request.repeat = 2;
    request.warmup = 1;
    return request;
}

} // namespace

class TestWorkerRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void devicesAsTheEngineReports();
    void argumentSpecsAsTheEngineGives();
    void runMatchesTheEngine();
    void runErrorsArriveAsFailed();
    void killCancelsARunAndANewWorkerRuns();
};

void TestWorkerRun::devicesAsTheEngineReports()
{
    RunWorker w;
    const quint64 id = w.client->devices(); // needs no archive
    QVERIFY(id != 0);
    QVERIFY(w.wait(id));
    QStringList expected;
    for (const std::string& d : availableDevices())
        expected.append(QString::fromStdString(d));
    QCOMPARE(w.devices, expected);
    QCOMPARE(w.devices.value(0), QStringLiteral("cpu"));
    QCOMPARE(w.cudaBuild, cudaBuild());
}

void TestWorkerRun::argumentSpecsAsTheEngineGives()
{
    RunWorker w;
    QVERIFY(w.open(QStringLiteral("multi_method")));
    const Archive& archive = openedFixture(QStringLiteral("multi_method"));
    for (const char* method : { "forward", "combine", "describe" }) {
        const quint64 id = w.client->argumentSpecs(QString(), QString::fromLatin1(method));
        QVERIFY(w.wait(id));
        QVERIFY2(w.specs.contains(id), method);
        const auto expected = archive.argumentSpecs("", method);
        QVERIFY(expected.ok());
        const std::vector<ArgumentSpec>& got = w.specs[id];
        QCOMPARE(got.size(), expected->size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].name, (*expected)[i].name);
            QCOMPARE(got[i].type, (*expected)[i].type);
            QCOMPARE(got[i].defaultValue, (*expected)[i].defaultValue);
            QVERIFY(got[i].suggested == (*expected)[i].suggested);
        }
    }
    // The schema as `info` prints it: combine(Dict(str, Tensor) inputs, Tensor[] extras, str name="default", int k=2).
    const quint64 id = w.client->argumentSpecs(QString(), QStringLiteral("combine"));
    QVERIFY(w.wait(id));
    QCOMPARE(w.specs[id].size(), std::size_t(4));
    QCOMPARE(w.specs[id][0].name, std::string("inputs"));
    QCOMPARE(w.specs[id][3].defaultValue, std::optional<std::string>("2"));
    const quint64 missing = w.client->argumentSpecs(QString(), QStringLiteral("no_such_method"));
    QVERIFY(w.wait(missing));
    QVERIFY(w.failures.contains(missing));
    QVERIFY(QString::fromStdString(w.failures[missing].message).contains(QStringLiteral("no_such_method")));
}

void TestWorkerRun::runMatchesTheEngine()
{
    RunWorker w;
    QVERIFY(w.open(QStringLiteral("mycell_scripted")));
    const RunRequest request = myCellRequest(42);
    const quint64 id = w.client->run(request);
    QVERIFY(w.wait(id));
    QVERIFY2(w.results.contains(id), w.failures.value(id).message.c_str());
    const RunResult& got = w.results[id];

    auto local = Archive::open(fixture(QStringLiteral("mycell_scripted")).path.toStdString());
    QVERIFY(local.ok());
    const auto expected = (*local)->run(request);
    QVERIFY(expected.ok());

    // MyCell returns (new_h, new_h): a tuple of two 3x4 float32 tensors on the CPU.
    QCOMPARE(got.output.kind, ValueNode::Kind::Tuple);
    QCOMPARE(got.output.items.size(), std::size_t(2));
    QCOMPARE(got.argumentNames, (std::vector<std::string> { "x", "h" }));
    QCOMPARE(got.device, std::string("cpu"));
    QCOMPARE(got.timing.runs, 2);
    QCOMPARE(got.timing.warmup, 1);
    QVERIFY(!got.peakMemoryBytes);
    for (std::size_t i = 0; i < 2; ++i) {
        const ValueNode& a = got.output.items[i];
        const ValueNode& b = expected->output.items[i];
        QCOMPARE(a.kind, ValueNode::Kind::Tensor);
        QCOMPARE(a.stats.shape, (std::vector<std::int64_t> { 3, 4 }));
        QCOMPARE(a.stats.dtype, std::string("float32"));
        QCOMPARE(a.values.size(), std::size_t(12));
        QVERIFY(!a.valuesTruncated);
        QCOMPARE(a.values, b.values); // same seed, same inputs, same CPU kernels: bit-identical
        QCOMPARE(a.stats.min, b.stats.min);
        QCOMPARE(a.stats.mean, b.stats.mean);
        // tanh's range
        QVERIFY(a.stats.min >= -1.0 && a.stats.max <= 1.0);
    }
    // The inputs the worker built are the engine's for the same seed; another seed gives others.
    QCOMPARE(got.inputs[0].values, expected->inputs[0].values);
    const quint64 other = w.client->run(myCellRequest(43));
    QVERIFY(w.wait(other));
    QVERIFY(w.results.contains(other));
    QVERIFY(w.results[other].inputs[0].values != got.inputs[0].values);
}

void TestWorkerRun::runErrorsArriveAsFailed()
{
    RunWorker w;
    RunRequest request = myCellRequest(1);
    const quint64 before = w.client->run(request); // no archive yet
    QVERIFY(w.wait(before));
    QVERIFY(w.failures.contains(before));
    QVERIFY(QString::fromStdString(w.failures[before].message).contains(QStringLiteral("No archive is open")));
    QVERIFY(w.open(QStringLiteral("mycell_scripted")));
    request.inputs[0] = *parseInputSpec("randn:3x5"); // Linear(4, 4) cannot take 5 features
    const quint64 bad = w.client->run(request);
    QVERIFY(w.wait(bad));
    QVERIFY(w.failures.contains(bad));
    QVERIFY(!w.failures[bad].message.empty());
    request.device = "cuda:7";
    const quint64 device = w.client->run(request);
    QVERIFY(w.wait(device));
    QVERIFY(w.failures.contains(device));
    // The worker lives on after model errors.
    const quint64 good = w.client->run(myCellRequest(1));
    QVERIFY(w.wait(good));
    QVERIFY(w.results.contains(good));
}

void TestWorkerRun::killCancelsARunAndANewWorkerRuns()
{
    RunWorker w;
    QVERIFY(w.open(QStringLiteral("mycell_scripted")));
    // A run far longer than any test: a million repeats over a large input.
    RunRequest slow = myCellRequest(7);
    slow.inputs = { *parseInputSpec("randn:200000x4"), *parseInputSpec("randn:200000x4") };
    slow.repeat = 1000000;
    const quint64 id = w.client->run(slow);
    QVERIFY(id != 0);
    // Killed before the event loop runs again: the request went out but no answer can have been read.
    w.client->kill();
    QVERIFY(QTest::qWaitFor([&] { return w.deaths > 0; }, kGuardMs));
    QCOMPARE(w.deaths, 1);
    QCOMPARE(w.client->state(), WorkerClient::State::Dead);
    QVERIFY(w.client->deathReason().contains(QStringLiteral("stopped")));
    QVERIFY(!w.results.contains(id));
    QCOMPARE(w.client->run(myCellRequest(7)), quint64(0)); // a dead client takes no requests

    // What the app does on Cancel: a new worker, the archive opened again, and runs work.
    RunWorker fresh;
    QVERIFY(fresh.open(QStringLiteral("mycell_scripted")));
    const quint64 again = fresh.client->run(myCellRequest(7));
    QVERIFY(fresh.wait(again));
    QVERIFY(fresh.results.contains(again));
    QCOMPARE(fresh.results[again].output.items.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestWorkerRun)
#include "tst_workerrun.moc"
