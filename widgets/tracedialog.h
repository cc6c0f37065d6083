#pragma once

#include "data/result.h"
#include "data/runresult.h"

#include <QDialog>
#include <QPointer>

class QLabel;

namespace torchscope {

class CodeView;
class WorkerClient;

// The Run panel's Trace: retraces a method with the panel's inputs in the model's worker (Archive::retrace, as
// torch.jit.trace does) and shows the flattened graph beside the scripted one (its inlined graph), with the lines
// each lacks marked: which branch each `if` took for these inputs and how loops unrolled.
//
// Shows the graphs as text: the retrace yields graph text, not an IrGraph, so a drawing cannot be linked to it.
class TraceDialog : public QDialog {
    Q_OBJECT
public:
    // Sends both requests at once; `worker` must have the archive open.
    TraceDialog(WorkerClient* worker, const RunRequest& request, QWidget* parent = nullptr);

    bool isDone() const { return m_scriptedId == 0 && m_tracedId == 0; }
    QString errorText() const { return m_error; }
    CodeView* scriptedView() const { return m_scripted; }
    CodeView* tracedView() const { return m_traced; }
    QString shownText(bool traced) const; // what the views show (tests cannot include QScintilla's headers)
    QList<int> changedLines(bool traced) const { return traced ? m_changedTraced : m_changedScripted; }

Q_SIGNALS:
    void done();

private:
    void onText(quint64 id, const QString& text);
    void onFailed(quint64 id, const Error& error);
    void finishIfDone();

    QPointer<WorkerClient> m_worker;
    quint64 m_scriptedId = 0;
    quint64 m_tracedId = 0;
    QString m_scriptedText, m_tracedText, m_error;
    QList<int> m_changedScripted, m_changedTraced;
    QLabel* m_status = nullptr;
    CodeView* m_scripted = nullptr;
    CodeView* m_traced = nullptr;
};

} // namespace torchscope
