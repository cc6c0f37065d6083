#pragma once

#include "data/irgraph.h"
#include "data/result.h"
#include "data/runresult.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

class QLabel;

namespace torchscope {

class CodeView;
class GraphPanel;
class WorkerClient;

// The Run panel's Trace: retraces a method with the panel's inputs in the model's worker (Archive::retrace, as
// torch.jit.trace does) and shows the flattened graph beside the scripted one (its inlined graph): drawn, with the
// nodes each lacks marked (GraphMark MarkDiff, matched by op kind and occurrence), and as text with the differing
// lines marked. So a user sees which branch each `if` took for these inputs and how loops unrolled.
class TraceDialog : public QDialog {
    Q_OBJECT
public:
    // Sends the requests at once; `worker` must have the archive open.
    TraceDialog(WorkerClient* worker, const RunRequest& request, QWidget* parent = nullptr);

    bool isDone() const;
    QString errorText() const { return m_error; }
    CodeView* scriptedView() const { return m_text[0]; }
    CodeView* tracedView() const { return m_text[1]; }
    QString shownText(bool traced) const; // what the views show (tests cannot include QScintilla's headers)
    QList<int> changedLines(bool traced) const { return m_changed[traced ? 1 : 0]; }
    GraphPanel* graphPanel(bool traced) const { return m_graphPanel[traced ? 1 : 0]; }
    const IrGraph& graph(bool traced) const { return m_graph[traced ? 1 : 0]; }
    QSet<int> diffNodes(bool traced) const { return m_only[traced ? 1 : 0]; }

Q_SIGNALS:
    void done();

private:
    void onText(quint64 id, const QString& text);
    void onGraph(quint64 id, const IrGraph& graph);
    void onFailed(quint64 id, const Error& error);
    void finishIfDone();
    void markGraph(int side);

    QPointer<WorkerClient> m_worker;
    QString m_module, m_method;
    quint64 m_textId[2] = { 0, 0 }; // scripted, traced
    quint64 m_graphId[2] = { 0, 0 };
    QString m_texts[2];
    IrGraph m_graph[2];
    QList<int> m_changed[2];
    QSet<int> m_only[2];
    QString m_error;
    QLabel* m_status = nullptr;
    CodeView* m_text[2] = { nullptr, nullptr };
    GraphPanel* m_graphPanel[2] = { nullptr, nullptr };
};

} // namespace torchscope
