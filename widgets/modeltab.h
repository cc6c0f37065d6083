#pragma once

#include "data/archiveinfo.h"
#include "data/irgraph.h"
#include "data/moduleinfo.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeView;

namespace torchscope {

class ArchivePanel;
class CodeView;
class DetailsPanel;
class FindBar;
class GraphPanel;
class NodeDetails;
class RunPanel;
class IrView;
class MessageBar;
class ModuleFilterProxy;
class ModuleTreeModel;
class WorkerClient;
struct Error;
struct TensorStats;

// One open archive: its worker process, the module tree, the code and IR views linked to each other,
// the details and archive panels. Every request to the worker is asynchronous; a reply for a selection
// the user has left is cached but not shown.
class ModelTab : public QWidget {
    Q_OBJECT
public:
    using WorkerFactory = std::function<std::unique_ptr<WorkerClient>()>;

    struct Source {
        QString path; // a file, or a display name when `bytes` holds the archive (bundled samples)
        QByteArray bytes;
        QString title; // what the tab shows
    };

    enum class State { Loading, Ready, Failed, WorkerDied };

    ModelTab(Source source, QStringList libraries, WorkerFactory factory, QWidget* parent = nullptr);
    ~ModelTab() override;

    const Source& source() const { return m_source; }
    State state() const { return m_state; }
    // The message shown in the tab's message bar (a failed open, a crashed worker); empty when none.
    QString messageText() const;

    // code | ir | graph | tree | archive: which part gets the focus (and the right-hand panel for tree/archive);
    // graph also gives the graph most of the centre.
    void showView(const QString& view);
    void selectModule(const QString& path);
    void selectMethod(const QString& method);
    void setClassCode(bool whole);
    void setInlined(bool inlined);
    QString currentModule() const { return m_module; }
    QString currentMethod() const { return m_method; }
    // The code and IR texts of the current selection are on screen.
    bool textsShown() const;

    void activateFind();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Starts a fresh worker and opens the archive again, keeping the selection.
    void restart();

    CodeView* codeView() const { return m_codeView; }
    IrView* irView() const { return m_irView; }
    GraphPanel* graphPanel() const { return m_graphPanel; }
    NodeDetails* nodeDetails() const { return m_nodeDetails; }
    RunPanel* runPanel() const { return m_runPanel; }
    QTreeView* moduleView() const { return m_treeView; }
    ModuleTreeModel* moduleModel() const { return m_treeModel; }
    DetailsPanel* detailsPanel() const { return m_details; }
    ArchivePanel* archivePanel() const { return m_archivePanel; }
    MessageBar* messageBar() const { return m_messageBar; }
    WorkerClient* worker() const { return m_worker.get(); }

Q_SIGNALS:
    void stateChanged(torchscope::ModelTab::State state);
    // The code and IR of the current selection are on screen.
    void viewsUpdated();
    // The graph view shows the current selection's graph (or says why it cannot).
    void graphUpdated();

private:
    void buildUi();
    void setEnabledViews(bool enabled);
    void attachWorker(std::unique_ptr<WorkerClient> worker);
    void openInWorker();
    void setState(State state);
    void onOpened(quint64 id, const ArchiveInfo& info, const ModuleTree& tree);
    void onText(quint64 id, const QString& text);
    void onGraph(quint64 id, const IrGraph& graph);
    void onFailed(quint64 id, const Error& error);
    void onDied(const QString& reason);
    void moduleChanged();
    void refreshViews();
    void maybeViewsReady();
    void codeLineChanged(int line);
    void irNodeActivated(int node);
    void graphNodeSelected(const IrGraph& graph, int node);
    void panelNeedsGraph(const QString& modulePath, const QString& method);
    bool graphHasFocus() const;
    QString codeKey() const;
    QString irKey() const;

    Source m_source;
    QStringList m_libraries;
    WorkerFactory m_factory;
    std::unique_ptr<WorkerClient> m_worker;
    State m_state = State::Loading;

    ArchiveInfo m_archive;
    ModuleTree m_tree;
    QString m_module;
    QString m_method;
    bool m_classCode = false;
    bool m_inlined = false;
    bool m_sourceComments = true;

    quint64 m_openRequest = 0;
    QHash<quint64, QString> m_pendingText; // request id -> cache key
    QHash<quint64, QString> m_pendingGraph;
    QHash<quint64, QPair<QString, QString>> m_pendingStats;
    QHash<QString, QString> m_texts; // cache key -> text
    QHash<QString, IrGraph> m_graphs;
    QString m_shownCode, m_shownIr, m_shownGraph; // keys on screen
    QString m_panelGraph; // graph key the graph panel shows
    QSet<QString> m_panelWants; // graph keys the graph panel asked for

    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_treeView = nullptr;
    ModuleTreeModel* m_treeModel = nullptr;
    ModuleFilterProxy* m_proxy = nullptr;
    QComboBox* m_methodBox = nullptr;
    QCheckBox* m_classBox = nullptr;
    QComboBox* m_formBox = nullptr;
    QCheckBox* m_commentsBox = nullptr;
    CodeView* m_codeView = nullptr;
    IrView* m_irView = nullptr;
    FindBar* m_codeFind = nullptr;
    FindBar* m_irFind = nullptr;
    QLabel* m_nodeInfo = nullptr;
    GraphPanel* m_graphPanel = nullptr;
    NodeDetails* m_nodeDetails = nullptr;
    RunPanel* m_runPanel = nullptr;
    QSplitter* m_centreSplitter = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QTabWidget* m_sidePanels = nullptr;
    DetailsPanel* m_details = nullptr;
    ArchivePanel* m_archivePanel = nullptr;
    QTimer* m_liveness = nullptr;
    int m_missedPings = 0;
    bool m_hung = false;
    bool m_fromGraph = false; // the graph asked to move the views: do not select in the graph again
    static constexpr int kPingIntervalMs = 10000;
    static constexpr int kMissedPings = 3;
};

} // namespace torchscope
