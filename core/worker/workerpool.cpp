#include "workerpool.h"

#include "workerclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

// Where `install` puts torchscope-worker relative to the app binary; CMake passes the value derived from
// CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_LIBEXECDIR.
#ifndef TORCHSCOPE_LIBEXEC_FROM_BIN
#define TORCHSCOPE_LIBEXEC_FROM_BIN "../libexec/torchscope"
#endif

namespace torchscope {

WorkerPool::WorkerPool(QObject* parent)
    : WorkerPool(defaultWorkerExecutable(), parent)
{
}

WorkerPool::WorkerPool(const QString& workerExecutable, QObject* parent)
    : QObject(parent)
    , m_executable(workerExecutable)
{
    startSpare();
}

WorkerPool::~WorkerPool() = default;

std::unique_ptr<WorkerClient> WorkerPool::take()
{
    if (!m_spare || m_spare->state() == WorkerClient::State::Dead)
        startSpare();
    std::unique_ptr<WorkerClient> taken = std::move(m_spare);
    // A replacement starting now would compete for the CPU with the worker the user is waiting for (LibTorch
    // takes most of a second to load), so it starts once that worker has answered its first request, died,
    // or gone away. A take() before then starts one at once.
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    auto replace = [this, connections] {
        for (const auto& c : *connections)
            disconnect(c);
        if (!m_spare)
            startSpare();
    };
    WorkerClient* client = taken.get();
    *connections << connect(client, &WorkerClient::opened, this, replace)
                 << connect(client, &WorkerClient::failed, this, replace)
                 << connect(client, &WorkerClient::died, this, replace)
                 << connect(client, &QObject::destroyed, this, replace);
    return taken;
}

void WorkerPool::setWorkerExecutable(const QString& path)
{
    if (path == m_executable)
        return;
    m_executable = path;
    if (m_spare)
        startSpare();
}

void WorkerPool::startSpare()
{
    m_spare = std::make_unique<WorkerClient>(m_executable);
    m_spare->start();
}

QString WorkerPool::defaultWorkerExecutable()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("torchscope-worker.exe");
#else
    const QString name = QStringLiteral("torchscope-worker");
#endif
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString& candidate : { appDir.filePath(name),
             appDir.filePath(QLatin1String(TORCHSCOPE_LIBEXEC_FROM_BIN) + QLatin1Char('/') + name) }) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace torchscope
