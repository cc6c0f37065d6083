// The Run panel: editors generated from each method's schema (multi_method.pt), live spec validation, the
// output tree model under QAbstractItemModelTester, the tensor inspector's paging and histogram bins (checked
// against numpy), and a real worker running MyCell through the panel, cancelled by killing it.

#include "testsupport.h"

#include "argumenteditor.h"
#include "engine/archive.h"
#include "histogramview.h"
#include "modeltab.h"
#include "outputtreemodel.h"
#include "runpanel.h"
#include "tensorinspector.h"
#include "worker/workerclient.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cmath>
#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr int kGuardMs = 120000;

std::vector<ArgumentSpec> specsOf(const char* method)
{
    auto specs = openedFixture(QStringLiteral("multi_method")).argumentSpecs("", method);
    return specs ? *specs : std::vector<ArgumentSpec> {};
}

ArgumentEditor* editorNamed(RunPanel& panel, const std::string& name)
{
    for (ArgumentEditor* e : panel.argumentEditors())
        if (e->argument().name == name)
            return e;
    return nullptr;
}

// numpy's answer for the same values, printed as "counts|low|high".
QString numpyHistogram(const std::vector<double>& values)
{
    QStringList items;
    for (double v : values)
        items.append(QString::number(v, 'g', 17));
    const QString script = QStringLiteral("import numpy as np\nc, e = np.histogram(np.array([%1], dtype=np.float64), "
                                          "bins=10)\nprint(','.join(map(str, c)) + '|' + repr(e[0]) + '|' + "
                                          "repr(e[-1]))\n")
                               .arg(items.join(QLatin1Char(',')));
    QProcess python;
    python.start(QStringLiteral(PYTHON_WITH_TORCH), { QStringLiteral("-c"), script });
    if (!python.waitForFinished(kGuardMs))
        return {};
    return QString::fromUtf8(python.readAllStandardOutput()).trimmed();
}

QString binsText(const HistogramView::Bins& bins)
{
    QStringList counts;
    for (qint64 c : bins.counts)
        counts.append(QString::number(c));
    return counts.join(QLatin1Char(',')) + QLatin1Char('|') + QString::number(bins.low, 'g', 17) + QLatin1Char('|')
        + QString::number(bins.high, 'g', 17);
}

ValueNode tensorNode(std::vector<std::int64_t> shape, std::vector<double> values)
{
    ValueNode n;
    n.kind = ValueNode::Kind::Tensor;
    n.stats.shape = std::move(shape);
    n.stats.dtype = "float32";
    n.stats.valid = true;
    n.stats.numel = std::int64_t(values.size());
    n.device = "cpu";
    n.values = std::move(values);
    return n;
}

// A nested result as a detection model returns it: (tensor, [tensor, int], {'boxes': tensor, 'label': str}, None).
RunResult nestedResult()
{
    RunResult r;
    r.method = "forward";
    r.device = "cpu";
    ValueNode out;
    out.kind = ValueNode::Kind::Tuple;
    ValueNode list;
    list.kind = ValueNode::Kind::List;
    ValueNode i;
    i.kind = ValueNode::Kind::Int;
    i.intValue = 7;
    list.items = { tensorNode({ 2 }, { 1, 2 }), i };
    ValueNode dict;
    dict.kind = ValueNode::Kind::Dict;
    ValueNode label;
    label.kind = ValueNode::Kind::Str;
    label.text = "cat";
    dict.items = { tensorNode({ 1, 4 }, { 0, 0, 5, 5 }), label };
    dict.keys = { "'boxes'", "'label'" };
    ValueNode first = tensorNode({ 3, 4 }, std::vector<double>(12, 0.5));
    first.stats.min = -1.5;
    first.stats.nans = 2;
    out.items = { first, list, dict, ValueNode {} };
    r.output = out;
    r.timing.runs = 4;
    r.timing.warmup = 1;
    r.timing.meanMs = 2.5;
    r.timing.medianMs = 2.25;
    r.timing.p95Ms = 4.0;
    r.timing.minMs = 1.75;
    return r;
}

} // namespace

class TestRunPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editorsFollowTheSchema_data();
    void editorsFollowTheSchema();
    void specsAreValidatedLive();
    void typeMismatchWarns();
    void outputTreeModel();
    void inspectorPagesAndIndices();
    void histogramMatchesNumpy_data();
    void histogramMatchesNumpy();
    void devicesAndTiming();
    void runsInARealWorkerAndCancels();
    void modelTabRestartsOnCancel();
};

void TestRunPanel::editorsFollowTheSchema_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("names");
    // From `torchscope-cli info tests/data/multi_method.pt` (the schemas Python's torch.jit prints):
    //   forward(Tensor x, float scale=1., bool flag=True, Tensor? h=None)
    //   combine(Dict(str, Tensor) inputs, Tensor[] extras, str name="default", int k=2)
    //   describe((Tensor, int) pair, bool verbose=False, str sep=":")
    QTest::newRow("forward") << QStringLiteral("forward")
                             << QStringList { QStringLiteral("x"), QStringLiteral("scale"), QStringLiteral("flag"),
                                    QStringLiteral("h") };
    QTest::newRow("combine") << QStringLiteral("combine")
                             << QStringList { QStringLiteral("inputs"), QStringLiteral("extras"),
                                    QStringLiteral("name"), QStringLiteral("k") };
    QTest::newRow("describe") << QStringLiteral(
        "describe") << QStringList { QStringLiteral("pair"), QStringLiteral("verbose"), QStringLiteral("sep") };
}

void TestRunPanel::editorsFollowTheSchema()
{
    QFETCH(QString, method);
    QFETCH(QStringList, names);
    RunPanel panel;
    panel.setMethod(QString(), method);
    const std::vector<ArgumentSpec> specs = specsOf(method.toLatin1().constData());
    QCOMPARE(int(specs.size()), names.size());
    panel.setArgumentSpecs(specs);
    QCOMPARE(int(panel.argumentEditors().size()), names.size());
    for (int i = 0; i < names.size(); ++i) {
        ArgumentEditor* e = panel.argumentEditors()[std::size_t(i)];
        QCOMPARE(QString::fromStdString(e->argument().name), names[i]);
        QVERIFY2(e->isValid(), qPrintable(e->error()));
        // The editor starts from the engine's suggestion, spelled in the CLI grammar.
        if (specs[std::size_t(i)].suggested.kind != InputKind::Auto)
            QCOMPARE(e->text(), QString::fromStdString(formatInputSpec(specs[std::size_t(i)].suggested)));
        QVERIFY(!e->lineEdit()->placeholderText().isEmpty());
    }
    // No worker: nothing can run, whatever the specs.
    QVERIFY(!panel.runButton()->isEnabled());
    // Arguments with a schema default start at `default`; the type label shows the default as the schema has it.
    auto typeText = [&](const char* name) {
        return editorNamed(panel, name)->findChild<QLabel*>(QStringLiteral("typeLabel"))->text();
    };
    if (method == QLatin1String("forward")) {
        QCOMPARE(editorNamed(panel, "scale")->text(), QStringLiteral("default"));
        QCOMPARE(editorNamed(panel, "h")->text(), QStringLiteral("default"));
        QCOMPARE(typeText("scale"), QStringLiteral("float = 1."));
        QCOMPARE(typeText("flag"), QStringLiteral("bool = True"));
        QVERIFY(typeText("h").endsWith(QStringLiteral(" = None")));
        QVERIFY(editorNamed(panel, "h")->lineEdit()->placeholderText().contains(QStringLiteral("none")));
    }
    if (method == QLatin1String("combine")) {
        QCOMPARE(editorNamed(panel, "k")->text(), QStringLiteral("default"));
        QCOMPARE(typeText("k"), QStringLiteral("int = 2"));
        QVERIFY(
            editorNamed(panel, "inputs")->lineEdit()->placeholderText().startsWith(QStringLiteral("auto (e.g. dict[")));
        QVERIFY(
            editorNamed(panel, "extras")->lineEdit()->placeholderText().startsWith(QStringLiteral("auto (e.g. list[")));
    }
    if (method == QLatin1String("describe"))
        QVERIFY(
            editorNamed(panel, "pair")->lineEdit()->placeholderText().startsWith(QStringLiteral("auto (e.g. tuple[")));
}

