#pragma once

// The request/response protocol between the desktop app and torchscope-worker, independent of the
// transport (a QLocalSocket in practice). A frame on the wire, all integers big-endian:
//
//   quint32 length     bytes that follow this field: 16 + payload size
//   quint32 magic      kProtocolMagic
//   quint16 version    kProtocolVersion; both ends must speak the same one
//   quint16 type       MessageType
//   quint64 requestId  chosen by the app; a response carries the id of its request
//   payload            `length - 16` bytes, encoded by the encodeX() function of the type
//
// Payloads use QDataStream at kStreamVersion with the codecs of codec.h. A decodeX() function returns
// false for a payload that is short, has bytes left over, or holds an invalid value; its outputs are
// then left untouched. Nothing here throws, blocks or touches a socket.

#include "data/archiveinfo.h"
#include "data/comparereport.h"
#include "data/irgraph.h"
#include "data/moduleinfo.h"
#include "data/result.h"
#include "data/runresult.h"
#include "data/tensorstats.h"

#include <QByteArray>
#include <QDataStream>
#include <QString>

#include <string>
#include <vector>

namespace torchscope {

constexpr quint32 kProtocolMagic = 0x54534350; // "TSCP"
// Raise on any change to a frame, a payload or a value type's codec.
constexpr quint16 kProtocolVersion = 3; // 2: ArgumentSpecs, Devices, Run; 3: Compare, Retrace, RetraceGraph
constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_4;
// Bytes after the length field that every frame has: magic, version, type and request id.
constexpr quint32 kFrameHeaderSize = 16;
// The largest `length` FrameReader accepts by default (1 GiB); bigger archives are opened by path.
constexpr quint32 kMaxFrameLength = 1u << 30;

enum class MessageType : quint16 {
    // Requests, app -> worker.
    Hello = 1, // (empty)
    Open = 2, // path, operator libraries to load first
    OpenBytes = 3, // display name, archive bytes, operator libraries
    MethodCode = 4, // module path, method
    ClassCode = 5, // module path
    GraphText = 6, // module path, method, inlined, source comments
    Graph = 7, // module path, method, inlined
    TensorStats = 8, // module path, slot name
    Record = 9, // record name, relative to the archive folder
    Shutdown = 10, // (empty)
    ArgumentSpecs = 11, // module path, method
    Devices = 12, // (empty)
    Run = 13, // RunRequest
    // path of archive B, CompareRequest: the worker opens B next to its archive (A) and compares them in-process,
    // on full tensors (a RunResult only carries the first values of each tensor)
    Compare = 14,
    Retrace = 15, // RunRequest; answered by Text: the flattened (traced) graph
    RetraceGraph = 16, // RunRequest; answered by GraphReply: the same graph as values

    // Responses, worker -> app.
    HelloReply = 101, // protocol version, LibTorch version, worker pid
    Opened = 102, // ArchiveInfo, ModuleTree
    Text = 103, // code or graph text
    GraphReply = 104, // IrGraph
    TensorStatsReply = 105, // TensorStats
    RecordReply = 106, // record name, bytes
    Failed = 107, // Error; the answer to any request that failed
    ArgumentSpecsReply = 108, // std::vector<ArgumentSpec>
    DevicesReply = 109, // device names ("cpu", "cuda:0", ...), whether LibTorch was built with CUDA
    RunReply = 110, // RunResult
    CompareReply = 111, // CompareReport
};

bool isKnownMessageType(quint16 type);
// "OpenBytes": for logs and protocol errors, not for users.
const char* messageTypeName(MessageType type);

struct Message {
    MessageType type = MessageType::Hello;
    quint64 requestId = 0;
    QByteArray payload;
};

// One complete frame. Empty when the payload is larger than kMaxFrameLength allows: the sender must
// then answer with Failed instead (no reader would accept the frame).
QByteArray frame(const Message& message);

// Cuts a byte stream (chunks as they arrive from a socket, split anywhere) into Messages.
// A frame with a wrong magic, another protocol version, an unknown type, or a length outside
// [kFrameHeaderSize, maxFrameLength] stops the reader for good: hasError() becomes true, errorString()
// says why, buffered bytes are dropped and later input is ignored. The peer is then not a compatible
// TorchScope process and the connection should be closed.
class FrameReader {
public:
    explicit FrameReader(quint32 maxFrameLength = kMaxFrameLength);

