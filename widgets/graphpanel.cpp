#include "graphpanel.h"

#include "graphexport.h"
#include "graphitems.h"
#include "graphminimap.h"
#include "graphscene.h"
#include "graphsearch.h"
#include "graphview.h"
#include "layout/graphmodel.h"
#include "layoutbridge.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }
    QString graphKey(const QString& module, const QString& method, bool inlined)
    {
        return module + QLatin1Char('|') + method + QLatin1Char('|') + (inlined ? QLatin1Char('1') : QLatin1Char('0'));
    }
    QString graphKey(const std::string& module, const std::string& method, bool inlined)
    {
        return graphKey(q(module), q(method), inlined);
    }

    QToolButton* toolButton(QWidget* parent, const QString& text, const QString& tip)
    {
        auto* b = new QToolButton(parent);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    }

    // Enter finds (the next match), Shift+Enter the previous one, Escape gives the graph the focus back.
    class SearchKeys : public QObject {
    public:
        SearchKeys(GraphPanel* panel, QLineEdit* field)
            : QObject(field)
            , m_panel(panel)
            , m_field(field)
        {
        }
        bool eventFilter(QObject*, QEvent* event) override
        {
            if (event->type() != QEvent::KeyPress)
                return false;
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                if (key->modifiers() & Qt::ShiftModifier)
                    m_panel->findPrevious();
                else
                    m_panel->find(m_field->text());
                return true;
            }
            if (key->key() == Qt::Key_Escape) {
                m_panel->view()->setFocus();
                return true;
            }
            return false;
        }

    private:
        GraphPanel* m_panel;
        QLineEdit* m_field;
    };
}

GraphPanel::GraphPanel(QWidget* parent)
    : QWidget(parent)
    , m_viewName(QStringLiteral("graph-%1").arg(quintptr(this), 0, 16))
{
    buildUi();
    connect(LayoutBridge::instance(), &LayoutBridge::finished, this,
        [this](quint64 ticket, LayoutBridge::LayoutPtr layout, const QString& error) { onLayout(ticket, layout, error); });
}

GraphPanel::~GraphPanel()
{
    if (m_ticket)
        LayoutBridge::instance()->cancel(m_ticket);
}

void GraphPanel::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(2);
    auto* expandOne = toolButton(this, tr("Expand"), tr("Open every submodule box one level"));
    auto* expandEvery = toolButton(this, tr("Expand all"), tr("Open every submodule, all the way down"));
    auto* collapse = toolButton(this, tr("Collapse all"), tr("Close every opened submodule"));
    m_plumbing = new QCheckBox(tr("Plumbing"), this);
    m_plumbing->setToolTip(tr("Show constants, attribute reads and list/tuple packing as nodes"));
    auto* fit = toolButton(this, tr("Fit"), tr("Fit the graph to the window (F)"));
    auto* toSelection = toolButton(this, tr("Zoom to selection"), tr("Zoom to the selected node (Z)"));
    m_exportButton = toolButton(this, tr("Export…"), tr("Save the graph as SVG, PNG or DOT"));
    connect(m_exportButton, &QToolButton::clicked, this, &GraphPanel::exportInteractively);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Find op, value or module; \"quoted\" = exact"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(new SearchKeys(this, m_search));
    auto* previous = toolButton(this, QStringLiteral("▲"), tr("Previous match (Shift+Enter)"));
    auto* next = toolButton(this, QStringLiteral("▼"), tr("Next match (Enter)"));
    m_matchLabel = new QLabel(this);
    for (QWidget* w : { static_cast<QWidget*>(expandOne), static_cast<QWidget*>(expandEvery),
             static_cast<QWidget*>(collapse), static_cast<QWidget*>(m_plumbing), static_cast<QWidget*>(fit),
             static_cast<QWidget*>(toSelection), static_cast<QWidget*>(m_exportButton) })
        bar->addWidget(w);
    bar->addSpacing(12);
    bar->addWidget(m_search, 1);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addWidget(m_matchLabel);
    layout->addLayout(bar);

    auto* statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop waiting for this layout; the drawing on screen stays"));
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel);
    layout->addLayout(statusRow);
    m_status->hide();
    m_cancel->hide();
    m_statusDelay = new QTimer(this);
    m_statusDelay->setSingleShot(true);
    m_statusDelay->setInterval(300);
    connect(m_statusDelay, &QTimer::timeout, this, [this] {
        m_status->setVisible(!m_status->text().isEmpty());
        m_cancel->setVisible(m_cancelShown);
    });

    m_scene = new GraphScene(this);
    m_view = new GraphView(this);
    m_view->setGraphScene(m_scene);
    m_view->setToolTipProvider([this](int node) { return toolTipFor(node); });
    layout->addWidget(m_view, 1);

    connect(expandOne, &QToolButton::clicked, this, &GraphPanel::expandOneLevel);
    connect(expandEvery, &QToolButton::clicked, this, &GraphPanel::expandAll);
    connect(collapse, &QToolButton::clicked, this, &GraphPanel::collapseAll);
    connect(m_plumbing, &QCheckBox::toggled, this, [this](bool on) { setFoldPlumbing(!on); });
    connect(fit, &QToolButton::clicked, m_view, [this] {
        m_view->fitToWindow();
        m_view->setFocus();
    });
    connect(toSelection, &QToolButton::clicked, m_view, &GraphView::zoomToSelection);
    connect(previous, &QToolButton::clicked, this, &GraphPanel::findPrevious);
    connect(next, &QToolButton::clicked, this, [this] { find(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Typing marks what is drawn; Enter also opens the modules that hide matches.
        m_searchText = text;
        m_current = 0;
        applySearch(false);
    });
    connect(m_cancel, &QPushButton::clicked, this, &GraphPanel::cancelLayout);
    connect(m_scene, &GraphScene::nodeSelected, this, &GraphPanel::onNodeSelected);
    connect(m_scene, &GraphScene::edgeSelected, m_scene, &GraphScene::markValueOfEdge);
    connect(m_scene, &GraphScene::expandRequested, this, [this](const QString& path) { setModuleExpanded(path, true); });
    connect(m_scene, &GraphScene::collapseRequested, this, [this](const QString& path) { setModuleExpanded(path, false); });
}

