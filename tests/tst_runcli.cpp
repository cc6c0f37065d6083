// torchscope-cli run / compare / diff / retrace as a user runs them: exit codes 0/1/2, the reports' key lines,
// and outputs saved by `run --save-outputs` read back by Python's torch.load and checked against Python's own run.
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace torchscope::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(300000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run cli(const QStringList& args) { return runProgram(QStringLiteral(TORCHSCOPE_CLI), args); }
Run python(const QString& script)
{
    return runProgram(QStringLiteral(PYTHON_WITH_TORCH), { QStringLiteral("-c"), script });
}

QString data(const char* name) { return dataPath(QString::fromLatin1(name)); }

} // namespace

class TestRunCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    // Inputs written by Python, run by us, outputs compared by Python with what it computes itself.
    void savedOutputsMatchPython_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("inputs"); // Python expression for the saved inputs
        QTest::addColumn<QString>("method");
        QTest::newRow("mycell traced, tuple of inputs")
            << data("mycell_traced.pt") << "(torch.rand(3, 4), torch.rand(3, 4))"
            << "forward";
        QTest::newRow("gate scripted") << data("mydecisiongate_scripted.pt") << "(torch.randn(3, 4), torch.rand(3, 4))"
                                       << "forward";
        QTest::newRow("one tensor, defaults") << data("multi_method.pt") << "torch.randn(2, 4)"
                                              << "forward";
        QTest::newRow("float, bool, Optional")
            << data("multi_method.pt") << "(torch.randn(2, 4), 0.25, True, torch.ones(2, 4))"
            << "forward";
        QTest::newRow("dict and list")
            << data("multi_method.pt")
            << "({'a': torch.randn(4), 'b': torch.rand(4)}, [torch.ones(4), torch.randn(4)], 'multi', 3)"
            << "combine";
        QTest::newRow("rnn loop") << data("wraprnn.pt") << "(torch.rand(6, 3, 4),)"
                                  << "forward";
    }

    void savedOutputsMatchPython()
    {
        QFETCH(QString, archive);
        QFETCH(QString, inputs);
        QFETCH(QString, method);
        const QString in = m_dir.filePath(
            QStringLiteral("in_%1.pt").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        const QString out = in + QStringLiteral(".out.pt");
        Run w = python(QStringLiteral("import torch\ntorch.manual_seed(3)\ntorch.save(%1, '%2')\n").arg(inputs, in));
        QVERIFY2(w.exitCode == 0, qPrintable(w.err));
        Run r = cli({ QStringLiteral("run"), archive, QStringLiteral("--method"), method, QStringLiteral("--inputs"),
            in, QStringLiteral("--save-outputs"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Saved output to ")));
        const QString check = QStringLiteral(
            "import torch\n"
            "m = torch.jit.load('%1')\n"
            "i = torch.load('%2')\n"
            "i = i if isinstance(i, tuple) else (i,)\n"
            "expected = getattr(m, '%3')(*i)\n"
            "got = torch.load('%4')\n"
            "def same(a, b):\n"
            "    if isinstance(a, torch.Tensor):\n"
            "        return isinstance(b, torch.Tensor) and a.shape == b.shape and a.dtype == b.dtype and "
            "torch.allclose(a, b, rtol=1e-5, atol=1e-6)\n"
            "    if isinstance(a, (tuple, list)):\n"
            "        return type(a) == type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))\n"
            "    return a == b\n"
            "print('OK' if same(expected, got) else 'DIFFER %r %r' % (expected, got))\n")
                                  .arg(archive, in, method, out);
        Run c = python(check);
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        QCOMPARE(c.out.trimmed(), QStringLiteral("OK"));
    }

    void compareGateFindsTheFrozenBranch()
    {
        Run r = cli({ QStringLiteral("compare"), data("mydecisiongate_traced.pt"), data("mydecisiongate_scripted.pt"),
            QStringLiteral("--input"), QStringLiteral("randn:3x4"), QStringLiteral("--input"),
            QStringLiteral("rand:3x4"), QStringLiteral("--trials"), QStringLiteral("20") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("rtol 1.3e-06 atol 1e-05")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("mismatched elements: \\d+ / 12 \\("))));
        QVERIFY(r.out.contains(QStringLiteral("greatest absolute difference: ")));
        QVERIFY(r.out.contains(QStringLiteral("|a - b| histogram, 10 bins")));
        const QRegularExpression summary(QStringLiteral("Summary: (\\d+) of 20 trials passed \\(.*\\): FAIL\n"));
        const auto m = summary.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toInt() > 0 && m.captured(1).toInt() < 20);
        // The reproduce command reruns exactly the failing trial.
        const QRegularExpression repro(QStringLiteral("reproduce it with:\n  torchscope-cli (compare .*)\n"));
        const auto rm = repro.match(r.out);
        QVERIFY2(rm.hasMatch(), qPrintable(r.out));
        QStringList args = rm.captured(1).split(QLatin1Char(' '));
        Run again = cli(args);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.out.contains(QStringLiteral("Summary: 0 of 1 trials passed (0.0%): FAIL")));

        Run json = cli({ QStringLiteral("compare"), data("mydecisiongate_traced.pt"),
            data("mydecisiongate_scripted.pt"), QStringLiteral("--input"), QStringLiteral("randn:3x4"),
            QStringLiteral("--input"), QStringLiteral("rand:3x4"), QStringLiteral("--trials"), QStringLiteral("3"),
            QStringLiteral("--json") });
        QVERIFY(json.exitCode == 0 || json.exitCode == 1);
        QVERIFY(json.out.contains(QStringLiteral("\"trial_count\": 3")));
    }

    void compareMyCellPasses()
    {
        Run r = cli({ QStringLiteral("compare"), data("mycell_pair_traced.pt"), data("mycell_pair_scripted.pt"),
            QStringLiteral("--input"), QStringLiteral("randn:3x4"), QStringLiteral("--input"),
            QStringLiteral("randn:3x4"), QStringLiteral("--trials"), QStringLiteral("20"), QStringLiteral("--seed"),
            QStringLiteral("5") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Summary: 20 of 20 trials passed (100.0%): PASS")));
    }

    void diffGate()
    {
        Run r = cli({ QStringLiteral("diff"), data("mydecisiongate_scripted.pt"), data("mydecisiongate_traced.pt") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral(
                     "control flow: `dg.forward`: A (mydecisiongate_scripted.pt) has `prim::If` at line 3; "
                     "B (mydecisiongate_traced.pt) has no branch")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--- A/dg.forward\n+++ B/dg.forward\n")));
        Run same = cli({ QStringLiteral("diff"), data("mycell_pair_scripted.pt"), data("mycell_pair_scripted.pt") });
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.out.contains(QStringLiteral(": SAME\n")));
    }

    void retracePrintsTheFlatGraph()
    {
        Run r = cli({ QStringLiteral("retrace"), data("myrnnloop.pt"), QStringLiteral("--input"),
            QStringLiteral("rand:3x3x4") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(int(r.out.count(QStringLiteral("aten::tanh("))), 3);
        QVERIFY(!r.out.contains(QStringLiteral("prim::Loop")));
    }

    void errorsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        QTest::newRow("bad spec") << QStringList { "run", data("multi_method.pt"), "--input", "gauss:3" }
                                  << "bad input spec 'gauss:3'";
        QTest::newRow("cuda") << QStringList { "run", data("multi_method.pt"), "--device", "cuda", "--input",
            "randn:2x4" } << "cannot use device 'cuda'";
        QTest::newRow("inputs and input")
            << QStringList { "run", data("multi_method.pt"), "--inputs", "x.pt", "--input", "randn:2" } << "not both";
        QTest::newRow("missing archive") << QStringList { "compare", data("nonexistent.pt"), data("mycell_traced.pt") }
                                         << "nonexistent.pt";
        QTest::newRow("bad trials") << QStringList { "compare", data("mycell_traced.pt"), data("mycell_traced.pt"),
            "--trials", "x" } << "--trials needs a non-negative integer";
    }

    void errorsExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(QStringLiteral("torchscope-cli: ")) && r.err.count(QLatin1Char('\n')) == 1,
            qPrintable(r.err));
        QVERIFY2(r.err.contains(needle), qPrintable(r.err));
    }

    void helpDocumentsTheGrammar()
    {
        Run r = cli({ QStringLiteral("run"), QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        for (const char* needle :
            { "FILL:SHAPE[@DTYPE]", "randint=LO..HI", "list[S,...]", "dict[KEY=S,...]", "--save-outputs" })
            QVERIFY2(r.out.contains(QLatin1String(needle)), needle);
    }
};

QTEST_GUILESS_MAIN(TestRunCli)
#include "tst_runcli.moc"
