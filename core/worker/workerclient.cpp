#include "workerclient.h"

#include "worker/codec.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>
#include <QtEndian>

#include <utility>

#ifdef Q_OS_UNIX
#include <cstring>
#endif

namespace torchscope {
namespace {

    // Enough of LibTorch's last words (an abort message, a CUDA error) for a crash report.
    constexpr qsizetype kOutputTailBytes = 4096;
    // How long a worker that closed its socket may take to exit before it is stopped. Generous: a crashing
    // process may still be writing its core dump, and its exit status is the better explanation.
    constexpr int kExitGraceMs = 30000;
    // The destructor's only wait: reaping a process it has just sent SIGKILL.
    constexpr int kReapMs = 5000;

    void registerMetaTypes()
    {
        static const bool registered = [] {
            qRegisterMetaType<ArchiveInfo>();
            qRegisterMetaType<ModuleTree>();
            qRegisterMetaType<IrGraph>();
            qRegisterMetaType<TensorStats>();
            qRegisterMetaType<Error>();
            qRegisterMetaType<std::vector<ArgumentSpec>>();
            qRegisterMetaType<RunResult>();
            qRegisterMetaType<CompareReport>();
            return true;
        }();
        Q_UNUSED(registered);
    }

    std::vector<std::string> fileNames(const QStringList& paths)
    {
        std::vector<std::string> out;
        out.reserve(size_t(paths.size()));
        for (const QString& path : paths)
            out.push_back(QFile::encodeName(path).toStdString());
        return out;
    }

    QString signalName(int signal)
    {
#ifdef Q_OS_UNIX
        if (const char* name = ::strsignal(signal))
            return QString::fromLocal8Bit(name);
#endif
        return {};
    }

} // namespace

WorkerClient::WorkerClient(const QString& workerExecutable, QObject* parent)
    : QObject(parent)
    , m_executable(workerExecutable)
{
    registerMetaTypes();
}

WorkerClient::~WorkerClient()
{
    if (m_socket)
        m_socket->disconnect(this);
    if (m_process) {
        m_process->disconnect(this); // no died() from a client being destroyed
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(kReapMs);
        }
    }
}