void TestRunPanel::specsAreValidatedLive()
{
    RunPanel panel;
    panel.setMethod(QString(), QStringLiteral("forward"));
    panel.setArgumentSpecs(specsOf("forward"));
    ArgumentEditor* x = editorNamed(panel, "x");
    QVERIFY(x);
    QSignalSpy validity(x, &ArgumentEditor::validityChanged);
    x->setText(QStringLiteral("randn:2x"));
    QVERIFY(!x->isValid());
    QCOMPARE(validity.count(), 1);
    QVERIFY(!x->error().isEmpty());
    QVERIFY(!x->messageLabel()->isHidden());
    QCOMPARE(x->messageLabel()->text(), x->error());
    // The message is the parser's own.
    const auto parsed = parseInputSpec("randn:2x");
    QVERIFY(!parsed.ok());
    QCOMPARE(x->error(), QString::fromStdString(parsed.error().message));
    x->setText(QStringLiteral("list[zeros:1"));
    QVERIFY(!x->isValid());
    x->setText(QStringLiteral("randn:2x4@float64"));
    QVERIFY(x->isValid());
    QVERIFY(x->messageLabel()->isHidden());
    QCOMPARE(validity.count(), 2);
    QCOMPARE(x->spec()->shape, (std::vector<std::int64_t> { 2, 4 }));
    QCOMPARE(x->spec()->dtype, std::string("float64"));
    x->setText(QString()); // empty is auto
    QVERIFY(x->isValid());
    QCOMPARE(x->spec()->kind, InputKind::Auto);
    // The request carries every editor's spec in order.
    x->setText(QStringLiteral("ones:3"));
    const RunRequest request = panel.currentRequest();
    QCOMPARE(request.inputs.size(), std::size_t(4));
    QCOMPARE(request.inputs[0].fill, Fill::Ones);
    QCOMPARE(request.inputs[3].kind, InputKind::Default);
    QCOMPARE(request.method, std::string("forward"));
}

