#pragma once

#include "worker/protocol.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;
class QProcess;
class QTimer;

namespace torchscope {

// The app's end of one torchscope-worker process: starts it, talks to it over a QLocalSocket and turns
// its answers into signals. Never blocks the thread it lives on (the GUI thread, typically), except in
// the destructor, which kills the process and reaps it.
//
// Requests return a request id at once (never 0) and are answered later by exactly one signal carrying
// that id: the reply, or failed(). Requests made before ready() wait and go out when the worker is ready.
// The worker runs them one at a time, in order. A slot connected to any signal may delete this client
// (deleteLater() is the gentler choice).
//
// When the process ends without shutdown() — it crashed, was killed, exited, or broke the protocol —
// died() is emitted once with a reason for the user; every unanswered request is dropped without a
// signal, and later requests return 0 and do nothing. Restarting means a new WorkerClient.
class WorkerClient : public QObject {
    Q_OBJECT
public:
    enum class State {
        Starting, // start() not called yet, or the worker has not answered Hello
        Ready, // requests go out as they are made
        Dead // died() was emitted, or shutdown() was called
    };
    Q_ENUM(State)

    explicit WorkerClient(const QString& workerExecutable, QObject* parent = nullptr);
    ~WorkerClient() override;

    // Listens on a new, user-private local server, starts `workerExecutable --server NAME` and says
    // Hello; ready() follows the worker's answer. Failures arrive as died(). Calling it again does nothing.
    void start();

    State state() const { return m_state; }
    // Requests not yet answered (those still waiting for ready() included; pings excluded).
    int pendingCount() const { return int(m_pending.size()); }
    // The worker's pid once the process runs, else 0.
    qint64 processId() const;
    QString workerExecutable() const { return m_executable; }
    // The worker's LibTorch version ("1.13.1"), known from ready() on.
    QString libtorchVersion() const { return m_libtorchVersion; }
    // The reason died() gave; empty while the worker lives. For a client taken after it died.
    QString deathReason() const { return m_deathReason; }
    // The last few KB the process wrote to stdout and stderr (LibTorch's warnings, a custom op's abort).
    QString outputTail() const;

    // Loads `libraries` (operator .so files), then the archive; answered by opened() or failed(). A worker
    // holds one archive: a later open that succeeds replaces it, one that fails keeps it.
    quint64 open(const QString& path, const QStringList& libraries = {});
    // The archive from memory (a Qt resource); `displayName` stands for the path in messages. Archives of
    // 1 GiB or more cannot be sent: they are answered with failed() (open them by path).
    quint64 openBytes(const QByteArray& bytes, const QString& displayName, const QStringList& libraries = {});
    // Answered by textReady() or failed().
    quint64 methodCode(const QString& modulePath, const QString& method);
    quint64 classCode(const QString& modulePath);
    quint64 graphText(const QString& modulePath, const QString& method, bool inlined, bool sourceComments);
    // Answered by graphReady() or failed().
    quint64 graph(const QString& modulePath, const QString& method, bool inlined);
    // Answered by tensorStatsReady() or failed(); `slotName` as in ModuleInfo::members.
    quint64 tensorStats(const QString& modulePath, const QString& slotName);
    // One zip record by name relative to the archive folder; answered by recordReady() or failed().
    quint64 record(const QString& name);
    // The arguments of one method (self excluded) with their types, defaults and suggested specs;
    // answered by argumentSpecsReady() or failed().
    quint64 argumentSpecs(const QString& modulePath, const QString& method);
    // The devices a run can use now and whether the worker's LibTorch has CUDA; answered by devicesReady()
    // (needs no open archive).
    quint64 devices();
    // Runs a method in the worker (Archive::run); answered by runFinished() or failed(). A run cannot be
    // interrupted: kill() is the way to cancel one.
    quint64 run(const torchscope::RunRequest& request);
    // Compares this worker's archive (A) with the archive at `pathB`, which the worker opens too
    // (compareArchives on full tensors); answered by compareFinished() or failed().
    quint64 compare(const QString& pathB, const torchscope::CompareRequest& request);
    // Traces the method with the request's inputs (Archive::retrace); answered by textReady() with the
    // flattened graph's text, or failed().
    quint64 retrace(const torchscope::RunRequest& request);
    // The same, as values: answered by graphReady() or failed().
    quint64 retraceGraph(const torchscope::RunRequest& request);

    // Sends Hello; pong() follows, even while a long request runs (the worker answers Hello on its socket
    // thread). A liveness check for a QTimer in the app; the client itself keeps no clock.
    void ping();
    // SIGKILL: the way to cancel a request LibTorch cannot interrupt. died() follows.
    void kill();
    // Asks the worker to exit and forgets it: state() is Dead at once, pending requests are dropped and
    // died() is not emitted.
    void shutdown();

Q_SIGNALS:
    void ready();
    void pong();
    void opened(quint64 requestId, const torchscope::ArchiveInfo& info, const torchscope::ModuleTree& modules);
    void textReady(quint64 requestId, const QString& text);
    void graphReady(quint64 requestId, const torchscope::IrGraph& graph);
    void tensorStatsReady(quint64 requestId, const torchscope::TensorStats& stats);
    void recordReady(quint64 requestId, const QString& name, const QByteArray& bytes);
    void argumentSpecsReady(quint64 requestId, const std::vector<torchscope::ArgumentSpec>& specs);
    void devicesReady(quint64 requestId, const QStringList& devices, bool cudaBuild);
    void runFinished(quint64 requestId, const torchscope::RunResult& result);
    void compareFinished(quint64 requestId, const torchscope::CompareReport& report);
    void failed(quint64 requestId, const torchscope::Error& error);
    void died(const QString& reason);

private:
    // Sends (or, before ready(), queues) one request; `tooLarge` answers it with failed() instead.
    quint64 request(MessageType type, const QByteArray& payload, bool tooLarge = false);
    void send(const QByteArray& bytes);
    void onNewConnection();
    void onReadyRead();
    // Emits the signal that answers `message`; returns what was wrong with it when it breaks the protocol.
    QString deliver(const Message& message);
    QString protocolFailure() const;
    QString versionMismatch(quint16 version) const;
    void onProcessFinished(int exitCode, bool crashed);
    void onSocketLost();
    void readOutput();
    void die(const QString& reason);

    QString m_executable;
    State m_state = State::Starting;
    bool m_started = false;
    bool m_killRequested = false;
    QLocalServer* m_server = nullptr;
    QLocalSocket* m_socket = nullptr;
    QProcess* m_process = nullptr;
    QTimer* m_exitGrace = nullptr;
    FrameReader m_reader;
    QByteArray m_head; // the first bytes the worker sent: its protocol version, should the reader reject it
    quint64 m_nextId = 1;
    quint64 m_helloId = 0;
    QSet<quint64> m_pings;
    QHash<quint64, MessageType> m_pending; // request id -> request type
    QList<QByteArray> m_waiting; // frames made before ready()
    QByteArray m_output; // tail of the process's stdout + stderr
    QString m_libtorchVersion;
    QString m_deathReason;
};

} // namespace torchscope

Q_DECLARE_METATYPE(torchscope::ArchiveInfo)
Q_DECLARE_METATYPE(torchscope::ModuleTree)
Q_DECLARE_METATYPE(torchscope::IrGraph)
Q_DECLARE_METATYPE(torchscope::TensorStats)
Q_DECLARE_METATYPE(torchscope::Error)
Q_DECLARE_METATYPE(std::vector<torchscope::ArgumentSpec>)
Q_DECLARE_METATYPE(torchscope::RunResult)
Q_DECLARE_METATYPE(torchscope::CompareReport)