void WorkerClient::start()
{
    if (m_started || m_state == State::Dead)
        return;
    m_started = true;

    // died() after start() has returned, even for failures found inside it, so callers can connect late.
    const auto dieLater = [this](const QString& reason) {
        QMetaObject::invokeMethod(
            this, [this, reason] { die(reason); }, Qt::QueuedConnection);
    };

    m_server = new QLocalServer(this);
    // Only processes of this user may connect; the name is random so two apps (or tests) never collide.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString name = QStringLiteral("torchscope-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    connect(m_server, &QLocalServer::newConnection, this, &WorkerClient::onNewConnection);
    if (!m_server->listen(name)) {
        dieLater(tr("The worker process could not be started: no local connection could be opened (%1).")
                     .arg(m_server->errorString()));
        return;
    }

    m_process = new QProcess(this);
    m_process->setProgram(m_executable);
    m_process->setArguments({ QStringLiteral("--server"), name });
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &WorkerClient::readOutput);
    connect(m_process, &QProcess::errorOccurred, this, [this, dieLater](QProcess::ProcessError error) {
        // Other errors (Crashed, ReadError...) come with finished(), which explains them better.
        if (error == QProcess::FailedToStart)
            dieLater(
                tr("The worker process '%1' could not be started: %2.").arg(m_executable, m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onProcessFinished(exitCode, status == QProcess::CrashExit);
    });
    m_exitGrace = new QTimer(this);
    m_exitGrace->setSingleShot(true);
    m_exitGrace->setInterval(kExitGraceMs);
    connect(m_exitGrace, &QTimer::timeout, this, [this] {
        if (m_state != State::Dead && m_process->state() != QProcess::NotRunning)
            die(tr("The worker process closed its connection but did not exit; it was stopped."));
    });
    m_process->start();
}

qint64 WorkerClient::processId() const { return m_process ? m_process->processId() : 0; }

QString WorkerClient::outputTail() const
{
    // The tail may begin inside a UTF-8 sequence: skip its continuation bytes.
    qsizetype start = 0;
    while (start < m_output.size() && (uchar(m_output.at(start)) & 0xC0) == 0x80)
        ++start;
    return QString::fromUtf8(m_output.constData() + start, m_output.size() - start);
}

quint64 WorkerClient::open(const QString& path, const QStringList& libraries)
{
    return request(MessageType::Open, encodeOpen(QFile::encodeName(path).toStdString(), fileNames(libraries)));
}

quint64 WorkerClient::openBytes(const QByteArray& bytes, const QString& displayName, const QStringList& libraries)
{
    // Checked before encoding: no point copying a too-large archive into a payload nobody accepts.
    if (quint64(bytes.size()) > kMaxFrameLength - kFrameHeaderSize)
        return request(MessageType::OpenBytes, QByteArray(), true);
    return request(
        MessageType::OpenBytes, encodeOpenBytes(fromQString(displayName), bytes, fileNames(libraries)), false);
}

quint64 WorkerClient::methodCode(const QString& modulePath, const QString& method)
{
    return request(MessageType::MethodCode, encodeMethodCode(fromQString(modulePath), fromQString(method)));
}

quint64 WorkerClient::classCode(const QString& modulePath)
{
    return request(MessageType::ClassCode, encodeClassCode(fromQString(modulePath)));
}

quint64 WorkerClient::graphText(const QString& modulePath, const QString& method, bool inlined, bool sourceComments)
{
    return request(
        MessageType::GraphText, encodeGraphText(fromQString(modulePath), fromQString(method), inlined, sourceComments));
}

quint64 WorkerClient::graph(const QString& modulePath, const QString& method, bool inlined)
{
    return request(MessageType::Graph, encodeGraph(fromQString(modulePath), fromQString(method), inlined));
}

quint64 WorkerClient::tensorStats(const QString& modulePath, const QString& slotName)
{
    return request(MessageType::TensorStats, encodeTensorStats(fromQString(modulePath), fromQString(slotName)));
}

quint64 WorkerClient::record(const QString& name)
{
    return request(MessageType::Record, encodeRecord(fromQString(name)));
}

quint64 WorkerClient::argumentSpecs(const QString& modulePath, const QString& method)
{
    return request(MessageType::ArgumentSpecs, encodeArgumentSpecs(fromQString(modulePath), fromQString(method)));
}

quint64 WorkerClient::devices() { return request(MessageType::Devices, encodeDevices()); }

quint64 WorkerClient::run(const RunRequest& runRequest) { return request(MessageType::Run, encodeRun(runRequest)); }

quint64 WorkerClient::compare(const QString& pathB, const CompareRequest& compareRequest)
{
    return request(MessageType::Compare, encodeCompare(fromQString(pathB), compareRequest));
}

quint64 WorkerClient::retrace(const RunRequest& runRequest)
{
    return request(MessageType::Retrace, encodeRetrace(runRequest));
}

quint64 WorkerClient::retraceGraph(const RunRequest& runRequest)
{
    return request(MessageType::RetraceGraph, encodeRetraceGraph(runRequest));
}

void WorkerClient::ping()
{
    if (m_state == State::Dead)
        return;
    const quint64 id = m_nextId++;
    m_pings.insert(id);
    const QByteArray bytes = frame({ MessageType::Hello, id, encodeHello() });
    if (m_state == State::Ready)
        send(bytes);
    else
        m_waiting.append(bytes);
}

void WorkerClient::kill()
{
    if (m_state == State::Dead)
        return;
    m_killRequested = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill(); // died() follows from finished()
    else
        die(tr("The worker process was stopped before it started."));
}

void WorkerClient::shutdown()
{
    if (m_state == State::Dead)
        return;
    m_state = State::Dead;
    m_deathReason = tr("The worker process was shut down.");
    m_pending.clear();
    m_pings.clear();
    m_waiting.clear();
    if (m_server)
        m_server->close();
    if (m_socket && m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->write(frame({ MessageType::Shutdown, m_nextId++, encodeShutdown() }));
        m_socket->flush();
    } else if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // not connected yet: it holds nothing worth a polite goodbye
    }
}

quint64 WorkerClient::request(MessageType type, const QByteArray& payload, bool tooLarge)
{
    if (m_state == State::Dead)
        return 0;
    const quint64 id = m_nextId++;
    m_pending.insert(id, type);
    const QByteArray bytes = tooLarge ? QByteArray() : frame({ type, id, payload });
    if (bytes.isEmpty()) {
        // Answered like any failure, after the caller has its id.
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (!m_pending.remove(id))
                    return;
                Q_EMIT failed(id,
                    Error { ErrorKind::InvalidArgument,
                        fromQString(tr("The request is larger than the worker protocol carries (%1 bytes): open "
                                       "the archive from a file instead.")
                                        .arg(kMaxFrameLength - kFrameHeaderSize)) });
            },
            Qt::QueuedConnection);
        return id;
    }
    if (m_state == State::Ready)
        send(bytes);
    else
        m_waiting.append(bytes);
    return id;
}