void TestRunPanel::typeMismatchWarns()
{
    auto spec = [](const char* text) { return *parseInputSpec(text); };
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Tensor"), spec("randn:2")).isEmpty());
    QVERIFY(!ArgumentEditor::mismatch(QStringLiteral("Tensor"), spec("int:2")).isEmpty());
    QVERIFY(!ArgumentEditor::mismatch(QStringLiteral("Tensor"), spec("none")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Optional[Tensor]"), spec("none")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Tensor?"), spec("none")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("float"), spec("int:1")).isEmpty());
    QVERIFY(!ArgumentEditor::mismatch(QStringLiteral("int"), spec("float:1.5")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Tensor[]"), spec("list[randn:2]")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("List[Tensor]"), spec("list[randn:2]")).isEmpty());
    QVERIFY(!ArgumentEditor::mismatch(QStringLiteral("List[Tensor]"), spec("randn:2")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("(Tensor, int)"), spec("tuple[randn:2,int:1]")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Dict(str, Tensor)"), spec("dict[a=randn:2]")).isEmpty());
    QVERIFY(ArgumentEditor::mismatch(QStringLiteral("Tensor"), spec("file:/x.npy")).isEmpty());
    // A warning does not block a run: the spec is valid, the engine decides.
    ArgumentSpec arg { "k", "int", std::nullopt, InputSpec {} };
    ArgumentEditor editor(arg);
    editor.setText(QStringLiteral("str:x"));
    QVERIFY(editor.isValid());
    QVERIFY(!editor.warning().isEmpty());
    QVERIFY(!editor.messageLabel()->isHidden());
}

void TestRunPanel::outputTreeModel()
{
    OutputTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(nestedResult());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), QStringLiteral("output"));
    QCOMPARE(model.rowCount(root), 4);
    const QModelIndex first = model.index(0, 0, root);
    QCOMPARE(first.data(OutputTreeModel::PathRole).toString(), QStringLiteral("output[0]"));
    QCOMPARE(model.index(0, OutputTreeModel::Shape, root).data().toString(), QStringLiteral("[3, 4]"));
    QCOMPARE(model.index(0, OutputTreeModel::DType, root).data().toString(), QStringLiteral("float32"));
    QCOMPARE(model.index(0, OutputTreeModel::Device, root).data().toString(), QStringLiteral("cpu"));
    QCOMPARE(model.index(0, OutputTreeModel::Min, root).data(OutputTreeModel::RawRole).toDouble(), -1.5);
    QCOMPARE(model.index(0, OutputTreeModel::NaNs, root).data().toString(), QStringLiteral("2"));
    const QModelIndex dict = model.index(2, 0, root);
    QCOMPARE(model.rowCount(dict), 2);
    QCOMPARE(model.index(0, 0, dict).data(OutputTreeModel::PathRole).toString(), QStringLiteral("output[2]['boxes']"));
    QCOMPARE(model.index(1, OutputTreeModel::Value, dict).data().toString(), QStringLiteral("'cat'"));
    const QModelIndex list = model.index(1, 0, root);
    QCOMPARE(model.index(1, OutputTreeModel::Value, list).data().toString(), QStringLiteral("7"));
    QCOMPARE(model.index(3, OutputTreeModel::Value, root).data().toString(), QStringLiteral("None"));
    QCOMPARE(model.index(3, OutputTreeModel::Shape, root).data(), QVariant());
    QCOMPARE(model.parent(model.index(0, 3, dict)), dict);
    QCOMPARE(model.firstTensor(), first);
    QCOMPARE(model.node(first)->stats.numel, std::int64_t(12));
    model.setResult(nestedResult()); // a reset over a reset
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.firstTensor().isValid());
}

void TestRunPanel::inspectorPagesAndIndices()
{
    QCOMPARE(TensorInspector::indexText({ 3, 4 }, 6), QStringLiteral("[1, 2]"));
    QCOMPARE(TensorInspector::indexText({ 2, 3, 4 }, 23), QStringLiteral("[1, 2, 3]"));
    QCOMPARE(TensorInspector::indexText({}, 0), QStringLiteral("[]"));
    QCOMPARE(TensorInspector::indexText({ 2 }, 5), QStringLiteral("[5]"));
    TensorInspector inspector;
    std::vector<double> values(250);
    for (int i = 0; i < 250; ++i)
        values[std::size_t(i)] = i * 0.5;
    ValueNode node = tensorNode({ 10, 100 }, values);
    node.valuesTruncated = true;
    node.stats.numel = 1000;
    inspector.setTensor(QStringLiteral("output[0]"), node);
    QCOMPARE(inspector.pageCount(), 3);
    QCOMPARE(inspector.valuesTable()->rowCount(), TensorInspector::kPageSize);
    QCOMPARE(inspector.valuesTable()->item(1, 0)->text(), QStringLiteral("[0, 1]"));
    QCOMPARE(inspector.valuesTable()->item(1, 1)->text(), QStringLiteral("0.5"));
    QVERIFY(inspector.summaryLabel()->text().contains(QStringLiteral("250")));
    inspector.setPage(2);
    QCOMPARE(inspector.valuesTable()->rowCount(), 50);
    QCOMPARE(inspector.valuesTable()->item(0, 0)->text(), QStringLiteral("[2, 0]"));
    QCOMPARE(inspector.valuesTable()->item(49, 1)->text(), QStringLiteral("124.5"));
    QCOMPARE(inspector.pageLabel()->text(), QStringLiteral("201\u2013250 of 250"));
    inspector.setPage(7); // clamped
    QCOMPARE(inspector.page(), 2);
    ValueNode none;
    inspector.setTensor(QStringLiteral("output[1]"), none);
    QCOMPARE(inspector.valuesTable()->rowCount(), 0);
    QVERIFY(inspector.histogram()->bins().counts.empty());
}

