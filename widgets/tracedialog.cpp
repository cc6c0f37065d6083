#include "tracedialog.h"

#include "codeview.h"
#include "comparediff.h"
#include "worker/workerclient.h"

#include <QGridLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace torchscope {

TraceDialog::TraceDialog(WorkerClient* worker, const RunRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_worker(worker)
{
    const QString method = QString::fromStdString(request.method.empty() ? std::string("forward") : request.method);
    const QString module = QString::fromStdString(request.modulePath);
    setWindowTitle(tr("Trace of %1").arg(module.isEmpty() ? method : module + QLatin1Char('.') + method));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Tracing with the Run panel's inputs (seed %1)…").arg(request.seed), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* right = new QWidget(split);
    auto* l = new QVBoxLayout(left);
    auto* r = new QVBoxLayout(right);
    l->addWidget(new QLabel(tr("Scripted (inlined graph)"), left));
    r->addWidget(new QLabel(tr("Traced with these inputs (flattened graph)"), right));
    m_scripted = new CodeView(left);
    m_traced = new CodeView(right);
    l->addWidget(m_scripted);
    r->addWidget(m_traced);
    layout->addWidget(split, 1);
    resize(1200, 700);

    if (!m_worker || m_worker->state() == WorkerClient::State::Dead) {
        m_error = tr("The model's worker is not running.");
        m_status->setText(m_error);
        return;
    }
    connect(m_worker, &WorkerClient::textReady, this, &TraceDialog::onText);
    connect(m_worker, &WorkerClient::failed, this, &TraceDialog::onFailed);
    m_scriptedId = m_worker->graphText(module, method, true, false);
    m_tracedId = m_worker->retrace(request);
}

QString TraceDialog::shownText(bool traced) const { return (traced ? m_traced : m_scripted)->text(); }

void TraceDialog::onText(quint64 id, const QString& text)
{
    if (id == m_scriptedId) {
        m_scriptedId = 0;
        m_scriptedText = text;
        m_scripted->setCode(text);
    } else if (id == m_tracedId) {
        m_tracedId = 0;
        m_tracedText = text;
        m_traced->setCode(text);
    } else {
        return;
    }
    finishIfDone();
}

void TraceDialog::onFailed(quint64 id, const Error& error)
{
    if (id != m_scriptedId && id != m_tracedId)
        return;
    (id == m_scriptedId ? m_scriptedId : m_tracedId) = 0;
    m_error = QString::fromStdString(error.message);
    finishIfDone();
}

void TraceDialog::finishIfDone()
{
    if (!isDone())
        return;
    if (!m_error.isEmpty()) {
        m_status->setText(tr("The trace failed: %1").arg(m_error));
    } else {
        const CodeDiff diff = diffCode(m_scriptedText, m_tracedText);
        m_changedScripted = diff.changedA;
        m_changedTraced = diff.changedB;
        m_scripted->highlightLines(m_changedScripted);
        m_traced->highlightLines(m_changedTraced);
        m_status->setText(tr("Marked lines differ: the trace keeps only the branch these inputs took and "
                             "unrolls loops."));
    }
    Q_EMIT done();
}

} // namespace torchscope
