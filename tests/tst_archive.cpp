// Archive against Python: every TorchScript fixture's module tree, slots, print(), code and graphs must equal
// what torch.jit printed for it (tests/data/expected), and the zip facts must match the archive.
#include "testsupport.h"

#include "data/format.h"
#include "data/modulerepr.h"
#include "engine/archive.h"

#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace torchscope;
using namespace torchscope::test;

class TestArchive : public QObject {
    Q_OBJECT

private:
    std::map<QString, std::unique_ptr<Archive>> m_archives;

    const Archive* archive(const QString& stem) const
    {
        auto it = m_archives.find(stem);
        return it == m_archives.end() ? nullptr : it->second.get();
    }

    static void addFixtureRows()
    {
        QTest::addColumn<QString>("stem");
        for (const Fixture& f : torchScriptFixtures())
            QTest::newRow(qPrintable(f.stem)) << f.stem;
    }

    // The signature Python printed at the top of `<method>.code`: "def m(self,\n    x: T=d,\n ...) -> R:".
    struct PrintedSignature {
        QStringList names, types, defaults; // defaults: empty string when none
        QString returnType;
    };
    static bool parseSignature(const QString& code, const QString& method, PrintedSignature& out)
    {
        const QString head = QStringLiteral("def ") + method + QLatin1Char('(');
        if (!code.startsWith(head))
            return false;
        const qsizetype arrow = code.indexOf(QStringLiteral(") -> "));
        const qsizetype colon = code.indexOf(QStringLiteral(":\n"), arrow);
        if (arrow < 0 || colon < 0)
            return false;
        out.returnType = code.mid(arrow + 5, colon - arrow - 5);
        QStringList args = code.mid(head.size(), arrow - head.size()).split(QStringLiteral(",\n    "));
        if (args.isEmpty() || !args.takeFirst().startsWith(QStringLiteral("self")))
            return false;
        for (const QString& arg : args) {
            const qsizetype sep = arg.indexOf(QStringLiteral(": "));
            const qsizetype eq = arg.indexOf(QLatin1Char('='), sep);
            out.names << arg.left(sep);
            out.types << arg.mid(sep + 2, eq < 0 ? -1 : eq - sep - 2);
            out.defaults << (eq < 0 ? QString() : arg.mid(eq + 1));
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto fixtures = torchScriptFixtures();
        QVERIFY2(fixtures.size() >= 10, "tests/data/expected lists fewer fixtures than make_fixtures.py writes");
        for (const Fixture& f : fixtures) {
            auto opened = Archive::open(toStd(f.path));
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
            m_archives[f.stem] = std::move(opened).value();
        }
    }

    void everyMethodHasExpectedText_data() { addFixtureRows(); }
    void everyMethodHasExpectedText()
    {
        // Guards the data-driven rows below: a method without files would otherwise go untested.
        QFETCH(QString, stem);
        const auto texts = expectedTexts(stem);
        for (const ModuleRow& m : expectedModules(stem)) {
            int classFiles = 0;
            for (const ExpectedText& t : texts)
                classFiles += t.modulePath == m.path && t.kind == TextKind::ClassCode;
            QCOMPARE(classFiles, 1);
            for (const QString& method : m.methods) {
                int files = 0;
                for (const ExpectedText& t : texts)
                    files += t.modulePath == m.path && t.method == method;
                QVERIFY2(files == 4, qPrintable(m.path + QLatin1Char('.') + method));
            }
        }
    }

    void moduleTree_data() { addFixtureRows(); }
    void moduleTree()
    {
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        const ModuleTree& tree = a->modules();
        const auto expected = expectedModules(stem);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(tree.modules.size(), size_t(expected.size()));
        for (int i = 0; i < expected.size(); ++i) {
            const ModuleInfo& m = tree.modules[i];
            const ModuleRow& row = expected[i];
            QCOMPARE(QString::fromStdString(m.path), row.path);
            QCOMPARE(QString::fromStdString(m.originalName), row.originalName);
            QCOMPARE(QString::fromStdString(m.qualifiedType), row.qualifiedType);
            QStringList methods;
            for (const MethodInfo& method : m.methods)
                methods << QString::fromStdString(method.name);
            QCOMPARE(methods, row.methods);
            // Structure: the name is the last path component and the parent holds the rest of the path.
            QCOMPARE(QString::fromStdString(m.name), row.path.section(QLatin1Char('.'), -1));
            if (i == 0) {
                QCOMPARE(m.parent, -1);
                continue;
            }
            QVERIFY(m.parent >= 0 && m.parent < i);
            const ModuleInfo& parent = tree.modules[m.parent];
            QCOMPARE(m.path, parent.path.empty() ? m.name : parent.path + "." + m.name);
            QVERIFY(std::count(parent.children.begin(), parent.children.end(), i) == 1);
            QCOMPARE(tree.find(m.path), &m);
        }
        QCOMPARE(tree.modules[0].subtreeModules, int(expected.size()));
        QVERIFY(!tree.find("no.such.module"));
    }

    void parametersAndBuffers_data() { addFixtureRows(); }
    void parametersAndBuffers()
    {
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        QStringList actual;
        for (const ModuleInfo& m : a->modules().modules) {
            for (SlotKind kind : { SlotKind::Parameter, SlotKind::Buffer }) {
                for (const Slot& s : m.members) {
                    if (s.kind != kind)
                        continue;
                    QVERIFY2(s.tensor.has_value(), s.name.c_str());
                    actual << QStringList { QString::fromStdString(m.path), QString::fromStdString(s.name),
                        QString::fromLatin1(slotKindName(s.kind)), QString::fromStdString(formatShape(s.tensor->shape)),
                        QString::fromStdString(s.tensor->dtype), s.tensor->requiresGrad ? "true" : "false" }
                                  .join(QLatin1Char('\t'));
                }
            }
        }
        const QStringList expected = splitLines(QString::fromUtf8(readBytes(expectedDir(stem) + "/slots.tsv")));
        QCOMPARE(actual, expected);
    }

    void totals_data() { addFixtureRows(); }
    void totals()
    {
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        const ModuleInfo& root = a->modules().modules.front();
        const SlotTotals params = expectedTotals(stem, QStringLiteral("parameter"));
        const SlotTotals buffers = expectedTotals(stem, QStringLiteral("buffer"));
        QCOMPARE(root.parameterCount, params.count);
        QCOMPARE(root.parameterBytes, params.bytes);
        QCOMPARE(root.bufferCount, buffers.count);
        QCOMPARE(root.bufferBytes, buffers.bytes);
    }

    void printModule_data() { addFixtureRows(); }
    void printModule()
    {
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        QCOMPARE(QString::fromStdString(moduleRepr(a->modules())),
            QString::fromUtf8(readBytes(expectedDir(stem) + "/print.txt")));
    }

    void expectedText_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("file");
        for (const Fixture& f : torchScriptFixtures())
            for (const ExpectedText& t : expectedTexts(f.stem))
                QTest::newRow(qPrintable(t.tag())) << t.stem << t.modulePath << t.method << int(t.kind) << t.file;
    }
    void expectedText()
    {
        QFETCH(QString, stem);
        QFETCH(QString, module);
        QFETCH(QString, method);
        QFETCH(int, kind);
        QFETCH(QString, file);
        const Archive* a = archive(stem);
        QVERIFY(a);
        const auto text = textFor(*a, { stem, module, method, TextKind(kind), file });
        QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
        const QByteArray expected = readBytes(file);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(QByteArray::fromStdString(text.value()), expected);
    }

