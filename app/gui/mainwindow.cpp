#include "mainwindow.h"

#include "torchscope/version.h"
#include "widgets/comparewindow.h"
#include "widgets/graphpanel.h"
#include "widgets/messagebar.h"
#include "widgets/modeltab.h"
#include "widgets/preferencesdialog.h"
#include "widgets/startpage.h"
#include "worker/workerclient.h"
#include "worker/workerpool.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>

namespace torchscope {
namespace {
    constexpr int kMaxRecent = 10;
    const QString kRecentKey = QStringLiteral("files/recent");
    const QString kSessionKey = QStringLiteral("files/session");
    const QString kReopenKey = QStringLiteral("files/reopenLastSession");
    const QString kLibrariesKey = QStringLiteral("worker/operatorLibraries");
    const QString kLanguageKey = QStringLiteral("ui/language");
    const QString kGeometryKey = QStringLiteral("window/geometry");
    const QString kStateKey = QStringLiteral("window/state");
    const QString kSplitterKey = QStringLiteral("window/tabSplitter");
    const QString kCentreSplitterKey = QStringLiteral("window/centreSplitter");
    const QStringList kSplitters { QStringLiteral("mainSplitter"), QStringLiteral("centreSplitter") };
    QString splitterKey(const QString& name) { return name == kSplitters[0] ? kSplitterKey : kCentreSplitterKey; }
}

MainWindow::MainWindow(WorkerPool* pool, QWidget* parent)
    : QMainWindow(parent)
    , m_pool(pool)
    , m_stack(new QStackedWidget(this))
    , m_startPage(new StartPage(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateChrome);
    connect(m_startPage, &StartPage::openFileRequested, this, &MainWindow::openFile);
    connect(m_startPage, &StartPage::openSampleRequested, this, &MainWindow::openSample);

    createActions();
    m_startPage->setSamples(samples());
    QSettings settings;
    m_startPage->setRecentFiles(settings.value(kRecentKey).toStringList());
    for (const QString& name : kSplitters)
        m_splitterStates.insert(name, settings.value(splitterKey(name)).toByteArray());
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(kStateKey).toByteArray());
    updateChrome();
}

MainWindow::~MainWindow() = default;

