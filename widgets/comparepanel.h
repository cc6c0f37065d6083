#pragma once

#include "data/comparereport.h"
#include "data/result.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace torchscope {

class WorkerClient;

// Runs archive A and archive B on the same inputs and shows the comparison: per trial and output PASS/FAIL, the
// mismatched elements, the greatest absolute and relative differences and the tolerance used.
//
// The comparison runs in A's worker, which opens B too (WorkerClient::compare): a RunResult carries only the
// first values of each tensor, while compareArchives needs every element of both outputs.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);

    // The worker that holds A (it must have opened A) and the two archives' paths.
    void setArchives(WorkerClient* workerA, const QString& pathA, const QString& pathB);
    void setMethod(const QString& modulePath, const QString& method);
    void setTrials(int trials);
    void setSeed(quint64 seed);
    // Input specs in the CLI grammar (one per argument); empty: what each argument suggests.
    void setInputs(const QStringList& specs);

    bool isRunning() const { return m_request != 0; }
    const CompareReport& report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    QString errorText() const { return m_error; }
    // The command that reproduces the first failing trial; empty when none failed.
    QString reproduceCommand() const;
    QTreeWidget* reportTree() const { return m_tree; }

public Q_SLOTS:
    void runComparison();
    void copyReproduceCommand();

Q_SIGNALS:
    void finished();

private:
    void onReport(quint64 id, const CompareReport& report);
    void onFailed(quint64 id, const Error& error);
    void showReport();

    QPointer<WorkerClient> m_worker;
    QString m_pathA, m_pathB, m_module, m_method;
    quint64 m_request = 0;
    CompareReport m_report;
    bool m_hasReport = false;
    QString m_error;

    QSpinBox* m_trials = nullptr;
    QLineEdit* m_seed = nullptr;
    QLineEdit* m_inputs = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace torchscope
