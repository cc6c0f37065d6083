#include "runpanel.h"

#include "tracedialog.h"

#include "argumenteditor.h"
#include "data/format.h"
#include "outputtreemodel.h"
#include "tensorinspector.h"
#include "worker/workerclient.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <climits>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }
    QString ms(double v) { return QString::number(v, 'f', 3); }
} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent)
    , m_outputs(new OutputTreeModel(this))
{
    m_title = new QLabel(this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Arguments: one editor each, rebuilt for every method.
    m_arguments = new QWidget(this);
    m_argumentLayout = new QVBoxLayout(m_arguments);
    m_argumentLayout->setContentsMargins(2, 2, 2, 2);
    m_argumentLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_arguments);
    scroll->setMinimumHeight(160); // room for three or four arguments before it scrolls
    auto* argumentsBox = new QGroupBox(tr("Arguments"), this);
    auto* argumentsBoxLayout = new QVBoxLayout(argumentsBox);
    argumentsBoxLayout->setContentsMargins(2, 2, 2, 2);
    argumentsBoxLayout->addWidget(scroll);

    m_seed = new QSpinBox(this);
    m_seed->setRange(0, INT_MAX);
    m_seed->setToolTip(tr("Seeds every random fill: the same seed gives the same inputs"));
    m_repeat = new QSpinBox(this);
    m_repeat->setRange(1, 100000);
    m_repeat->setValue(1);
    m_warmup = new QSpinBox(this);
    m_warmup->setRange(0, 10000);
    m_device = new QComboBox(this);
    setDevices({ QStringLiteral("cpu") }, true);
    auto* options = new QFormLayout;
    options->addRow(tr("Seed:"), m_seed);
    options->addRow(tr("Timed runs:"), m_repeat);
    options->addRow(tr("Warm-up runs:"), m_warmup);
    options->addRow(tr("Device:"), m_device);

    m_runButton = new QPushButton(tr("Run"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setToolTip(tr("Stops the worker process running the model; the model is loaded again"));
    m_saveButton = new QPushButton(tr("Save outputs\u2026"), this);
    m_saveButton->setToolTip(tr("Runs once more with the same inputs and saves the output for torch.load"));
    connect(m_runButton, &QPushButton::clicked, this, &RunPanel::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save outputs"), QStringLiteral("outputs.pt"), tr("PyTorch files (*.pt);;All files (*)"));
        if (!path.isEmpty())
            saveOutputsTo(path);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_saveButton);
    m_traceButton = new QPushButton(tr("Trace"), this);
    m_traceButton->setToolTip(tr("Traces the method with these inputs and shows the flattened graph beside the "
                                 "scripted one"));
    connect(m_traceButton, &QPushButton::clicked, this, [this] { trace(); });
    buttons->addWidget(m_traceButton);
    buttons->addStretch();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ticker = new QTimer(this);
    m_ticker->setInterval(500);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        showStatus(tr("Running %1 on %2\u2026 %3 s")
                       .arg(q(m_lastRequest.method), q(m_lastRequest.device))
                       .arg(m_clock.elapsed() / 1000));
    });

    // Results: the output tree, the selected tensor, the timing.
    m_outputView = new QTreeView(this);
    m_outputView->setModel(m_outputs);
    m_outputView->setUniformRowHeights(true);
    m_outputView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(
        m_outputView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
            const ValueNode* node = m_outputs->node(current);
            if (node)
                m_inspector->setTensor(current.data(OutputTreeModel::PathRole).toString(), *node);
            else
                m_inspector->clear();
        });
    m_inspector = new TensorInspector(this);
    m_timing = new QLabel(this);
    m_timing->setObjectName(QStringLiteral("timingLabel"));
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* results = new QSplitter(Qt::Vertical, this);
    results->addWidget(m_outputView);
    results->addWidget(m_inspector);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addWidget(argumentsBox, 1);
    topLayout->addLayout(options);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_status);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(results);
    split->setStretchFactor(1, 1);
    split->setSizes({ 420, 480 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addWidget(m_timing);
    setMethod(QString(), QString());
}

RunPanel::~RunPanel() = default;

void RunPanel::setWorker(WorkerClient* worker)
{
    if (m_worker)
        m_worker->disconnect(this);
    const bool wasRunning = isRunning();
    m_worker = worker;
    m_specsId = m_devicesId = m_runId = m_saveId = 0;
    m_ticker->stop();
    m_haveSpecs = false;
    if (wasRunning)
        showStatus(tr("The run was stopped; the model is loaded again."));
    if (m_worker) {
        connect(m_worker, &WorkerClient::argumentSpecsReady, this,
            [this](quint64 id, const std::vector<ArgumentSpec>& specs) {
                if (id == m_specsId)
                    setArgumentSpecs(specs);
            });
        connect(m_worker, &WorkerClient::devicesReady, this, [this](quint64 id, const QStringList& d, bool cuda) {
            if (id == m_devicesId)
                setDevices(d, cuda);
        });
        connect(m_worker, &WorkerClient::runFinished, this, [this](quint64 id, const RunResult& result) {
            if (id == m_saveId) {
                m_saveId = 0;
                m_ticker->stop();
                showStatus(tr("Outputs saved to %1.").arg(m_savePath));
            } else if (id == m_runId) {
                m_runId = 0;
                m_ticker->stop();
                setResult(result);
                Q_EMIT runDone(true);
            }
            updateButtons();
        });
        connect(m_worker, &WorkerClient::failed, this, &RunPanel::onFailed);
        connect(m_worker, &WorkerClient::died, this, &RunPanel::onDied);
        m_devicesId = m_worker->devices();
        requestSpecs();
    }
    updateButtons();
}

void RunPanel::setMethod(const QString& modulePath, const QString& method)
{
    if (m_haveSpecs && modulePath == m_module && method == m_method)
        return;
    m_module = modulePath;
    m_method = method;
    const QString name = modulePath.isEmpty() ? method : modulePath + QLatin1Char('.') + method;
    m_title->setText(
        method.isEmpty() ? tr("No method selected") : QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
    setArgumentSpecs({});
    m_haveSpecs = false;
    requestSpecs();
}

void RunPanel::requestSpecs()
{
    m_specsId = 0;
    if (m_worker && !m_method.isEmpty()) {
        m_specsId = m_worker->argumentSpecs(m_module, m_method);
        showStatus(m_specsId ? tr("Reading the arguments of %1\u2026").arg(m_method) : QString());
    }
    updateButtons();
}

QString RunPanel::key(const QString& argument) const
{
    return m_module + QLatin1Char('|') + m_method + QLatin1Char('|') + argument;
}

void RunPanel::setArgumentSpecs(const std::vector<ArgumentSpec>& specs)
{
    for (ArgumentEditor* editor : m_editors)
        delete editor;
    m_editors.clear();
    for (const ArgumentSpec& spec : specs) {
        auto* editor = new ArgumentEditor(spec, m_arguments);
        const QString k = key(q(spec.name));
        if (m_typed.contains(k))
            editor->setText(m_typed.value(k));
        connect(editor, &ArgumentEditor::textEdited, this, [this, k](const QString& text) { m_typed.insert(k, text); });
        connect(editor, &ArgumentEditor::validityChanged, this, &RunPanel::updateButtons);
        m_argumentLayout->insertWidget(m_argumentLayout->count() - 1, editor);
        m_editors.push_back(editor);
    }
    m_haveSpecs = !m_method.isEmpty();
    if (m_haveSpecs && specs.empty())
        showStatus(tr("%1 takes no arguments.").arg(m_method));
    else if (m_haveSpecs)
        showStatus(QString());
    updateButtons();
}

void RunPanel::setDevices(const QStringList& devices, bool cudaBuild)
{
    const QString current = m_device->currentText();
    m_device->clear();
    m_device->addItems(devices.isEmpty() ? QStringList { QStringLiteral("cpu") } : devices);
    const int keep = m_device->findText(current);
    m_device->setCurrentIndex(keep >= 0 ? keep : 0);
    if (!cudaBuild)
        m_device->setToolTip(tr("This build's LibTorch has no CUDA: only the CPU can run models. Build TorchScope "
                                "against a CUDA LibTorch (-DCMAKE_PREFIX_PATH=/path/to/libtorch) to run on a GPU."));
    else if (devices.size() <= 1)
        m_device->setToolTip(tr("LibTorch has CUDA, but it reports no GPU now."));
    else
        m_device->setToolTip(tr("The devices LibTorch reports now"));
}

RunRequest RunPanel::currentRequest() const
{
    RunRequest request;
    request.modulePath = m_module.toStdString();
    request.method = m_method.toStdString();
    request.device = m_device->currentText().toStdString();
    request.seed = std::uint64_t(m_seed->value());
    request.repeat = m_repeat->value();
    request.warmup = m_warmup->value();
    for (const ArgumentEditor* editor : m_editors)
        request.inputs.push_back(editor->spec().value_or(InputSpec {}));
    return request;
}

void RunPanel::run()
{
    if (!m_runButton->isEnabled())
        return;
    m_lastRequest = currentRequest();
    m_runId = m_worker->run(m_lastRequest);
    if (!m_runId)
        return;
    m_clock.start();
    m_ticker->start();
    showStatus(tr("Running %1 on %2\u2026").arg(m_method, m_device->currentText()));
    updateButtons();
}

void RunPanel::cancel()
{
    if ((!isRunning() && !m_saveId) || !m_worker)
        return;
    m_ticker->stop();
    showStatus(tr("Cancelled: stopping the worker and loading the model again\u2026"));
    m_worker->disconnect(this); // its death is the cancel, not news
    m_worker->kill();
    m_worker = nullptr; // nothing more to ask it: the owner hands over the next one
    m_runId = m_saveId = 0;
    updateButtons();
    Q_EMIT cancelRequested();
}

void RunPanel::saveOutputsTo(const QString& path)
{
    if (!m_worker || !m_haveResult || isRunning() || m_saveId)
        return;
    RunRequest request = m_lastRequest;
    request.saveOutputs = path.toStdString();
    request.repeat = 1;
    request.warmup = 0;
    m_savePath = path;
    m_saveId = m_worker->run(request);
    if (m_saveId)
        showStatus(tr("Saving outputs to %1\u2026").arg(path));
    updateButtons();
}

void RunPanel::setResult(const RunResult& result)
{
    m_haveResult = true;
    m_outputs->setResult(result);
    m_outputView->expandAll();
    const QModelIndex first = m_outputs->firstTensor();
    if (first.isValid())
        m_outputView->setCurrentIndex(first);
    else
        m_inspector->clear();
    showTiming(result);
    showStatus(tr("%1 ran on %2.").arg(q(result.method), q(result.device)));
    updateButtons();
}

void RunPanel::showTiming(const RunResult& result)
{
    const TimingStats& t = result.timing;
    const QString peak = result.peakMemoryBytes ? q(formatBytes(*result.peakMemoryBytes)) : tr("n/a");
    m_timing->setText(tr("%n timed run(s) after %1 warm-up: mean %2 ms, median %3 ms, p95 %4 ms, min %5 ms; "
                         "peak memory %6",
        nullptr, t.runs)
                          .arg(t.warmup)
                          .arg(ms(t.meanMs), ms(t.medianMs), ms(t.p95Ms), ms(t.minMs), peak));
}

void RunPanel::onFailed(quint64 id, const Error& error)
{
    if (id == m_specsId) {
        m_specsId = 0;
        showStatus(tr("The arguments of %1 could not be read: %2").arg(m_method, q(error.message)), true);
    } else if (id == m_runId || id == m_saveId) {
        const bool saving = id == m_saveId;
        m_runId = m_saveId = 0;
        m_ticker->stop();
        showStatus(
            (saving ? tr("The outputs could not be saved: %1") : tr("The run failed: %1")).arg(q(error.message)), true);
        if (!saving)
            Q_EMIT runDone(false);
    }
    updateButtons();
}

void RunPanel::onDied()
{
    const bool wasRunning = isRunning() || m_saveId;
    m_runId = m_saveId = m_specsId = 0;
    m_ticker->stop();
    if (wasRunning)
        showStatus(tr("The worker process stopped during the run."), true);
    updateButtons();
}

void RunPanel::updateButtons()
{
    bool valid = true;
    for (const ArgumentEditor* editor : m_editors)
        valid = valid && editor->isValid();
    const bool live = m_worker && m_worker->state() != WorkerClient::State::Dead;
    const bool busy = isRunning() || m_saveId;
    m_runButton->setEnabled(live && m_haveSpecs && valid && !busy);
    m_cancelButton->setEnabled(live && busy);
    m_saveButton->setEnabled(live && m_haveResult && !busy);
    m_traceButton->setEnabled(live && m_haveSpecs && valid && !busy);
}

void RunPanel::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

TraceDialog* RunPanel::trace()
{
    if (!m_worker || m_worker->state() == WorkerClient::State::Dead)
        return nullptr;
    auto* dialog = new TraceDialog(m_worker, currentRequest(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace torchscope