QList<Sample> MainWindow::samples()
{
    return {
        { tr("MyCell (traced)"), QStringLiteral(":/samples/mycell_traced.pt"),
            tr("A Linear layer and tanh, recorded by torch.jit.trace") },
        { tr("MyDecisionGate (traced)"), QStringLiteral(":/samples/mydecisiongate_traced.pt"),
            tr("The trace kept only the branch it saw: no if in dg.forward") },
        { tr("MyDecisionGate (scripted)"), QStringLiteral(":/samples/mydecisiongate_scripted.pt"),
            tr("torch.jit.script kept the control flow: prim::If in dg.forward") },
        { tr("MyRNNLoop (scripted)"), QStringLiteral(":/samples/myrnnloop.pt"),
            tr("A scripted loop around a traced cell: prim::Loop") },
        { tr("WrapRNN (traced)"), QStringLiteral(":/samples/wraprnn.pt"),
            tr("Tracing and scripting mixed: the tutorial's saved model") },
    };
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open TorchScript Archives"), QString(),
            tr("TorchScript archives (*.pt *.pth *.ptl *.jit *.torchscript);;All files (*)"));
        openFiles(paths);
    });
    open->setShortcuts(QKeySequence::Open);
    connect(m_startPage, &StartPage::openDialogRequested, open, &QAction::trigger);
    file->addAction(tr("Co&mpare…"), this, [this] {
        const QString filter = tr("TorchScript archives (*.pt *.pth *.ptl *.jit *.torchscript);;All files (*)");
        QStringList paths = QFileDialog::getOpenFileNames(this, tr("Compare: pick archives A and B"), QString(), filter);
        if (paths.size() == 1)
            paths.append(QFileDialog::getOpenFileName(this, tr("Compare: pick archive B"), QString(), filter));
        if (paths.size() == 2 && !paths[1].isEmpty())
            openCompare(paths[0], paths[1]);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu* samplesMenu = file->addMenu(tr("Open &Sample"));
    for (const Sample& sample : samples())
        samplesMenu->addAction(sample.title, this, [this, sample] { openSample(sample.resource, sample.title); });
    file->addSeparator();
    QAction* close = file->addAction(tr("&Close Tab"), this, [this] { closeTab(m_tabs->currentIndex()); });
    close->setShortcuts(QKeySequence::Close); // every platform binding: Ctrl+W and Ctrl+F4
    file->addSeparator();
    QAction* prefs = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcuts(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcuts(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Find…"), this, [this] {
        if (ModelTab* tab = currentTab())
            tab->activateFind();
    });
    find->setShortcuts(QKeySequence::Find);
    view->addSeparator();
    QAction* zoomIn = view->addAction(tr("Zoom &In"), this, [this] {
        if (ModelTab* tab = currentTab())
            tab->zoomIn();
    });
    zoomIn->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal) });
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), this, [this] {
        if (ModelTab* tab = currentTab())
            tab->zoomOut();
    });
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    QAction* zoomReset = view->addAction(tr("&Reset Zoom"), this, [this] {
        if (ModelTab* tab = currentTab())
            tab->resetZoom();
    });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QAction* next = view->addAction(tr("&Next Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    next->setShortcuts({ QKeySequence::NextChild, QKeySequence(Qt::CTRL | Qt::Key_PageDown) });
    QAction* previous = view->addAction(tr("&Previous Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previous->setShortcuts({ QKeySequence::PreviousChild, QKeySequence(Qt::CTRL | Qt::Key_PageUp) });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TorchScope"), this, &MainWindow::showAbout);
    rebuildRecentMenu();
}

QStringList MainWindow::libraries() const { return QSettings().value(kLibrariesKey).toStringList(); }

void MainWindow::openFiles(const QStringList& paths)
{
    for (const QString& path : paths)
        openFile(path);
}

void MainWindow::openFile(const QString& path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tabAt(i)->source().path == absolute && tabAt(i)->source().bytes.isEmpty()) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
    ModelTab::Source source { absolute, {}, QFileInfo(absolute).fileName() };
    addTab(new ModelTab(source, libraries(), [this] { return m_pool->take(); }, m_tabs));
}

void MainWindow::openSample(const QString& resource, const QString& title)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        m_startPage->showError(tr("The bundled sample %1 cannot be read.").arg(resource));
        return;
    }
    ModelTab::Source source { resource, file.readAll(), title };
    addTab(new ModelTab(source, libraries(), [this] { return m_pool->take(); }, m_tabs));
}

void MainWindow::addTab(ModelTab* tab)
{
    const int index = m_tabs->addTab(tab, tab->source().title);
    m_tabs->setTabToolTip(index, tab->source().path);
    for (const QString& name : kSplitters)
        if (auto* splitter = tab->findChild<QSplitter*>(name); splitter && !m_splitterStates.value(name).isEmpty())
            splitter->restoreState(m_splitterStates.value(name));
    m_tabs->setCurrentIndex(index);
    connect(tab, &ModelTab::stateChanged, this, [this, tab](ModelTab::State state) {
        const int i = m_tabs->indexOf(tab);
        if (i < 0)
            return;
        // Only archives that opened become recent files: a typo or a checkpoint is not worth remembering.
        if (state == ModelTab::State::Ready && tab->source().bytes.isEmpty())
            addRecent(tab->source().path);
        const bool bad = state == ModelTab::State::Failed || state == ModelTab::State::WorkerDied;
        m_tabs->setTabIcon(i, bad ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
        if (bad && !m_screenshotFile.isEmpty())
            saveScreenshot(tab);
        updateChrome();
    });
    // A screenshot waits for what it shows: the texts, or for --view graph the drawing.
    // A screenshot waits until everything it shows is there: the texts (unless only the graph is asked for)
    // and the drawing.
    const auto screenshotWhenReady = [this, tab] {
        if (m_screenshotFile.isEmpty() || !tab->graphPanel()->isSettled())
            return;
        const bool graphOnly = m_screenshotView == QLatin1String("graph");
        if (!graphOnly && !tab->textsShown())
            return;
        if (graphOnly && m_screenshotExpandAll && !m_screenshotExpanded && tab->graphPanel()->visualGraph()) {
            m_screenshotExpanded = true;
            tab->graphPanel()->expandAll(); // the picture waits for the expanded drawing
            return;
        }
        saveScreenshot(tab);
    };
    connect(tab, &ModelTab::viewsUpdated, this, screenshotWhenReady);
    connect(tab, &ModelTab::graphUpdated, this, screenshotWhenReady);
    if (!m_screenshotFile.isEmpty() && m_screenshotInlined)
        tab->setInlined(true);
    updateChrome();
}

void MainWindow::closeTab(int index)
{
    ModelTab* tab = tabAt(index);
    if (!tab)
        return;
    keepSplitterStates(tab);
    m_tabs->removeTab(index);
    tab->deleteLater();
    updateChrome();
}

void MainWindow::keepSplitterStates(ModelTab* tab)
{
    for (const QString& name : kSplitters)
        if (auto* splitter = tab->findChild<QSplitter*>(name))
            m_splitterStates.insert(name, splitter->saveState());
}

ModelTab* MainWindow::currentTab() const { return qobject_cast<ModelTab*>(m_tabs->currentWidget()); }

ModelTab* MainWindow::tabAt(int index) const { return qobject_cast<ModelTab*>(m_tabs->widget(index)); }

void MainWindow::updateChrome()
{
    m_stack->setCurrentWidget(m_tabs->count() ? static_cast<QWidget*>(m_tabs) : m_startPage);
    ModelTab* tab = currentTab();
    setWindowTitle(tab ? tr("%1 — TorchScope").arg(tab->source().title) : tr("TorchScope"));
    setWindowFilePath(tab && tab->source().bytes.isEmpty() ? tab->source().path : QString());
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    m_startPage->setRecentFiles(recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Files"), this, [this] {
            QSettings().remove(kRecentKey);
            m_startPage->setRecentFiles({});
            rebuildRecentMenu();
        });
    }
}

