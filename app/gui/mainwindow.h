#pragma once

#include <QHash>
#include <QMainWindow>

class QMenu;
class QStackedWidget;
class QTabWidget;

namespace torchscope {

class CompareWindow;
class ModelTab;
class StartPage;
class WorkerPool;
struct Sample;

// The window: a start page or one tab per open archive, menus and shortcuts, drag and drop, settings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(WorkerPool* pool, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFiles(const QStringList& paths);
    void openFile(const QString& path);
    void openSample(const QString& resource, const QString& title);
    // Opens a Compare window over two archives (each in a worker of the pool); it deletes itself when closed.
    CompareWindow* openCompare(const QString& pathA, const QString& pathB);
    // Reopens what was open when the window last closed, when the user asked for it in Preferences.
    void restoreSession();
    // Saves a picture of the window to `file` once the first archive shows its code and IR, then quits
    // the application (exit code 0, or 2 when the file cannot be written).
    // With view "graph": `inlined` draws the inlined graph, `expandAll` opens every submodule before the picture.
    void takeScreenshotWhenReady(const QString& file, const QString& view, bool inlined = false, bool expandAll = false);

    QTabWidget* tabs() const { return m_tabs; }
    StartPage* startPage() const { return m_startPage; }
    ModelTab* currentTab() const;
    ModelTab* tabAt(int index) const;

    static QList<Sample> samples();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void addTab(ModelTab* tab);
    void closeTab(int index);
    void updateChrome();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void showPreferences();
    void showAbout();
    void saveScreenshot(ModelTab* tab);
    QStringList libraries() const;

    WorkerPool* m_pool;
    QStackedWidget* m_stack;
    StartPage* m_startPage;
    QTabWidget* m_tabs;
    QMenu* m_recentMenu = nullptr;
    // The tab splitters' sizes by objectName (mainSplitter, centreSplitter), kept from the last tab closed.
    QHash<QString, QByteArray> m_splitterStates;
    void keepSplitterStates(ModelTab* tab);
    QString m_screenshotFile;
    QString m_screenshotView;
    bool m_screenshotInlined = false;
    bool m_screenshotExpandAll = false;
    bool m_screenshotExpanded = false;
    bool m_screenshotTaken = false;
};

} // namespace torchscope
