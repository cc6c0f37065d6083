#include "testsupport.h"

#include "engine/archive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <map>
#include <memory>

namespace torchscope::test {
namespace {

    QStringList tsvRows(const QString& file) { return splitLines(QString::fromUtf8(readBytes(file))); }

    int dtypeSize(const QString& dtype)
    {
        static const QHash<QString, int> sizes { { QStringLiteral("float32"), 4 }, { QStringLiteral("float64"), 8 },
            { QStringLiteral("float16"), 2 }, { QStringLiteral("bfloat16"), 2 }, { QStringLiteral("int64"), 8 },
            { QStringLiteral("int32"), 4 }, { QStringLiteral("int16"), 2 }, { QStringLiteral("int8"), 1 },
            { QStringLiteral("uint8"), 1 }, { QStringLiteral("bool"), 1 } };
        return sizes.value(dtype, -1);
    }

    quint32 crc32(const QByteArray& data)
    {
        quint32 crc = 0xffffffffu;
        for (char ch : data) {
            crc ^= static_cast<unsigned char>(ch);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    }

    void put16(QByteArray& out, quint32 v) { out.append(char(v & 0xff)).append(char((v >> 8) & 0xff)); }

    void put32(QByteArray& out, quint32 v)
    {
        put16(out, v & 0xffff);
        put16(out, v >> 16);
    }

    QString valueList(const IrGraph& g, const std::vector<int>& ids, bool withTypes, const QString& sep)
    {
        QStringList parts;
        for (int id : ids) {
            const IrValue& v = g.values.at(id);
            parts << QLatin1Char('%') + QString::fromStdString(v.name)
                    + (withTypes ? QStringLiteral(" : ") + QString::fromStdString(v.type) : QString());
        }
        return parts.join(sep);
    }

    QString location(const SourceLocation& loc)
    {
        return QString::fromStdString(loc.file) + QLatin1Char(':') + QString::number(loc.line) + QLatin1Char(':')
            + QString::number(loc.column);
    }

    void renderBlock(const IrGraph& g, int blockId, int indent, QStringList& out)
    {
        const QString pad(indent, QLatin1Char(' '));
        for (int id : g.blocks.at(blockId).nodes) {
            const IrNode& n = g.nodes.at(id);
            QString line = pad + valueList(g, n.outputs, true, QStringLiteral(", ")) + QStringLiteral(" = ")
                + QString::fromStdString(n.kind) + QLatin1Char('(')
                + valueList(g, n.inputs, false, QStringLiteral(", ")) + QLatin1Char(')');
            if (n.originalLocation)
                line += QStringLiteral(" # ") + location(*n.originalLocation);
            out << line;
            for (size_t b = 0; b < n.blocks.size(); ++b) {
                const IrBlock& block = g.blocks.at(n.blocks[b]);
                out << pad + QStringLiteral("  block%1(").arg(b)
                        + valueList(g, block.inputs, true, QStringLiteral(", ")) + QStringLiteral("):");
                renderBlock(g, block.id, indent + 4, out);
                out << pad + QStringLiteral("    -> (") + valueList(g, block.outputs, false, QStringLiteral(", "))
                        + QLatin1Char(')');
            }
        }
    }

} // namespace

QString dataDir() { return QStringLiteral(TORCHSCOPE_TEST_DATA); }

QString dataPath(const QString& fileName) { return dataDir() + QLatin1Char('/') + fileName; }

QString expectedDir(const QString& stem) { return dataDir() + QStringLiteral("/expected/") + stem; }

QList<Fixture> torchScriptFixtures(bool withCustomOp)
{
    QList<Fixture> out;
    const QDir expected(dataDir() + QStringLiteral("/expected"));
    for (const QString& stem : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (stem == QLatin1String("custom_op") && !withCustomOp)
            continue;
        if (stem == QLatin1String("layout")) // TorchScope's own DOT conventions, not a fixture (see its README)
            continue;
        out.append(fixture(stem));
    }
    return out;
}

const Archive& openedFixture(const QString& stem)
{
    static std::map<QString, std::unique_ptr<Archive>> opened;
    auto& slot = opened[stem];
    if (!slot) {
        auto result = Archive::open(toStd(fixture(stem).path));
        if (!result)
            qFatal("cannot open %s: %s", qPrintable(stem), result.error().message.c_str());
        slot = std::move(result).value();
    }
    return *slot;
}

Fixture fixture(const QString& stem)
{
    for (const char* ext : { ".pt", ".ptl" }) {
        const QString path = dataPath(stem + QLatin1String(ext));
        if (QFileInfo::exists(path))
            return { stem, path };
    }
    return { stem, dataPath(stem + QStringLiteral(".pt")) };
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

std::string readStd(const QString& path) { return readBytes(path).toStdString(); }

QList<ModuleRow> expectedModules(const QString& stem)
{
    QList<ModuleRow> out;
    for (const QString& line : tsvRows(expectedDir(stem) + QStringLiteral("/modules.tsv"))) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() != 4)
            continue;
        ModuleRow row { f[0], f[1], f[2], {} };
        if (!f[3].isEmpty())
            row.methods = f[3].split(QLatin1Char(','));
        out.append(row);
    }
    return out;
}

QList<SlotRow> expectedSlots(const QString& stem)
{
    QList<SlotRow> out;
    for (const QString& line : tsvRows(expectedDir(stem) + QStringLiteral("/slots.tsv"))) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() != 6)
            continue;
        out.append({ f[0], f[1], f[2], f[3], f[4], f[5] == QLatin1String("true") });
    }
    return out;
}