void MainWindow::restoreSession()
{
    QSettings settings;
    if (settings.value(kReopenKey, false).toBool())
        openFiles(settings.value(kSessionKey).toStringList());
}

void MainWindow::showPreferences()
{
    QSettings settings;
    PreferencesDialog dialog(this);
    dialog.setLibraries(settings.value(kLibrariesKey).toStringList());
    dialog.setLanguage(settings.value(kLanguageKey).toString());
    dialog.setReopenLastSession(settings.value(kReopenKey, false).toBool());
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(kLibrariesKey, dialog.libraries());
    settings.setValue(kLanguageKey, dialog.language());
    settings.setValue(kReopenKey, dialog.reopenLastSession());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About TorchScope"),
        tr("<h3>TorchScope %1</h3><p>Inspect TorchScript archives with the real LibTorch: the module hierarchy, "
           "each module's .code, .graph and .inlined_graph.</p>")
            .arg(QString::fromLatin1(kVersion)));
}

void MainWindow::takeScreenshotWhenReady(const QString& file, const QString& view, bool inlined, bool expandAll)
{
    m_screenshotInlined = inlined;
    m_screenshotExpandAll = expandAll;
    m_screenshotFile = file;
    m_screenshotView = view;
}

void MainWindow::saveScreenshot(ModelTab* tab)
{
    if (m_screenshotTaken)
        return;
    m_screenshotTaken = true;
    tab->showView(m_screenshotView);
    // One turn of the event loop so the view switch is laid out before the grab.
    QTimer::singleShot(0, this, [this] {
        const bool saved = grab().save(m_screenshotFile);
        if (!saved)
            qWarning("torchscope: cannot write the screenshot %s", qPrintable(m_screenshotFile));
        QCoreApplication::exit(saved ? 0 : 2);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (ModelTab* tab = currentTab())
        keepSplitterStates(tab);
    for (const QString& name : kSplitters)
        settings.setValue(splitterKey(name), m_splitterStates.value(name));
    QStringList session;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (tabAt(i)->source().bytes.isEmpty())
            session << tabAt(i)->source().path;
    settings.setValue(kSessionKey, session);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    openFiles(paths);
    event->acceptProposedAction();
}

CompareWindow* MainWindow::openCompare(const QString& pathA, const QString& pathB)
{
    auto* window = new CompareWindow(pathA, pathB, [this] { return m_pool->take(); });
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->resize(size());
    window->show();
    return window;
}

} // namespace torchscope
