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
    startSpare();
    return taken;
}

void WorkerPool::setWorkerExecutable(const QString& path)
{
    if (path == m_executable)
        return;
    m_executable = path;
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
