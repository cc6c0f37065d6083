// irNodeLines / irNodeAtLine / nodesForCodeLine: every node of every fixture's graph text found on a line that
// prints its kind, and a damaged text losing only the nodes that differ.
#include "data/irtextmap.h"
#include "engine/archive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <map>
#include <memory>

using namespace torchscope;

namespace {

QString dataDir() { return QStringLiteral(TORCHSCOPE_TEST_DATA); }

std::string readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

} // namespace

class TestIrTextMap : public QObject {
    Q_OBJECT

private:
    const Archive* archive(const QString& path)
    {
        auto it = m_archives.find(path);
        if (it == m_archives.end()) {
            auto opened = Archive::open(path.toStdString());
            if (!opened)
                return nullptr;
            it = m_archives.emplace(path, std::move(opened).value()).first;
        }
        return it->second.get();
    }

    std::map<QString, std::unique_ptr<Archive>> m_archives;

private Q_SLOTS:
    void everyFixtureText_data()
    {
        QTest::addColumn<QString>("archivePath");
        QTest::addColumn<QString>("modulePath");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("inlined");
        QTest::addColumn<QString>("textFile");

        const QDir expected(dataDir() + QStringLiteral("/expected"));
        int rows = 0;
        for (const QString& stem : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            // custom_op.pt needs its operator library loaded first; tst_oplibrary covers it.
            if (stem == QLatin1String("custom_op"))
                continue;
            QString archivePath = dataDir() + QLatin1Char('/') + stem + QStringLiteral(".pt");
            if (!QFileInfo::exists(archivePath))
                archivePath = dataDir() + QLatin1Char('/') + stem + QStringLiteral(".ptl");
            const QDir fixture(expected.filePath(stem));
            for (const QString& moduleDir : fixture.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                const QString modulePath = moduleDir == QLatin1String("_root") ? QString() : moduleDir;
                const QDir dir(fixture.filePath(moduleDir));
                const QStringList files
                    = dir.entryList({ QStringLiteral("*.graph.txt"), QStringLiteral("*.graph-nosrc.txt"),
                                        QStringLiteral("*.inlined.txt") },
                        QDir::Files, QDir::Name);
                for (const QString& file : files) {
                    const QString method = file.section(QLatin1Char('.'), 0, 0);
                    const bool inlined = file.endsWith(QLatin1String(".inlined.txt"));
                    const QString tag = stem + QLatin1Char('/') + moduleDir + QLatin1Char('/') + file;
                    QTest::newRow(qPrintable(tag))
                        << archivePath << modulePath << method << inlined << dir.filePath(file);
                    ++rows;
                }
            }
        }
        QVERIFY2(rows >= 40, "the expected texts were not found");
    }

    void everyFixtureText()
    {
        QFETCH(QString, archivePath);
        QFETCH(QString, modulePath);
        QFETCH(QString, method);
        QFETCH(bool, inlined);
        QFETCH(QString, textFile);

        const Archive* a = archive(archivePath);
        QVERIFY2(a, qPrintable(archivePath));
        const auto graph
            = a->graph(modulePath.toStdString(), method.toStdString(), inlined ? GraphForm::Inlined : GraphForm::Graph);
        QVERIFY2(graph.ok(), graph.ok() ? "" : graph.error().message.c_str());
        const std::string text = readFile(textFile);
        QVERIFY(!text.empty());
        const std::vector<std::string> lines = splitLines(text);

        const std::vector<int> nodeLines = irNodeLines(text, *graph);
        QCOMPARE(nodeLines.size(), graph->nodes.size());
        int previous = 0;
        for (const IrNode& node : graph->nodes) {
            const int line = nodeLines[static_cast<size_t>(node.id)];
            QVERIFY2(line > 0,
                qPrintable(
                    QStringLiteral("node %1 (%2) has no line").arg(node.id).arg(QString::fromStdString(node.kind))));
            QVERIFY(line <= static_cast<int>(lines.size()));
            QVERIFY2(lines[static_cast<size_t>(line - 1)].find(" = " + node.kind) != std::string::npos,
                qPrintable(QStringLiteral("node %1 (%2) on line %3: %4")
                               .arg(node.id)
                               .arg(QString::fromStdString(node.kind))
                               .arg(line)
                               .arg(QString::fromStdString(lines[static_cast<size_t>(line - 1)]))));
            QVERIFY2(line > previous, "nodes are printed in id order");
            previous = line;
            QCOMPARE(irNodeAtLine(nodeLines, line), node.id);
        }
        // Every line that prints a node belongs to one: the count of ` = ns::kind(` lines equals the node count.
        int nodeShaped = 0;
        for (const std::string& line : lines) {
            const size_t eq = line.find(" = ");
            if (eq != std::string::npos && line.find("::", eq) != std::string::npos
                && line.compare(0, 6, "graph(") != 0)
                ++nodeShaped;
        }
        QCOMPARE(nodeShaped, static_cast<int>(graph->nodes.size()));
        QCOMPARE(irNodeAtLine(nodeLines, 1), -1); // the `graph(` header
        QCOMPARE(irNodeAtLine(nodeLines, static_cast<int>(lines.size()) + 5), -1);
    }

