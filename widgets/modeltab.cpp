#include "modeltab.h"

#include "archivepanel.h"
#include "codeview.h"
#include "data/irtextmap.h"
#include "detailspanel.h"
#include "findbar.h"
#include "graphpanel.h"
#include "graphview.h"
#include "irview.h"
#include "messagebar.h"
#include "modulefilterproxy.h"
#include "moduletreemodel.h"
#include "nodedetails.h"
#include "runpanel.h"
#include "worker/workerclient.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }
    std::string s(const QString& q) { return q.toStdString(); }

    QWidget* column(QWidget* parent, std::initializer_list<QWidget*> widgets, int stretchIndex)
    {
        auto* w = new QWidget(parent);
        auto* layout = new QVBoxLayout(w);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        int i = 0;
        for (QWidget* child : widgets)
            layout->addWidget(child, i++ == stretchIndex ? 1 : 0);
        return w;
    }
}

ModelTab::ModelTab(Source source, QStringList libraries, WorkerFactory factory, QWidget* parent)
    : QWidget(parent)
    , m_source(std::move(source))
    , m_libraries(std::move(libraries))
    , m_factory(std::move(factory))
{
    buildUi();
    attachWorker(m_factory());
    openInWorker();
}

ModelTab::~ModelTab() = default;

void ModelTab::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    connect(m_messageBar, &MessageBar::actionTriggered, this, &ModelTab::restart);

    // Left: the module tree with its filter.
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter modules"));
    m_filter->setClearButtonEnabled(true);
    m_treeModel = new ModuleTreeModel(this);
    m_proxy = new ModuleFilterProxy(this);
    m_proxy->setSourceModel(m_treeModel);
    m_treeView = new QTreeView(this);
    m_treeView->setModel(m_proxy);
    m_treeView->setSortingEnabled(true);
    m_treeView->sortByColumn(-1, Qt::AscendingOrder);
    m_treeView->setUniformRowHeights(true);
    m_treeView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        m_treeView->expandAll();
    });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            if (!current.isValid())
                return;
            const QString path = current.data(ModuleTreeModel::PathRole).toString();
            if (path != m_module || m_method.isEmpty()) {
                m_module = path;
                moduleChanged();
            }
        });
    QWidget* left = column(this, { m_filter, m_treeView }, 1);

    // Centre: selectors, then code and IR side by side.
    auto* selectors = new QWidget(this);
    auto* sel = new QHBoxLayout(selectors);
    sel->setContentsMargins(0, 0, 0, 0);
    m_methodBox = new QComboBox(selectors);
    m_methodBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_classBox = new QCheckBox(tr("Whole class"), selectors);
    m_classBox->setToolTip(tr("Show the code of every method of the module's class (module._c.code)"));
    m_formBox = new QComboBox(selectors);
    m_formBox->addItem(tr("graph"));
    m_formBox->addItem(tr("inlined_graph"));
    m_commentsBox = new QCheckBox(tr("Source comments"), selectors);
    m_commentsBox->setChecked(true);
    sel->addWidget(new QLabel(tr("Method:"), selectors));
    sel->addWidget(m_methodBox);
    sel->addWidget(m_classBox);
    sel->addSpacing(16);
    sel->addWidget(new QLabel(tr("IR:"), selectors));
    sel->addWidget(m_formBox);
    sel->addWidget(m_commentsBox);
    sel->addStretch();
    connect(m_methodBox, &QComboBox::currentTextChanged, this, [this](const QString& method) {
        if (method.isEmpty() || method == m_method)
            return;
        m_method = method;
        refreshViews();
    });
    connect(m_classBox, &QCheckBox::toggled, this, [this](bool on) {
        m_classCode = on;
        refreshViews();
    });
    connect(m_formBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_inlined = index == 1;
        refreshViews();
    });
    connect(m_commentsBox, &QCheckBox::toggled, this, [this](bool on) {
        m_sourceComments = on;
        refreshViews();
    });

    m_codeView = new CodeView(this);
    m_codeFind = new FindBar(m_codeView, this);
    m_irView = new IrView(this);
    m_irFind = new FindBar(m_irView, this);
    m_codeFind->hide(); // Ctrl+F shows them
    m_irFind->hide();
    m_nodeInfo = new QLabel(this);
    m_nodeInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nodeInfo->setWordWrap(true);
    auto* codeTitle = new QLabel(tr("<b>.code</b>"), this);
    auto* irTitle = new QLabel(tr("<b>IR</b>"), this);
    auto* textSplitter = new QSplitter(Qt::Horizontal, this);
    textSplitter->setObjectName(QStringLiteral("textSplitter"));
    textSplitter->addWidget(column(textSplitter, { codeTitle, m_codeView, m_codeFind }, 1));
    textSplitter->addWidget(column(textSplitter, { irTitle, m_irView, m_irFind, m_nodeInfo }, 1));
    connect(m_codeView, &CodeView::cursorLineChanged, this, &ModelTab::codeLineChanged);
    connect(m_irView, &IrView::nodeActivated, this, &ModelTab::irNodeActivated);
    // Below the texts, the graph drawing; `--view graph` and the user's splitter give it more room.
    m_graphPanel = new GraphPanel(this);
    m_graphPanel->setArchiveId(m_source.path);
    connect(m_graphPanel, &GraphPanel::graphNeeded, this, &ModelTab::panelNeedsGraph);
    connect(m_graphPanel, &GraphPanel::irNodeSelected, this, &ModelTab::graphNodeSelected);
    connect(m_graphPanel, &GraphPanel::graphShown, this, &ModelTab::graphUpdated);
    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->addWidget(textSplitter);
    m_centreSplitter->addWidget(m_graphPanel);
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 1);
    m_centreSplitter->setSizes({ 350, 450 });
    QWidget* centre = column(this, { selectors, m_centreSplitter }, 1);

    // Right: details of the selected module and the archive's records.
    m_sidePanels = new QTabWidget(this);
    m_details = new DetailsPanel(m_sidePanels);
    m_archivePanel = new ArchivePanel(m_sidePanels);
    m_sidePanels->addTab(m_details, tr("Details"));
    m_sidePanels->addTab(m_archivePanel, tr("Archive"));
    m_nodeDetails = new NodeDetails(m_sidePanels);
    m_sidePanels->addTab(m_nodeDetails, tr("Node"));
    // Run panel (issue 5): runs the selected method in this tab's worker; Cancel kills the worker, so the
    // model is loaded again in a new one.
    m_runPanel = new RunPanel(m_sidePanels);
    m_sidePanels->addTab(m_runPanel, tr("Run"));
    connect(m_runPanel, &RunPanel::cancelRequested, this, &ModelTab::restart);
    connect(m_details, &DetailsPanel::tensorStatsRequested, this,
        [this](const QString& modulePath, const QString& slot) {
            if (!m_worker)
                return;
            if (const quint64 id = m_worker->tensorStats(modulePath, slot))
                m_pendingStats.insert(id, { modulePath, slot });
        });

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(centre);
    m_mainSplitter->addWidget(m_sidePanels);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 6);
    m_mainSplitter->setStretchFactor(2, 3);
    m_mainSplitter->setSizes({ 300, 900, 380 });
    layout->addWidget(m_mainSplitter, 1);

    // A worker answers pings from its socket thread even while LibTorch works, so silence means it hangs
    // (stopped, deadlocked): after kMissedPings unanswered pings it is killed, which reports it as died.
    m_liveness = new QTimer(this);
    m_liveness->setInterval(kPingIntervalMs);
    connect(m_liveness, &QTimer::timeout, this, [this] {
        if (!m_worker || m_state == State::WorkerDied)
            return;
        if (++m_missedPings > kMissedPings) {
            m_hung = true;
            m_worker->kill();
            return;
        }
        m_worker->ping();
    });
    m_liveness->start();
    setEnabledViews(false);
}

