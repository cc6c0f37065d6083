// torchscope-worker: hosts LibTorch for the desktop app, one archive per process (ARCHITECTURE.md,
// "Why a worker process"). Started by WorkerClient as `torchscope-worker --server NAME`; speaks the
// protocol of core/worker/protocol.h over a QLocalSocket connected to the app's QLocalServer NAME.

#include "workerserver.h"

#include "torchscope/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaObject>

#include <csignal>
#include <cstdio>
#include <cstdlib>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace torchscope;

int main(int argc, char** argv)
{
#ifdef Q_OS_UNIX
    // LibTorch and custom operator libraries print to stdout; the protocol never goes there, so stdout
    // joins stderr, which the app keeps as the tail of a crash report.
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    // A write to an app that just went away must end in disconnected(), not in a silent SIGPIPE death.
    std::signal(SIGPIPE, SIG_IGN);
#endif

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("torchscope-worker"));
    QCoreApplication::setApplicationVersion(QLatin1String(kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Hosts LibTorch for the TorchScope desktop app, which starts it; not meant to be run by hand."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QCoreApplication::translate("main", "Connect to the app's local server <name>."), QStringLiteral("name"));
    parser.addOption(serverOption);
    parser.process(app);
    if (!parser.isSet(serverOption)) {
        std::fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "torchscope-worker: --server NAME is required")));
        return 2;
    }

    int exitCode = 0;
    {
        WorkerServer server;
        const QString name = parser.value(serverOption);
        // From inside the event loop, so that a connection that fails at once can end it.
        QMetaObject::invokeMethod(
            &server, [&server, name] { server.connectToApp(name); }, Qt::QueuedConnection);
        exitCode = QCoreApplication::exec();
        if (server.requestsInFlight() > 0) {
            // A LibTorch call cannot be interrupted and its answer has nobody left to go to: leave now
            // instead of waiting for it in ~WorkerServer.
            std::fflush(stderr);
            std::_Exit(exitCode);
        }
    }
    return exitCode;
}
