#pragma once

#include "worker/protocol.h"

#include <QObject>
#include <QThread>

class QLocalSocket;

namespace torchscope {

class RequestRunner;

// The socket side of torchscope-worker. Connects to the app's QLocalServer, answers Hello and Shutdown
// itself at any time (Hello doubles as the app's liveness ping while a long request runs) and hands every
// other request, in order, to a RequestRunner on a dedicated engine thread, so engine work never blocks
// the socket. Ends the event loop when the app goes away (exit code 0), on Shutdown (0), when the app
// cannot be reached (2) or sends something that is not the protocol (3).
class WorkerServer : public QObject {
    Q_OBJECT
public:
    explicit WorkerServer(QObject* parent = nullptr);
    // Stops the engine thread, waiting for the request it runs: call it only when requestsInFlight() is 0.
    ~WorkerServer() override;

    // Call from the running event loop: a failure to connect ends that loop.
    void connectToApp(const QString& serverName);

    // Requests handed to the engine thread and not yet answered.
    int requestsInFlight() const { return m_inFlight; }

private:
    void readFrames();
    void dispatch(const Message& message);
    void sendFrame(const QByteArray& bytes);
    void quit(int exitCode, const QString& why = {});

    QLocalSocket* m_socket = nullptr;
    FrameReader m_reader;
    QThread m_engineThread;
    RequestRunner* m_runner = nullptr; // lives on m_engineThread
    int m_inFlight = 0;
    bool m_connected = false;
    bool m_quitting = false;
};

} // namespace torchscope