void ModelTab::setEnabledViews(bool enabled)
{
    m_mainSplitter->setEnabled(enabled);
}

void ModelTab::attachWorker(std::unique_ptr<WorkerClient> worker)
{
    m_worker = std::move(worker);
    m_runPanel->setWorker(m_worker.get()); // Run panel: follows the tab's worker across restarts
    if (!m_worker)
        return;
    WorkerClient* w = m_worker.get();
    connect(w, &WorkerClient::opened, this, &ModelTab::onOpened);
    connect(w, &WorkerClient::textReady, this, &ModelTab::onText);
    connect(w, &WorkerClient::graphReady, this, &ModelTab::onGraph);
    connect(w, &WorkerClient::failed, this, &ModelTab::onFailed);
    connect(w, &WorkerClient::died, this, &ModelTab::onDied);
    connect(w, &WorkerClient::pong, this, [this] { m_missedPings = 0; });
    m_missedPings = 0;
    m_hung = false;
    connect(w, &WorkerClient::tensorStatsReady, this, [this](quint64 id, const TensorStats& stats) {
        const auto it = m_pendingStats.constFind(id);
        if (it == m_pendingStats.cend())
            return;
        m_details->showTensorStats(it->first, it->second, stats);
        m_pendingStats.erase(it);
    });
}

