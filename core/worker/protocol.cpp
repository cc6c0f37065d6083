#include "protocol.h"

#include "codec.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QtEndian>

#include <tuple>

namespace torchscope {

namespace {
    // length, magic, version, type: enough to reject a bad frame before its payload arrives.
    constexpr qsizetype kPrefixSize = 4 + 4 + 2 + 2;
    constexpr qsizetype kLengthFieldSize = 4;

    template <typename... Fields>
    QByteArray encodeFields(const Fields&... fields)
    {
        QByteArray out;
        QDataStream s(&out, QIODevice::WriteOnly);
        s.setVersion(kStreamVersion);
        (codec_detail::put(s, fields), ...);
        return out;
    }

    // Reads into temporaries and assigns the outputs only when the whole payload was consumed cleanly.
    template <typename... Fields>
    bool decodeFields(const QByteArray& payload, Fields&... out)
    {
        QDataStream s(payload);
        s.setVersion(kStreamVersion);
        std::tuple<Fields...> values;
        std::apply(
            [&s](auto&... v) { ((s.status() == QDataStream::Ok ? codec_detail::get(s, v) : void()), ...); }, values);
        if (s.status() != QDataStream::Ok || !s.atEnd())
            return false;
        std::tie(out...) = std::move(values);
        return true;
    }