QString GraphPanel::viewKey() const { return graphKey(m_module, m_method, m_inlined); }

const IrGraph* GraphPanel::lookup(const std::string& module, const std::string& method, bool inlined) const
{
    const auto it = m_graphs.constFind(graphKey(module, method, inlined));
    return it == m_graphs.cend() ? nullptr : &*it;
}

const IrGraph* GraphPanel::sourceGraph(int source) const
{
    const VisualGraph* g = visualGraph();
    if (!g || source < 0 || source >= static_cast<int>(g->sources.size()))
        return nullptr;
    const VisualSource& s = g->sources[source];
    return lookup(s.modulePath, s.method, s.inlined);
}

const VisualGraph* GraphPanel::visualGraph() const { return m_scene->graph(); }

void GraphPanel::need(const std::string& module, const std::string& method)
{
    const QString key = graphKey(module, method, false);
    if (m_unavailable.contains(key) || m_graphs.contains(key))
        return; // known already (it may have arrived while a build ran without it)
    m_waitingFor.insert(key);
    if (m_requested.contains(key))
        return;
    m_requested.insert(key);
    Q_EMIT graphNeeded(q(module), q(method));
}

void GraphPanel::showGraph(const QString& modulePath, const QString& method, bool inlined, const IrGraph& graph)
{
    if (m_hasGraph)
        m_expansions.insert(viewKey(), m_expansion);
    m_module = modulePath;
    m_method = method;
    m_inlined = inlined;
    m_hasGraph = true;
    m_graphs.insert(viewKey(), graph);
    m_expansion = m_expansions.value(viewKey());
    m_waitingFor.clear();
    m_pending = Pending::None;
    m_fitNext = true;
    rebuild();
}

void GraphPanel::showMessage(const QString& message)
{
    cancelLayout();
    m_hasGraph = false;
    m_scene->clearGraph();
    m_view->minimap()->sceneChanged();
    setStatus(message, false);
    Q_EMIT graphShown();
}

void GraphPanel::addGraph(const QString& modulePath, const QString& method, const IrGraph& graph)
{
    const QString key = graphKey(modulePath, method, false);
    m_graphs.insert(key, graph);
    answered(key);
}

// The drawing (or the search) that waited for the graphs carries on once the last of them is answered.
void GraphPanel::answered(const QString& key)
{
    if (!m_waitingFor.remove(key) || !m_waitingFor.isEmpty())
        return;
    if (m_pending == Pending::Search)
        applySearch(true);
    else
        rebuild();
}

