#pragma once

#include "data/irgraph.h"
#include "data/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <string>

namespace torchscope {
class Archive;
}

// What the suites share: where the fixtures are, what tests/data/expected says about them (Python's own
// output, see tests/data/expected/README.md), and a few small helpers.
namespace torchscope::test {

QString dataDir();
QString dataPath(const QString& fileName);
QString expectedDir(const QString& stem);

struct Fixture {
    QString stem; // "wraprnn"
    QString path; // absolute path of the archive (.pt or .ptl)
};

// Every fixture that has an expected folder, sorted by stem. custom_op needs the test operator library
// loaded first, so it is left out unless asked for.
QList<Fixture> torchScriptFixtures(bool withCustomOp = false);
Fixture fixture(const QString& stem);
// The fixture's archive, opened once per test process and kept; a fixture that fails to open is fatal.
const Archive& openedFixture(const QString& stem);

// The whole file, or an empty array when it cannot be read (callers compare, so that fails visibly).
QByteArray readBytes(const QString& path);
std::string readStd(const QString& path);
inline std::string toStd(const QString& s) { return s.toStdString(); }

// modules.tsv: one row per named_modules() entry.
struct ModuleRow {
    QString path;
    QString originalName;
    QString qualifiedType;
    QStringList methods;
};
QList<ModuleRow> expectedModules(const QString& stem);

// slots.tsv: per module its own parameters, then its buffers.
struct SlotRow {
    QString path;
    QString name;
    QString kind; // "parameter" | "buffer"
    QString shape; // "3x4", "" for 0-d
    QString dtype; // "float32"
    bool requiresGrad = false;
};
QList<SlotRow> expectedSlots(const QString& stem);

// records.txt: sorted record names without the archive folder.
QStringList expectedRecords(const QString& stem);

enum class TextKind { ClassCode, Code, Graph, GraphNoSource, Inlined };
const char* textKindName(TextKind kind);

// One expected text file: which module/method and which view of it.
struct ExpectedText {
    QString stem;
    QString modulePath; // "" for the root
    QString method; // empty for ClassCode
    TextKind kind = TextKind::Code;
    QString file; // absolute path
    QString tag() const; // "wraprnn/loop.cell/forward.graph.txt", for data rows
};
// Every expected text file of a fixture, found by listing the module folders named in modules.tsv.
QList<ExpectedText> expectedTexts(const QString& stem);
// "_root" for the root, else the dotted path.
QString moduleDirName(const QString& modulePath);

// What the engine returns for the expected file's view.
Result<std::string> textFor(const Archive& archive, const ExpectedText& expected);

// Sum of the elements and bytes of the parameters (or buffers) listed in slots.tsv.
struct SlotTotals {
    qint64 count = 0;
    qint64 bytes = 0;
};
SlotTotals expectedTotals(const QString& stem, const QString& kind);

// A minimal zip writer (stored entries, correct CRCs), independent of the code under test.
QByteArray makeStoredZip(const QList<QPair<QString, QByteArray>>& entries, const QByteArray& comment = {});

// A graph as LibTorch's Graph::toString() prints it, minus node attributes: "graph(%x : T, ...):", then per node
// "  %out : T = kind(%in, ...) # file:line:col" (the comment from originalLocation), blocks and returns.
QStringList renderGraphSkeleton(const IrGraph& graph);
// Python's graph text with each node line reduced to the same form; `attributes`, when given, receives each node
// line's "[name=value, ...]" (or ""), in node order.
QStringList graphTextSkeleton(const QString& text, QStringList* attributes = nullptr);

// Lines of text, each without its '\n'; a missing final newline counts as a last line.
QStringList splitLines(const QString& text);

} // namespace torchscope::test
