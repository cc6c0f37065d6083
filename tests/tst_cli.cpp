// torchscope-cli as a user runs it: stdout must be Python's text byte for byte, errors exit 2 with one line on
// stderr naming the file, and the --json forms parse.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <map>
#include <memory>

using namespace torchscope::test;

namespace {

struct CliRun {
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun collect(QProcess& process)
{
    CliRun run;
    run.finished = process.waitForFinished(180000);
    run.status = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(TORCHSCOPE_CLI), args);
    return collect(process);
}

// Most rows run the CLI once, and starting LibTorch dominates: rows queued while their _data() lists them are
// started a few at a time ahead of the row being checked. Each run is still checked on its own.
class CliQueue {
public:
    ~CliQueue()
    {
        for (auto& [key, process] : m_running) {
            process->kill();
            process->waitForFinished();
        }
    }

    void enqueue(const QStringList& args) { m_queue.append(args); }

    CliRun run(const QStringList& args)
    {
        const QString k = key(args);
        if (m_running.find(k) == m_running.end()) {
            m_queue.removeOne(args);
            start(args);
        }
        fill();
        std::unique_ptr<QProcess> process = std::move(m_running[k]);
        m_running.erase(k);
        const CliRun result = collect(*process);
        fill();
        return result;
    }

private:
    static QString key(const QStringList& args) { return args.join(QChar(0x1f)); }

    void start(const QStringList& args)
    {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(TORCHSCOPE_CLI), args);
        m_running[key(args)] = std::move(process);
    }

    void fill()
    {
        while (int(m_running.size()) < m_parallel && !m_queue.isEmpty()) {
            const QStringList next = m_queue.takeFirst();
            if (m_running.find(key(next)) == m_running.end())
                start(next);
        }
    }

    const int m_parallel = qBound(2, QThread::idealThreadCount(), 8);
    QList<QStringList> m_queue;
    std::map<QString, std::unique_ptr<QProcess>> m_running;
};

QStringList withLibrary(const QString& stem, QStringList args)
{
    if (stem == QLatin1String("custom_op"))
        args = QStringList { QStringLiteral("--load-library"), QStringLiteral(TORCHSCOPE_TEST_OPLIB) } + args;
    return args;
}

QJsonDocument parseJson(const QByteArray& bytes, QJsonParseError& error)
{
    return QJsonDocument::fromJson(bytes, &error);
}

} // namespace

// Asserts a successful run (a macro so that QCOMPARE's failure returns from the test function).
#define QVERIFY_CLI_OK(run)                                                                                            \
    do {                                                                                                               \
        QVERIFY((run).finished);                                                                                       \
        QVERIFY2((run).status == QProcess::NormalExit, "torchscope-cli crashed");                                      \
        QVERIFY2((run).exitCode == 0, (run).err.constData());                                                          \
        QVERIFY2((run).err.isEmpty(), (run).err.constData());                                                          \
    } while (false)