    void methodSchemas_data() { addFixtureRows(); }
    void methodSchemas()
    {
        // Every argument's name, type and default and the return type, as Python printed them in `.code`.
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        int checked = 0;
        for (const ModuleInfo& m : a->modules().modules) {
            for (const MethodInfo& method : m.methods) {
                const QString name = QString::fromStdString(method.name);
                const QString code = QString::fromUtf8(readBytes(expectedDir(stem) + QLatin1Char('/')
                    + moduleDirName(QString::fromStdString(m.path)) + QLatin1Char('/') + name + ".code.txt"));
                PrintedSignature sig;
                QVERIFY2(parseSignature(code, name, sig), qPrintable(name));
                QCOMPARE(int(method.arguments.size()), int(sig.names.size()));
                for (int i = 0; i < sig.names.size(); ++i) {
                    const Argument& arg = method.arguments[i];
                    QCOMPARE(QString::fromStdString(arg.name), sig.names[i]);
                    QCOMPARE(QString::fromStdString(arg.type), sig.types[i]);
                    QCOMPARE(QString::fromStdString(arg.defaultValue.value_or("")), sig.defaults[i]);
                    QCOMPARE(arg.defaultValue.has_value(), !sig.defaults[i].isEmpty());
                }
                QCOMPARE(int(method.returns.size()), 1);
                QCOMPARE(QString::fromStdString(method.returns.front().type), sig.returnType);
                QVERIFY(method.schema.rfind(method.name + "(", 0) == 0);
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void multiMethodSchemas()
    {
        // As make_fixtures.py declares MultiMethod's methods.
        const Archive* a = archive(QStringLiteral("multi_method"));
        QVERIFY(a);
        const ModuleInfo& root = a->modules().modules.front();
        QCOMPARE(root.methods.size(), size_t(3));
        const MethodInfo& forward = root.methods[0];
        QCOMPARE(forward.name, std::string("forward"));
        QCOMPARE(forward.arguments.size(), size_t(4));
        QCOMPARE(forward.arguments[0].name, std::string("x"));
        QCOMPARE(forward.arguments[0].type, std::string("Tensor"));
        QVERIFY(!forward.arguments[0].defaultValue);
        QCOMPARE(forward.arguments[1].name, std::string("scale"));
        QCOMPARE(forward.arguments[1].type, std::string("float"));
        QCOMPARE(forward.arguments[1].defaultValue.value_or("-"), std::string("1.")); // TorchScript prints 1.0 as "1."
        QCOMPARE(forward.arguments[2].defaultValue.value_or("-"), std::string("True"));
        QCOMPARE(forward.arguments[3].name, std::string("h"));
        QCOMPARE(forward.arguments[3].type, std::string("Optional[Tensor]"));
        QCOMPARE(forward.arguments[3].defaultValue.value_or("-"), std::string("None"));
        QCOMPARE(forward.returns.front().type, std::string("Tensor"));

        const MethodInfo& combine = root.methods[1];
        QCOMPARE(combine.name, std::string("combine"));
        QCOMPARE(combine.arguments[0].type, std::string("Dict[str, Tensor]"));
        QCOMPARE(combine.arguments[1].type, std::string("List[Tensor]"));
        QCOMPARE(combine.arguments[2].name, std::string("name"));
        QVERIFY(combine.arguments[2].defaultValue.has_value()); // the string "default": see below
        QCOMPARE(combine.arguments[3].defaultValue.value_or("-"), std::string("2"));
        QCOMPARE(combine.returns.front().type, std::string("Tuple[Tensor, int]"));

        const MethodInfo& describe = root.methods[2];
        QCOMPARE(describe.arguments[0].type, std::string("Tuple[Tensor, int]"));
        QCOMPARE(describe.arguments[1].defaultValue.value_or("-"), std::string("False"));
        QVERIFY(describe.arguments[2].defaultValue.has_value());
        QCOMPARE(describe.returns.front().type, std::string("str"));
        for (const MethodInfo& m : root.methods)
            for (const Argument& arg : m.arguments)
                QVERIFY(!arg.kwargOnly);
    }

    void bug_stringDefaultsLoseTheirQuotes()
    {
        // Argument::defaultValue is "printed as in the schema": `str name="default"`. moduleinspector.cpp streams
        // the IValue, which writes a string bare, so the default "None" could not be told from None.
        const Archive* a = archive(QStringLiteral("multi_method"));
        QVERIFY(a);
        const ModuleInfo& root = a->modules().modules.front();
        QCOMPARE(root.methods.at(1).arguments.at(2).name, std::string("name"));
        QVERIFY(root.methods.at(1).schema.find("str name=\"default\"") != std::string::npos);
        QCOMPARE(root.methods.at(1).arguments.at(2).defaultValue.value_or("-"), std::string("\"default\""));
        QCOMPARE(root.methods.at(2).arguments.at(2).defaultValue.value_or("-"), std::string("\":\""));
    }

    void archiveInfo_data() { addFixtureRows(); }
    void archiveInfo()
    {
        QFETCH(QString, stem);
        const Archive* a = archive(stem);
        QVERIFY(a);
        const ArchiveInfo& info = a->info();
        const QString path = fixture(stem).path;
        QCOMPARE(QString::fromStdString(info.path), path);
        QCOMPARE(qint64(info.fileSize), QFileInfo(path).size());
        QCOMPARE(QString::fromStdString(info.archiveName), QFileInfo(path).completeBaseName());
        QVERIFY(info.formatVersion > 0);
        QStringList names;
        for (const ZipRecord& r : info.records)
            names << QString::fromStdString(r.name);
        QCOMPARE(names, expectedRecords(stem));
        QVERIFY(info.hasDebugInfo);
        QCOMPARE(info.hasBytecode, stem == QLatin1String("lite"));
        QVERIFY(info.hasConstants);
        QVERIFY(info.hasCode);
        // A record's size is the number of bytes it holds.
        for (const ZipRecord& r : info.records) {
            const auto bytes = a->record(r.name);
            QVERIFY2(bytes.ok(), r.name.c_str());
            QCOMPARE(r.size, std::uint64_t(bytes->size()));
            if (!r.compressed)
                QCOMPARE(r.compressedSize, r.size);
        }
        // Reading the zip without loading the model says the same.
        const auto direct = readArchiveInfo(toStd(path));
        QVERIFY(direct.ok());
        QCOMPARE(direct->records.size(), info.records.size());
        QCOMPARE(direct->formatVersion, info.formatVersion);
    }

    void extraFiles()
    {
        const Archive* a = archive(QStringLiteral("multi_method"));
        QVERIFY(a);
        std::string blob;
        for (int i = 0; i < 256; ++i)
            blob += char(i);
        const std::map<std::string, std::string> expected { { "blob.bin", blob },
            { "meta.json", R"({"name": "multi", "version": 3})" }, { "notes.txt", "plain text notes\n" } };
        std::map<std::string, std::string> actual;
        for (const ExtraFile& e : a->info().extraFiles)
            actual[e.name] = e.contents;
        QCOMPARE(a->info().extraFiles.size(), size_t(3));
        QVERIFY(actual == expected);
        QCOMPARE(a->record("extra/blob.bin").value(), blob);
        const auto viaPath = readArchiveRecord(toStd(fixture(QStringLiteral("multi_method")).path), "extra/notes.txt");
        QVERIFY(viaPath.ok());
        QCOMPARE(viaPath.value(), std::string("plain text notes\n"));
        QVERIFY(archive(QStringLiteral("mycell_traced"))->info().extraFiles.empty());
    }

    void missingThingsAreNamed()
    {
        const Archive* a = archive(QStringLiteral("wraprnn"));
        QVERIFY(a);
        const auto noModule = a->methodCode("loop.nosuch", "forward");
        QVERIFY(!noModule.ok());
        QCOMPARE(noModule.error().kind, ErrorKind::NoSuchModule);
        QVERIFY(noModule.error().message.find("'loop.nosuch'") != std::string::npos);
        const auto noMethod = a->graph("loop", "backward", GraphForm::Graph);
        QVERIFY(!noMethod.ok());
        QCOMPARE(noMethod.error().kind, ErrorKind::NoSuchMethod);
        QVERIFY(noMethod.error().message.find("'backward'") != std::string::npos);
        QVERIFY(noMethod.error().message.find("forward") != std::string::npos); // lists what exists
        const auto noRecord = a->record("extra/nosuch");
        QVERIFY(!noRecord.ok());
        QCOMPARE(noRecord.error().kind, ErrorKind::NoSuchRecord);
        QVERIFY(!a->classCode("nosuch").ok());
    }

    void openBytesGivesTheSame_data() { addFixtureRows(); }
    void openBytesGivesTheSame()
    {
        QFETCH(QString, stem);
        const Archive* fromFile = archive(stem);
        QVERIFY(fromFile);
        const auto opened = Archive::openBytes(readStd(fixture(stem).path), "in-memory " + toStd(stem));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const Archive& fromBytes = *opened.value();
        QCOMPARE(fromBytes.info().path, "in-memory " + toStd(stem));
        QCOMPARE(moduleRepr(fromBytes.modules(), true), moduleRepr(fromFile->modules(), true));
        QCOMPARE(fromBytes.info().records.size(), fromFile->info().records.size());
        for (const ExpectedText& t : expectedTexts(stem)) {
            if (t.kind != TextKind::Code && t.kind != TextKind::ClassCode && t.kind != TextKind::Inlined)
                continue;
            const auto text = textFor(fromBytes, t);
            QVERIFY2(text.ok(), qPrintable(t.tag()));
            QCOMPARE(QByteArray::fromStdString(text.value()), readBytes(t.file));
        }
    }

    void lstmWorksWithoutForward()
    {
        const Archive* a = archive(QStringLiteral("lstm_scripted"));
        QVERIFY(a);
        const ModuleInfo& root = a->modules().modules.front();
        QVERIFY(std::none_of(
            root.methods.begin(), root.methods.end(), [](const MethodInfo& m) { return m.name == "forward"; }));
        QCOMPARE(a->methodCode("", "forward").error().kind, ErrorKind::NoSuchMethod);
        const QString dir = expectedDir(QStringLiteral("lstm_scripted")) + "/_root/";
        const auto code = a->methodCode("", "forward__0");
        QVERIFY(code.ok());
        QCOMPARE(QByteArray::fromStdString(code.value()), readBytes(dir + "forward__0.code.txt"));
        const auto text = a->graphText("", "forward__0");
        QVERIFY(text.ok());
        QCOMPARE(QByteArray::fromStdString(text.value()), readBytes(dir + "forward__0.graph.txt"));
        const auto graph = a->graph("", "forward__0", GraphForm::Graph);
        QVERIFY(graph.ok());
        QCOMPARE(graph->method, std::string("forward__0"));
        QVERIFY(graph->nodes.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
