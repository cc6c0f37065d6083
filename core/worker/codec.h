#pragma once

// QDataStream forms of the core/data value types, for the worker protocol. This is where Qt meets the
// std-only core: std::string <-> QString conversion happens here and nowhere else.
//
// Wire rules (what a reader may rely on):
// - std::string is written exactly as its bytes, in QByteArray's form (quint32 length, then the bytes):
//   extra files and records may be binary, so no text encoding is applied.
// - std::vector<T> is a quint32 count followed by the elements; std::optional<T> is a quint8 flag
//   (0 absent, 1 present) followed by the value when present.
// - int is qint32, std::int64_t qint64, std::uint64_t quint64, enums quint16, bool one byte.
// - Readers never throw and never trust a count: a short or malformed stream sets the stream's status
//   (ReadPastEnd or ReadCorruptData), which callers must check; the value read is then unspecified.
//   An out-of-range enum value is ReadCorruptData.
// - Indices inside values (ModuleInfo::parent, IrNode::inputs, ...) are not validated here.
//
// The operators live in namespace torchscope; code outside it needs `using namespace torchscope;` (or
// `using torchscope::operator<<; using torchscope::operator>>;`) for the std::string/vector/optional forms.

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

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace torchscope {

// UTF-8 in both directions. Invalid UTF-8 becomes U+FFFD in the QString, as QString::fromUtf8 does.
QString toQString(const std::string& text);
std::string fromQString(const QString& text);
// Byte-exact copies.
QByteArray toQByteArray(const std::string& bytes);
std::string fromQByteArray(const QByteArray& bytes);

QDataStream& operator<<(QDataStream& s, const std::string& v);
QDataStream& operator>>(QDataStream& s, std::string& v);

template <typename T>
QDataStream& operator<<(QDataStream& s, const std::vector<T>& v);
template <typename T>
QDataStream& operator>>(QDataStream& s, std::vector<T>& v);
template <typename T>
QDataStream& operator<<(QDataStream& s, const std::optional<T>& v);
template <typename T>
QDataStream& operator>>(QDataStream& s, std::optional<T>& v);

namespace codec_detail {
    // Writes a container size; sets WriteFailed for sizes the wire format cannot carry.
    void writeCount(QDataStream& s, std::size_t count);
    // Reads a container size; false (status set) when the stream is short.
    bool readCount(QDataStream& s, quint32& count);

    // The Qt integer of the same width and signedness: std::int64_t is `long` on Linux and `long long`
    // on Windows, and QDataStream only has overloads for the latter.
    template <typename T>
    using WireInt = std::conditional_t<sizeof(T) == 1, std::conditional_t<std::is_signed_v<T>, qint8, quint8>,
        std::conditional_t<sizeof(T) == 2, std::conditional_t<std::is_signed_v<T>, qint16, quint16>,
            std::conditional_t<sizeof(T) == 4, std::conditional_t<std::is_signed_v<T>, qint32, quint32>,
                std::conditional_t<std::is_signed_v<T>, qint64, quint64>>>>;

    template <typename T>
    void put(QDataStream& s, const T& v)
    {
        if constexpr (std::is_same_v<T, bool>)
            s << v;
        else if constexpr (std::is_integral_v<T>)
            s << static_cast<WireInt<T>>(v);
        else
            s << v;
    }

    template <typename T>
    void get(QDataStream& s, T& v)
    {
        if constexpr (std::is_same_v<T, bool>) {
            s >> v;
        } else if constexpr (std::is_integral_v<T>) {
            WireInt<T> w = 0;
            s >> w;
            v = static_cast<T>(w);
        } else {
            s >> v;
        }
    }
} // namespace codec_detail

template <typename T>
QDataStream& operator<<(QDataStream& s, const std::vector<T>& v)
{
    codec_detail::writeCount(s, v.size());
    for (const T& item : v)
        codec_detail::put(s, item);
    return s;
}

template <typename T>
QDataStream& operator>>(QDataStream& s, std::vector<T>& v)
{
    v.clear();
    quint32 count = 0;
    if (!codec_detail::readCount(s, count))
        return s;
    // A garbage count must not allocate: reserve a little, then grow only while elements actually arrive.
    v.reserve(std::min<quint32>(count, 1024));
    for (quint32 i = 0; i < count; ++i) {
        T item {};
        codec_detail::get(s, item);
        if (s.status() != QDataStream::Ok)
            break;
        v.push_back(std::move(item));
    }
    return s;
}

template <typename T>
QDataStream& operator<<(QDataStream& s, const std::optional<T>& v)
{
    s << quint8(v.has_value() ? 1 : 0);
    if (v)
        codec_detail::put(s, *v);
    return s;
}

template <typename T>
QDataStream& operator>>(QDataStream& s, std::optional<T>& v)
{
    v.reset();
    quint8 present = 0;
    s >> present;
    if (s.status() != QDataStream::Ok)
        return s;
    if (present > 1) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    if (present) {
        T item {};
        codec_detail::get(s, item);
        if (s.status() == QDataStream::Ok)
            v = std::move(item);
    }
    return s;
}

// archiveinfo.h
QDataStream& operator<<(QDataStream& s, const ZipRecord& v);
QDataStream& operator>>(QDataStream& s, ZipRecord& v);
QDataStream& operator<<(QDataStream& s, const ExtraFile& v);
QDataStream& operator>>(QDataStream& s, ExtraFile& v);
QDataStream& operator<<(QDataStream& s, const ArchiveInfo& v);
QDataStream& operator>>(QDataStream& s, ArchiveInfo& v);

// moduleinfo.h
QDataStream& operator<<(QDataStream& s, const TensorInfo& v);
QDataStream& operator>>(QDataStream& s, TensorInfo& v);
QDataStream& operator<<(QDataStream& s, SlotKind v);
QDataStream& operator>>(QDataStream& s, SlotKind& v);
QDataStream& operator<<(QDataStream& s, const Slot& v);
QDataStream& operator>>(QDataStream& s, Slot& v);
QDataStream& operator<<(QDataStream& s, const Argument& v);
QDataStream& operator>>(QDataStream& s, Argument& v);
QDataStream& operator<<(QDataStream& s, const MethodInfo& v);
QDataStream& operator>>(QDataStream& s, MethodInfo& v);
QDataStream& operator<<(QDataStream& s, const ModuleInfo& v);
QDataStream& operator>>(QDataStream& s, ModuleInfo& v);
QDataStream& operator<<(QDataStream& s, const ModuleTree& v);
QDataStream& operator>>(QDataStream& s, ModuleTree& v);

// irgraph.h
QDataStream& operator<<(QDataStream& s, const SourceLocation& v);
QDataStream& operator>>(QDataStream& s, SourceLocation& v);
QDataStream& operator<<(QDataStream& s, const IrUse& v);
QDataStream& operator>>(QDataStream& s, IrUse& v);
QDataStream& operator<<(QDataStream& s, const IrValue& v);
QDataStream& operator>>(QDataStream& s, IrValue& v);
QDataStream& operator<<(QDataStream& s, const IrAttribute& v);
QDataStream& operator>>(QDataStream& s, IrAttribute& v);
QDataStream& operator<<(QDataStream& s, const IrNode& v);
QDataStream& operator>>(QDataStream& s, IrNode& v);
QDataStream& operator<<(QDataStream& s, const IrBlock& v);
QDataStream& operator>>(QDataStream& s, IrBlock& v);
QDataStream& operator<<(QDataStream& s, const IrGraph& v);
QDataStream& operator>>(QDataStream& s, IrGraph& v);

// result.h
QDataStream& operator<<(QDataStream& s, ErrorKind v);
QDataStream& operator>>(QDataStream& s, ErrorKind& v);
QDataStream& operator<<(QDataStream& s, const Error& v);
QDataStream& operator>>(QDataStream& s, Error& v);

// tensorstats.h
QDataStream& operator<<(QDataStream& s, const TensorStats& v);
QDataStream& operator>>(QDataStream& s, TensorStats& v);

// inputspec.h and runresult.h (the Run panel's requests and results). InputSpec and ValueNode nest; a
// reader gives up with ReadCorruptData beyond kMaxValueDepth levels, so a hostile payload cannot exhaust the
// stack.
constexpr int kMaxValueDepth = 64;
QDataStream& operator<<(QDataStream& s, InputKind v);
QDataStream& operator>>(QDataStream& s, InputKind& v);
QDataStream& operator<<(QDataStream& s, Fill v);
QDataStream& operator>>(QDataStream& s, Fill& v);
QDataStream& operator<<(QDataStream& s, const InputSpec& v);
QDataStream& operator>>(QDataStream& s, InputSpec& v);
QDataStream& operator<<(QDataStream& s, const ArgumentSpec& v);
QDataStream& operator>>(QDataStream& s, ArgumentSpec& v);
QDataStream& operator<<(QDataStream& s, ValueNode::Kind v);
QDataStream& operator>>(QDataStream& s, ValueNode::Kind& v);
QDataStream& operator<<(QDataStream& s, const ValueNode& v);
QDataStream& operator>>(QDataStream& s, ValueNode& v);
QDataStream& operator<<(QDataStream& s, const TimingStats& v);
QDataStream& operator>>(QDataStream& s, TimingStats& v);
QDataStream& operator<<(QDataStream& s, const RunRequest& v);
QDataStream& operator>>(QDataStream& s, RunRequest& v);
QDataStream& operator<<(QDataStream& s, const RunResult& v);
QDataStream& operator>>(QDataStream& s, RunResult& v);

// comparereport.h
QDataStream& operator<<(QDataStream& s, const Tolerance& v);
QDataStream& operator>>(QDataStream& s, Tolerance& v);
QDataStream& operator<<(QDataStream& s, const OutputComparison& v);
QDataStream& operator>>(QDataStream& s, OutputComparison& v);
QDataStream& operator<<(QDataStream& s, const TrialReport& v);
QDataStream& operator>>(QDataStream& s, TrialReport& v);
QDataStream& operator<<(QDataStream& s, const CompareRequest& v);
QDataStream& operator>>(QDataStream& s, CompareRequest& v);
QDataStream& operator<<(QDataStream& s, const CompareReport& v);
QDataStream& operator>>(QDataStream& s, CompareReport& v);

} // namespace torchscope
