#include "tracedialog.h"

#include "codeview.h"
#include "comparediff.h"
#include "graphitems.h"
#include "graphpanel.h"
#include "graphscene.h"
#include "worker/workerclient.h"

#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace torchscope {

TraceDialog::TraceDialog(WorkerClient* worker, const RunRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_worker(worker)
{
    m_method = QString::fromStdString(request.method.empty() ? std::string("forward") : request.method);
    m_module = QString::fromStdString(request.modulePath);
    setWindowTitle(tr("Trace of %1").arg(m_module.isEmpty() ? m_method : m_module + QLatin1Char('.') + m_method));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Tracing with the Run panel's inputs (seed %1)…").arg(request.seed), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* tabs = new QTabWidget(this);
    auto* graphs = new QSplitter(Qt::Horizontal, tabs);
    auto* texts = new QSplitter(Qt::Horizontal, tabs);
    tabs->addTab(graphs, tr("Graph"));
    tabs->addTab(texts, tr("Text"));
    layout->addWidget(tabs, 1);
    const QString titles[2] = { tr("Scripted (inlined graph)"), tr("Traced with these inputs (flattened graph)") };
    static int instances = 0;
    const int instance = ++instances;
    for (int i = 0; i < 2; ++i) {
        for (QSplitter* split : { graphs, texts }) {
            auto* box = new QWidget(split);
            auto* column = new QVBoxLayout(box);
            column->setContentsMargins(0, 0, 0, 0);
            column->addWidget(new QLabel(titles[i], box));
            if (split == graphs) {
                m_graphPanel[i] = new GraphPanel(box);
                // A trace is not cached under the archive's name: another trace of the same method differs.
                m_graphPanel[i]->setArchiveId(QStringLiteral("trace:%1:%2").arg(instance).arg(i));
                column->addWidget(m_graphPanel[i]);
            } else {
                m_text[i] = new CodeView(box);
                column->addWidget(m_text[i]);
            }
        }
        GraphPanel* panel = m_graphPanel[i];
        // Inlined graphs have no calls to open; answer anything asked so the panel does not wait.
        connect(panel, &GraphPanel::graphNeeded, panel, &GraphPanel::graphUnavailable);
        connect(panel, &GraphPanel::graphShown, this, [this, i] { markGraph(i); });
    }
    resize(1200, 750);

    if (!m_worker || m_worker->state() == WorkerClient::State::Dead) {
        m_error = tr("The model's worker is not running.");
        m_status->setText(m_error);
        return;
    }
    connect(m_worker, &WorkerClient::textReady, this, &TraceDialog::onText);
    connect(m_worker, &WorkerClient::graphReady, this, &TraceDialog::onGraph);
    connect(m_worker, &WorkerClient::failed, this, &TraceDialog::onFailed);
    m_graphId[0] = m_worker->graph(m_module, m_method, true);
    m_graphId[1] = m_worker->retraceGraph(request);
    m_textId[0] = m_worker->graphText(m_module, m_method, true, false);
    m_textId[1] = m_worker->retrace(request);
}

bool TraceDialog::isDone() const { return !m_textId[0] && !m_textId[1] && !m_graphId[0] && !m_graphId[1]; }

QString TraceDialog::shownText(bool traced) const { return m_text[traced ? 1 : 0]->text(); }

void TraceDialog::onText(quint64 id, const QString& text)
{
    for (int i = 0; i < 2; ++i) {
        if (id && id == m_textId[i]) {
            m_textId[i] = 0;
            m_texts[i] = text;
            m_text[i]->setCode(text);
            finishIfDone();
            return;
        }
    }
}

void TraceDialog::onGraph(quint64 id, const IrGraph& graph)
{
    for (int i = 0; i < 2; ++i) {
        if (id && id == m_graphId[i]) {
            m_graphId[i] = 0;
            m_graph[i] = graph;
            finishIfDone();
            return;
        }
    }
}

void TraceDialog::onFailed(quint64 id, const Error& error)
{
    bool ours = false;
    for (quint64* ids : { m_textId, m_graphId })
        for (int i = 0; i < 2; ++i)
            if (id && ids[i] == id) {
                ids[i] = 0;
                ours = true;
            }
    if (!ours)
        return;
    m_error = QString::fromStdString(error.message);
    finishIfDone();
}

void TraceDialog::finishIfDone()
{
    if (!isDone())
        return;
    if (!m_error.isEmpty()) {
        m_status->setText(tr("The trace failed: %1").arg(m_error));
        Q_EMIT done();
        return;
    }
    const CodeDiff diff = diffCode(m_texts[0], m_texts[1]);
    m_changed[0] = diff.changedA;
    m_changed[1] = diff.changedB;
    const GraphDiff nodes = diffGraphs(m_graph[0], m_graph[1], false);
    m_only[0] = nodes.onlyA;
    m_only[1] = nodes.onlyB;
    for (int i = 0; i < 2; ++i) {
        m_text[i]->highlightLines(m_changed[i]);
        m_graphPanel[i]->showGraph(m_module, m_method, true, m_graph[i]);
    }
    m_status->setText(tr("Marked lines differ: the trace keeps only the branch these inputs took and "
                         "unrolls loops."));
    Q_EMIT done();
}

void TraceDialog::markGraph(int side)
{
    const VisualGraph* visual = m_graphPanel[side]->visualGraph();
    if (!visual)
        return;
    QSet<int> marked;
    for (int i = 0; i < int(visual->nodes.size()); ++i)
        for (int ir : visual->nodes[size_t(i)].irNodes)
            if (visual->nodes[size_t(i)].source == 0 && m_only[side].contains(ir))
                marked.insert(i);
    m_graphPanel[side]->scene()->markNodes(marked, MarkDiff);
}

} // namespace torchscope
