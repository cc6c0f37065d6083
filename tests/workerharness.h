#pragma once

// A started WorkerClient for suites that drive a real torchscope-worker: every answer it gave, by request id,
// and the order of events. Header-only; the including suite defines TORCHSCOPE_WORKER.

#include "data/archiveinfo.h"
#include "data/irgraph.h"
#include "data/moduleinfo.h"
#include "data/result.h"
#include "data/tensorstats.h"
#include "worker/workerclient.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTest>

#include <memory>

namespace torchscope::test {

inline constexpr int kGuardMs = 60000;

inline QString workerPath() { return QStringLiteral(TORCHSCOPE_WORKER); }

// One answer a client gave.
struct Answer {
    enum Kind { Opened, Text, Graph, Stats, Record, Failed } kind = Failed;
    ArchiveInfo info;
    ModuleTree modules;
    QString text;
    IrGraph graph;
    TensorStats stats;
    QString name;
    QByteArray bytes;
    Error error;
};

inline const char* kindName(Answer::Kind kind)
{
    switch (kind) {
    case Answer::Opened:
        return "opened";
    case Answer::Text:
        return "textReady";
    case Answer::Graph:
        return "graphReady";
    case Answer::Stats:
        return "tensorStatsReady";
    case Answer::Record:
        return "recordReady";
    case Answer::Failed:
        return "failed";
    }
    return "?";
}

// A started client and everything it emitted, answers by request id and the order of events.
class Worker {
public:
    explicit Worker(const QString& executable = workerPath(), bool start = true)
        : client(std::make_unique<WorkerClient>(executable))
    {
        WorkerClient* c = client.get();
        QObject::connect(c, &WorkerClient::ready, &m_context, [this] { events.append(QStringLiteral("ready")); });
        QObject::connect(c, &WorkerClient::pong, &m_context, [this] { ++pongs; });
        QObject::connect(c, &WorkerClient::opened, &m_context,
            [this](quint64 id, const ArchiveInfo& info, const ModuleTree& modules) {
                Answer a;
                a.kind = Answer::Opened;
                a.info = info;
                a.modules = modules;
                add(id, a);
            });
        QObject::connect(c, &WorkerClient::textReady, &m_context, [this](quint64 id, const QString& text) {
            Answer a;
            a.kind = Answer::Text;
            a.text = text;
            add(id, a);
        });
        QObject::connect(c, &WorkerClient::graphReady, &m_context, [this](quint64 id, const IrGraph& graph) {
            Answer a;
            a.kind = Answer::Graph;
            a.graph = graph;
            add(id, a);
        });
        QObject::connect(c, &WorkerClient::tensorStatsReady, &m_context, [this](quint64 id, const TensorStats& stats) {
            Answer a;
            a.kind = Answer::Stats;
            a.stats = stats;
            add(id, a);
        });
        QObject::connect(c, &WorkerClient::recordReady, &m_context,
            [this](quint64 id, const QString& name, const QByteArray& bytes) {
                Answer a;
                a.kind = Answer::Record;
                a.name = name;
                a.bytes = bytes;
                add(id, a);
            });
        QObject::connect(c, &WorkerClient::failed, &m_context, [this](quint64 id, const Error& error) {
            Answer a;
            a.kind = Answer::Failed;
            a.error = error;
            add(id, a);
        });
        QObject::connect(c, &WorkerClient::died, &m_context, [this](const QString& reason) {
            ++deaths;
            deathReason = reason;
            events.append(QStringLiteral("died"));
        });
        if (start)
            client->start();
    }

    // Runs the event loop until `id` is answered or the worker died. False when there is no answer.
    bool wait(quint64 id)
    {
        return QTest::qWaitFor([&] { return answers.contains(id) || deaths > 0; }, kGuardMs) && answers.contains(id);
    }
    bool waitReady()
    {
        return QTest::qWaitFor([&] { return client->state() != WorkerClient::State::Starting; }, kGuardMs)
            && client->state() == WorkerClient::State::Ready;
    }
    bool waitDied()
    {
        return QTest::qWaitFor([&] { return deaths > 0; }, kGuardMs);
    }

    // What went wrong when an answer is missing or of the wrong kind, for QVERIFY2.
    QByteArray why(quint64 id, Answer::Kind expected) const
    {
        if (!answers.contains(id))
            return deaths ? "the worker died: " + deathReason.toUtf8() : QByteArray("no answer within the hang guard");
        const Answer& a = answers[id];
        if (a.kind == Answer::Failed)
            return "failed: " + QByteArray::fromStdString(a.error.message);
        return QByteArray("expected ") + kindName(expected) + ", got " + kindName(a.kind);
    }

    std::unique_ptr<WorkerClient> client;
    QHash<quint64, Answer> answers;
    QStringList events; // "ready", "answer <id>", "died"
    int pongs = 0;
    int deaths = 0;
    QString deathReason;

private:
    void add(quint64 id, const Answer& a)
    {
        if (answers.contains(id))
            events.append(QStringLiteral("duplicate %1").arg(id));
        answers.insert(id, a);
        events.append(QStringLiteral("answer %1").arg(id));
    }

    QObject m_context; // destroyed first: no lambda runs on a half-destroyed Worker
};

#define ANSWERED(worker, id, expected)                                                                                 \
    do {                                                                                                               \
        const quint64 id_ = (id);                                                                                      \
        QVERIFY(id_ != 0);                                                                                             \
        QVERIFY2(                                                                                                      \
            (worker).wait(id_) && (worker).answers[id_].kind == (expected), (worker).why(id_, expected).constData());  \
    } while (false)

} // namespace torchscope::test