    QString hex(quint32 value) { return QString::number(value, 16).rightJustified(8, QLatin1Char('0')); }
} // namespace

bool isKnownMessageType(quint16 type)
{
    switch (static_cast<MessageType>(type)) {
    case MessageType::Hello:
    case MessageType::Open:
    case MessageType::OpenBytes:
    case MessageType::MethodCode:
    case MessageType::ClassCode:
    case MessageType::GraphText:
    case MessageType::Graph:
    case MessageType::TensorStats:
    case MessageType::Record:
    case MessageType::Shutdown:
    case MessageType::HelloReply:
    case MessageType::Opened:
    case MessageType::Text:
    case MessageType::GraphReply:
    case MessageType::TensorStatsReply:
    case MessageType::RecordReply:
    case MessageType::Failed:
    case MessageType::ArgumentSpecs:
    case MessageType::Devices:
    case MessageType::Run:
    case MessageType::ArgumentSpecsReply:
    case MessageType::DevicesReply:
    case MessageType::RunReply:
    case MessageType::Compare:
    case MessageType::Retrace:
    case MessageType::RetraceGraph:
    case MessageType::CompareReply:
        return true;
    }
    return false;
}

const char* messageTypeName(MessageType type)
{
    switch (type) {
    case MessageType::Hello: return "Hello";
    case MessageType::Open: return "Open";
    case MessageType::OpenBytes: return "OpenBytes";
    case MessageType::MethodCode: return "MethodCode";
    case MessageType::ClassCode: return "ClassCode";
    case MessageType::GraphText: return "GraphText";
    case MessageType::Graph: return "Graph";
    case MessageType::TensorStats: return "TensorStats";
    case MessageType::Record: return "Record";
    case MessageType::Shutdown: return "Shutdown";
    case MessageType::HelloReply: return "HelloReply";
    case MessageType::Opened: return "Opened";
    case MessageType::Text: return "Text";
    case MessageType::GraphReply: return "GraphReply";
    case MessageType::TensorStatsReply: return "TensorStatsReply";
    case MessageType::RecordReply: return "RecordReply";
    case MessageType::Failed: return "Failed";
    case MessageType::ArgumentSpecs: return "ArgumentSpecs";
    case MessageType::Devices: return "Devices";
    case MessageType::Run: return "Run";
    case MessageType::ArgumentSpecsReply: return "ArgumentSpecsReply";
    case MessageType::DevicesReply: return "DevicesReply";
    case MessageType::RunReply: return "RunReply";
    case MessageType::Compare: return "Compare";
    case MessageType::Retrace: return "Retrace";
    case MessageType::RetraceGraph: return "RetraceGraph";
    case MessageType::CompareReply: return "CompareReply";
    }
    return "Unknown";
}

QByteArray frame(const Message& message)
{
    if (quint64(message.payload.size()) > quint64(kMaxFrameLength - kFrameHeaderSize))
        return {};
    QByteArray out;
    out.reserve(kLengthFieldSize + kFrameHeaderSize + message.payload.size());
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(kStreamVersion);
    s << quint32(kFrameHeaderSize + quint32(message.payload.size())) << kProtocolMagic << kProtocolVersion
      << quint16(message.type) << message.requestId;
    s.writeRawData(message.payload.constData(), int(message.payload.size()));
    return out;
}

FrameReader::FrameReader(quint32 maxFrameLength)
    : m_maxFrameLength(maxFrameLength)
{
}

void FrameReader::append(const QByteArray& bytes)
{
    if (hasError())
        return;
    // Drop consumed frames once they are the larger part of the buffer: amortised O(1) per byte.
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

bool FrameReader::next(Message& message)
{
    if (hasError())
        return false;
    const qsizetype available = m_buffer.size() - m_pos;
    if (available < kPrefixSize)
        return false;

    const auto* p = reinterpret_cast<const uchar*>(m_buffer.constData() + m_pos);
    const quint32 length = qFromBigEndian<quint32>(p);
    const quint32 magic = qFromBigEndian<quint32>(p + 4);
    const quint16 version = qFromBigEndian<quint16>(p + 8);
    const quint16 type = qFromBigEndian<quint16>(p + 10);
    if (magic != kProtocolMagic) {
        fail(QCoreApplication::translate("torchscope::FrameReader",
            "Not a TorchScope worker message: expected magic 0x%1, got 0x%2.")
                 .arg(hex(kProtocolMagic), hex(magic)));
        return false;
    }
    if (version != kProtocolVersion) {
        fail(QCoreApplication::translate("torchscope::FrameReader",
            "TorchScope worker protocol version %1 is not supported (this build speaks version %2): the app "
            "and torchscope-worker come from different builds.")
                 .arg(version)
                 .arg(kProtocolVersion));
        return false;
    }
    if (length > m_maxFrameLength) {
        fail(QCoreApplication::translate(
            "torchscope::FrameReader", "A worker message of %1 bytes exceeds the limit of %2 bytes.")
                 .arg(length)
                 .arg(m_maxFrameLength));
        return false;
    }
    if (length < kFrameHeaderSize) {
        fail(QCoreApplication::translate(
            "torchscope::FrameReader", "A worker message declares %1 bytes, less than its %2-byte header.")
                 .arg(length)
                 .arg(kFrameHeaderSize));
        return false;
    }
    if (!isKnownMessageType(type)) {
        fail(QCoreApplication::translate("torchscope::FrameReader", "Unknown worker message type %1.").arg(type));
        return false;
    }
    if (quint64(available) < quint64(kLengthFieldSize) + length)
        return false;

    message.type = static_cast<MessageType>(type);
    message.requestId = qFromBigEndian<quint64>(p + kPrefixSize);
    const qsizetype payloadStart = m_pos + kLengthFieldSize + kFrameHeaderSize;
    message.payload = m_buffer.mid(payloadStart, qsizetype(length - kFrameHeaderSize));
    m_pos += kLengthFieldSize + qsizetype(length);
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    }
    return true;
}

void FrameReader::fail(const QString& error)
{
    m_error = error;
    m_buffer.clear();
    m_buffer.squeeze();
    m_pos = 0;
}

QByteArray encodeHello() { return {}; }
bool decodeHello(const QByteArray& payload) { return payload.isEmpty(); }

QByteArray encodeOpen(const std::string& path, const std::vector<std::string>& libraries)
{
    return encodeFields(path, libraries);
}
bool decodeOpen(const QByteArray& payload, std::string& path, std::vector<std::string>& libraries)
{
    return decodeFields(payload, path, libraries);
}

QByteArray encodeOpenBytes(
    const std::string& displayName, const QByteArray& bytes, const std::vector<std::string>& libraries)
{
    // A QByteArray and a std::string share one wire form, so the worker reads the bytes straight into
    // the std::string Archive::openBytes takes.
    return encodeFields(displayName, bytes, libraries);
}
bool decodeOpenBytes(
    const QByteArray& payload, std::string& displayName, std::string& bytes, std::vector<std::string>& libraries)
{
    return decodeFields(payload, displayName, bytes, libraries);
}

QByteArray encodeMethodCode(const std::string& modulePath, const std::string& method)
{
    return encodeFields(modulePath, method);
}
bool decodeMethodCode(const QByteArray& payload, std::string& modulePath, std::string& method)
{
    return decodeFields(payload, modulePath, method);
}

QByteArray encodeClassCode(const std::string& modulePath) { return encodeFields(modulePath); }
bool decodeClassCode(const QByteArray& payload, std::string& modulePath) { return decodeFields(payload, modulePath); }

QByteArray encodeGraphText(const std::string& modulePath, const std::string& method, bool inlined, bool sourceComments)
{
    return encodeFields(modulePath, method, inlined, sourceComments);
}
bool decodeGraphText(
    const QByteArray& payload, std::string& modulePath, std::string& method, bool& inlined, bool& sourceComments)
{
    return decodeFields(payload, modulePath, method, inlined, sourceComments);
}

QByteArray encodeGraph(const std::string& modulePath, const std::string& method, bool inlined)
{
    return encodeFields(modulePath, method, inlined);
}
bool decodeGraph(const QByteArray& payload, std::string& modulePath, std::string& method, bool& inlined)
{
    return decodeFields(payload, modulePath, method, inlined);
}

QByteArray encodeTensorStats(const std::string& modulePath, const std::string& slotName)
{
    return encodeFields(modulePath, slotName);
}
bool decodeTensorStats(const QByteArray& payload, std::string& modulePath, std::string& slotName)
{
    return decodeFields(payload, modulePath, slotName);
}

QByteArray encodeRecord(const std::string& name) { return encodeFields(name); }
bool decodeRecord(const QByteArray& payload, std::string& name) { return decodeFields(payload, name); }

QByteArray encodeShutdown() { return {}; }
bool decodeShutdown(const QByteArray& payload) { return payload.isEmpty(); }

QByteArray encodeHelloReply(quint16 protocolVersion, const std::string& libtorchVersion, qint64 pid)
{
    return encodeFields(protocolVersion, libtorchVersion, pid);
}
bool decodeHelloReply(const QByteArray& payload, quint16& protocolVersion, std::string& libtorchVersion, qint64& pid)
{
    return decodeFields(payload, protocolVersion, libtorchVersion, pid);
}

QByteArray encodeOpened(const ArchiveInfo& info, const ModuleTree& modules) { return encodeFields(info, modules); }
bool decodeOpened(const QByteArray& payload, ArchiveInfo& info, ModuleTree& modules)
{
    return decodeFields(payload, info, modules);
}

QByteArray encodeText(const std::string& text) { return encodeFields(text); }
bool decodeText(const QByteArray& payload, std::string& text) { return decodeFields(payload, text); }

QByteArray encodeGraphReply(const IrGraph& graph) { return encodeFields(graph); }
bool decodeGraphReply(const QByteArray& payload, IrGraph& graph) { return decodeFields(payload, graph); }

QByteArray encodeTensorStatsReply(const TensorStats& stats) { return encodeFields(stats); }
bool decodeTensorStatsReply(const QByteArray& payload, TensorStats& stats) { return decodeFields(payload, stats); }

QByteArray encodeRecordReply(const std::string& name, const std::string& bytes) { return encodeFields(name, bytes); }
bool decodeRecordReply(const QByteArray& payload, std::string& name, QByteArray& bytes)
{
    return decodeFields(payload, name, bytes);
}

QByteArray encodeFailed(const Error& error) { return encodeFields(error); }
bool decodeFailed(const QByteArray& payload, Error& error) { return decodeFields(payload, error); }

QByteArray encodeArgumentSpecs(const std::string& modulePath, const std::string& method)
{
    return encodeFields(modulePath, method);
}
bool decodeArgumentSpecs(const QByteArray& payload, std::string& modulePath, std::string& method)
{
    return decodeFields(payload, modulePath, method);
}

QByteArray encodeDevices() { return {}; }
bool decodeDevices(const QByteArray& payload) { return payload.isEmpty(); }

QByteArray encodeRun(const RunRequest& request) { return encodeFields(request); }
bool decodeRun(const QByteArray& payload, RunRequest& request) { return decodeFields(payload, request); }

QByteArray encodeArgumentSpecsReply(const std::vector<ArgumentSpec>& specs) { return encodeFields(specs); }
bool decodeArgumentSpecsReply(const QByteArray& payload, std::vector<ArgumentSpec>& specs)
{
    return decodeFields(payload, specs);
}

QByteArray encodeDevicesReply(const std::vector<std::string>& devices, bool cudaBuild)
{
    return encodeFields(devices, cudaBuild);
}
bool decodeDevicesReply(const QByteArray& payload, std::vector<std::string>& devices, bool& cudaBuild)
{
    return decodeFields(payload, devices, cudaBuild);
}

QByteArray encodeRunReply(const RunResult& result) { return encodeFields(result); }
bool decodeRunReply(const QByteArray& payload, RunResult& result) { return decodeFields(payload, result); }

QByteArray encodeCompare(const std::string& pathB, const CompareRequest& request)
{
    return encodeFields(pathB, request);
}
bool decodeCompare(const QByteArray& payload, std::string& pathB, CompareRequest& request)
{
    return decodeFields(payload, pathB, request);
}

QByteArray encodeRetrace(const RunRequest& request) { return encodeFields(request); }
bool decodeRetrace(const QByteArray& payload, RunRequest& request) { return decodeFields(payload, request); }

QByteArray encodeRetraceGraph(const RunRequest& request) { return encodeFields(request); }
bool decodeRetraceGraph(const QByteArray& payload, RunRequest& request) { return decodeFields(payload, request); }

QByteArray encodeCompareReply(const CompareReport& report) { return encodeFields(report); }
bool decodeCompareReply(const QByteArray& payload, CompareReport& report) { return decodeFields(payload, report); }

} // namespace torchscope