QStringList expectedRecords(const QString& stem) { return tsvRows(expectedDir(stem) + QStringLiteral("/records.txt")); }

const char* textKindName(TextKind kind)
{
    switch (kind) {
    case TextKind::ClassCode:
        return "class";
    case TextKind::Code:
        return "code";
    case TextKind::Graph:
        return "graph";
    case TextKind::GraphNoSource:
        return "graph-nosrc";
    case TextKind::Inlined:
        return "inlined";
    }
    return "?";
}

QString ExpectedText::tag() const
{
    return stem + QLatin1Char('/') + moduleDirName(modulePath) + QLatin1Char('/') + QFileInfo(file).fileName();
}

QString moduleDirName(const QString& modulePath) { return modulePath.isEmpty() ? QStringLiteral("_root") : modulePath; }

QList<ExpectedText> expectedTexts(const QString& stem)
{
    static const QList<QPair<QString, TextKind>> suffixes { { QStringLiteral(".code.txt"), TextKind::Code },
        { QStringLiteral(".graph.txt"), TextKind::Graph },
        { QStringLiteral(".graph-nosrc.txt"), TextKind::GraphNoSource },
        { QStringLiteral(".inlined.txt"), TextKind::Inlined } };
    QList<ExpectedText> out;
    for (const ModuleRow& module : expectedModules(stem)) {
        const QDir dir(expectedDir(stem) + QLatin1Char('/') + moduleDirName(module.path));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            ExpectedText text { stem, module.path, {}, TextKind::Code, dir.filePath(name) };
            if (name == QLatin1String("class.code.txt")) {
                text.kind = TextKind::ClassCode;
                out.append(text);
                continue;
            }
            for (const auto& [suffix, kind] : suffixes) {
                if (name.endsWith(suffix)) {
                    text.method = name.left(name.size() - suffix.size());
                    text.kind = kind;
                    out.append(text);
                    break;
                }
            }
        }
    }
    return out;
}

