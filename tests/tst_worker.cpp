// torchscope-worker with WorkerClient and WorkerPool, end to end: real worker processes over real local
// sockets. Every wait below is a hang guard (kGuardMs), never a measurement: nothing here asserts how long
// anything takes.

#include "testsupport.h"
#include "workerharness.h"

#include "worker/codec.h"
#include "worker/protocol.h"
#include "worker/workerclient.h"
#include "worker/workerpool.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

quint64 requestText(WorkerClient& client, const ExpectedText& expected)
{
    switch (expected.kind) {
    case TextKind::ClassCode:
        return client.classCode(expected.modulePath);
    case TextKind::Code:
        return client.methodCode(expected.modulePath, expected.method);
    case TextKind::Graph:
        return client.graphText(expected.modulePath, expected.method, false, true);
    case TextKind::GraphNoSource:
        return client.graphText(expected.modulePath, expected.method, false, false);
    case TextKind::Inlined:
        return client.graphText(expected.modulePath, expected.method, true, true);
    }
    return 0;
}

// The tree against modules.tsv (Python's named_modules()); empty when they agree.
QString compareModules(const ModuleTree& tree, const QString& stem)
{
    const QList<ModuleRow> rows = expectedModules(stem);
    if (rows.isEmpty() || int(tree.modules.size()) != rows.size())
        return QStringLiteral("%1 modules, modules.tsv lists %2").arg(tree.modules.size()).arg(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const ModuleInfo& m = tree.modules[size_t(i)];
        QStringList methods;
        for (const MethodInfo& method : m.methods)
            methods.append(toQString(method.name));
        if (toQString(m.path) != rows[i].path || toQString(m.originalName) != rows[i].originalName
            || toQString(m.qualifiedType) != rows[i].qualifiedType || methods != rows[i].methods)
            return QStringLiteral("module %1 ('%2') differs from modules.tsv").arg(i).arg(rows[i].path);
    }
    return {};
}

// Statistics computed here, independently of the engine: two-pass, unbiased (n - 1) std.
struct Expected {
    qint64 numel = 0;
    double min = 0, max = 0, mean = 0, std = 0;
    qint64 zeros = 0;
};