// Asserts the error contract: exit 2, nothing on stdout, one "torchscope-cli: " line on stderr containing `needle`.
#define QVERIFY_CLI_ERROR(run, needle)                                                                                 \
    do {                                                                                                               \
        QVERIFY((run).finished);                                                                                       \
        QVERIFY2((run).status == QProcess::NormalExit, "torchscope-cli crashed");                                      \
        QCOMPARE((run).exitCode, 2);                                                                                   \
        QCOMPARE((run).out, QByteArray());                                                                             \
        QVERIFY2((run).err.startsWith("torchscope-cli: "), (run).err.constData());                                     \
        QVERIFY2((run).err.endsWith('\n') && (run).err.count('\n') == 1, (run).err.constData());                       \
        QVERIFY2(QString::fromUtf8((run).err).contains(needle), (run).err.constData());                                \
    } while (false)

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliQueue m_cli;

    QString write(const QString& name, const QByteArray& bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }

    // One row per fixture running `command ARCHIVE options...`.
    void addFixtureRows(const QString& command, const QStringList& options)
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QStringList>("args");
        for (const Fixture& f : torchScriptFixtures(true)) {
            const QStringList args = withLibrary(f.stem, QStringList { command, f.path } + options);
            QTest::newRow(qPrintable(f.stem)) << f.stem << args;
            m_cli.enqueue(args);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void printsPythonText_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
        for (const Fixture& f : torchScriptFixtures(true)) {
            const QStringList tree = withLibrary(f.stem, { QStringLiteral("tree"), f.path });
            QTest::newRow(qPrintable(f.stem + QStringLiteral("/tree"))) << tree << expectedDir(f.stem) + "/print.txt";
            m_cli.enqueue(tree);
            for (const ExpectedText& t : expectedTexts(f.stem)) {
                QStringList args { t.kind == TextKind::Code || t.kind == TextKind::ClassCode ? "code" : "graph",
                    f.path };
                if (!t.modulePath.isEmpty())
                    args << QStringLiteral("--module") << t.modulePath;
                if (t.kind == TextKind::ClassCode)
                    args << QStringLiteral("--class");
                else
                    args << QStringLiteral("--method") << t.method;
                if (t.kind == TextKind::GraphNoSource)
                    args << QStringLiteral("--no-source");
                if (t.kind == TextKind::Inlined)
                    args << QStringLiteral("--inlined");
                QTest::newRow(qPrintable(t.tag())) << withLibrary(f.stem, args) << t.file;
                m_cli.enqueue(withLibrary(f.stem, args));
            }
        }
    }
    void printsPythonText()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_OK(run);
        const QByteArray expected = readBytes(file);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(run.out, expected);
    }

    void defaultMethod()
    {
        // No forward (scripted nn.LSTM): the first method, forward__0.
        const QString lstm = fixture(QStringLiteral("lstm_scripted")).path;
        const QString dir = expectedDir(QStringLiteral("lstm_scripted")) + "/_root/";
        const CliRun code = runCli({ QStringLiteral("code"), lstm });
        QVERIFY_CLI_OK(code);
        QCOMPARE(code.out, readBytes(dir + "forward__0.code.txt"));
        const CliRun graph = runCli({ QStringLiteral("graph"), lstm, QStringLiteral("--no-source") });
        QVERIFY_CLI_OK(graph);
        QCOMPARE(graph.out, readBytes(dir + "forward__0.graph-nosrc.txt"));
        // With forward: forward, even when it is not the first method (multi_method declares it first anyway).
        const CliRun multi = runCli({ QStringLiteral("code"), fixture(QStringLiteral("multi_method")).path,
            QStringLiteral("--module"), QStringLiteral("block.inner") });
        QVERIFY_CLI_OK(multi);
        QCOMPARE(multi.out, readBytes(expectedDir(QStringLiteral("multi_method")) + "/block.inner/forward.code.txt"));
    }

    void badInputs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("path");
        const QByteArray traced = readBytes(dataPath(QStringLiteral("mycell_traced.pt")));
        QVERIFY(!traced.isEmpty());
        QByteArray random(3000, '\0');
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        const QList<QPair<QString, QString>> inputs {
            { "missing", m_dir.filePath(QStringLiteral("missing.pt")) },
            { "directory", m_dir.path() },
            { "empty", write(QStringLiteral("empty.pt"), {}) },
            { "random", write(QStringLiteral("random.pt"), random) },
            { "truncated", write(QStringLiteral("truncated.pt"), traced.left(traced.size() / 2)) },
            { "checkpoint", dataPath(QStringLiteral("checkpoint.pt")) },
            { "legacy", dataPath(QStringLiteral("legacy.pt")) },
            { "newer_version", dataPath(QStringLiteral("newer_version.pt")) },
            { "custom_op without library", dataPath(QStringLiteral("custom_op.pt")) },
        };
        for (const char* command : { "info", "tree", "code", "graph", "records" }) {
            for (const auto& [name, path] : inputs) {
                if (QLatin1String(command) == QLatin1String("records") && path.endsWith(QLatin1String("custom_op.pt")))
                    continue; // records does not load the model, so it lists custom_op.pt fine
                const QStringList args { QString::fromLatin1(command), path };
                QTest::addRow("%s %s", command, qPrintable(name)) << args << path;
                m_cli.enqueue(args);
            }
        }
    }
    void badInputs()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, path);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_ERROR(run, path);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QString cell = fixture(QStringLiteral("mycell_traced")).path;
        QTest::newRow("unknown command") << QStringList { "frobnicate", cell } << "frobnicate";
        QTest::newRow("unknown option") << QStringList { "code", cell, "--bogus" } << "--bogus";
        QTest::newRow("option of another command") << QStringList { "tree", cell, "--inlined" } << "--inlined";
        QTest::newRow("missing archive") << QStringList { "code" } << "takes 1 argument";
        QTest::newRow("missing value") << QStringList { "code", cell, "--module" } << "--module";
        QTest::newRow("no such module") << QStringList { "code", cell, "--module", "nosuch" } << "'nosuch'";
        QTest::newRow("no such method") << QStringList { "graph", cell, "--method", "nosuch" } << "'nosuch'";
        QTest::newRow("no such record") << QStringList { "extract", cell, "extra/nosuch" } << "extra/nosuch";
        QTest::newRow("missing library") << QStringList { "--load-library", "/nonexistent/libx.so", "info", cell }
                                         << "/nonexistent/libx.so";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        const CliRun run = runCli(args);
        QVERIFY_CLI_ERROR(run, needle);
    }

    void version()
    {
        const CliRun run = runCli({ QStringLiteral("--version") });
        QVERIFY_CLI_OK(run);
        QVERIFY2(run.out.startsWith("torchscope-cli " TORCHSCOPE_PROJECT_VERSION " "), run.out.constData());
        QCOMPARE(run.out.count('\n'), 1);
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        const QStringList commands { "info", "tree", "code", "graph", "records", "extract" };
        QTest::newRow("--help") << QStringList { "--help" } << commands;
        QTest::newRow("-h") << QStringList { "-h" } << commands;
        for (const QString& c : commands)
            QTest::addRow("%s --help", qPrintable(c))
                << QStringList { c, "--help" } << QStringList { QStringLiteral("torchscope-cli ") + c };
    }
    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const CliRun run = runCli(args);
        QVERIFY_CLI_OK(run);
        for (const QString& m : mentions)
            QVERIFY2(QString::fromUtf8(run.out).contains(m), qPrintable(m));
    }

    void treeJson_data() { addFixtureRows(QStringLiteral("tree"), { QStringLiteral("--json") }); }
    void treeJson()
    {
        QFETCH(QString, stem);
        QFETCH(QStringList, args);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_OK(run);
        QJsonParseError error;
        const QJsonArray modules = parseJson(run.out, error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto expected = expectedModules(stem);
        QCOMPARE(modules.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject m = modules[i].toObject();
            QCOMPARE(m[QStringLiteral("path")].toString(), expected[i].path);
            QCOMPARE(m[QStringLiteral("original_name")].toString(), expected[i].originalName);
            QCOMPARE(m[QStringLiteral("qualified_type")].toString(), expected[i].qualifiedType);
            QStringList methods;
            for (const QJsonValue& method : m[QStringLiteral("methods")].toArray())
                methods << method[QStringLiteral("name")].toString();
            QCOMPARE(methods, expected[i].methods);
        }
    }

    void infoJson_data() { addFixtureRows(QStringLiteral("info"), { QStringLiteral("--json") }); }
    void infoJson()
    {
        QFETCH(QString, stem);
        QFETCH(QStringList, args);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_OK(run);
        QJsonParseError error;
        const QJsonObject info = parseJson(run.out, error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(info[QStringLiteral("archive")][QStringLiteral("format_version")].toInteger() > 0);
        const auto modules = expectedModules(stem);
        int methods = 0;
        for (const ModuleRow& m : modules)
            methods += m.methods.size();
        QCOMPARE(info[QStringLiteral("module_count")].toInteger(), qint64(modules.size()));
        QCOMPARE(info[QStringLiteral("method_count")].toInteger(), qint64(methods));
        QCOMPARE(info[QStringLiteral("parameter_count")].toInteger(),
            expectedTotals(stem, QStringLiteral("parameter")).count);
        QCOMPARE(
            info[QStringLiteral("buffer_bytes")].toInteger(), expectedTotals(stem, QStringLiteral("buffer")).bytes);
        QCOMPARE(info[QStringLiteral("methods")].toArray().size(), methods);
    }

    void graphJson_data() { addFixtureRows(QStringLiteral("graph"), { QStringLiteral("--json") }); }
    void graphJson()
    {
        QFETCH(QString, stem);
        QFETCH(QStringList, args);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_OK(run);
        QJsonParseError error;
        const QJsonObject graph = parseJson(run.out, error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray nodes = graph[QStringLiteral("nodes")].toArray();
        const QJsonArray values = graph[QStringLiteral("values")].toArray();
        QVERIFY(!nodes.isEmpty());
        QVERIFY(!values.isEmpty());
        for (const QJsonValue& node : nodes) {
            QVERIFY(!node[QStringLiteral("kind")].toString().isEmpty());
            for (const QJsonValue& input : node[QStringLiteral("inputs")].toArray())
                QVERIFY(input.toInt(-1) >= 0 && input.toInt() < values.size());
        }
    }

    void records_data() { addFixtureRows(QStringLiteral("records"), {}); }
    void records()
    {
        QFETCH(QString, stem);
        QFETCH(QStringList, args);
        const CliRun run = m_cli.run(args);
        QVERIFY_CLI_OK(run);
        QStringList names;
        for (const QString& line : splitLines(QString::fromUtf8(run.out))) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            QCOMPARE(fields.size(), 3);
            QVERIFY(fields[1] == QLatin1String("stored") || fields[1] == QLatin1String("deflated"));
            names << fields[2];
        }
        QCOMPARE(names, expectedRecords(stem));
    }

    void extract()
    {
        const QString multi = fixture(QStringLiteral("multi_method")).path;
        const CliRun meta = runCli({ QStringLiteral("extract"), multi, QStringLiteral("extra/meta.json") });
        QVERIFY_CLI_OK(meta);
        QCOMPARE(meta.out, QByteArray(R"({"name": "multi", "version": 3})"));
        const QString target = m_dir.filePath(QStringLiteral("blob.bin"));
        const CliRun blob = runCli(
            { QStringLiteral("extract"), multi, QStringLiteral("extra/blob.bin"), QStringLiteral("-o"), target });
        QVERIFY_CLI_OK(blob);
        QCOMPARE(blob.out, QByteArray());
        QByteArray expected;
        for (int i = 0; i < 256; ++i)
            expected += char(i);
        QCOMPARE(readBytes(target), expected);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