void ModelTab::openInWorker()
{
    m_pendingText.clear();
    m_pendingGraph.clear();
    m_pendingStats.clear();
    setState(State::Loading);
    // Big archives take seconds to load in the worker; the window stays live and says what it is doing.
    m_messageBar->showMessage(MessageBar::Kind::Information, tr("Opening %1…").arg(m_source.path));
    if (!m_worker) {
        onDied(tr("The worker process could not be started."));
        return;
    }
    m_openRequest = m_source.bytes.isEmpty() ? m_worker->open(m_source.path, m_libraries)
                                             : m_worker->openBytes(m_source.bytes, m_source.path, m_libraries);
}

void ModelTab::restart()
{
    m_messageBar->hide();
    attachWorker(m_factory());
    openInWorker();
}

void ModelTab::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    setEnabledViews(state == State::Ready);
    Q_EMIT stateChanged(state);
}

// isHidden(), not isVisible(): a tab in the background still has its message.
QString ModelTab::messageText() const { return m_messageBar->isHidden() ? QString() : m_messageBar->text(); }

void ModelTab::onOpened(quint64 id, const ArchiveInfo& info, const ModuleTree& tree)
{
    if (id != m_openRequest)
        return;
    m_archive = info;
    m_tree = tree;
    m_archivePanel->setArchive(info);
    m_treeModel->setTree(tree);
    m_treeView->expandAll();
    // A restart keeps the user's place when the module still exists.
    const QString keep = m_tree.find(s(m_module)) ? m_module : QString();
    m_module = QStringLiteral("\x01"); // force moduleChanged() for the same path
    m_messageBar->hide();
    setState(State::Ready);
    selectModule(keep);
}

void ModelTab::selectModule(const QString& path)
{
    const QModelIndex source = m_treeModel->indexForPath(path);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.isValid()) {
        m_treeView->setCurrentIndex(index);
        m_treeView->scrollTo(index);
    }
    if (m_module != path && m_tree.find(s(path))) {
        m_module = path;
        moduleChanged();
    }
}

void ModelTab::selectMethod(const QString& method)
{
    const int index = m_methodBox->findText(method);
    if (index >= 0)
        m_methodBox->setCurrentIndex(index);
}

void ModelTab::setClassCode(bool whole) { m_classBox->setChecked(whole); }

void ModelTab::setInlined(bool inlined) { m_formBox->setCurrentIndex(inlined ? 1 : 0); }

