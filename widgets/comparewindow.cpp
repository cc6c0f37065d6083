#include "comparewindow.h"

#include "codeview.h"
#include "comparediff.h"
#include "comparepanel.h"
#include "graphitems.h"
#include "graphpanel.h"
#include "graphscene.h"
#include "worker/workerclient.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace torchscope {
namespace {
    constexpr int PathRole = Qt::UserRole + 1;
    QString q(const std::string& s) { return QString::fromStdString(s); }
}

struct CompareWindow::Side {
    QString path;
    std::unique_ptr<WorkerClient> worker;
    quint64 openRequest = 0;
    bool opened = false;
    ModuleTree modules;
    quint64 codeRequest = 0;
    quint64 graphRequest = 0;
    bool codeReady = false;
    bool graphReady = false;
    QString code;
    IrGraph graph;
    QList<int> changed;
    QSet<int> onlyHere;
    QHash<quint64, QPair<QString, QString>> calleeRequests;
    QTreeWidget* tree = nullptr;
    CodeView* codeView = nullptr;
    GraphPanel* graphPanel = nullptr;
};

CompareWindow::CompareWindow(const QString& pathA, const QString& pathB, WorkerFactory factory, QWidget* parent)
    : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Compare %1 and %2").arg(QFileInfo(pathA).fileName(), QFileInfo(pathB).fileName()));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_status = new QLabel(tr("Opening both archives…"), this);
    m_methods = new QComboBox(this);
    top->addWidget(m_status, 1);
    top->addWidget(new QLabel(tr("Method:"), this));
    top->addWidget(m_methods);
    layout->addLayout(top);

    auto* trees = new QSplitter(Qt::Horizontal, this);
    m_tabs = new QTabWidget(this);
    auto* code = new QSplitter(Qt::Horizontal, m_tabs);
    auto* graphs = new QSplitter(Qt::Horizontal, m_tabs);
    m_compare = new ComparePanel(m_tabs);
    m_tabs->addTab(code, tr("Code"));
    m_tabs->addTab(graphs, tr("Graph"));
    m_tabs->addTab(m_compare, tr("Outputs"));

    const QString paths[2] = { pathA, pathB };
    for (int i = 0; i < 2; ++i) {
        m_sides[i] = std::make_unique<Side>();
        Side& s = *m_sides[i];
        s.path = paths[i];
        s.tree = new QTreeWidget(trees);
        s.tree->setHeaderLabels({ (i == A ? tr("A: %1") : tr("B: %1")).arg(QFileInfo(s.path).fileName()), tr("Type") });
        s.tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        s.codeView = new CodeView(code);
        s.graphPanel = new GraphPanel(graphs);
        s.graphPanel->setArchiveId(QStringLiteral("compare:%1:%2").arg(i).arg(s.path));
        buildSide(i);
    }
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(trees);
    vertical->addWidget(m_tabs);
    vertical->setStretchFactor(1, 3);
    layout->addWidget(vertical, 1);

    connect(m_methods, &QComboBox::currentTextChanged, this, [this](const QString& method) {
        if (!method.isEmpty() && method != m_method)
            selectMethod(method);
    });

    for (int i = 0; i < 2; ++i) {
        Side& s = *m_sides[i];
        s.worker = factory();
        WorkerClient* w = s.worker.get();
        connect(w, &WorkerClient::opened, this,
            [this, i](quint64 id, const ArchiveInfo&, const ModuleTree& modules) { onOpened(i, id, modules); });
        connect(w, &WorkerClient::failed, this, [this, i](quint64 id, const Error& e) { onFailed(i, id, e); });
        connect(w, &WorkerClient::textReady, this, [this, i](quint64 id, const QString& t) { onText(i, id, t); });
        connect(w, &WorkerClient::graphReady, this, [this, i](quint64 id, const IrGraph& g) { onGraph(i, id, g); });
        connect(w, &WorkerClient::died, this, [this, i](const QString& reason) {
            m_error = tr("The worker for %1 stopped: %2").arg(m_sides[i]->path, reason);
            m_status->setText(m_error);
        });
        if (w->state() == WorkerClient::State::Starting)
            w->start();
        s.openRequest = w->open(s.path);
    }
    m_compare->setArchives(m_sides[A]->worker.get(), pathA, pathB);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildSide(int side)
{
    Side& s = *m_sides[side];
    connect(s.tree, &QTreeWidget::currentItemChanged, this,
        [this, side](QTreeWidgetItem* item) { onTreeSelection(side, item); });
    connect(s.graphPanel, &GraphPanel::graphNeeded, this, [this, side](const QString& module, const QString& method) {
        Side& s = *m_sides[side];
        if (s.worker)
            s.calleeRequests.insert(s.worker->graph(module, method, false), { module, method });
    });
    connect(s.graphPanel, &GraphPanel::graphShown, this, [this, side] { markGraph(side); });
}