void GraphPanel::graphUnavailable(const QString& modulePath, const QString& method)
{
    const QString key = graphKey(modulePath, method, false);
    m_unavailable.insert(key);
    answered(key);
}

namespace {
    // What building a drawing needs, copied so it can run away from the GUI thread (QHash copies are shared).
    struct BuildInput {
        QHash<QString, IrGraph> graphs;
        QSet<QString> unavailable;
        std::string module, method;
        bool inlined = false;
        bool fold = true;
        bool expandAll = false;
        bool collapseControl = false;
        ExpansionState expansion;
    };

    struct BuildOutcome {
        std::set<std::pair<std::string, std::string>> misses; // callee graphs to fetch before it can be built
        std::optional<ExpansionState> expansion; // expand-all's answer
        std::optional<Result<VisualGraph>> graph;
    };

    BuildOutcome buildDrawing(const BuildInput& in)
    {
        BuildOutcome out;
        const auto find = [&in](const std::string& module, const std::string& method, bool inlined) -> const IrGraph* {
            const auto it = in.graphs.constFind(graphKey(module, method, inlined));
            return it == in.graphs.cend() ? nullptr : &*it;
        };
        const IrGraph* root = find(in.module, in.method, in.inlined);
        if (!root)
            return out;
        SubgraphProvider provider;
        if (!in.inlined) {
            provider = [&](const std::string& module, const std::string& method) -> std::optional<IrGraph> {
                if (const IrGraph* g = find(module, method, false))
                    return *g;
                if (!in.unavailable.contains(graphKey(module, method, false)))
                    out.misses.insert({ module, method });
                return std::nullopt;
            };
        }
        ExpansionState expansion = in.expansion;
        if (in.expandAll) {
            expansion = torchscope::expandAll(*root, provider);
            if (!out.misses.empty())
                return out;
            out.expansion = expansion;
        }
        GraphModelOptions options;
        options.foldPlumbing = in.fold;
        options.collapseControl = in.collapseControl;
        options.expansion = expansion;
        options.subgraph = provider;
        auto built = buildVisualGraph(*root, options);
        if (out.misses.empty())
            out.graph = std::move(built);
        return out;
    }
}

// Building the drawing (callee graphs copied in, clusters, folding) takes a second or more on models with
// thousands of modules: it runs on a pool thread, and a build the user no longer needs is dropped.
void GraphPanel::rebuild()
{
    const IrGraph* root = m_hasGraph ? lookup(m_module.toStdString(), m_method.toStdString(), m_inlined) : nullptr;
    if (!root)
        return;
    if (root->nodes.empty() && root->blocks.empty()) {
        showMessage(tr("This method's graph is not available."));
        return;
    }
    BuildInput in;
    in.graphs = m_graphs;
    in.unavailable = m_unavailable;
    in.module = m_module.toStdString();
    in.method = m_method.toStdString();
    in.inlined = m_inlined;
    in.fold = m_fold;
    in.expandAll = m_pending == Pending::ExpandAll;
    in.expansion = m_expansion;
    // Hundreds of `if`s (a frozen model inlines every one) make the first layout slow: they start closed.
    in.collapseControl = countControlNodes(*root) > m_controlThreshold;
    const quint64 generation = ++m_buildGeneration;
    m_buildRunning = true;
    setStatus(tr("Preparing the drawing…"), true);
    auto* watcher = new QFutureWatcher<BuildOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_buildGeneration)
            return; // superseded or cancelled
        m_buildRunning = false;
        BuildOutcome outcome = watcher->result();
        if (!outcome.misses.empty()) {
            for (const auto& [module, method] : outcome.misses)
                need(module, method);
            if (m_waitingFor.isEmpty()) {
                rebuild(); // everything it lacked has arrived meanwhile
                return;
            }
            setStatus(tr("Reading the graphs of %n submodule(s)…", "", int(m_waitingFor.size())), true);
            return;
        }
        if (outcome.expansion) {
            m_expansion = *outcome.expansion;
            m_pending = Pending::None;
        }
        if (!outcome.graph)
            return;
        if (!*outcome.graph) {
            showMessage(tr("The graph cannot be drawn: %1").arg(q(outcome.graph->error().message)));
            return;
        }
        requestLayout(std::make_shared<VisualGraph>(std::move(*outcome.graph).value()));
    });
    watcher->setFuture(QtConcurrent::run([in = std::move(in)] { return buildDrawing(in); }));
}