    void damagedTextLosesOnlyTheDamagedNode()
    {
        const Archive* a = archive(dataDir() + QStringLiteral("/mydecisiongate_scripted.pt"));
        QVERIFY(a);
        const auto graph = a->graph("dg", "forward", GraphForm::Graph);
        QVERIFY(graph.ok());
        const std::string text
            = readFile(dataDir() + QStringLiteral("/expected/mydecisiongate_scripted/dg/forward.graph.txt"));
        const std::vector<int> good = irNodeLines(text, *graph);

        // aten::sum is node 2: print it as another kind, as a graph from a different export would.
        std::string damaged = text;
        const size_t at = damaged.find("aten::sum");
        QVERIFY(at != std::string::npos);
        damaged.replace(at, 9, "aten::max");
        const std::vector<int> lines = irNodeLines(damaged, *graph);
        QCOMPARE(graph->nodes[2].kind, std::string("aten::sum"));
        QCOMPARE(lines[2], -1);
        for (size_t id = 0; id < lines.size(); ++id) {
            if (id != 2)
                QCOMPARE(lines[id], good[id]);
        }

        // A node missing from the text: the others keep their lines.
        std::vector<std::string> textLines = splitLines(text);
        const int sumLine = good[2];
        textLines.erase(textLines.begin() + (sumLine - 1));
        std::string shorter;
        for (const std::string& line : textLines)
            shorter += line + '\n';
        const std::vector<int> after = irNodeLines(shorter, *graph);
        QCOMPARE(after[2], -1);
        for (size_t id = 0; id < after.size(); ++id) {
            if (id != 2)
                QCOMPARE(after[id], good[id] > sumLine ? good[id] - 1 : good[id]);
        }

        QCOMPARE(irNodeLines(std::string(), *graph), std::vector<int>(graph->nodes.size(), -1));
    }

    void nodesForCodeLineFindsTanh()
    {
        const Archive* a = archive(dataDir() + QStringLiteral("/mycell_scripted.pt"));
        QVERIFY(a);
        const auto graph = a->graph("", "forward", GraphForm::Graph);
        QVERIFY(graph.ok());
        const std::vector<std::string> code
            = splitLines(readFile(dataDir() + QStringLiteral("/expected/mycell_scripted/_root/forward.code.txt")));
        int tanhLine = 0;
        for (size_t i = 0; i < code.size(); ++i) {
            if (code[i].find("torch.tanh(") != std::string::npos)
                tanhLine = static_cast<int>(i) + 1;
        }
        QVERIFY(tanhLine > 0);

        const std::vector<int> ids = nodesForCodeLine(*graph, "", "forward", tanhLine);
        std::vector<std::string> kinds;
        for (int id : ids) {
            QCOMPARE(graph->nodes.at(static_cast<size_t>(id)).codeLocation->line, tanhLine);
            kinds.push_back(graph->nodes.at(static_cast<size_t>(id)).kind);
        }
        QVERIFY(std::find(kinds.begin(), kinds.end(), "aten::tanh") != kinds.end());
        QVERIFY(std::find(kinds.begin(), kinds.end(), "aten::add") != kinds.end());
        QVERIFY(std::find(kinds.begin(), kinds.end(), "prim::TupleConstruct") == kinds.end());

        QVERIFY(nodesForCodeLine(*graph, "", "other_method", tanhLine).empty());
        QVERIFY(nodesForCodeLine(*graph, "linear", "forward", tanhLine).empty());
        QVERIFY(nodesForCodeLine(*graph, "", "forward", 1000).empty());

        // In the inlined graph, the linear layer's node points at the submodule's own code.
        const auto inlined = a->graph("", "forward", GraphForm::Inlined);
        QVERIFY(inlined.ok());
        bool linearFound = false;
        for (const IrNode& node : inlined->nodes) {
            if (node.kind == "aten::linear" && node.codeLocation) {
                const std::vector<int> sameLine
                    = nodesForCodeLine(*inlined, node.modulePath, node.codeMethod, node.codeLocation->line);
                linearFound = std::find(sameLine.begin(), sameLine.end(), node.id) != sameLine.end();
                QCOMPARE(node.modulePath, std::string("linear"));
            }
        }
        QVERIFY(linearFound);
    }
};

QTEST_GUILESS_MAIN(TestIrTextMap)
#include "tst_irtextmap.moc"