Result<std::string> textFor(const Archive& archive, const ExpectedText& expected)
{
    const std::string module = toStd(expected.modulePath);
    const std::string method = toStd(expected.method);
    GraphTextOptions options;
    switch (expected.kind) {
    case TextKind::ClassCode:
        return archive.classCode(module);
    case TextKind::Code:
        return archive.methodCode(module, method);
    case TextKind::Graph:
        break;
    case TextKind::GraphNoSource:
        options.sourceComments = false;
        break;
    case TextKind::Inlined:
        options.form = GraphForm::Inlined;
        break;
    }
    return archive.graphText(module, method, options);
}

SlotTotals expectedTotals(const QString& stem, const QString& kind)
{
    SlotTotals totals;
    for (const SlotRow& slot : expectedSlots(stem)) {
        if (slot.kind != kind)
            continue;
        qint64 numel = 1;
        if (!slot.shape.isEmpty())
            for (const QString& d : slot.shape.split(QLatin1Char('x')))
                numel *= d.toLongLong();
        totals.count += numel;
        totals.bytes += numel * dtypeSize(slot.dtype);
    }
    return totals;
}

QByteArray makeStoredZip(const QList<QPair<QString, QByteArray>>& entries, const QByteArray& comment)
{
    QByteArray out;
    QByteArray directory;
    for (const auto& [name, data] : entries) {
        const QByteArray n = name.toUtf8();
        const quint32 crc = crc32(data);
        const quint32 offset = static_cast<quint32>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20); // version needed
        put16(out, 0); // flags
        put16(out, 0); // stored
        put16(out, 0); // time
        put16(out, 0x21); // date
        put32(out, crc);
        put32(out, data.size());
        put32(out, data.size());
        put16(out, n.size());
        put16(out, 0);
        out += n;
        out += data;

        put32(directory, 0x02014b50);
        put16(directory, 20); // made by
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, crc);
        put32(directory, data.size());
        put32(directory, data.size());
        put16(directory, n.size());
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, offset);
        directory += n;
    }
    const quint32 dirOffset = static_cast<quint32>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, entries.size());
    put16(out, entries.size());
    put32(out, directory.size());
    put32(out, dirOffset);
    put16(out, comment.size());
    out += comment;
    return out;
}

QStringList splitLines(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QStringList renderGraphSkeleton(const IrGraph& g)
{
    QStringList out = (QStringLiteral("graph(") + valueList(g, g.blocks.at(0).inputs, true, QStringLiteral(",\n      "))
        + QStringLiteral("):"))
                          .split(QLatin1Char('\n'));
    renderBlock(g, 0, 2, out);
    out << QStringLiteral("  return (") + valueList(g, g.blocks.at(0).outputs, false, QStringLiteral(", "))
            + QLatin1Char(')');
    return out;
}

QStringList graphTextSkeleton(const QString& text, QStringList* attributes)
{
    QStringList out;
    bool inHeader = true;
    for (const QString& line : splitLines(text)) {
        const QString t = line.trimmed();
        if (inHeader || t.startsWith(QLatin1String("block")) || t.startsWith(QLatin1String("-> ("))
            || t.startsWith(QLatin1String("return ("))) {
            out << line;
            inHeader = inHeader && !line.endsWith(QLatin1String("):"));
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1String(" = "));
        QString rest = line.mid(eq + 3);
        QString comment;
        if (const qsizetype c = rest.lastIndexOf(QLatin1String(") # ")); c >= 0) {
            comment = rest.mid(c + 4);
            rest.truncate(c + 1);
        }
        const qsizetype open = rest.lastIndexOf(QLatin1Char('('));
        qsizetype kindEnd = rest.indexOf(QLatin1Char('['));
        if (kindEnd < 0 || kindEnd > open)
            kindEnd = open;
        if (attributes)
            *attributes << rest.mid(kindEnd, open - kindEnd);
        out << line.left(eq) + QStringLiteral(" = ") + rest.left(kindEnd) + rest.mid(open)
                + (comment.isEmpty() ? QString() : QStringLiteral(" # ") + comment);
    }
    return out;
}

} // namespace torchscope::test