void ModelTab::moduleChanged()
{
    const ModuleInfo* module = m_tree.find(s(m_module));
    if (!module)
        return;
    m_details->setModule(*module);
    // Keep the same method name across modules when it exists (forward, usually).
    QString method = m_method;
    bool found = false;
    for (const auto& m : module->methods)
        found = found || q(m.name) == method;
    if (!found)
        method = module->methods.empty() ? QString() : q(module->methods.front().name);
    for (const auto& m : module->methods)
        if (!found && m.name == "forward")
            method = QStringLiteral("forward");
    {
        const QSignalBlocker block(m_methodBox);
        m_methodBox->clear();
        for (const auto& m : module->methods)
            m_methodBox->addItem(q(m.name));
        m_methodBox->setCurrentIndex(m_methodBox->findText(method));
    }
    m_method = method;
    refreshViews();
}

QString ModelTab::codeKey() const
{
    return m_classCode ? QStringLiteral("class|%1").arg(m_module) : QStringLiteral("code|%1|%2").arg(m_module, m_method);
}

QString ModelTab::irKey() const
{
    return QStringLiteral("ir|%1|%2|%3|%4").arg(m_module, m_method).arg(m_inlined).arg(m_sourceComments);
}

void ModelTab::refreshViews()
{
    if (m_state != State::Ready || !m_worker)
        return;
    m_runPanel->setMethod(m_module, m_method); // Run panel: the selected method
    const std::string module = s(m_module);
    if (m_method.isEmpty()) {
        m_codeView->setCode(tr("# This module has no methods."));
        m_irView->setGraph(QString(), IrGraph());
        m_shownCode = codeKey();
        m_shownIr = irKey();
        maybeViewsReady();
        return;
    }
    const QString code = codeKey();
    if (m_texts.contains(code)) {
        m_codeView->setCode(m_texts.value(code));
        m_shownCode = code;
    } else if (!m_pendingText.values().contains(code)) {
        const quint64 id = m_classCode ? m_worker->classCode(m_module) : m_worker->methodCode(m_module, m_method);
        if (id)
            m_pendingText.insert(id, code);
    }
    const QString ir = irKey();
    const QString graphKey = QStringLiteral("graph|%1|%2|%3").arg(m_module, m_method).arg(m_inlined);
    if (!m_graphs.contains(graphKey) && !m_pendingGraph.values().contains(graphKey)) {
        if (const quint64 id = m_worker->graph(m_module, m_method, m_inlined))
            m_pendingGraph.insert(id, graphKey);
    }
    if (!m_texts.contains(ir) && !m_pendingText.values().contains(ir)) {
        if (const quint64 id = m_worker->graphText(m_module, m_method, m_inlined, m_sourceComments))
            m_pendingText.insert(id, ir);
    }
    maybeViewsReady();
}

void ModelTab::onText(quint64 id, const QString& text)
{
    const QString key = m_pendingText.take(id);
    if (key.isEmpty())
        return;
    m_texts.insert(key, text);
    if (key == codeKey() && m_shownCode != key) {
        m_codeView->setCode(text);
        m_shownCode = key;
    }
    maybeViewsReady();
}

void ModelTab::onGraph(quint64 id, const IrGraph& graph)
{
    const QString key = m_pendingGraph.take(id);
    if (key.isEmpty())
        return;
    m_graphs.insert(key, graph);
    if (m_panelWants.remove(key)) {
        const QStringList parts = key.split(QLatin1Char('|'));
        m_graphPanel->addGraph(parts.value(1), parts.value(2), graph);
    }
    maybeViewsReady();
}