void TestRunPanel::histogramMatchesNumpy_data()
{
    QTest::addColumn<std::vector<double>>("values");
    std::vector<double> ramp;
    for (int i = 0; i <= 100; ++i)
        ramp.push_back(i / 10.0);
    QTest::newRow("ramp with edges") << ramp;
    QTest::newRow("constant") << std::vector<double> { 3, 3, 3 };
    QTest::newRow("one value") << std::vector<double> { -2.5 };
    QTest::newRow("skewed") << std::vector<double> { -1, 0.1, 0.2, 0.3, 0.31, 0.7, 0.99, 1e-9, -0.5, 9.0 };
    std::vector<double> tanh;
    for (int i = 0; i < 64; ++i)
        tanh.push_back(std::tanh(std::sin(i * 1.7) * 2));
    QTest::newRow("tanh") << tanh;
}

void TestRunPanel::histogramMatchesNumpy()
{
    QFETCH(std::vector<double>, values);
    const HistogramView::Bins bins = HistogramView::computeBins(values, 10);
    const QString expected = numpyHistogram(values);
    QVERIFY(!expected.isEmpty());
    const QStringList parts = expected.split(QLatin1Char('|'));
    QCOMPARE(parts.size(), 3);
    QCOMPARE(binsText(bins).section(QLatin1Char('|'), 0, 0), parts[0]);
    QCOMPARE(bins.low, parts[1].toDouble());
    QCOMPARE(bins.high, parts[2].toDouble());
    // NaN and Inf are left out and counted.
    std::vector<double> withNan = values;
    withNan.push_back(std::nan(""));
    withNan.push_back(-INFINITY);
    const HistogramView::Bins skipping = HistogramView::computeBins(withNan, 10);
    QCOMPARE(skipping.skipped, qint64(2));
    QVERIFY(skipping.counts == bins.counts);
    HistogramView view;
    view.resize(200, 100);
    view.setValues(values);
    QVERIFY(!view.grab().isNull()); // paints without trouble
}

void TestRunPanel::devicesAndTiming()
{
    RunPanel panel;
    panel.setDevices({ QStringLiteral("cpu") }, false);
    QCOMPARE(panel.deviceBox()->count(), 1);
    QVERIFY(panel.deviceBox()->toolTip().contains(QStringLiteral("no CUDA")));
    panel.setDevices({ QStringLiteral("cpu"), QStringLiteral("cuda:0"), QStringLiteral("cuda:1") }, true);
    QCOMPARE(panel.deviceBox()->count(), 3);
    QCOMPARE(panel.deviceBox()->itemText(2), QStringLiteral("cuda:1"));
    QVERIFY(!panel.deviceBox()->toolTip().contains(QStringLiteral("no CUDA")));
    panel.deviceBox()->setCurrentIndex(1);
    QCOMPARE(panel.currentRequest().device, std::string("cuda:0"));

    RunResult result = nestedResult();
    panel.setResult(result);
    const QString timing = panel.timingLabel()->text();
    for (const char* part : { "mean 2.500 ms", "median 2.250 ms", "p95 4.000 ms", "min 1.750 ms", "n/a" })
        QVERIFY2(timing.contains(QLatin1String(part)), qPrintable(timing));
    // The first tensor is selected and inspected.
    QCOMPARE(
        panel.outputView()->currentIndex().data(OutputTreeModel::PathRole).toString(), QStringLiteral("output[0]"));
    QCOMPARE(panel.inspector()->valuesTable()->rowCount(), 12);
    result.peakMemoryBytes = 3 * 1024 * 1024;
    panel.setResult(result);
    QVERIFY(!panel.timingLabel()->text().contains(QStringLiteral("n/a")));
    // TORCHSCOPE_GRAB_RUNPANEL=FILE.png: a picture of the panel for a human to look at.
    if (qEnvironmentVariableIsSet("TORCHSCOPE_GRAB_RUNPANEL")) {
        panel.setMethod(QString(), QStringLiteral("forward"));
        panel.setArgumentSpecs(specsOf("forward"));
        editorNamed(panel, "x")->setText(QStringLiteral("randn:2x"));
        panel.resize(520, 900);
        panel.grab().save(qEnvironmentVariable("TORCHSCOPE_GRAB_RUNPANEL"));
    }
}

