#include "requestrunner.h"

#include "engine/archive.h"
#include "engine/compare.h"
#include "worker/codec.h"

#include <exception>

namespace torchscope {
namespace {

    Message reply(quint64 requestId, MessageType type, QByteArray payload)
    {
        return Message { type, requestId, std::move(payload) };
    }

    Message failure(quint64 requestId, const Error& error)
    {
        return reply(requestId, MessageType::Failed, encodeFailed(error));
    }

    Status loadLibraries(const std::vector<std::string>& libraries)
    {
        for (const std::string& library : libraries) {
            Status loaded = loadOperatorLibrary(library);
            if (!loaded)
                return loaded;
        }
        return Ok {};
    }

    Message textReply(quint64 requestId, const Result<std::string>& text)
    {
        return text ? reply(requestId, MessageType::Text, encodeText(*text)) : failure(requestId, text.error());
    }

} // namespace

RequestRunner::RequestRunner(QObject* parent)
    : QObject(parent)
{
}

RequestRunner::~RequestRunner() = default;

void RequestRunner::handle(const Message& request)
{
    Message answered;
    try {
        answered = answer(request);
    } catch (const std::exception& e) {
        // The engine returns errors as values; what gets here is std::bad_alloc and the like.
        answered = failure(request.requestId,
            Error { ErrorKind::LoadFailed,
                fromQString(
                    tr("The worker could not complete the request: %1").arg(QString::fromLocal8Bit(e.what()))) });
    }
    QByteArray bytes = frame(answered);
    if (bytes.isEmpty()) {
        // Larger than any reader accepts (a record over 1 GiB): say so instead of sending nothing.
        bytes = frame(failure(request.requestId,
            Error { ErrorKind::InvalidArgument,
                fromQString(tr("The answer (%1 bytes) is larger than the worker protocol carries (%2 bytes).")
                                .arg(answered.payload.size())
                                .arg(kMaxFrameLength - kFrameHeaderSize)) }));
    }
    Q_EMIT replyReady(bytes);
}

Error RequestRunner::noArchive() const
{
    return Error { ErrorKind::InvalidArgument,
        fromQString(tr("No archive is open in this worker: open one before asking about it.")) };
}

Message RequestRunner::answer(const Message& request)
{
    const quint64 id = request.requestId;
    const Error malformed { ErrorKind::InvalidArgument,
        fromQString(
            tr("The worker received a malformed %1 request.").arg(QLatin1String(messageTypeName(request.type)))) };

    if (request.type == MessageType::Open || request.type == MessageType::OpenBytes) {
        std::string path;
        std::string bytes;
        std::vector<std::string> libraries;
        const bool decoded = request.type == MessageType::Open
            ? decodeOpen(request.payload, path, libraries)
            : decodeOpenBytes(request.payload, path, bytes, libraries);
        if (!decoded)
            return failure(id, malformed);
        // Libraries first: an archive that uses their operators does not load without them.
        if (Status loaded = loadLibraries(libraries); !loaded)
            return failure(id, loaded.error());
        auto opened
            = request.type == MessageType::Open ? Archive::open(path) : Archive::openBytes(std::move(bytes), path);
        if (!opened)
            return failure(id, opened.error());
        m_archive = std::move(opened).value();
        return reply(id, MessageType::Opened, encodeOpened(m_archive->info(), m_archive->modules()));
    }

    if (request.type == MessageType::Devices) {
        if (!decodeDevices(request.payload))
            return failure(id, malformed);
        return reply(id, MessageType::DevicesReply, encodeDevicesReply(availableDevices(), cudaBuild()));
    }
    if (request.type == MessageType::Run) {
        RunRequest run;
        if (!decodeRun(request.payload, run))
            return failure(id, malformed);
        if (!m_archive)
            return failure(id, noArchive());
        auto result = m_archive->run(run);
        return result ? reply(id, MessageType::RunReply, encodeRunReply(*result)) : failure(id, result.error());
    }
    if (request.type == MessageType::Retrace) {
        RunRequest run;
        if (!decodeRetrace(request.payload, run))
            return failure(id, malformed);
        if (!m_archive)
            return failure(id, noArchive());
        return textReply(id, m_archive->retrace(run));
    }
    if (request.type == MessageType::RetraceGraph) {
        RunRequest run;
        if (!decodeRetraceGraph(request.payload, run))
            return failure(id, malformed);
        if (!m_archive)
            return failure(id, noArchive());
        auto graph = m_archive->retraceGraph(run);
        return graph ? reply(id, MessageType::GraphReply, encodeGraphReply(*graph)) : failure(id, graph.error());
    }
    if (request.type == MessageType::Compare) {
        std::string pathB;
        CompareRequest compare;
        if (!decodeCompare(request.payload, pathB, compare))
            return failure(id, malformed);
        if (!m_archive)
            return failure(id, noArchive());
        // B is kept for the next comparison with the same path; it is loaded from the file each time it changes.
        if (!m_other || m_otherPath != pathB) {
            m_other.reset();
            auto opened = Archive::open(pathB);
            if (!opened)
                return failure(id, opened.error());
            m_other = std::move(opened.value());
            m_otherPath = pathB;
        }
        auto report = compareArchives(*m_archive, *m_other, compare);
        return report ? reply(id, MessageType::CompareReply, encodeCompareReply(*report))
                      : failure(id, report.error());
    }

    std::string modulePath;
    std::string name;
    bool inlined = false;
    bool sourceComments = true;
    bool decoded = false;
    switch (request.type) {
    case MessageType::MethodCode:
        decoded = decodeMethodCode(request.payload, modulePath, name);
        break;
    case MessageType::ClassCode:
        decoded = decodeClassCode(request.payload, modulePath);
        break;
    case MessageType::GraphText:
        decoded = decodeGraphText(request.payload, modulePath, name, inlined, sourceComments);
        break;
    case MessageType::Graph:
        decoded = decodeGraph(request.payload, modulePath, name, inlined);
        break;
    case MessageType::TensorStats:
        decoded = decodeTensorStats(request.payload, modulePath, name);
        break;
    case MessageType::Record:
        decoded = decodeRecord(request.payload, name);
        break;
    case MessageType::ArgumentSpecs:
        decoded = decodeArgumentSpecs(request.payload, modulePath, name);
        break;
    default:
        return failure(id,
            Error { ErrorKind::InvalidArgument,
                fromQString(
                    tr("%1 is not a request the worker answers.").arg(QLatin1String(messageTypeName(request.type)))) });
    }
    if (!decoded)
        return failure(id, malformed);
    if (!m_archive)
        return failure(id, noArchive());

    const Archive& archive = *m_archive;
    const GraphForm form = inlined ? GraphForm::Inlined : GraphForm::Graph;
    switch (request.type) {
    case MessageType::MethodCode:
        return textReply(id, archive.methodCode(modulePath, name));
    case MessageType::ClassCode:
        return textReply(id, archive.classCode(modulePath));
    case MessageType::GraphText:
        return textReply(id, archive.graphText(modulePath, name, GraphTextOptions { form, sourceComments }));
    case MessageType::Graph: {
        auto graph = archive.graph(modulePath, name, form);
        return graph ? reply(id, MessageType::GraphReply, encodeGraphReply(*graph)) : failure(id, graph.error());
    }
    case MessageType::TensorStats: {
        auto stats = archive.tensorStats(modulePath, name);
        return stats ? reply(id, MessageType::TensorStatsReply, encodeTensorStatsReply(*stats))
                     : failure(id, stats.error());
    }
    case MessageType::Record: {
        auto bytes = archive.record(name);
        return bytes ? reply(id, MessageType::RecordReply, encodeRecordReply(name, *bytes))
                     : failure(id, bytes.error());
    }
    case MessageType::ArgumentSpecs: {
        auto specs = archive.argumentSpecs(modulePath, name);
        return specs ? reply(id, MessageType::ArgumentSpecsReply, encodeArgumentSpecsReply(*specs))
                     : failure(id, specs.error());
    }
    default:
        return failure(id, malformed); // not reached: the first switch returned for every other type
    }
}

} // namespace torchscope
