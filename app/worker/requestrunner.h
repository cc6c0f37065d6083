#pragma once

#include "worker/protocol.h"

#include <QObject>

#include <memory>
#include <string>

namespace torchscope {

class Archive;

// The engine side of torchscope-worker: answers one request at a time on the worker's engine thread and
// holds the worker's one archive. Lives on that thread; nothing else touches the archive.
class RequestRunner : public QObject {
    Q_OBJECT
public:
    explicit RequestRunner(QObject* parent = nullptr);
    ~RequestRunner() override;

    // Runs `request` (any request except Hello and Shutdown, which the socket thread answers) and emits
    // replyReady() with the framed answer: the matching reply, or Failed. An Open that fails keeps the
    // archive opened before; one that succeeds replaces it.
    void handle(const torchscope::Message& request);

Q_SIGNALS:
    void replyReady(const QByteArray& frame);

private:
    Message answer(const Message& request);
    Error noArchive() const;

    std::unique_ptr<Archive> m_archive;
    // Archive B of the last Compare request, and its path.
    std::unique_ptr<Archive> m_other;
    std::string m_otherPath;
};

} // namespace torchscope