Expected statsOfFloats(const QByteArray& raw)
{
    QList<double> v;
    for (qsizetype at = 0; at + 4 <= raw.size(); at += 4) {
        const quint32 bits = qFromLittleEndian<quint32>(raw.constData() + at); // torch.save writes little-endian
        float f;
        std::memcpy(&f, &bits, sizeof f);
        v.append(double(f));
    }
    Expected e;
    e.numel = v.size();
    e.min = *std::min_element(v.cbegin(), v.cend());
    e.max = *std::max_element(v.cbegin(), v.cend());
    double sum = 0;
    for (double x : v) {
        sum += x;
        e.zeros += x == 0 ? 1 : 0;
    }
    e.mean = sum / double(v.size());
    double squares = 0;
    for (double x : v)
        squares += (x - e.mean) * (x - e.mean);
    e.std = std::sqrt(squares / double(v.size() - 1));
    return e;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

// A stand-in for torchscope-worker that does nothing but run: the test plays the worker on the socket.
// It writes the server name it was given next to itself, where the test picks it up.
QString writeFakeWorker(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("fake-worker"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\nprintf '%s' \"$2\" > \"$0.name\"\nexec sleep 600\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class TestWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(workerPath()).isExecutable(), qPrintable(workerPath()));
        QVERIFY(QFileInfo::exists(fixture(QStringLiteral("mycell_traced")).path));
    }

    void opensAndAnswersLikePython()
    {
        Worker w;
        const Fixture f = fixture(QStringLiteral("mycell_traced"));
        const quint64 openId = w.client->open(f.path);
        ANSWERED(w, openId, Answer::Opened);
        QCOMPARE(w.client->state(), WorkerClient::State::Ready);
        QVERIFY(w.client->processId() > 0);
        QVERIFY(!w.client->libtorchVersion().isEmpty());
        const Answer& opened = w.answers[openId];
        QCOMPARE(toQString(opened.info.path), f.path);
        const QString modules = compareModules(opened.modules, f.stem);
        QVERIFY2(modules.isEmpty(), qPrintable(modules));

        // All requests at once: the worker answers them in order, each with its own id.
        const QList<ExpectedText> texts = expectedTexts(f.stem);
        QVERIFY(texts.size() >= 10);
        QList<quint64> ids;
        for (const ExpectedText& t : texts)
            ids.append(requestText(*w.client, t));
        QCOMPARE(w.client->pendingCount(), texts.size());
        for (int i = 0; i < texts.size(); ++i) {
            ANSWERED(w, ids[i], Answer::Text);
            QVERIFY2(w.answers[ids[i]].text.toUtf8() == readBytes(texts[i].file), qPrintable(texts[i].tag()));
        }
        QCOMPARE(w.client->pendingCount(), 0);

        const quint64 graphId = w.client->graph(QString(), QStringLiteral("forward"), true);
        ANSWERED(w, graphId, Answer::Graph);
        const IrGraph& graph = w.answers[graphId].graph;
        QVERIFY(graph.inlined);
        QCOMPARE(toQString(graph.method), QStringLiteral("forward"));
        QVERIFY(!graph.nodes.empty());

        QCOMPARE(w.deaths, 0);
        QCOMPARE(w.events.count(QStringLiteral("ready")), 1);
    }

    void requestsBeforeReadyAreDelivered()
    {
        Worker w(workerPath(), false);
        QCOMPARE(w.client->state(), WorkerClient::State::Starting);
        const quint64 openId = w.client->open(fixture(QStringLiteral("mycell_traced")).path);
        const quint64 codeId = w.client->methodCode(QStringLiteral("linear"), QStringLiteral("forward"));
        w.client->ping();
        QVERIFY(openId != 0 && codeId != 0 && openId != codeId);
        QCOMPARE(w.client->pendingCount(), 2);
        w.client->start();
        QCOMPARE(w.client->state(), WorkerClient::State::Starting);

        ANSWERED(w, openId, Answer::Opened);
        ANSWERED(w, codeId, Answer::Text);
        QCOMPARE(w.answers[codeId].text.toUtf8(),
            readBytes(expectedDir(QStringLiteral("mycell_traced")) + QStringLiteral("/linear/forward.code.txt")));
        QVERIFY(QTest::qWaitFor([&] { return w.pongs == 1; }, kGuardMs));
        QCOMPARE(w.events.value(0), QStringLiteral("ready"));
        QCOMPARE(w.events.count(QStringLiteral("ready")), 1);
    }

    void twoClientsAtOnce()
    {
        Worker a;
        Worker b;
        const Fixture wraprnn = fixture(QStringLiteral("wraprnn"));
        const QByteArray bytes = readBytes(wraprnn.path);
        QVERIFY(!bytes.isEmpty());
        const quint64 openA = a.client->open(fixture(QStringLiteral("mycell_traced")).path);
        const quint64 openB = b.client->openBytes(bytes, QStringLiteral("wraprnn (in memory)"));
        const quint64 codeA = a.client->methodCode(QString(), QStringLiteral("forward"));
        const quint64 codeB = b.client->methodCode(QString(), QStringLiteral("forward"));
        ANSWERED(a, openA, Answer::Opened);
        ANSWERED(b, openB, Answer::Opened);
        ANSWERED(a, codeA, Answer::Text);
        ANSWERED(b, codeB, Answer::Text);
        QVERIFY(a.client->processId() != b.client->processId());

        QCOMPARE(toQString(b.answers[openB].info.path), QStringLiteral("wraprnn (in memory)"));
        QCOMPARE(b.answers[openB].info.fileSize, quint64(bytes.size()));
        const QString modules = compareModules(b.answers[openB].modules, wraprnn.stem);
        QVERIFY2(modules.isEmpty(), qPrintable(modules));
        QCOMPARE(a.answers[codeA].text.toUtf8(),
            readBytes(expectedDir(QStringLiteral("mycell_traced")) + QStringLiteral("/_root/forward.code.txt")));
        QCOMPARE(b.answers[codeB].text.toUtf8(),
            readBytes(expectedDir(wraprnn.stem) + QStringLiteral("/_root/forward.code.txt")));
    }

    void failuresAreAnswersAndTheWorkerStaysUsable()
    {
        Worker w;
        const quint64 early = w.client->methodCode(QString(), QStringLiteral("forward"));
        ANSWERED(w, early, Answer::Failed);
        QCOMPARE(w.answers[early].error.kind, ErrorKind::InvalidArgument);

        const quint64 openId = w.client->open(fixture(QStringLiteral("mycell_traced")).path);
        ANSWERED(w, openId, Answer::Opened);

        const QString checkpoint = dataPath(QStringLiteral("checkpoint.pt"));
        const quint64 bad = w.client->open(checkpoint);
        ANSWERED(w, bad, Answer::Failed);
        const Error& error = w.answers[bad].error;
        QCOMPARE(error.kind, ErrorKind::Checkpoint);
        QVERIFY2(toQString(error.message).contains(checkpoint), error.message.c_str());

        const quint64 noModule = w.client->classCode(QStringLiteral("nosuch"));
        const quint64 noMethod = w.client->methodCode(QStringLiteral("linear"), QStringLiteral("backward"));
        const quint64 noRecord = w.client->record(QStringLiteral("data/99"));
        const quint64 badLibrary = w.client->open(
            fixture(QStringLiteral("mycell_traced")).path, { dataPath(QStringLiteral("no-such-library.so")) });
        ANSWERED(w, noModule, Answer::Failed);
        ANSWERED(w, noMethod, Answer::Failed);
        ANSWERED(w, noRecord, Answer::Failed);
        ANSWERED(w, badLibrary, Answer::Failed);
        QCOMPARE(w.answers[noModule].error.kind, ErrorKind::NoSuchModule);
        QCOMPARE(w.answers[noMethod].error.kind, ErrorKind::NoSuchMethod);
        QCOMPARE(w.answers[noRecord].error.kind, ErrorKind::NoSuchRecord);
        QCOMPARE(w.answers[badLibrary].error.kind, ErrorKind::LibraryFailed);

        // The archive opened first is still there.
        const quint64 code = w.client->methodCode(QString(), QStringLiteral("forward"));
        ANSWERED(w, code, Answer::Text);
        QCOMPARE(w.answers[code].text.toUtf8(),
            readBytes(expectedDir(QStringLiteral("mycell_traced")) + QStringLiteral("/_root/forward.code.txt")));
        QCOMPARE(w.client->state(), WorkerClient::State::Ready);
        QCOMPARE(w.deaths, 0);
    }

    void tensorStatsMatchTheStoredBytes()
    {
        // The same tensors by a second route: their raw storage records (float32, little-endian), summarised
        // here. In mycell_traced, linear.weight (4x4) is the only 64-byte storage and linear.bias the 16-byte one.
        Worker w;
        ANSWERED(w, w.client->open(fixture(QStringLiteral("mycell_traced")).path), Answer::Opened);
        const quint64 weightId = w.client->tensorStats(QStringLiteral("linear"), QStringLiteral("weight"));
        const quint64 biasId = w.client->tensorStats(QStringLiteral("linear"), QStringLiteral("bias"));
        const quint64 data0 = w.client->record(QStringLiteral("data/0"));
        const quint64 data1 = w.client->record(QStringLiteral("data/1"));
        ANSWERED(w, weightId, Answer::Stats);
        ANSWERED(w, biasId, Answer::Stats);
        ANSWERED(w, data0, Answer::Record);
        ANSWERED(w, data1, Answer::Record);
        QCOMPARE(w.answers[data0].name, QStringLiteral("data/0"));
        QHash<qsizetype, QByteArray> bySize;
        bySize.insert(w.answers[data0].bytes.size(), w.answers[data0].bytes);
        bySize.insert(w.answers[data1].bytes.size(), w.answers[data1].bytes);
        QVERIFY(bySize.contains(64) && bySize.contains(16));

        const struct {
            quint64 id;
            QByteArray raw;
            std::vector<std::int64_t> shape;
        } cases[] = { { weightId, bySize[64], { 4, 4 } }, { biasId, bySize[16], { 4 } } };
        for (const auto& c : cases) {
            const TensorStats& s = w.answers[c.id].stats;
            const Expected e = statsOfFloats(c.raw);
            QVERIFY(s.valid);
            QCOMPARE(s.dtype, std::string("float32"));
            QCOMPARE(s.shape, c.shape);
            QCOMPARE(s.numel, e.numel);
            QCOMPARE(s.min, e.min); // float -> double is exact
            QCOMPARE(s.max, e.max);
            QVERIFY2(close(s.mean, e.mean), qPrintable(QStringLiteral("%1 vs %2").arg(s.mean).arg(e.mean)));
            QVERIFY2(close(s.std, e.std), qPrintable(QStringLiteral("%1 vs %2").arg(s.std).arg(e.std)));
            QVERIFY(s.std > 0);
            QCOMPARE(s.zeros, e.zeros);
            QCOMPARE(s.nans, 0);
            QCOMPARE(s.infs, 0);
        }
    }

    void tensorStatsSetNonFiniteValuesApart()
    {
        // mycell_traced rebuilt with linear.bias (its 16-byte storage) replaced by [NaN, +Inf, -0.0, 2.5]:
        // the records come from the worker, the zip from the test's own writer.
        Worker w;
        const quint64 openId = w.client->open(fixture(QStringLiteral("mycell_traced")).path);
        ANSWERED(w, openId, Answer::Opened);
        const QString folder = toQString(w.answers[openId].info.archiveName);
        const QStringList names = expectedRecords(QStringLiteral("mycell_traced"));
        QList<quint64> ids;
        for (const QString& name : names)
            ids.append(w.client->record(name));
        const float values[]
            = { std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(), -0.0f, 2.5f };
        QByteArray bias;
        for (float f : values) {
            quint32 bits;
            std::memcpy(&bits, &f, sizeof bits);
            char le[4];
            qToLittleEndian(bits, le);
            bias.append(le, 4);
        }
        QList<QPair<QString, QByteArray>> entries;
        bool replaced = false;
        for (int i = 0; i < names.size(); ++i) {
            ANSWERED(w, ids[i], Answer::Record);
            QByteArray bytes = w.answers[ids[i]].bytes;
            if (names[i].startsWith(QLatin1String("data/")) && bytes.size() == 16) {
                bytes = bias;
                replaced = true;
            }
            entries.append({ folder + QLatin1Char('/') + names[i], bytes });
        }
        QVERIFY(replaced);

        const quint64 reopened = w.client->openBytes(makeStoredZip(entries), QStringLiteral("edited mycell"));
        ANSWERED(w, reopened, Answer::Opened);
        const quint64 statsId = w.client->tensorStats(QStringLiteral("linear"), QStringLiteral("bias"));
        ANSWERED(w, statsId, Answer::Stats);
        const TensorStats& s = w.answers[statsId].stats;
        QVERIFY(s.valid);
        QCOMPARE(s.numel, 4);
        QCOMPARE(s.nans, 1);
        QCOMPARE(s.infs, 1);
        QCOMPARE(s.zeros, 1); // -0.0 counts as zero
        QCOMPARE(s.min, 0.0);
        QCOMPARE(s.max, 2.5);
        QCOMPARE(s.mean, 1.25);
        QCOMPARE(s.std, std::sqrt(2 * 1.25 * 1.25)); // unbiased: divides by n - 1 = 1
    }

    void tensorStatsOfKnownValues()
    {
        // multi_method (make_fixtures.py): block.inner.running = zeros(4), block.gain = ones(4),
        // steps = zeros(2, int64), count = 3 (an int attribute).
        Worker w;
        ANSWERED(w, w.client->open(fixture(QStringLiteral("multi_method")).path), Answer::Opened);
        const quint64 running = w.client->tensorStats(QStringLiteral("block.inner"), QStringLiteral("running"));
        const quint64 gain = w.client->tensorStats(QStringLiteral("block"), QStringLiteral("gain"));
        const quint64 steps = w.client->tensorStats(QString(), QStringLiteral("steps"));
        const quint64 count = w.client->tensorStats(QString(), QStringLiteral("count"));
        const quint64 missing = w.client->tensorStats(QString(), QStringLiteral("nosuch"));
        const quint64 submodule = w.client->tensorStats(QString(), QStringLiteral("block"));
        const quint64 noModule = w.client->tensorStats(QStringLiteral("nosuch"), QStringLiteral("weight"));
        for (quint64 id : { running, gain, steps, count })
            ANSWERED(w, id, Answer::Stats);
        for (quint64 id : { missing, submodule, noModule })
            ANSWERED(w, id, Answer::Failed);

        const TensorStats& r = w.answers[running].stats;
        QVERIFY(r.valid);
        QCOMPARE(r.numel, 4);
        QCOMPARE(r.zeros, 4);
        QCOMPARE(r.min, 0.0);
        QCOMPARE(r.max, 0.0);
        QCOMPARE(r.mean, 0.0);
        QCOMPARE(r.std, 0.0);

        const TensorStats& g = w.answers[gain].stats;
        QVERIFY(g.valid);
        QCOMPARE(g.zeros, 0);
        QCOMPARE(g.min, 1.0);
        QCOMPARE(g.max, 1.0);
        QCOMPARE(g.mean, 1.0);
        QCOMPARE(g.std, 0.0);

        const TensorStats& s = w.answers[steps].stats;
        QVERIFY(s.valid);
        QCOMPARE(s.dtype, std::string("int64"));
        QCOMPARE(s.shape, std::vector<std::int64_t>({ 2 }));
        QCOMPARE(s.zeros, 2);

        QVERIFY(!w.answers[count].stats.valid);

        QCOMPARE(w.answers[missing].error.kind, ErrorKind::InvalidArgument);
        QVERIFY(w.answers[missing].error.message.find("'nosuch'") != std::string::npos);
        QVERIFY(w.answers[missing].error.message.find("steps") != std::string::npos); // lists what there is
        QCOMPARE(w.answers[submodule].error.kind, ErrorKind::InvalidArgument);
        QCOMPARE(w.answers[noModule].error.kind, ErrorKind::NoSuchModule);
    }

    void killedWorkerDiesAloneAndDropsItsRequests()
    {
        Worker victim;
        Worker bystander;
        ANSWERED(victim, victim.client->open(fixture(QStringLiteral("mycell_traced")).path), Answer::Opened);
        ANSWERED(bystander, bystander.client->open(fixture(QStringLiteral("wraprnn")).path), Answer::Opened);

        const quint64 pending = victim.client->graph(QString(), QStringLiteral("forward"), true);
        QVERIFY(pending != 0);
        QCOMPARE(victim.client->pendingCount(), 1);
        victim.client->kill();
        QVERIFY(victim.waitDied());
        QVERIFY2(victim.deathReason.contains(QLatin1String("signal 9")), qPrintable(victim.deathReason));
        QCOMPARE(victim.client->deathReason(), victim.deathReason);
        QCOMPARE(victim.client->state(), WorkerClient::State::Dead);
        QCOMPARE(victim.client->pendingCount(), 0);
        QCOMPARE(victim.client->methodCode(QString(), QStringLiteral("forward")), quint64(0));
        QCOMPARE(victim.client->pendingCount(), 0);

        // The other worker still answers, and while the loop ran the dead one emitted nothing more.
        const quint64 code = bystander.client->methodCode(QString(), QStringLiteral("forward"));
        ANSWERED(bystander, code, Answer::Text);
        QCOMPARE(bystander.answers[code].text.toUtf8(),
            readBytes(expectedDir(QStringLiteral("wraprnn")) + QStringLiteral("/_root/forward.code.txt")));
        bystander.client->ping();
        QVERIFY(QTest::qWaitFor([&] { return bystander.pongs == 1; }, kGuardMs));
        QCOMPARE(victim.deaths, 1);
        QVERIFY(!victim.answers.contains(pending));
        QCOMPARE(bystander.deaths, 0);
    }

    void shutdownEndsTheProcessQuietly()
    {
        Worker w;
        QVERIFY(w.waitReady());
        QVERIFY(w.client->processId() > 0);
        w.client->shutdown();
        QCOMPARE(w.client->state(), WorkerClient::State::Dead);
        QCOMPARE(w.client->open(fixture(QStringLiteral("mycell_traced")).path), quint64(0));
        // processId() turns 0 once the process has ended.
        QVERIFY(QTest::qWaitFor([&] { return w.client->processId() == 0; }, kGuardMs));
        QCOMPARE(w.deaths, 0);
    }

    void workerExitsWhenTheAppGoesAway_data()
    {
        // How the app leaves: it closes the socket, or says Shutdown, perhaps while a request runs.
        QTest::addColumn<QByteArray>("goodbye");
        QTest::addColumn<bool>("close");
        QTest::newRow("socket closed") << QByteArray() << true;
        QTest::newRow("shutdown") << frame({ MessageType::Shutdown, 8, encodeShutdown() }) << false;
        QTest::newRow("shutdown while busy")
            << frame({ MessageType::Open, 8, encodeOpen(toStd(fixture(QStringLiteral("wraprnn")).path), {}) })
                + frame({ MessageType::Shutdown, 9, encodeShutdown() })
            << false;
    }

    // The worker on its own, driven by hand over a QLocalServer the test owns.
    void workerExitsWhenTheAppGoesAway()
    {
        QFETCH(QByteArray, goodbye);
        QFETCH(bool, close);
        QLocalServer server;
        const QString name = QStringLiteral("tst_worker-%1").arg(QCoreApplication::applicationPid());
        QLocalServer::removeServer(name);
        QVERIFY2(server.listen(name), qPrintable(server.errorString()));
        QProcess process;
        process.start(workerPath(), { QStringLiteral("--server"), name });
        QVERIFY(process.waitForStarted(kGuardMs));
        QSignalSpy connected(&server, &QLocalServer::newConnection);
        QVERIFY(server.hasPendingConnections() || connected.wait(kGuardMs));
        QLocalSocket* socket = server.nextPendingConnection();
        QVERIFY(socket);

        // It speaks the protocol: Hello is answered with the version, LibTorch's version and its pid.
        socket->write(frame({ MessageType::Hello, 7, encodeHello() }));
        FrameReader reader;
        Message reply;
        QVERIFY(QTest::qWaitFor(
            [&] {
                reader.append(socket->readAll());
                return reader.next(reply) || reader.hasError();
            },
            kGuardMs));
        QCOMPARE(reply.type, MessageType::HelloReply);
        QCOMPARE(reply.requestId, quint64(7));
        quint16 version = 0;
        std::string libtorch;
        qint64 pid = 0;
        QVERIFY(decodeHelloReply(reply.payload, version, libtorch, pid));
        QCOMPARE(version, kProtocolVersion);
        QVERIFY(!libtorch.empty());
        QCOMPARE(pid, process.processId());

        if (!goodbye.isEmpty()) {
            socket->write(goodbye);
            socket->flush();
        }
        if (close) {
            delete socket;
            server.close();
        }
        QVERIFY(process.waitForFinished(30000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit,
            qPrintable(QStringLiteral("signal %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(errors))));
        QCOMPARE(process.exitCode(), 0);
        // Nothing on stdout: that channel belongs to LibTorch's chatter, redirected to stderr.
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
    }

    void processThatExitsOrNeverStartsIsReported()
    {
#ifndef Q_OS_UNIX
        QSKIP("uses /bin/false");
#endif
        Worker exits(QStringLiteral("/bin/false"));
        const quint64 queued = exits.client->open(fixture(QStringLiteral("mycell_traced")).path);
        QVERIFY(queued != 0);
        QVERIFY(exits.waitDied());
        QVERIFY2(exits.deathReason.contains(QLatin1String("exited with code 1")), qPrintable(exits.deathReason));
        QCOMPARE(exits.client->pendingCount(), 0);
        QVERIFY(!exits.answers.contains(queued));

        const QString missing = dataPath(QStringLiteral("no-such-worker"));
        Worker absent(missing);
        QCOMPARE(absent.client->state(), WorkerClient::State::Starting); // died() comes after start() returns
        QVERIFY(absent.waitDied());
        QVERIFY2(absent.deathReason.contains(missing), qPrintable(absent.deathReason));
        QCOMPARE(absent.client->state(), WorkerClient::State::Dead);
    }

    void peerThatBreaksTheProtocolIsDropped_data()
    {
        // What the stand-in worker answers the client's Hello with: raw bytes, or a frame of `type` with
        // `payload` for the Hello's id (or `requestId`), stamped with `frameVersion`.
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<quint64>("requestId");
        QTest::addColumn<int>("frameVersion");
        QTest::addColumn<QString>("reason");
        const int hello = int(MessageType::HelloReply);
        const QByteArray goodHello = encodeHelloReply(kProtocolVersion, "1.13.1", 1);
        QTest::newRow("not a frame") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 0 << QByteArray() << quint64(0) << 0
                                     << QStringLiteral("malformed message");
        QTest::newRow("other frame version")
            << QByteArray() << hello << goodHello << quint64(0) << int(kProtocolVersion) + 1
            << QStringLiteral("protocol version %1").arg(int(kProtocolVersion) + 1);
        QTest::newRow("other hello version") << QByteArray() << hello << encodeHelloReply(9, "1.13.1", 1) << quint64(0)
                                             << int(kProtocolVersion) << QStringLiteral("protocol version 9");
        QTest::newRow("answer nobody asked for")
            << QByteArray() << int(MessageType::Text) << encodeText("x") << quint64(999) << int(kProtocolVersion)
            << QStringLiteral("request 999");
        QTest::newRow("unreadable hello reply") << QByteArray() << hello << QByteArray("xy") << quint64(0)
                                                << int(kProtocolVersion) << QStringLiteral("unreadable HelloReply");
    }

    void peerThatBreaksTheProtocolIsDropped()
    {
#ifndef Q_OS_UNIX
        QSKIP("the stand-in worker is a shell script");
#endif
        QFETCH(QByteArray, raw);
        QFETCH(int, type);
        QFETCH(QByteArray, payload);
        QFETCH(quint64, requestId);
        QFETCH(int, frameVersion);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fake = writeFakeWorker(dir);
        const QString nameFile = fake + QStringLiteral(".name");
        Worker w(fake);
        QVERIFY(QTest::qWaitFor([&] { return QFileInfo(nameFile).size() > 0 || w.deaths; }, kGuardMs));
        QCOMPARE(w.deaths, 0);
        const quint64 queued = w.client->classCode(QString());

        QLocalSocket socket;
        socket.connectToServer(QString::fromUtf8(readBytes(nameFile)));
        QVERIFY(socket.waitForConnected(kGuardMs));
        FrameReader reader;
        Message hello;
        QVERIFY(QTest::qWaitFor(
            [&] {
                reader.append(socket.readAll());
                return reader.next(hello);
            },
            kGuardMs));
        QCOMPARE(hello.type, MessageType::Hello);

        QByteArray answer = raw;
        if (answer.isEmpty()) {
            answer = frame({ MessageType(type), requestId ? requestId : hello.requestId, payload });
            qToBigEndian<quint16>(quint16(frameVersion), answer.data() + 8);
        }
        socket.write(answer);
        QVERIFY(w.waitDied());
        QVERIFY2(w.deathReason.contains(reason), qPrintable(w.deathReason));
        QCOMPARE(w.client->state(), WorkerClient::State::Dead);
        QCOMPARE(w.client->pendingCount(), 0);
        QVERIFY(!w.answers.contains(queued));
        // The client does not leave its broken worker running.
        QVERIFY(QTest::qWaitFor([&] { return w.client->processId() == 0; }, kGuardMs));
    }

    void poolHandsOutPrestartedWorkers()
    {
        WorkerPool pool(workerPath());
        QCOMPARE(pool.workerExecutable(), workerPath());
        WorkerClient* first = pool.spare();
        QVERIFY(first);
        std::unique_ptr<WorkerClient> a = pool.take();
        QCOMPARE(a.get(), first);
        QVERIFY(a->state() != WorkerClient::State::Dead);

        // The next spare waits until the taken worker has answered, so the two never compete while the user
        // waits; then it starts, and by the time it is taken it has long been running.
        QVERIFY(!pool.spare());
        QSignalSpy firstOpened(a.get(), &WorkerClient::opened);
        a->open(fixture(QStringLiteral("mycell_traced")).path);
        QVERIFY(firstOpened.wait(kGuardMs));
        WorkerClient* second = pool.spare();
        QVERIFY(second && second != first);
        QVERIFY(second->processId() > 0);
        QVERIFY(QTest::qWaitFor([&] { return second->state() != WorkerClient::State::Starting; }, kGuardMs));
        QCOMPARE(second->state(), WorkerClient::State::Ready);
        const qint64 pid = second->processId();
        std::unique_ptr<WorkerClient> b = pool.take();
        QCOMPARE(b.get(), second);
        QCOMPARE(b->state(), WorkerClient::State::Ready);
        QCOMPARE(b->processId(), pid);
        QVERIFY(a->processId() != b->processId());

        // Both work, with connections made after take().
        QSignalSpy openedA(a.get(), &WorkerClient::opened);
        QSignalSpy openedB(b.get(), &WorkerClient::opened);
        a->open(fixture(QStringLiteral("wraprnn")).path);
        b->open(fixture(QStringLiteral("wraprnn")).path);
        QVERIFY(openedA.count() == 1 || openedA.wait(kGuardMs));
        QVERIFY(openedB.count() == 1 || openedB.wait(kGuardMs));
        // Another take() always hands out a started worker.
        std::unique_ptr<WorkerClient> c = pool.take();
        QVERIFY(c && c->state() != WorkerClient::State::Dead && c->processId() != b->processId());
    }

    void poolWithAMissingExecutable()
    {
        WorkerPool pool(workerPath());
        const QString missing = dataPath(QStringLiteral("no-such-worker"));
        pool.setWorkerExecutable(missing);
        QCOMPARE(pool.spare()->workerExecutable(), missing);
        std::unique_ptr<WorkerClient> c = pool.take();
        QVERIFY(QTest::qWaitFor([&] { return c->state() == WorkerClient::State::Dead; }, kGuardMs));
        QVERIFY2(c->deathReason().contains(missing), qPrintable(c->deathReason()));
        QCOMPARE(c->open(fixture(QStringLiteral("mycell_traced")).path), quint64(0));

        // Found next to the application, in its libexec folder or on PATH, else not at all.
        const QString found = WorkerPool::defaultWorkerExecutable();
        QVERIFY(found.isEmpty() || QFileInfo(found).isExecutable());
    }
};

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