void GraphPanel::requestLayout(std::shared_ptr<VisualGraph> graph)
{
    m_building = std::move(graph);
    const std::string key = layoutCacheKey(m_archiveId.toStdString(), m_module.toStdString(),
        m_method.toStdString(), m_inlined, m_fold, m_expansion);
    const int count = static_cast<int>(m_building->nodes.size());
    setStatus(tr("Laying out %n node(s)…", "", count), true);
    if (m_ticket)
        LayoutBridge::instance()->cancel(m_ticket);
    m_ticket = LayoutBridge::instance()->request(m_viewName, key, *m_building);
}

void GraphPanel::onLayout(std::uint64_t ticket, std::shared_ptr<const GraphLayout> layout, const QString& error)
{
    if (ticket != m_ticket)
        return; // dropped or superseded: another panel's, or one the user no longer wants
    m_ticket = 0;
    if (!layout) {
        setStatus(tr("The graph could not be laid out: %1").arg(error), false);
        Q_EMIT graphShown();
        return;
    }
    m_scene->setGraph(m_building, layout);
    m_view->minimap()->sceneChanged();
    if (m_fitNext || m_view->isAutoView()) {
        m_view->showInitialView();
    } else if (!m_focusModule.isEmpty()) {
        for (size_t i = 0; i < m_building->clusters.size(); ++i) {
            const VisualCluster& c = m_building->clusters[i];
            if (c.kind == ClusterKind::Module && q(c.modulePath) == m_focusModule) {
                if (const auto* item = m_scene->clusterItem(static_cast<int>(i)))
                    m_view->centreOnRect(item->sceneBoundingRect());
                break;
            }
        }
    }
    m_fitNext = false;
    m_focusModule.clear();
    setStatus(QString(), false);
    markIrNodes(m_codeLineIrNodes);
    // A search that opened boxes looks again: the opened ones may hold closed boxes with matches of their own.
    const bool searchOpened = m_searchOpened;
    m_searchOpened = false;
    if (!m_searchText.isEmpty())
        applySearch(searchOpened);
    prefetchCallees();
    Q_EMIT graphShown();
}

void GraphPanel::cancelLayout()
{
    if (m_ticket)
        LayoutBridge::instance()->cancel(m_ticket);
    const bool wasBusy = m_ticket != 0 || !m_waitingFor.isEmpty() || m_buildRunning;
    ++m_buildGeneration;
    m_buildRunning = false;
    m_ticket = 0;
    m_waitingFor.clear();
    m_pending = Pending::None;
    if (wasBusy)
        setStatus(tr("Layout cancelled; the drawing on screen is the previous one."), false);
}

void GraphPanel::setStatus(const QString& text, bool cancellable)
{
    m_status->setText(text);
    m_cancelShown = cancellable && !text.isEmpty();
    // Work in progress says so only when it takes long enough to notice; results and errors show at once.
    if (cancellable && !text.isEmpty()) {
        m_statusDelay->start();
        return;
    }
    m_statusDelay->stop();
    m_status->setVisible(!text.isEmpty());
    m_cancel->setVisible(false);
}

QString GraphPanel::statusText() const { return m_status->text(); }

void GraphPanel::setFoldPlumbing(bool fold)
{
    if (fold == m_fold)
        return;
    m_fold = fold;
    const QSignalBlocker block(m_plumbing);
    m_plumbing->setChecked(!fold);
    rebuild();
}

void GraphPanel::expandOneLevel()
{
    if (const VisualGraph* g = visualGraph()) {
        m_expansion = torchscope::expandOneLevel(*g, m_expansion);
        rebuild();
    }
}

void GraphPanel::expandAll()
{
    m_pending = Pending::ExpandAll;
    rebuild();
}

void GraphPanel::collapseAll()
{
    m_expansion = torchscope::collapseAll();
    m_pending = Pending::None;
    rebuild();
}

void GraphPanel::setModuleExpanded(const QString& modulePath, bool expanded)
{
    const std::string path = modulePath.toStdString();
    if (expanded) {
        m_expansion.expanded.insert(path);
        m_focusModule = modulePath;
    } else {
        // Closing a module closes what is open inside it too.
        for (auto it = m_expansion.expanded.begin(); it != m_expansion.expanded.end();)
            it = (*it == path || it->rfind(path + ".", 0) == 0) ? m_expansion.expanded.erase(it) : std::next(it);
    }
    rebuild();
}