void WorkerClient::send(const QByteArray& bytes) { m_socket->write(bytes); }

void WorkerClient::onNewConnection()
{
    QLocalSocket* socket = m_server->nextPendingConnection();
    if (!socket)
        return;
    if (m_socket || m_state == State::Dead) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_socket = socket;
    m_socket->setParent(this);
    m_server->close(); // the worker is the one peer; nobody else gets in
    connect(m_socket, &QLocalSocket::readyRead, this, &WorkerClient::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &WorkerClient::onSocketLost);
    m_helloId = m_nextId++;
    send(frame({ MessageType::Hello, m_helloId, encodeHello() }));
}

void WorkerClient::onReadyRead()
{
    if (!m_socket || m_state == State::Dead)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (m_head.size() < 12)
        m_head.append(bytes.left(12 - m_head.size()));
    m_reader.append(bytes);
    QPointer<WorkerClient> self(this);
    Message message;
    while (m_reader.next(message)) {
        const QString problem = deliver(message);
        if (!self || m_state == State::Dead)
            return; // a slot deleted or shut down this client, or deliver() found it dead
        if (!problem.isEmpty()) {
            die(tr("The worker process sent a malformed message (%1).").arg(problem));
            return;
        }
    }
    if (m_reader.hasError())
        die(protocolFailure());
}

QString WorkerClient::protocolFailure() const
{
    // A worker from another build says so in the first frame's header, before the reader gives up on it.
    if (m_head.size() >= 10) {
        const auto* p = reinterpret_cast<const uchar*>(m_head.constData());
        const quint16 version = qFromBigEndian<quint16>(p + 8);
        if (qFromBigEndian<quint32>(p + 4) == kProtocolMagic && version != kProtocolVersion)
            return versionMismatch(version);
    }
    return tr("The worker process sent a malformed message: %1").arg(m_reader.errorString());
}

QString WorkerClient::versionMismatch(quint16 version) const
{
    return tr("The worker process '%1' speaks protocol version %2, but this TorchScope speaks version %3: the "
              "two come from different builds. Reinstall TorchScope.")
        .arg(m_executable)
        .arg(version)
        .arg(kProtocolVersion);
}