// The graph panel asks for the graphs of the submodules it expands. Answered later, never from inside the
// panel's own call.
void ModelTab::panelNeedsGraph(const QString& modulePath, const QString& method)
{
    const QString key = QStringLiteral("graph|%1|%2|0").arg(modulePath, method);
    if (m_graphs.contains(key)) {
        QMetaObject::invokeMethod(
            this,
            [this, modulePath, method, key] {
                const IrGraph& g = m_graphs[key];
                if (g.nodes.empty() && g.blocks.empty())
                    m_graphPanel->graphUnavailable(modulePath, method);
                else
                    m_graphPanel->addGraph(modulePath, method, g);
            },
            Qt::QueuedConnection);
        return;
    }
    m_panelWants.insert(key);
    if (m_pendingGraph.values().contains(key) || !m_worker)
        return;
    if (const quint64 id = m_worker->graph(modulePath, method, false))
        m_pendingGraph.insert(id, key);
}

bool ModelTab::textsShown() const { return m_state == State::Ready && m_shownCode == codeKey() && m_shownIr == irKey(); }

// The IR view needs both the text and the graph values (for linking); it updates once both are here.
void ModelTab::maybeViewsReady()
{
    const QString ir = irKey();
    const QString graphKey = QStringLiteral("graph|%1|%2|%3").arg(m_module, m_method).arg(m_inlined);
    if (m_method.isEmpty()) {
        if (m_panelGraph != graphKey) {
            m_panelGraph = graphKey;
            m_graphPanel->showMessage(tr("This module has no methods."));
        }
        Q_EMIT viewsUpdated();
        return;
    }
    if (m_panelGraph != graphKey && m_graphs.contains(graphKey)) {
        m_panelGraph = graphKey;
        m_graphPanel->showGraph(m_module, m_method, m_inlined, m_graphs.value(graphKey));
    }
    if (m_shownIr != ir && m_texts.contains(ir) && m_graphs.contains(graphKey)) {
        m_irView->setGraph(m_texts.value(ir), m_graphs.value(graphKey));
        m_shownIr = ir;
        m_shownGraph = graphKey;
        m_nodeInfo->clear();
    }
    if (m_shownCode == codeKey() && m_shownIr == ir)
        Q_EMIT viewsUpdated();
}

void ModelTab::codeLineChanged(int line)
{
    if (m_classCode || !m_graphs.contains(m_shownGraph))
        return;
    const auto nodes = nodesForCodeLine(m_graphs.value(m_shownGraph), s(m_module), s(m_method), line);
    m_irView->highlightNodes(QList<int>(nodes.begin(), nodes.end()));
    m_graphPanel->markIrNodes(QList<int>(nodes.begin(), nodes.end()));
}

void ModelTab::irNodeActivated(int nodeId)
{
    const auto it = m_graphs.constFind(m_shownGraph);
    if (it == m_graphs.cend() || nodeId < 0 || nodeId >= static_cast<int>(it->nodes.size())) {
        m_nodeInfo->clear();
        return;
    }
    const IrNode& node = it->nodes[nodeId];
    m_nodeDetails->showNode(*it, nodeId);
    if (!m_fromGraph)
        m_graphPanel->selectIrNode(nodeId);
    QStringList parts { QStringLiteral("<b>%1</b>").arg(q(node.kind).toHtmlEscaped()) };
    if (!node.modulePath.empty() || m_inlined)
        parts << tr("module %1").arg(node.modulePath.empty() ? tr("(root)") : q(node.modulePath));
    if (node.codeLocation)
        parts << tr(".code line %1 of %2").arg(node.codeLocation->line).arg(q(node.codeMethod));
    if (node.originalLocation)
        parts << tr("Python source %1:%2")
                     .arg(QFileInfo(q(node.originalLocation->file)).fileName())
                     .arg(node.originalLocation->line);
    m_nodeInfo->setText(parts.join(QStringLiteral(" — ")));
    if (node.originalLocation)
        m_nodeInfo->setToolTip(q(node.originalLocation->file));
    const bool sameCode = !m_classCode && node.codeLocation && q(node.modulePath) == m_module
        && q(node.codeMethod) == m_method;
    if (sameCode)
        m_codeView->goToLine(node.codeLocation->line);
}