void GraphPanel::markIrNodes(const QList<int>& irNodes)
{
    m_codeLineIrNodes = irNodes;
    QSet<int> marked;
    if (const VisualGraph* g = visualGraph()) {
        const QSet<int> wanted(irNodes.begin(), irNodes.end());
        for (size_t i = 0; i < g->nodes.size(); ++i) {
            const VisualNode& n = g->nodes[i];
            if (n.source != 0)
                continue;
            for (int id : n.irNodes)
                if (wanted.contains(id))
                    marked.insert(static_cast<int>(i));
        }
    }
    m_scene->markNodes(marked, MarkCodeLine);
}

bool GraphPanel::selectIrNode(int irNode)
{
    const VisualGraph* g = visualGraph();
    if (!g)
        return false;
    for (size_t i = 0; i < g->nodes.size(); ++i) {
        const VisualNode& n = g->nodes[i];
        if (n.source == 0 && std::find(n.irNodes.begin(), n.irNodes.end(), irNode) != n.irNodes.end()) {
            const QSignalBlocker block(m_scene);
            m_scene->selectNode(static_cast<int>(i));
            m_view->centreOnNode(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

void GraphPanel::onNodeSelected(int node)
{
    const VisualGraph* g = visualGraph();
    if (!g || node < 0 || node >= static_cast<int>(g->nodes.size()))
        return;
    m_scene->markValueOfEdge(-1);
    const VisualNode& n = g->nodes[node];
    const IrGraph* ir = sourceGraph(n.source);
    if (ir && !n.irNodes.empty())
        Q_EMIT irNodeSelected(*ir, n.irNodes.front());
}

void GraphPanel::prefetchCallees()
{
    const VisualGraph* g = visualGraph();
    if (!g || g->inlined)
        return;
    // Expanding is instant when the graphs behind the boxes on screen are already here.
    int asked = 0;
    for (const VisualNode& n : g->nodes) {
        if (!n.expandable || n.calleeMethod.empty() || asked >= 64)
            continue;
        const QString key = graphKey(n.calleePath, n.calleeMethod, false);
        if (m_graphs.contains(key) || m_requested.contains(key) || m_unavailable.contains(key))
            continue;
        m_requested.insert(key);
        ++asked;
        Q_EMIT graphNeeded(q(n.calleePath), q(n.calleeMethod));
    }
}

QString GraphPanel::toolTipFor(int node) const
{
    const VisualGraph* g = visualGraph();
    if (!g || node < 0 || node >= static_cast<int>(g->nodes.size()))
        return {};
    const VisualNode& n = g->nodes[node];
    QStringList lines { QStringLiteral("<b>%1</b>").arg(q(n.kind).toHtmlEscaped()) };
    if (!n.modulePath.empty())
        lines << tr("module: %1").arg(q(n.modulePath).toHtmlEscaped());
    if (n.expandable && !n.calleePath.empty())
        lines << tr("calls %1 (double-click to open)").arg(q(n.calleePath).toHtmlEscaped());
    else if (n.expandable)
        lines << tr("closed: double-click to show its blocks");
    for (const auto& a : n.attributes)
        lines << q(a).toHtmlEscaped();
    if (const IrGraph* ir = sourceGraph(n.source); ir && !n.irNodes.empty() && !n.expandable) {
        const IrNode& irNode = ir->nodes[n.irNodes.front()];
        for (int o : irNode.outputs)
            lines << QStringLiteral("%%1 : %2").arg(q(ir->values[o].name), q(ir->values[o].type)).toHtmlEscaped();
        if (irNode.codeLocation)
            lines << tr(".code line %1").arg(irNode.codeLocation->line);
    }
    return lines.join(QStringLiteral("<br>"));
}

void GraphPanel::activateFind()
{
    m_search->setFocus();
    m_search->selectAll();
}

void GraphPanel::find(const QString& text)
{
    if (text == m_searchText && !m_matches.isEmpty() && m_pending != Pending::Search) {
        findNext();
        return;
    }
    m_searchText = text;
    m_current = 0;
    applySearch(true);
}

void GraphPanel::findNext()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + 1) % m_matches.size();
    updateMatchMarks();
}

void GraphPanel::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + m_matches.size() - 1) % m_matches.size();
    updateMatchMarks();
}

