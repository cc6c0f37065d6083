#include "codec.h"

#include <limits>

namespace torchscope {

using codec_detail::get;
using codec_detail::put;

QString toQString(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

std::string fromQString(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), std::size_t(utf8.size()));
}

QByteArray toQByteArray(const std::string& bytes) { return QByteArray(bytes.data(), qsizetype(bytes.size())); }

std::string fromQByteArray(const QByteArray& bytes)
{
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

namespace codec_detail {
    void writeCount(QDataStream& s, std::size_t count)
    {
        // 0xffffffff is QByteArray's "null" marker; keep clear of it.
        if (count >= std::numeric_limits<quint32>::max()) {
            s.setStatus(QDataStream::WriteFailed);
            return;
        }
        s << quint32(count);
    }

    bool readCount(QDataStream& s, quint32& count)
    {
        count = 0;
        s >> count;
        return s.status() == QDataStream::Ok;
    }
} // namespace codec_detail

QDataStream& operator<<(QDataStream& s, const std::string& v)
{
    // The same bytes QDataStream writes for a (non-null) QByteArray, without copying into one.
    if (v.size() >= std::numeric_limits<quint32>::max()) {
        s.setStatus(QDataStream::WriteFailed);
        return s;
    }
    s.writeBytes(v.data(), uint(v.size()));
    return s;
}

QDataStream& operator>>(QDataStream& s, std::string& v)
{
    // QByteArray's reader grows its buffer in steps as bytes arrive, so a garbage length cannot
    // allocate gigabytes up front.
    QByteArray bytes;
    s >> bytes;
    if (s.status() == QDataStream::Ok)
        v.assign(bytes.constData(), std::size_t(bytes.size()));
    else
        v.clear();
    return s;
}

namespace {
    template <typename... Fields>
    void writeFields(QDataStream& s, const Fields&... fields)
    {
        (put(s, fields), ...);
    }

    // Stops at the first failure, so a short stream is not read further.
    template <typename... Fields>
    void readFields(QDataStream& s, Fields&... fields)
    {
        ((s.status() == QDataStream::Ok ? get(s, fields) : void()), ...);
    }

    template <typename Enum>
    void putEnum(QDataStream& s, Enum v)
    {
        s << quint16(v);
    }

    template <typename Enum>
    void getEnum(QDataStream& s, Enum& v, Enum last)
    {
        quint16 raw = 0;
        s >> raw;
        if (s.status() != QDataStream::Ok)
            return;
        if (raw > quint16(last)) {
            s.setStatus(QDataStream::ReadCorruptData);
            return;
        }
        v = static_cast<Enum>(raw);
    }
} // namespace

// Each pair below writes and reads the same fields in the same order; a new field goes at the end of
// both and raises kProtocolVersion.

QDataStream& operator<<(QDataStream& s, const ZipRecord& v)
{
    writeFields(s, v.name, v.size, v.compressedSize, v.compressed);
    return s;
}

QDataStream& operator>>(QDataStream& s, ZipRecord& v)
{
    readFields(s, v.name, v.size, v.compressedSize, v.compressed);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ExtraFile& v)
{
    writeFields(s, v.name, v.contents);
    return s;
}

QDataStream& operator>>(QDataStream& s, ExtraFile& v)
{
    readFields(s, v.name, v.contents);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ArchiveInfo& v)
{
    writeFields(s, v.path, v.fileSize, v.archiveName, v.formatVersion, v.records, v.extraFiles, v.hasDebugInfo,
        v.hasBytecode, v.hasConstants, v.hasCode);
    return s;
}

QDataStream& operator>>(QDataStream& s, ArchiveInfo& v)
{
    readFields(s, v.path, v.fileSize, v.archiveName, v.formatVersion, v.records, v.extraFiles, v.hasDebugInfo,
        v.hasBytecode, v.hasConstants, v.hasCode);
    return s;
}

QDataStream& operator<<(QDataStream& s, const TensorInfo& v)
{
    writeFields(s, v.shape, v.dtype, v.device, v.requiresGrad, v.numel, v.bytes, v.quantized);
    return s;
}

QDataStream& operator>>(QDataStream& s, TensorInfo& v)
{
    readFields(s, v.shape, v.dtype, v.device, v.requiresGrad, v.numel, v.bytes, v.quantized);
    return s;
}

QDataStream& operator<<(QDataStream& s, SlotKind v)
{
    putEnum(s, v);
    return s;
}

QDataStream& operator>>(QDataStream& s, SlotKind& v)
{
    getEnum(s, v, SlotKind::Constant);
    return s;
}

QDataStream& operator<<(QDataStream& s, const Slot& v)
{
    writeFields(s, v.name, v.kind, v.type, v.tensor, v.value);
    return s;
}

QDataStream& operator>>(QDataStream& s, Slot& v)
{
    readFields(s, v.name, v.kind, v.type, v.tensor, v.value);
    return s;
}

QDataStream& operator<<(QDataStream& s, const Argument& v)
{
    writeFields(s, v.name, v.type, v.defaultValue, v.kwargOnly);
    return s;
}

QDataStream& operator>>(QDataStream& s, Argument& v)
{
    readFields(s, v.name, v.type, v.defaultValue, v.kwargOnly);
    return s;
}

QDataStream& operator<<(QDataStream& s, const MethodInfo& v)
{
    writeFields(s, v.name, v.arguments, v.returns, v.schema);
    return s;
}

QDataStream& operator>>(QDataStream& s, MethodInfo& v)
{
    readFields(s, v.name, v.arguments, v.returns, v.schema);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ModuleInfo& v)
{
    writeFields(s, v.path, v.name, v.originalName, v.qualifiedType, v.parent, v.children, v.members, v.methods,
        v.parameterCount, v.parameterBytes, v.bufferCount, v.bufferBytes, v.subtreeModules);
    return s;
}

QDataStream& operator>>(QDataStream& s, ModuleInfo& v)
{
    readFields(s, v.path, v.name, v.originalName, v.qualifiedType, v.parent, v.children, v.members, v.methods,
        v.parameterCount, v.parameterBytes, v.bufferCount, v.bufferBytes, v.subtreeModules);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ModuleTree& v)
{
    writeFields(s, v.modules);
    return s;
}

QDataStream& operator>>(QDataStream& s, ModuleTree& v)
{
    readFields(s, v.modules);
    return s;
}

QDataStream& operator<<(QDataStream& s, const SourceLocation& v)
{
    writeFields(s, v.file, v.line, v.column);
    return s;
}

QDataStream& operator>>(QDataStream& s, SourceLocation& v)
{
    readFields(s, v.file, v.line, v.column);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrUse& v)
{
    writeFields(s, v.node, v.inputIndex);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrUse& v)
{
    readFields(s, v.node, v.inputIndex);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrValue& v)
{
    writeFields(s, v.id, v.name, v.type, v.producer, v.block, v.uses);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrValue& v)
{
    readFields(s, v.id, v.name, v.type, v.producer, v.block, v.uses);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrAttribute& v)
{
    writeFields(s, v.name, v.kind, v.value);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrAttribute& v)
{
    readFields(s, v.name, v.kind, v.value);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrNode& v)
{
    writeFields(s, v.id, v.kind, v.inputs, v.outputs, v.attributes, v.schema, v.block, v.blocks, v.modulePath,
        v.calleePath, v.codeLocation, v.codeMethod, v.originalLocation);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrNode& v)
{
    readFields(s, v.id, v.kind, v.inputs, v.outputs, v.attributes, v.schema, v.block, v.blocks, v.modulePath,
        v.calleePath, v.codeLocation, v.codeMethod, v.originalLocation);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrBlock& v)
{
    writeFields(s, v.id, v.owner, v.inputs, v.outputs, v.nodes);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrBlock& v)
{
    readFields(s, v.id, v.owner, v.inputs, v.outputs, v.nodes);
    return s;
}

QDataStream& operator<<(QDataStream& s, const IrGraph& v)
{
    writeFields(s, v.modulePath, v.method, v.inlined, v.blocks, v.nodes, v.values);
    return s;
}

QDataStream& operator>>(QDataStream& s, IrGraph& v)
{
    readFields(s, v.modulePath, v.method, v.inlined, v.blocks, v.nodes, v.values);
    return s;
}

QDataStream& operator<<(QDataStream& s, ErrorKind v)
{
    putEnum(s, v);
    return s;
}

QDataStream& operator>>(QDataStream& s, ErrorKind& v)
{
    getEnum(s, v, ErrorKind::InvalidArgument);
    return s;
}

QDataStream& operator<<(QDataStream& s, const Error& v)
{
    writeFields(s, v.kind, v.message, v.detail);
    return s;
}

QDataStream& operator>>(QDataStream& s, Error& v)
{
    readFields(s, v.kind, v.message, v.detail);
    return s;
}

QDataStream& operator<<(QDataStream& s, const TensorStats& v)
{
    writeFields(s, v.numel, v.min, v.max, v.mean, v.std, v.zeros, v.nans, v.infs, v.valid, v.dtype, v.shape);
    return s;
}

QDataStream& operator>>(QDataStream& s, TensorStats& v)
{
    readFields(s, v.numel, v.min, v.max, v.mean, v.std, v.zeros, v.nans, v.infs, v.valid, v.dtype, v.shape);
    return s;
}

namespace {
    // Counts the nesting of the value being read on this thread; see kMaxValueDepth.
    thread_local int t_readDepth = 0;

    struct DepthGuard {
        explicit DepthGuard(QDataStream& s)
        {
            if (++t_readDepth > kMaxValueDepth)
                s.setStatus(QDataStream::ReadCorruptData);
        }
        ~DepthGuard() { --t_readDepth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };
} // namespace

QDataStream& operator<<(QDataStream& s, InputKind v)
{
    putEnum(s, v);
    return s;
}

QDataStream& operator>>(QDataStream& s, InputKind& v)
{
    getEnum(s, v, InputKind::File);
    return s;
}

QDataStream& operator<<(QDataStream& s, Fill v)
{
    putEnum(s, v);
    return s;
}

QDataStream& operator>>(QDataStream& s, Fill& v)
{
    getEnum(s, v, Fill::Randint);
    return s;
}

QDataStream& operator<<(QDataStream& s, const InputSpec& v)
{
    writeFields(s, v.kind, v.fill, v.fillValue, v.low, v.high, v.shape, v.dtype, v.intValue, v.floatValue, v.boolValue,
        v.text, v.items, v.keys);
    return s;
}

QDataStream& operator>>(QDataStream& s, InputSpec& v)
{
    const DepthGuard guard(s);
    readFields(s, v.kind, v.fill, v.fillValue, v.low, v.high, v.shape, v.dtype, v.intValue, v.floatValue, v.boolValue,
        v.text, v.items, v.keys);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ArgumentSpec& v)
{
    writeFields(s, v.name, v.type, v.defaultValue, v.suggested);
    return s;
}

QDataStream& operator>>(QDataStream& s, ArgumentSpec& v)
{
    readFields(s, v.name, v.type, v.defaultValue, v.suggested);
    return s;
}

QDataStream& operator<<(QDataStream& s, ValueNode::Kind v)
{
    putEnum(s, v);
    return s;
}

QDataStream& operator>>(QDataStream& s, ValueNode::Kind& v)
{
    getEnum(s, v, ValueNode::Kind::Other);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ValueNode& v)
{
    writeFields(s, v.kind, v.stats, v.device, v.values, v.valuesTruncated, v.intValue, v.floatValue, v.boolValue, v.text,
        v.items, v.keys);
    return s;
}

QDataStream& operator>>(QDataStream& s, ValueNode& v)
{
    const DepthGuard guard(s);
    readFields(s, v.kind, v.stats, v.device, v.values, v.valuesTruncated, v.intValue, v.floatValue, v.boolValue, v.text,
        v.items, v.keys);
    return s;
}

QDataStream& operator<<(QDataStream& s, const TimingStats& v)
{
    writeFields(s, v.warmup, v.runs, v.meanMs, v.medianMs, v.p95Ms, v.minMs, v.maxMs, v.samplesMs);
    return s;
}

QDataStream& operator>>(QDataStream& s, TimingStats& v)
{
    readFields(s, v.warmup, v.runs, v.meanMs, v.medianMs, v.p95Ms, v.minMs, v.maxMs, v.samplesMs);
    return s;
}

QDataStream& operator<<(QDataStream& s, const RunRequest& v)
{
    writeFields(s, v.modulePath, v.method, v.device, v.inputs, v.inputsFile, v.seed, v.warmup, v.repeat, v.valueLimit,
        v.saveOutputs, v.saveInputs, v.variant);
    return s;
}

QDataStream& operator>>(QDataStream& s, RunRequest& v)
{
    readFields(s, v.modulePath, v.method, v.device, v.inputs, v.inputsFile, v.seed, v.warmup, v.repeat, v.valueLimit,
        v.saveOutputs, v.saveInputs, v.variant);
    return s;
}

QDataStream& operator<<(QDataStream& s, const RunResult& v)
{
    writeFields(s, v.modulePath, v.method, v.device, v.argumentNames, v.inputs, v.output, v.timing, v.peakMemoryBytes);
    return s;
}

QDataStream& operator>>(QDataStream& s, RunResult& v)
{
    readFields(s, v.modulePath, v.method, v.device, v.argumentNames, v.inputs, v.output, v.timing, v.peakMemoryBytes);
    return s;
}

QDataStream& operator<<(QDataStream& s, const Tolerance& v)
{
    writeFields(s, v.rtol, v.atol);
    return s;
}

QDataStream& operator>>(QDataStream& s, Tolerance& v)
{
    readFields(s, v.rtol, v.atol);
    return s;
}

QDataStream& operator<<(QDataStream& s, const OutputComparison& v)
{
    writeFields(s, v.path, v.passed, v.problem, v.isTensor, v.dtype, v.shape, v.tolerance, v.numel, v.mismatched, v.maxAbsDiff,
        v.maxAbsIndex, v.maxRelDiff, v.maxRelIndex, v.requiredAtol, v.requiredRtol, v.histogram, v.histogramMax, v.valueA,
        v.valueB);
    return s;
}

QDataStream& operator>>(QDataStream& s, OutputComparison& v)
{
    readFields(s, v.path, v.passed, v.problem, v.isTensor, v.dtype, v.shape, v.tolerance, v.numel, v.mismatched, v.maxAbsDiff,
        v.maxAbsIndex, v.maxRelDiff, v.maxRelIndex, v.requiredAtol, v.requiredRtol, v.histogram, v.histogramMax, v.valueA,
        v.valueB);
    return s;
}

QDataStream& operator<<(QDataStream& s, const TrialReport& v)
{
    writeFields(s, v.index, v.seed, v.variant, v.passed, v.inputs, v.outputs);
    return s;
}

QDataStream& operator>>(QDataStream& s, TrialReport& v)
{
    readFields(s, v.index, v.seed, v.variant, v.passed, v.inputs, v.outputs);
    return s;
}

QDataStream& operator<<(QDataStream& s, const CompareRequest& v)
{
    writeFields(s, v.modulePath, v.method, v.deviceA, v.deviceB, v.inputs, v.inputsFile, v.seed, v.trials, v.variant, v.atol,
        v.rtol);
    return s;
}

QDataStream& operator>>(QDataStream& s, CompareRequest& v)
{
    readFields(s, v.modulePath, v.method, v.deviceA, v.deviceB, v.inputs, v.inputsFile, v.seed, v.trials, v.variant, v.atol,
        v.rtol);
    return s;
}

QDataStream& operator<<(QDataStream& s, const CompareReport& v)
{
    writeFields(s, v.method, v.trials, v.passedTrials, v.firstFailing);
    return s;
}

QDataStream& operator>>(QDataStream& s, CompareReport& v)
{
    readFields(s, v.method, v.trials, v.passedTrials, v.firstFailing);
    return s;
}

} // namespace torchscope