bool CompareWindow::isOpened() const { return m_sides[A]->opened && m_sides[B]->opened; }
QString CompareWindow::path(int side) const { return m_sides[side]->path; }
bool CompareWindow::viewsReady() const
{
    return m_sides[A]->codeReady && m_sides[B]->codeReady && m_sides[A]->graphReady && m_sides[B]->graphReady;
}
QList<int> CompareWindow::changedLines(int side) const { return m_sides[side]->changed; }
QSet<int> CompareWindow::diffNodes(int side) const { return m_sides[side]->onlyHere; }
const IrGraph& CompareWindow::graph(int side) const { return m_sides[side]->graph; }
QTreeWidget* CompareWindow::tree(int side) const { return m_sides[side]->tree; }
CodeView* CompareWindow::codeView(int side) const { return m_sides[side]->codeView; }
QString CompareWindow::shownCode(int side) const { return m_sides[side]->codeView->text(); }
GraphPanel* CompareWindow::graphPanel(int side) const { return m_sides[side]->graphPanel; }
WorkerClient* CompareWindow::worker(int side) const { return m_sides[side]->worker.get(); }

void CompareWindow::showTab(const QString& name)
{
    const int index = name == QLatin1String("graph") ? 1 : name == QLatin1String("outputs") ? 2 : 0;
    m_tabs->setCurrentIndex(index);
}

void CompareWindow::onOpened(int side, quint64 id, const ModuleTree& modules)
{
    Side& s = *m_sides[side];
    if (id != s.openRequest)
        return;
    s.opened = true;
    s.modules = modules;
    if (isOpened()) {
        m_status->setText(tr("A: %1   B: %2").arg(m_sides[A]->path, m_sides[B]->path));
        fillTrees();
        Q_EMIT opened();
        selectModule(QString());
    }
}

void CompareWindow::onFailed(int side, quint64 id, const Error& error)
{
    Side& s = *m_sides[side];
    const QString message = q(error.message);
    if (id == s.openRequest) {
        m_error = message;
        m_status->setText(tr("%1 could not be opened: %2").arg(s.path, message));
        Q_EMIT opened();
    } else if (id == s.codeRequest) {
        s.codeRequest = 0;
        s.code.clear();
        s.codeView->setCode(message);
        s.codeReady = true;
        codeArrived();
    } else if (id == s.graphRequest) {
        s.graphRequest = 0;
        s.graph = IrGraph {};
        s.graphReady = true;
        graphsArrived();
        s.graphPanel->showMessage(message);
    } else if (s.calleeRequests.contains(id)) {
        const auto callee = s.calleeRequests.take(id);
        s.graphPanel->graphUnavailable(callee.first, callee.second);
    }
}

void CompareWindow::fillTrees()
{
    for (int i = 0; i < 2; ++i) {
        Side& s = *m_sides[i];
        const ModuleTree& other = m_sides[1 - i]->modules;
        s.tree->clear();
        std::vector<QTreeWidgetItem*> items(s.modules.modules.size(), nullptr);
        for (size_t m = 0; m < s.modules.modules.size(); ++m) {
            const ModuleInfo& info = s.modules.modules[m];
            const QStringList columns { info.path.empty() ? tr("(root)") : q(info.name), q(info.originalName) };
            QTreeWidgetItem* item = info.parent >= 0 && size_t(info.parent) < m && items[size_t(info.parent)]
                ? new QTreeWidgetItem(items[size_t(info.parent)], columns)
                : new QTreeWidgetItem(s.tree, columns);
            item->setData(0, PathRole, q(info.path));
            if (!other.find(info.path)) {
                QFont bold = item->font(0);
                bold.setBold(true);
                item->setFont(0, bold);
                item->setForeground(0, QColor(0xc6, 0x28, 0x28));
                item->setToolTip(0, i == A ? tr("Only in A") : tr("Only in B"));
            }
            items[m] = item;
        }
        s.tree->expandAll();
    }
}

void CompareWindow::onTreeSelection(int side, QTreeWidgetItem* item)
{
    if (!item || m_syncing)
        return;
    selectModule(item->data(0, PathRole).toString());
    Q_UNUSED(side);
}

