#pragma once

#include "data/runresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace torchscope {

class ArgumentEditor;
class OutputTreeModel;
class TensorInspector;
class TraceDialog;
class WorkerClient;
struct Error;

// Runs the selected method in the model's worker: one editor per argument generated from the method's
// schema, seed, repeat, warm-up and device, Run and Cancel, then the output tree, a tensor inspector and the
// timing. The panel never computes: the worker runs, the panel shows. Cancel kills the worker (LibTorch ops
// cannot be interrupted) and asks for a restart through cancelRequested(); whoever owns the worker then
// hands the panel the new one with setWorker().
class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);
    ~RunPanel() override;

    // The worker to ask; null detaches. Asks it for its devices and, when a method is set, the method's
    // argument specs. Answers from an earlier worker are ignored.
    void setWorker(WorkerClient* worker);
    // The method the panel runs; asks the worker for its argument specs (the editors keep what the user typed
    // for each argument of each method, across worker restarts).
    void setMethod(const QString& modulePath, const QString& method);
    QString modulePath() const { return m_module; }
    QString method() const { return m_method; }

    // What the worker answers, also callable directly (tests feed results without a worker).
    void setArgumentSpecs(const std::vector<ArgumentSpec>& specs);
    void setDevices(const QStringList& devices, bool cudaBuild);
    void setResult(const RunResult& result);

    // The request Run sends now; empty `inputs` entries for arguments left at auto.
    RunRequest currentRequest() const;
    // Sends currentRequest(); does nothing while a run is in flight or a spec is invalid.
    void run();
    // Kills the worker running the current request and emits cancelRequested().
    void cancel();
    // Runs the last request once more with its outputs written to `path` (torch.load reads it).
    void saveOutputsTo(const QString& path);
    // Retraces the method with currentRequest() in the worker and opens a TraceDialog beside the scripted graph.
    TraceDialog* trace();
    bool isRunning() const { return m_runId != 0; }

    const std::vector<ArgumentEditor*>& argumentEditors() const { return m_editors; }
    OutputTreeModel* outputModel() const { return m_outputs; }
    QTreeView* outputView() const { return m_outputView; }
    TensorInspector* inspector() const { return m_inspector; }
    QComboBox* deviceBox() const { return m_device; }
    QSpinBox* seedBox() const { return m_seed; }
    QSpinBox* repeatBox() const { return m_repeat; }
    QSpinBox* warmupBox() const { return m_warmup; }
    QPushButton* runButton() const { return m_runButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QPushButton* saveButton() const { return m_saveButton; }
    QPushButton* traceButton() const { return m_traceButton; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* timingLabel() const { return m_timing; }

Q_SIGNALS:
    // Cancel killed the worker: the owner starts a new one and reloads the model.
    void cancelRequested();
    // A run ended: with a result, or with failed (the message is in statusLabel()).
    void runDone(bool succeeded);

private:
    void requestSpecs();
    void onFailed(quint64 id, const Error& error);
    void onDied();
    void updateButtons();
    void showTiming(const RunResult& result);
    void showStatus(const QString& text, bool error = false);
    QString key(const QString& argument) const;

    QPointer<WorkerClient> m_worker;
    QString m_module;
    QString m_method;
    bool m_haveSpecs = false;
    quint64 m_specsId = 0;
    quint64 m_devicesId = 0;
    quint64 m_runId = 0;
    quint64 m_saveId = 0;
    QString m_savePath;
    RunRequest m_lastRequest;
    bool m_haveResult = false;
    QHash<QString, QString> m_typed; // "module|method|argument" -> spec text the user typed
    QElapsedTimer m_clock;

    QLabel* m_title = nullptr;
    QWidget* m_arguments = nullptr;
    QVBoxLayout* m_argumentLayout = nullptr;
    std::vector<ArgumentEditor*> m_editors;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_repeat = nullptr;
    QSpinBox* m_warmup = nullptr;
    QComboBox* m_device = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_traceButton = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_ticker = nullptr;
    OutputTreeModel* m_outputs = nullptr;
    QTreeView* m_outputView = nullptr;
    TensorInspector* m_inspector = nullptr;
    QLabel* m_timing = nullptr;
};

} // namespace torchscope
