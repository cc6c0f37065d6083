// `torchscope-cli render` as a user runs it: SVG that parses as XML with its labels as <text>, PNG, DOT that
// Graphviz accepts, and the error contract (exit 2, one line on stderr) for bad options.
#include "testsupport.h"

#include "layout/graphlayout.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace torchscope;
using namespace torchscope::test;

namespace {

struct CliRun {
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(TORCHSCOPE_CLI), args);
    CliRun run;
    run.finished = process.waitForFinished(180000);
    run.status = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

struct Svg {
    QString error; // empty when it parsed
    QString rootElement;
    QStringList texts;
};

Svg parseSvg(const QByteArray& bytes)
{
    Svg svg;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (svg.rootElement.isEmpty())
            svg.rootElement = xml.name().toString();
        if (xml.name() == QLatin1String("text"))
            svg.texts << xml.readElementText();
    }
    if (xml.hasError())
        svg.error = xml.errorString();
    return svg;
}

} // namespace

#define QVERIFY_CLI_OK(run)                                                                                            \
    do {                                                                                                               \
        QVERIFY((run).finished);                                                                                       \
        QVERIFY2((run).status == QProcess::NormalExit, "torchscope-cli crashed");                                      \
        QVERIFY2((run).exitCode == 0, (run).err.constData());                                                          \
        QVERIFY2((run).err.isEmpty(), (run).err.constData());                                                          \
        QCOMPARE((run).out, QByteArray());                                                                             \
    } while (false)

class TestCliRender : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void svgParsesWithTextLabels_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("labels");
        const QString wrap = fixture(QStringLiteral("wraprnn")).path;
        const QString gate = fixture(QStringLiteral("mydecisiongate_scripted")).path;
        QTest::newRow("collapsed") << QStringList { wrap } << QStringList { "loop", "MyRNNLoop.forward", "relu" };
        QTest::newRow("expand all") << QStringList { wrap, "--expand", "all" }
                                    << QStringList { "loop: MyRNNLoop", "loop.cell: MyCell", "Loop", "If", "then",
                                           "else", "neg", "weight=loop.cell.linear.weight" };
        QTest::newRow("expand 1") << QStringList { wrap, "--expand=1" }
                                  << QStringList { "loop: MyRNNLoop", "loop.cell", "MyCell.forward" };
        QTest::newRow("inlined") << QStringList { wrap, "--inlined" }
                                 << QStringList { "loop", "loop.cell", "loop.cell.dg", "neg" };
        QTest::newRow("inlined none") << QStringList { wrap, "--inlined", "--expand", "none" }
                                      << QStringList { "loop", "16 ops" };
        QTest::newRow("module") << QStringList { gate, "--module", "dg", "--method", "forward" }
                                << QStringList { "If", "then", "else", "other=0" };
        QTest::newRow("no fold") << QStringList { gate, "--module", "dg", "--no-fold" }
                                 << QStringList { "Constant", "NoneType", "value=0", "self" };
    }
    void svgParsesWithTextLabels()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, labels);
        const QString out = path(QStringLiteral("graph.svg"));
        QFile::remove(out);
        const CliRun run = runCli(QStringList { QStringLiteral("render") } + args + QStringList { "-o", out });
        QVERIFY_CLI_OK(run);
        const Svg svg = parseSvg(readBytes(out));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.rootElement, QStringLiteral("svg"));
        QVERIFY(!svg.texts.isEmpty());
        for (const QString& label : labels)
            QVERIFY2(svg.texts.contains(label), qPrintable(label + QStringLiteral(" not in ") + svg.texts.join(u'|')));
    }

    void png()
    {
        const QString wrap = fixture(QStringLiteral("wraprnn")).path;
        const QString out = path(QStringLiteral("graph.png"));
        QVERIFY_CLI_OK(runCli({ "render", wrap, "-o", out, "--expand", "all" }));
        QVERIFY(readBytes(out).startsWith("\x89PNG\r\n\x1a\n"));
        // --format wins over the extension.
        const QString other = path(QStringLiteral("graph.bin"));
        QVERIFY_CLI_OK(runCli({ "render", wrap, "--output", other, "--format", "PNG" }));
        QVERIFY(readBytes(other).startsWith("\x89PNG\r\n\x1a\n"));
    }

    void dotIsAcceptedByGraphviz()
    {
        const QString out = path(QStringLiteral("graph.dot"));
        QVERIFY_CLI_OK(runCli({ "render", fixture(QStringLiteral("myrnnloop")).path, "-o", out }));
        const std::string dot = readStd(out);
        QVERIFY(dot.rfind("digraph ", 0) == 0);
        QVERIFY(dot.find("subgraph \"cluster_") != std::string::npos);
        const auto layout = layoutDot(dot);
        QVERIFY2(layout.ok(), layout.ok() ? "" : layout.error().message.c_str());
        QVERIFY(!layout->nodes.empty() && !layout->clusters.empty());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QString wrap = fixture(QStringLiteral("wraprnn")).path;
        const QString svg = path(QStringLiteral("e.svg"));
        QTest::newRow("bad format") << QStringList { wrap, "-o", svg, "--format", "jpg" } << "unknown --format 'jpg'";
        QTest::newRow("unknown extension")
            << QStringList { wrap, "-o", path(QStringLiteral("e.xyz")) } << "cannot tell the format";
        QTest::newRow("no output") << QStringList { wrap } << "needs -o FILE";
        QTest::newRow("bad expand") << QStringList { wrap, "-o", svg, "--expand", "deep" } << "unknown --expand 'deep'";
        QTest::newRow("no such module") << QStringList { wrap, "-o", svg, "--module", "nope" } << "nope";
        QTest::newRow("no such method") << QStringList { wrap, "-o", svg, "--method", "nope" } << "nope";
        QTest::newRow("missing archive") << QStringList { path(QStringLiteral("missing.pt")), "-o", svg }
                                         << "missing.pt";
        QTest::newRow("unwritable") << QStringList { wrap, "-o", path(QStringLiteral("no/such/dir.svg")) }
                                    << "cannot write";
        QTest::newRow("two archives") << QStringList { wrap, wrap, "-o", svg } << "takes 1 argument";
        QTest::newRow("unknown option") << QStringList { wrap, "-o", svg, "--slots" } << "unknown option --slots";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        const CliRun run = runCli(QStringList { QStringLiteral("render") } + args);
        QVERIFY(run.finished);
        QVERIFY2(run.status == QProcess::NormalExit, "torchscope-cli crashed");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.startsWith("torchscope-cli: "), run.err.constData());
        QVERIFY2(run.err.endsWith('\n') && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(needle), run.err.constData());
    }

    void help()
    {
        const CliRun run = runCli({ "render", "--help" });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Usage: torchscope-cli render ARCHIVE -o FILE [--format svg|png|dot]"));
        for (const char* option : { "--module", "--method", "--inlined", "--expand", "--no-fold" })
            QVERIFY2(run.out.contains(option), option);
        const CliRun all = runCli({ "--help" });
        QVERIFY(all.out.contains("\n  render    "));
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_clirender.moc"