void ModelTab::onFailed(quint64 id, const Error& error)
{
    if (id == m_openRequest) {
        setState(State::Failed);
        m_messageBar->showMessage(MessageBar::Kind::Error, q(error.message), tr("Reload"));
        return;
    }
    m_pendingStats.remove(id);
    const QString graphKey = m_pendingGraph.take(id);
    if (!graphKey.isEmpty() && m_panelWants.remove(graphKey)) {
        const QStringList parts = graphKey.split(QLatin1Char('|'));
        m_graphPanel->graphUnavailable(parts.value(1), parts.value(2));
    }
    if (!graphKey.isEmpty()) {
        // Without graph values the IR text still shows; only the linking is missing.
        m_graphs.insert(graphKey, IrGraph());
        maybeViewsReady();
        return;
    }
    const QString key = m_pendingText.take(id);
    if (!key.isEmpty()) {
        // A failed text request shows its reason in place of the text, so the view never stays stale.
        const QString text = tr("# %1").arg(q(error.message));
        m_texts.insert(key, text);
        if (key == codeKey()) {
            m_codeView->setCode(text);
            m_shownCode = key;
        }
        maybeViewsReady();
    }
}

void ModelTab::onDied(const QString& reason)
{
    setState(State::WorkerDied);
    const QString why = m_hung
        ? tr("The worker process serving %1 stopped answering for %2 seconds and was stopped.")
              .arg(m_source.title)
              .arg(kPingIntervalMs * kMissedPings / 1000)
        : tr("The worker process serving %1 stopped: %2").arg(m_source.title, reason);
    m_messageBar->showMessage(MessageBar::Kind::Error, why, tr("Restart"));
}

void ModelTab::showView(const QString& view)
{
    if (view == QLatin1String("archive")) {
        m_sidePanels->setCurrentWidget(m_archivePanel);
        m_archivePanel->setFocus();
    } else if (view == QLatin1String("tree")) {
        m_sidePanels->setCurrentWidget(m_details);
        m_treeView->setFocus();
    } else if (view == QLatin1String("ir")) {
        m_irView->setFocus();
    } else if (view == QLatin1String("graph")) {
        const int total = m_centreSplitter->height();
        m_centreSplitter->setSizes({ total / 4, total - total / 4 });
        m_graphPanel->view()->setFocus();
    } else {
        m_codeView->setFocus();
    }
}

bool ModelTab::graphHasFocus() const
{
    const QWidget* focus = QApplication::focusWidget();
    return focus && m_graphPanel->isAncestorOf(focus);
}

// A node picked in the drawing: its details, and the code and IR moved to it when they show its graph.
void ModelTab::graphNodeSelected(const IrGraph& graph, int node)
{
    m_sidePanels->setCurrentWidget(m_nodeDetails);
    const bool shown = graph.modulePath == s(m_module) && graph.method == s(m_method) && graph.inlined == m_inlined;
    if (!shown) {
        m_nodeDetails->showNode(graph, node);
        return;
    }
    const int line = m_irView->lineOfNode(node);
    if (line > 0)
        m_irView->goToLine(line);
    m_irView->highlightNodes({ node });
    m_fromGraph = true;
    irNodeActivated(node);
    m_fromGraph = false;
}

void ModelTab::activateFind()
{
    if (graphHasFocus()) {
        m_graphPanel->activateFind();
        return;
    }
    if (m_irView->hasFocus())
        m_irFind->activate();
    else
        m_codeFind->activate();
}

void ModelTab::zoomIn()
{
    if (graphHasFocus())
        return m_graphPanel->view()->zoomIn();
    m_codeView->zoomIn();
    m_irView->zoomIn();
}

void ModelTab::zoomOut()
{
    if (graphHasFocus())
        return m_graphPanel->view()->zoomOut();
    m_codeView->zoomOut();
    m_irView->zoomOut();
}

void ModelTab::resetZoom()
{
    if (graphHasFocus())
        return m_graphPanel->view()->resetZoom();
    m_codeView->resetZoom();
    m_irView->resetZoom();
}

} // namespace torchscope
