#include "workerserver.h"

#include "requestrunner.h"

#include "engine/archive.h"
#include "worker/codec.h"

#include <QCoreApplication>
#include <QLocalSocket>

#include <cstdio>

namespace torchscope {

WorkerServer::WorkerServer(QObject* parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
    , m_runner(new RequestRunner)
{
    m_engineThread.setObjectName(QStringLiteral("torchscope-engine"));
    m_runner->moveToThread(&m_engineThread);
    // Queued: the reply is written on this (the socket's) thread.
    connect(m_runner, &RequestRunner::replyReady, this, [this](const QByteArray& bytes) {
        --m_inFlight;
        sendFrame(bytes);
    });

    connect(m_socket, &QLocalSocket::connected, this, [this] { m_connected = true; });
    connect(m_socket, &QLocalSocket::readyRead, this, &WorkerServer::readFrames);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] { quit(0); });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        // Once connected, errors end in disconnected(): the app closed its end or went away.
        if (!m_connected)
            quit(2, tr("cannot connect to the TorchScope app: %1").arg(m_socket->errorString()));
    });
    m_engineThread.start();
}

WorkerServer::~WorkerServer()
{
    m_engineThread.quit();
    m_engineThread.wait();
    delete m_runner; // its thread has ended: nothing else can touch it now
}

void WorkerServer::connectToApp(const QString& serverName) { m_socket->connectToServer(serverName); }

void WorkerServer::readFrames()
{
    m_reader.append(m_socket->readAll());
    Message message;
    while (!m_quitting && m_reader.next(message))
        dispatch(message);
    if (m_reader.hasError())
        quit(3, m_reader.errorString());
}

void WorkerServer::dispatch(const Message& message)
{
    switch (message.type) {
    case MessageType::Hello:
        if (decodeHello(message.payload)) {
            sendFrame(frame({ MessageType::HelloReply, message.requestId,
                encodeHelloReply(kProtocolVersion, libtorchVersion(), QCoreApplication::applicationPid()) }));
            return;
        }
        break; // malformed: answered below
    case MessageType::Shutdown:
        quit(0);
        return;
    case MessageType::Open:
    case MessageType::OpenBytes:
    case MessageType::MethodCode:
    case MessageType::ClassCode:
    case MessageType::GraphText:
    case MessageType::Graph:
    case MessageType::TensorStats:
    case MessageType::Record:
    case MessageType::ArgumentSpecs:
    case MessageType::Devices:
    case MessageType::Run:
    case MessageType::Compare:
    case MessageType::Retrace:
    case MessageType::RetraceGraph: {
        ++m_inFlight;
        RequestRunner* runner = m_runner;
        // Queued to the engine thread: requests run there one at a time, in the order they arrived.
        QMetaObject::invokeMethod(
            runner, [runner, message] { runner->handle(message); }, Qt::QueuedConnection);
        return;
    }
    default:
        break; // a reply type: the app never sends one
    }
    const QString why = message.type == MessageType::Hello
        ? tr("The worker received a malformed Hello request.")
        : tr("%1 is not a request the worker answers.").arg(QLatin1String(messageTypeName(message.type)));
    sendFrame(frame({ MessageType::Failed, message.requestId,
        encodeFailed(Error { ErrorKind::InvalidArgument, fromQString(why) }) }));
}

void WorkerServer::sendFrame(const QByteArray& bytes)
{
    if (m_quitting || m_socket->state() != QLocalSocket::ConnectedState)
        return;
    m_socket->write(bytes);
}

void WorkerServer::quit(int exitCode, const QString& why)
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (!why.isEmpty())
        std::fprintf(stderr, "torchscope-worker: %s\n", qPrintable(why));
    // Flush what is queued (a reply just written) before the socket goes with the process.
    if (m_socket->state() == QLocalSocket::ConnectedState)
        m_socket->flush();
    QCoreApplication::exit(exitCode);
}

} // namespace torchscope
