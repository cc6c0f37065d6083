#pragma once

#include "data/irgraph.h"
#include "data/moduleinfo.h"
#include "data/result.h"

#include <QSet>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace torchscope {

class CodeView;
class ComparePanel;
class GraphPanel;
class WorkerClient;

// Two archives side by side (typically a scripted and a traced export of one model): their module trees,
// synchronized by module path, with modules present in one only in bold red; the selected method's .code with
// the lines the other lacks marked; the two graphs with the nodes present in one only marked (GraphMark
// MarkDiff); and a Compare panel that runs both on the same inputs.
//
// Each archive lives in its own worker, made by the factory; the window owns both.
class CompareWindow : public QWidget {
    Q_OBJECT
public:
    using WorkerFactory = std::function<std::unique_ptr<WorkerClient>()>;
    enum SideIndex { A = 0, B = 1 };

    CompareWindow(const QString& pathA, const QString& pathB, WorkerFactory factory, QWidget* parent = nullptr);
    ~CompareWindow() override;

    // Both archives are open (or one failed: errorText() says why).
    bool isOpened() const;
    QString errorText() const { return m_error; }
    QString path(int side) const;
    QString currentModule() const { return m_module; }
    QString currentMethod() const { return m_method; }

    void selectModule(const QString& path);
    void selectMethod(const QString& method);
    void showTab(const QString& name); // "code", "graph", "outputs"

    // The comparison of the current module and method, once both sides answered (viewsReady()).
    bool viewsReady() const;
    QList<int> changedLines(int side) const; // 1-based lines of .code without a counterpart
    QSet<int> diffNodes(int side) const; // IR node indices with no counterpart in the other graph
    const IrGraph& graph(int side) const;
    QTreeWidget* tree(int side) const;
    CodeView* codeView(int side) const;
    QString shownCode(int side) const; // the text in codeView(side) (tests cannot include QScintilla's headers)
    GraphPanel* graphPanel(int side) const;
    ComparePanel* comparePanel() const { return m_compare; }
    WorkerClient* worker(int side) const;

Q_SIGNALS:
    void opened();
    void viewsUpdated();

private:
    struct Side;
    void buildSide(int side);
    void onOpened(int side, quint64 id, const ModuleTree& modules);
    void onFailed(int side, quint64 id, const Error& error);
    void onText(int side, quint64 id, const QString& text);
    void onGraph(int side, quint64 id, const IrGraph& graph);
    void fillTrees();
    void onTreeSelection(int side, QTreeWidgetItem* item);
    void updateMethods();
    void requestViews();
    void codeArrived();
    void graphsArrived();
    void markGraph(int side);

    std::unique_ptr<Side> m_sides[2];
    QString m_module;
    QString m_method;
    QString m_error;
    bool m_syncing = false;

    QLabel* m_status = nullptr;
    QComboBox* m_methods = nullptr;
    QTabWidget* m_tabs = nullptr;
    ComparePanel* m_compare = nullptr;
};

} // namespace torchscope
