#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace torchscope {

class WorkerClient;

// Keeps one started torchscope-worker in reserve, so opening a model does not wait for a process to start
// and LibTorch to load. The spare starts when the pool is made, and again once a taken worker has answered
// its first request (so the two do not compete for the CPU while the user waits).
class WorkerPool : public QObject {
    Q_OBJECT
public:
    // Uses defaultWorkerExecutable().
    explicit WorkerPool(QObject* parent = nullptr);
    explicit WorkerPool(const QString& workerExecutable, QObject* parent = nullptr);
    ~WorkerPool() override;

    // The spare, started (perhaps not ready yet: requests made now wait for it); the next spare starts when
    // this one answers its first request, dies or is destroyed.
    // The caller owns it; signals it emitted while spare (ready()) are past, so check state(). A spare that
    // died on its own is replaced, not handed out; a client that cannot start at all (a missing
    // executable) is handed out and reports Dead with its deathReason() soon after.
    std::unique_ptr<WorkerClient> take();

    // Replaces the spare when the path changes.
    void setWorkerExecutable(const QString& path);
    QString workerExecutable() const { return m_executable; }

    // The worker the next take() returns (for status displays and tests); owned by the pool.
    // Null between a take() and the taken worker's first answer.
    WorkerClient* spare() const { return m_spare.get(); }

    // torchscope-worker next to the application binary (the build tree), then in the installed libexec
    // folder relative to it (../libexec/torchscope/ by default), then on PATH; empty when none is found.
    static QString defaultWorkerExecutable();

private:
    void startSpare();

    QString m_executable;
    std::unique_ptr<WorkerClient> m_spare;
};

} // namespace torchscope