QString WorkerClient::deliver(const Message& message)
{
    const quint64 id = message.requestId;
    if (message.type == MessageType::HelloReply) {
        quint16 version = 0;
        std::string libtorch;
        qint64 pid = 0;
        if (!decodeHelloReply(message.payload, version, libtorch, pid))
            return tr("an unreadable HelloReply");
        if (m_state == State::Starting && id == m_helloId) {
            if (version != kProtocolVersion) {
                die(versionMismatch(version));
                return {};
            }
            m_libtorchVersion = toQString(libtorch);
            m_state = State::Ready;
            const QList<QByteArray> waiting = std::exchange(m_waiting, {});
            for (const QByteArray& bytes : waiting)
                send(bytes);
            Q_EMIT ready();
            return {};
        }
        if (m_pings.remove(id)) {
            Q_EMIT pong();
            return {};
        }
        return tr("an answer to Hello %1, which was not sent").arg(id);
    }

    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return tr("a %1 for request %2, which is not waiting for one")
            .arg(QLatin1String(messageTypeName(message.type)))
            .arg(id);
    const MessageType asked = it.value();
    const QString unreadable = tr("an unreadable %1").arg(QLatin1String(messageTypeName(message.type)));
    if (message.type == MessageType::Failed) {
        Error error;
        if (!decodeFailed(message.payload, error))
            return unreadable;
        m_pending.remove(id);
        Q_EMIT failed(id, error);
        return {};
    }
    switch (asked) {
    case MessageType::Open:
    case MessageType::OpenBytes:
        if (message.type == MessageType::Opened) {
            ArchiveInfo info;
            ModuleTree modules;
            if (!decodeOpened(message.payload, info, modules))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT opened(id, info, modules);
            return {};
        }
        break;
    case MessageType::MethodCode:
    case MessageType::ClassCode:
    case MessageType::GraphText:
    case MessageType::Retrace:
        if (message.type == MessageType::Text) {
            std::string text;
            if (!decodeText(message.payload, text))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT textReady(id, toQString(text));
            return {};
        }
        break;
    case MessageType::Graph:
    case MessageType::RetraceGraph:
        if (message.type == MessageType::GraphReply) {
            IrGraph graph;
            if (!decodeGraphReply(message.payload, graph))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT graphReady(id, graph);
            return {};
        }
        break;
    case MessageType::TensorStats:
        if (message.type == MessageType::TensorStatsReply) {
            TensorStats stats;
            if (!decodeTensorStatsReply(message.payload, stats))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT tensorStatsReady(id, stats);
            return {};
        }
        break;
    case MessageType::Record:
        if (message.type == MessageType::RecordReply) {
            std::string name;
            QByteArray bytes;
            if (!decodeRecordReply(message.payload, name, bytes))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT recordReady(id, toQString(name), bytes);
            return {};
        }
        break;
    case MessageType::ArgumentSpecs:
        if (message.type == MessageType::ArgumentSpecsReply) {
            std::vector<ArgumentSpec> specs;
            if (!decodeArgumentSpecsReply(message.payload, specs))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT argumentSpecsReady(id, specs);
            return {};
        }
        break;
    case MessageType::Devices:
        if (message.type == MessageType::DevicesReply) {
            std::vector<std::string> names;
            bool cuda = false;
            if (!decodeDevicesReply(message.payload, names, cuda))
                return unreadable;
            QStringList devices;
            for (const std::string& name : names)
                devices.append(toQString(name));
            m_pending.remove(id);
            Q_EMIT devicesReady(id, devices, cuda);
            return {};
        }
        break;
    case MessageType::Run:
        if (message.type == MessageType::RunReply) {
            RunResult result;
            if (!decodeRunReply(message.payload, result))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT runFinished(id, result);
            return {};
        }
        break;
    case MessageType::Compare:
        if (message.type == MessageType::CompareReply) {
            CompareReport report;
            if (!decodeCompareReply(message.payload, report))
                return unreadable;
            m_pending.remove(id);
            Q_EMIT compareFinished(id, report);
            return {};
        }
        break;
    default:
        break;
    }
    return tr("a %1 answering a %2 request")
        .arg(QLatin1String(messageTypeName(message.type)), QLatin1String(messageTypeName(asked)));
}

void WorkerClient::onProcessFinished(int exitCode, bool crashed)
{
    if (m_state == State::Dead)
        return;
    // Answers the worker wrote before it ended are still delivered.
    QPointer<WorkerClient> self(this);
    onReadyRead();
    if (!self || m_state == State::Dead)
        return;
    if (!crashed) {
        die(tr("The worker process exited with code %1.").arg(exitCode));
        return;
    }
    // On Unix, QProcess reports the signal that ended a crashed process as its exit code.
    const QString name = signalName(exitCode);
    const QString signal
        = name.isEmpty() ? QString::number(exitCode) : QStringLiteral("%1: %2").arg(exitCode).arg(name);
    die(m_killRequested ? tr("The worker process was stopped (signal %1).").arg(signal)
                        : tr("The worker process crashed (signal %1).").arg(signal));
}

void WorkerClient::onSocketLost()
{
    // The exit status explains more than the closed socket: wait for finished(), but not forever.
    if (m_state != State::Dead && m_process && m_process->state() != QProcess::NotRunning)
        m_exitGrace->start();
}

void WorkerClient::readOutput()
{
    m_output.append(m_process->readAllStandardOutput());
    if (m_output.size() > kOutputTailBytes)
        m_output.remove(0, m_output.size() - kOutputTailBytes);
}

void WorkerClient::die(const QString& reason)
{
    if (m_state == State::Dead)
        return;
    m_state = State::Dead;
    m_pending.clear();
    m_pings.clear();
    m_waiting.clear();
    if (m_process) {
        readOutput();
        // A worker that broke the protocol or hung up may still run: it must not outlive its client.
        if (m_process->state() != QProcess::NotRunning)
            m_process->kill();
    }
    if (m_exitGrace)
        m_exitGrace->stop();
    if (m_server)
        m_server->close();
    if (m_socket)
        m_socket->abort();

    m_deathReason = reason;
    const QString tail = outputTail().trimmed();
    if (!tail.isEmpty())
        m_deathReason += QLatin1Char('\n') + tr("Its last output:") + QLatin1Char('\n') + tail;
    Q_EMIT died(m_deathReason);
}

} // namespace torchscope