    void append(const QByteArray& bytes);
    // Takes the next complete message; false when none is complete yet or the reader has failed.
    bool next(Message& message);

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // Bytes received but not yet returned as messages.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    void fail(const QString& error);

    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of the first unread frame in m_buffer
    quint32 m_maxFrameLength;
    QString m_error;
};

// Payload builders and parsers, one pair per message type. Encoders take what the sending side holds;
// decoders produce what the receiving side uses (blobs: std::string for the engine, QByteArray for Qt).

QByteArray encodeHello();
bool decodeHello(const QByteArray& payload);

QByteArray encodeOpen(const std::string& path, const std::vector<std::string>& libraries);
bool decodeOpen(const QByteArray& payload, std::string& path, std::vector<std::string>& libraries);

QByteArray encodeOpenBytes(
    const std::string& displayName, const QByteArray& bytes, const std::vector<std::string>& libraries);
bool decodeOpenBytes(
    const QByteArray& payload, std::string& displayName, std::string& bytes, std::vector<std::string>& libraries);

QByteArray encodeMethodCode(const std::string& modulePath, const std::string& method);
bool decodeMethodCode(const QByteArray& payload, std::string& modulePath, std::string& method);

QByteArray encodeClassCode(const std::string& modulePath);
bool decodeClassCode(const QByteArray& payload, std::string& modulePath);

QByteArray encodeGraphText(const std::string& modulePath, const std::string& method, bool inlined, bool sourceComments);
bool decodeGraphText(
    const QByteArray& payload, std::string& modulePath, std::string& method, bool& inlined, bool& sourceComments);

QByteArray encodeGraph(const std::string& modulePath, const std::string& method, bool inlined);
bool decodeGraph(const QByteArray& payload, std::string& modulePath, std::string& method, bool& inlined);

QByteArray encodeTensorStats(const std::string& modulePath, const std::string& slotName);
bool decodeTensorStats(const QByteArray& payload, std::string& modulePath, std::string& slotName);

QByteArray encodeRecord(const std::string& name);
bool decodeRecord(const QByteArray& payload, std::string& name);

QByteArray encodeShutdown();
bool decodeShutdown(const QByteArray& payload);

QByteArray encodeHelloReply(quint16 protocolVersion, const std::string& libtorchVersion, qint64 pid);
bool decodeHelloReply(const QByteArray& payload, quint16& protocolVersion, std::string& libtorchVersion, qint64& pid);

QByteArray encodeOpened(const ArchiveInfo& info, const ModuleTree& modules);
bool decodeOpened(const QByteArray& payload, ArchiveInfo& info, ModuleTree& modules);

QByteArray encodeText(const std::string& text);
bool decodeText(const QByteArray& payload, std::string& text);

QByteArray encodeGraphReply(const IrGraph& graph);
bool decodeGraphReply(const QByteArray& payload, IrGraph& graph);

QByteArray encodeTensorStatsReply(const TensorStats& stats);
bool decodeTensorStatsReply(const QByteArray& payload, TensorStats& stats);

QByteArray encodeRecordReply(const std::string& name, const std::string& bytes);
bool decodeRecordReply(const QByteArray& payload, std::string& name, QByteArray& bytes);

QByteArray encodeFailed(const Error& error);
bool decodeFailed(const QByteArray& payload, Error& error);

QByteArray encodeArgumentSpecs(const std::string& modulePath, const std::string& method);
bool decodeArgumentSpecs(const QByteArray& payload, std::string& modulePath, std::string& method);

QByteArray encodeDevices();
bool decodeDevices(const QByteArray& payload);

QByteArray encodeRun(const RunRequest& request);
bool decodeRun(const QByteArray& payload, RunRequest& request);

QByteArray encodeArgumentSpecsReply(const std::vector<ArgumentSpec>& specs);
bool decodeArgumentSpecsReply(const QByteArray& payload, std::vector<ArgumentSpec>& specs);

QByteArray encodeDevicesReply(const std::vector<std::string>& devices, bool cudaBuild);
bool decodeDevicesReply(const QByteArray& payload, std::vector<std::string>& devices, bool& cudaBuild);

QByteArray encodeRunReply(const RunResult& result);
bool decodeRunReply(const QByteArray& payload, RunResult& result);

QByteArray encodeCompare(const std::string& pathB, const CompareRequest& request);
bool decodeCompare(const QByteArray& payload, std::string& pathB, CompareRequest& request);

QByteArray encodeRetrace(const RunRequest& request);
bool decodeRetrace(const QByteArray& payload, RunRequest& request);

QByteArray encodeRetraceGraph(const RunRequest& request);
bool decodeRetraceGraph(const QByteArray& payload, RunRequest& request);

QByteArray encodeCompareReply(const CompareReport& report);
bool decodeCompareReply(const QByteArray& payload, CompareReport& report);

} // namespace torchscope