void TestRunPanel::runsInARealWorkerAndCancels()
{
    auto worker = std::make_unique<WorkerClient>(QStringLiteral(TORCHSCOPE_WORKER));
    worker->start();
    QSignalSpy opened(worker.get(), &WorkerClient::opened);
    worker->open(fixture(QStringLiteral("mycell_scripted")).path);
    RunPanel panel;
    panel.setWorker(worker.get());
    panel.setMethod(QString(), QStringLiteral("forward"));
    QVERIFY(QTest::qWaitFor([&] { return panel.runButton()->isEnabled(); }, kGuardMs));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(int(panel.argumentEditors().size()), 2);
    QVERIFY(panel.deviceBox()->findText(QStringLiteral("cpu")) == 0);
    QCOMPARE(panel.deviceBox()->count(), int(availableDevices().size()));
    editorNamed(panel, "x")->setText(QStringLiteral("randn:3x4"));
    editorNamed(panel, "h")->setText(QStringLiteral("rand:3x4"));
    panel.seedBox()->setValue(5);
    panel.repeatBox()->setValue(3);
    QSignalSpy done(&panel, &RunPanel::runDone);
    panel.runButton()->click();
    QVERIFY(panel.isRunning());
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(panel.cancelButton()->isEnabled());
    QVERIFY(done.wait(kGuardMs));
    QCOMPARE(done.at(0).at(0).toBool(), true);

    // What the engine computes in-process for the same request.
    auto local = Archive::open(fixture(QStringLiteral("mycell_scripted")).path.toStdString());
    QVERIFY(local.ok());
    const auto expected = (*local)->run(panel.currentRequest());
    QVERIFY(expected.ok());
    OutputTreeModel* model = panel.outputModel();
    const QModelIndex root = model->index(0, 0);
    QCOMPARE(model->rowCount(root), 2);
    const ValueNode* first = model->node(model->index(0, 0, root));
    QCOMPARE(first->stats.shape, (std::vector<std::int64_t> { 3, 4 }));
    QCOMPARE(first->values, expected->output.items[0].values);
    QCOMPARE(panel.inspector()->valuesTable()->rowCount(), 12);
    QCOMPARE(model->result().timing.runs, 3);
    QVERIFY(panel.saveButton()->isEnabled());

    // Save outputs: the same request once more, written by the worker; Python's torch.load reads it back.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString saved = dir.filePath(QStringLiteral("outputs.pt"));
    panel.saveOutputsTo(saved);
    QVERIFY(!panel.saveButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return panel.saveButton()->isEnabled(); }, kGuardMs));
    QVERIFY2(panel.statusLabel()->text().contains(saved), qPrintable(panel.statusLabel()->text()));
    QProcess python;
    python.start(QStringLiteral(PYTHON_WITH_TORCH),
        { QStringLiteral("-c"),
            QStringLiteral("import sys, torch\nout = torch.load(sys.argv[1])\n"
                           "print(type(out).__name__, len(out), tuple(out[0].shape))\n"
                           "print(' '.join(repr(float(v)) for v in out[0].flatten().tolist()))\n"),
            saved });
    QVERIFY(python.waitForFinished(kGuardMs));
    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("tuple 2 (3, 4)"));
    const QStringList numbers = lines[1].split(QLatin1Char(' '));
    QCOMPARE(numbers.size(), 12);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(numbers[i].toDouble(), first->values[std::size_t(i)]);

    // Cancel: a slow run, killed; the owner restarts a worker and the panel runs again on it.
    editorNamed(panel, "x")->setText(QStringLiteral("randn:200000x4"));
    editorNamed(panel, "h")->setText(QStringLiteral("randn:200000x4"));
    panel.repeatBox()->setValue(100000);
    QSignalSpy cancelled(&panel, &RunPanel::cancelRequested);
    panel.runButton()->click();
    QVERIFY(panel.isRunning());
    panel.cancelButton()->click();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!panel.isRunning());
    QVERIFY(QTest::qWaitFor([&] { return worker->state() == WorkerClient::State::Dead; }, kGuardMs));
    QVERIFY(!panel.runButton()->isEnabled());

    auto fresh = std::make_unique<WorkerClient>(QStringLiteral(TORCHSCOPE_WORKER));
    fresh->start();
    fresh->open(fixture(QStringLiteral("mycell_scripted")).path);
    panel.setWorker(fresh.get());
    worker.reset();
    QVERIFY(QTest::qWaitFor([&] { return panel.runButton()->isEnabled(); }, kGuardMs));
    // What the user typed survives the restart.
    QCOMPARE(editorNamed(panel, "x")->text(), QStringLiteral("randn:200000x4"));
    editorNamed(panel, "x")->setText(QStringLiteral("randn:3x4"));
    editorNamed(panel, "h")->setText(QStringLiteral("rand:3x4"));
    panel.repeatBox()->setValue(1);
    done.clear();
    panel.run();
    QVERIFY(done.wait(kGuardMs));
    QCOMPARE(done.at(0).at(0).toBool(), true);
    QCOMPARE(panel.outputModel()->node(panel.outputModel()->index(0, 0, panel.outputModel()->index(0, 0)))->values,
        expected->output.items[0].values);
}

