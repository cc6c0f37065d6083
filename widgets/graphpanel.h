#pragma once

#include "data/irgraph.h"
#include "layout/graphmodel.h"
#include "layout/visualgraph.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace torchscope {

class GraphScene;
class GraphView;
struct GraphLayout;

// The IR drawn as a graph: a toolbar (expand one level / all, collapse all, show plumbing, fit, zoom to
// selection, export), a search field, a status line with Cancel, and the GraphView.
//
// It draws the graph given to showGraph(). Expanding a submodule call needs the callee's graph: the panel asks
// for it with graphNeeded() and carries on when addGraph() (or graphUnavailable()) answers. Building the
// drawing is quick and happens here; the Graphviz layout runs on the process's one layout thread
// (LayoutService), so the window keeps painting, the old drawing stays usable until the new one is ready, and a
// layout nobody needs any more is dropped. Layouts are cached per archive, module, method, form, folding and
// expansion.
class GraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphPanel(QWidget* parent = nullptr);
    ~GraphPanel() override;

    // Names the archive in layout cache keys; call before showGraph() (a restart may reuse the same id).
    void setArchiveId(const QString& id) { m_archiveId = id; }
    // Draws `graph` (a method of `modulePath`, inlined or not). The expansion chosen earlier for the same
    // module, method and form comes back.
    void showGraph(const QString& modulePath, const QString& method, bool inlined, const IrGraph& graph);
    // No graph: `message` says why.
    void showMessage(const QString& message);
    // Answers graphNeeded().
    void addGraph(const QString& modulePath, const QString& method, const IrGraph& graph);
    void graphUnavailable(const QString& modulePath, const QString& method);

    void setFoldPlumbing(bool fold);
    void expandOneLevel();
    void expandAll();
    void collapseAll();
    void setModuleExpanded(const QString& modulePath, bool expanded);
    ExpansionState expansion() const { return m_expansion; }
    // Graphs with more If/Loop nodes than this start with them closed (default kCollapseControlAbove).
    void setControlCollapseThreshold(int count) { m_controlThreshold = count; }

    // Marks the drawn nodes standing for these IR nodes of the shown graph (the code view's cursor line).
    void markIrNodes(const QList<int>& irNodes);
    // Selects the drawn node that stands for this IR node of the shown graph; false when none is drawn.
    bool selectIrNode(int irNode);

    // Search (Ctrl+F in the graph).
    void activateFind();
    void find(const QString& text);
    void findNext();
    void findPrevious();
    QList<int> matches() const { return m_matches; } // visual node indices
    int currentMatch() const { return m_current; }

    // Writes the drawing: .svg (vector, text as text), .png (at `scale` pixels per point, tiled) or .dot. Empty
    // on success, else the message for the user.
    QString exportTo(const QString& path, double scale = 2.0);
    void exportInteractively();

    void cancelLayout();
    bool isLayoutPending() const { return m_ticket != 0 || !m_waitingFor.isEmpty() || m_buildRunning; }
    // The drawn graph's IR for a VisualSource index, or nullptr.
    const IrGraph* sourceGraph(int source) const;
    const VisualGraph* visualGraph() const;
    GraphScene* scene() const { return m_scene; }
    GraphView* view() const { return m_view; }
    // What the status line says (or will say, for work in progress that has not taken long yet); empty when
    // the drawing is on screen and nothing is wrong.
    QString statusText() const;
    // The drawing for the current graph is on screen, or the panel says why there is none.
    bool isSettled() const { return !isLayoutPending() && (visualGraph() || !statusText().isEmpty()); }
    // What hovering a drawn node shows (rich text); empty for no node.
    QString toolTipFor(int node) const;

Q_SIGNALS:
    void graphNeeded(const QString& modulePath, const QString& method);
    // The user picked a drawn node: the IR node it stands for (its first one) in `graph`.
    void irNodeSelected(const torchscope::IrGraph& graph, int irNode);
    // A new drawing is on screen (or the graph could not be drawn).
    void graphShown();

private:
    enum class Pending { None, ExpandAll, Search };
    struct Ticketed; // layout result delivery

    void buildUi();
    void rebuild();
    void requestLayout(std::shared_ptr<VisualGraph> graph);
    void onLayout(std::uint64_t ticket, std::shared_ptr<const GraphLayout> layout, const QString& error);
    void setStatus(const QString& text, bool cancellable);
    void applySearch(bool openHidden);
    void updateMatchMarks();
    void onNodeSelected(int node);
    void prefetchCallees();
    QString viewKey() const;
    const IrGraph* lookup(const std::string& module, const std::string& method, bool inlined) const;
    void need(const std::string& module, const std::string& method);
    void answered(const QString& key);

    QString m_archiveId;
    QString m_module, m_method;
    bool m_inlined = false;
    bool m_hasGraph = false;
    bool m_fold = true;
    ExpansionState m_expansion;
    QHash<QString, ExpansionState> m_expansions; // viewKey() -> expansion the user left there
    QHash<QString, IrGraph> m_graphs; // "module|method|inlined" -> graph
    QSet<QString> m_unavailable;
    QSet<QString> m_requested;
    QSet<QString> m_waitingFor; // graphs the next drawing needs
    Pending m_pending = Pending::None;
    bool m_searchOpened = false; // the layout on its way was asked for by the search opening boxes
    int m_controlThreshold = kCollapseControlAbove;
    bool m_fitNext = true; // a new view (not an expansion) shows its initial view
    QString m_focusModule; // the module just opened: the next drawing shows it

    std::shared_ptr<VisualGraph> m_building; // being laid out
    std::uint64_t m_ticket = 0;
    quint64 m_buildGeneration = 0; // the build whose result is wanted
    bool m_buildRunning = false;
    QString m_viewName; // LayoutService view name: one per panel

    QString m_searchText;
    QList<int> m_matches;
    int m_current = -1;
    QList<int> m_codeLineIrNodes;

    GraphScene* m_scene = nullptr;
    GraphView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_matchLabel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
    QTimer* m_statusDelay = nullptr;
    bool m_cancelShown = false;
    QCheckBox* m_plumbing = nullptr;
    QToolButton* m_exportButton = nullptr;
};

} // namespace torchscope