void CompareWindow::selectModule(const QString& path)
{
    m_module = path;
    m_syncing = true;
    for (auto& s : m_sides) {
        QTreeWidgetItem* found = nullptr;
        for (QTreeWidgetItemIterator it(s->tree); *it && !found; ++it)
            if ((*it)->data(0, PathRole).toString() == path)
                found = *it;
        s->tree->setCurrentItem(found);
        if (!found)
            s->tree->clearSelection();
    }
    m_syncing = false;
    updateMethods();
    requestViews();
}

void CompareWindow::selectMethod(const QString& method)
{
    m_method = method;
    if (m_methods->currentText() != method) {
        const QSignalBlocker blocker(m_methods);
        m_methods->setCurrentText(method);
    }
    requestViews();
}

void CompareWindow::updateMethods()
{
    QStringList methods;
    for (auto& s : m_sides)
        if (const ModuleInfo* info = s->modules.find(m_module.toStdString()))
            for (const MethodInfo& m : info->methods)
                if (!methods.contains(q(m.name)))
                    methods.append(q(m.name));
    if (!methods.contains(m_method))
        m_method = methods.contains(QStringLiteral("forward")) ? QStringLiteral("forward") : methods.value(0);
    const QSignalBlocker blocker(m_methods);
    m_methods->clear();
    m_methods->addItems(methods);
    m_methods->setCurrentText(m_method);
}

void CompareWindow::requestViews()
{
    m_compare->setMethod(m_module, m_method);
    for (auto& sp : m_sides) {
        Side& s = *sp;
        s.codeReady = s.graphReady = false;
        s.changed.clear();
        s.onlyHere.clear();
        s.codeRequest = s.graphRequest = 0;
        const ModuleInfo* info = s.modules.find(m_module.toStdString());
        bool hasMethod = false;
        if (info)
            for (const MethodInfo& m : info->methods)
                hasMethod = hasMethod || q(m.name) == m_method;
        if (!hasMethod || !s.worker) {
            s.code.clear();
            s.graph = IrGraph {};
            s.codeView->setCode(QString());
            s.graphPanel->showMessage(tr("This archive has no %1.%2.").arg(m_module, m_method));
            s.codeReady = s.graphReady = true;
            continue;
        }
        s.codeRequest = s.worker->methodCode(m_module, m_method);
        s.graphRequest = s.worker->graph(m_module, m_method, false);
    }
    codeArrived();
    graphsArrived();
}

void CompareWindow::onText(int side, quint64 id, const QString& text)
{
    Side& s = *m_sides[side];
    if (id != s.codeRequest)
        return;
    s.codeRequest = 0;
    s.code = text;
    s.codeView->setCode(text);
    s.codeReady = true;
    codeArrived();
}

void CompareWindow::onGraph(int side, quint64 id, const IrGraph& graph)
{
    Side& s = *m_sides[side];
    if (s.calleeRequests.contains(id)) {
        const auto callee = s.calleeRequests.take(id);
        s.graphPanel->addGraph(callee.first, callee.second, graph);
        return;
    }
    if (id != s.graphRequest)
        return;
    s.graphRequest = 0;
    s.graph = graph;
    s.graphReady = true;
    graphsArrived();
}

void CompareWindow::codeArrived()
{
    Side& a = *m_sides[A];
    Side& b = *m_sides[B];
    if (!a.codeReady || !b.codeReady)
        return;
    const CodeDiff diff = diffCode(a.code, b.code);
    a.changed = diff.changedA;
    b.changed = diff.changedB;
    a.codeView->highlightLines(a.changed);
    b.codeView->highlightLines(b.changed);
    if (viewsReady())
        Q_EMIT viewsUpdated();
}

void CompareWindow::graphsArrived()
{
    Side& a = *m_sides[A];
    Side& b = *m_sides[B];
    if (!a.graphReady || !b.graphReady)
        return;
    const GraphDiff diff = diffGraphs(a.graph, b.graph);
    a.onlyHere = diff.onlyA;
    b.onlyHere = diff.onlyB;
    for (auto& s : m_sides)
        if (!s->graph.nodes.empty())
            s->graphPanel->showGraph(m_module, m_method, false, s->graph);
    if (viewsReady())
        Q_EMIT viewsUpdated();
}

void CompareWindow::markGraph(int side)
{
    Side& s = *m_sides[side];
    const VisualGraph* visual = s.graphPanel->visualGraph();
    if (!visual)
        return;
    QSet<int> marked;
    for (int i = 0; i < int(visual->nodes.size()); ++i) {
        const VisualNode& node = visual->nodes[size_t(i)];
        if (node.source != 0)
            continue;
        for (int ir : node.irNodes)
            if (s.onlyHere.contains(ir))
                marked.insert(i);
    }
    s.graphPanel->scene()->markNodes(marked, MarkDiff);
}

} // namespace torchscope