void TestRunPanel::modelTabRestartsOnCancel()
{
    int workers = 0;
    ModelTab tab({ fixture(QStringLiteral("mycell_scripted")).path, {}, QStringLiteral("mycell") }, {}, [&workers] {
        ++workers;
        auto client = std::make_unique<WorkerClient>(QStringLiteral(TORCHSCOPE_WORKER));
        client->start();
        return client;
    });
    RunPanel* panel = tab.runPanel();
    QVERIFY(panel);
    // The panel is the side panel's "Run" tab.
    auto* sides = panel->parentWidget() ? qobject_cast<QTabWidget*>(panel->parentWidget()->parentWidget()) : nullptr;
    QVERIFY(sides);
    QCOMPARE(sides->tabText(sides->indexOf(panel)), QStringLiteral("Run"));
    QVERIFY(QTest::qWaitFor([&] { return panel->runButton()->isEnabled(); }, kGuardMs));
    QCOMPARE(panel->method(), QStringLiteral("forward"));
    QCOMPARE(int(panel->argumentEditors().size()), 2);
    editorNamed(*panel, "x")->setText(QStringLiteral("randn:200000x4"));
    editorNamed(*panel, "h")->setText(QStringLiteral("randn:200000x4"));
    panel->repeatBox()->setValue(100000);
    panel->run();
    QVERIFY(panel->isRunning());
    panel->cancel();
    // A new worker, the model loaded again, the panel attached to it; no "worker died" message.
    QCOMPARE(workers, 2);
    QVERIFY(QTest::qWaitFor(
        [&] { return tab.state() == ModelTab::State::Ready && panel->runButton()->isEnabled(); }, kGuardMs));
    QVERIFY(tab.messageText().isEmpty());
    editorNamed(*panel, "x")->setText(QStringLiteral("ones:2x4"));
    editorNamed(*panel, "h")->setText(QStringLiteral("zeros:2x4"));
    panel->repeatBox()->setValue(1);
    QSignalSpy done(panel, &RunPanel::runDone);
    panel->run();
    QVERIFY(done.wait(kGuardMs));
    QCOMPARE(done.at(0).at(0).toBool(), true);
    const ValueNode* out = panel->outputModel()->node(panel->outputModel()->firstTensor());
    QVERIFY(out);
    QCOMPARE(out->stats.shape, (std::vector<std::int64_t> { 2, 4 }));
}

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