void GraphPanel::applySearch(bool openHidden)
{
    const VisualGraph* g = visualGraph();
    const GraphSearchTerm term = GraphSearchTerm::parse(m_searchText);
    const GraphLookup lookupFn = [this](const std::string& m, const std::string& meth, bool inl) {
        return lookup(m, meth, inl);
    };
    if (m_pending == Pending::Search)
        m_pending = Pending::None;
    if (openHidden && g && !term.isEmpty()) {
        const HiddenMatches hidden = findHiddenMatches(*g, lookupFn, term);
        for (const auto& [module, method] : hidden.missing)
            need(module, method);
        if (!m_waitingFor.isEmpty()) {
            m_pending = Pending::Search;
            setStatus(tr("Searching inside submodules…"), true);
        } else {
            bool opened = false;
            for (const std::string& m : hidden.modules)
                opened = m_expansion.expanded.insert(m).second || opened;
            if (opened) {
                m_searchOpened = true;
                rebuild(); // the new drawing's onLayout() marks the matches
            }
        }
    }
    m_matches = g && !term.isEmpty() ? findGraphNodes(*g, lookupFn, term) : QList<int>();
    if (m_current >= m_matches.size())
        m_current = 0;
    updateMatchMarks();
}

void GraphPanel::updateMatchMarks()
{
    m_scene->markNodes(QSet<int>(m_matches.begin(), m_matches.end()), MarkSearch);
    const bool any = !m_matches.isEmpty() && m_current >= 0;
    m_scene->markNodes(any ? QSet<int> { m_matches[m_current] } : QSet<int>(), MarkSearchCurrent);
    if (m_searchText.isEmpty())
        m_matchLabel->clear();
    else if (m_matches.isEmpty())
        m_matchLabel->setText(tr("No matches"));
    else
        m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    if (any)
        m_view->centreOnNode(m_matches[m_current]);
}

QString GraphPanel::exportTo(const QString& path, double scale)
{
    const VisualGraph* g = visualGraph();
    if (!g)
        return tr("There is no graph to export.");
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("dot"))
        return writeFileAtomically(path, QByteArray::fromStdString(toDot(*g)));
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        return tr("Cannot export to %1: the name must end in .svg, .png or .dot.").arg(path);
    // The file shows the graph, not the marks of this session.
    const QList<QGraphicsItem*> selected = m_scene->selectedItems();
    const QSet<int> marks[] = { m_scene->markedNodes(MarkCodeLine), m_scene->markedNodes(MarkSearch),
        m_scene->markedNodes(MarkSearchCurrent), m_scene->markedNodes(MarkValue) };
    const int kinds[] = { MarkCodeLine, MarkSearch, MarkSearchCurrent, MarkValue };
    {
        const QSignalBlocker block(m_scene);
        m_scene->clearSelection();
    }
    for (int k : kinds)
        m_scene->markNodes({}, k);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QRectF area = m_scene->sceneRect();
    const QString error = suffix == QLatin1String("svg") ? writeSceneSvg(m_scene, area, path, q(g->title))
                                                          : writeTiledPng(m_scene, area, scale, path);
    QApplication::restoreOverrideCursor();
    for (int i = 0; i < 4; ++i)
        m_scene->markNodes(marks[i], kinds[i]);
    const QSignalBlocker block(m_scene);
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
    return error;
}

void GraphPanel::exportInteractively()
{
    const VisualGraph* g = visualGraph();
    if (!g)
        return;
    QSettings settings;
    const QString dirKey = QStringLiteral("graph/exportDirectory");
    QString base = q(g->title);
    base.replace(QLatin1Char(' '), QLatin1Char('_'));
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"),
        settings.value(dirKey).toString() + QLatin1Char('/') + base + QStringLiteral(".svg"),
        tr("SVG, vector with text (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"), &selectedFilter);
    if (path.isEmpty())
        return;
    settings.setValue(dirKey, QFileInfo(path).absolutePath());
    double scale = 2.0;
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        const QSize one = tiledPngSize(m_scene->sceneRect(), 1.0);
        bool ok = false;
        scale = QInputDialog::getDouble(this, tr("Export PNG"),
            tr("Pixels per point (1 gives %1 × %2 pixels):").arg(one.width()).arg(one.height()), 2.0, 0.1, 16.0, 1, &ok);
        if (!ok)
            return;
    }
    const QString error = exportTo(path, scale);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Graph"), error);
}

} // namespace torchscope
