// The desktop app's window, end to end: MainWindow with real torchscope-worker processes, each fixture opened
// in a tab and its tree, .code and IR compared with what Python printed (tests/data/expected), tabs and their
// actions, drag and drop, recent files, failures shown in the window, and a worker killed mid-request.
// Every wait is a hang guard (kGuardMs), never a measurement: nothing here asserts how long anything takes.

#include "mainwindow.h"
#include "tabharness.h"
#include "testsupport.h"

#include "widgets/detailspanel.h"
#include "widgets/findbar.h"
#include "widgets/messagebar.h"
#include "widgets/modeltab.h"
#include "widgets/moduletreemodel.h"
#include "widgets/slottablemodel.h"
#include "widgets/startpage.h"
#include "worker/workerclient.h"
#include "worker/workerpool.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <functional>
#include <memory>

#include <csignal>
#include <sys/types.h>

using namespace torchscope;
using namespace torchscope::test;

namespace {


// Every module path a model shows, depth first (the order of named_modules()).
QStringList treeValues(const QAbstractItemModel* model, int role, const QModelIndex& parent = {})
{
    QStringList out;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        out << index.data(role).toString();
        out << treeValues(model, role, index);
    }
    return out;
}

// The default method the window shows for a module: forward when there is one, else the first.
QString defaultMethod(const ModuleRow& row)
{
    return row.methods.contains(QStringLiteral("forward")) ? QStringLiteral("forward") : row.methods.value(0);
}

// The module each fixture's test selects after the root (the deepest one the tutorial cares about).
QString submoduleFor(const QString& stem)
{
    if (stem == QLatin1String("wraprnn"))
        return QStringLiteral("loop.cell.dg");
    if (stem == QLatin1String("myrnnloop"))
        return QStringLiteral("cell.dg");
    const QList<ModuleRow> rows = expectedModules(stem);
    return rows.size() > 1 ? rows.last().path : QString();
}

QStringList slotNames(const QTableView* table)
{
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, 0).data(SlotTableModel::NameRole).toString();
    return names;
}

QMimeData* urlMime(const QStringList& paths)
{
    auto* mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls << QUrl::fromLocalFile(path);
    mime->setUrls(urls);
    return mime;
}

// The visible push button of a message bar whose text is `text` (Restart, Reload).
QPushButton* barButton(MessageBar* bar, const QString& text)
{
    for (QPushButton* button : bar->findChildren<QPushButton*>())
        if (button->isVisible() && button->text() == text)
            return button;
    return nullptr;
}

// The find bar that sits under `editor` in the tab.
FindBar* findBarOf(ModelTab* tab, QWidget* editor)
{
    for (FindBar* bar : tab->findChildren<FindBar*>())
        if (bar->parentWidget() == editor->parentWidget())
            return bar;
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<MainWindow> m_window;

    // The window's action bound to `keys` (menus own them, so they are the window's descendants).
    QAction* action(const QKeySequence& keys) const
    {
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->shortcuts().contains(keys))
                return a;
        return nullptr;
    }

    // The window's action with this (menu) text; the suite installs no translator.
    QAction* actionNamed(const QString& text) const
    {
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->text() == text)
                return a;
        return nullptr;
    }

    int indexOf(const QString& path) const
    {
        for (int i = 0; i < m_window->tabs()->count(); ++i)
            if (m_window->tabAt(i)->source().path == path)
                return i;
        return -1;
    }

    // Opens a file and waits until its views show the root module.
    ModelTab* openAndWait(const QString& path)
    {
        m_window->openFile(path);
        ModelTab* tab = m_window->currentTab();
        if (!tab)
            return nullptr;
        if (!waitShown(tab)) {
            qWarning(
                "%s: state %s, message: %s", qPrintable(path), stateName(tab->state()), qPrintable(tab->messageText()));
            return nullptr;
        }
        return tab;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TorchScopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY2(QFileInfo(workerPath()).isExecutable(), qPrintable(workerPath()));
    }

    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
        m_pool = std::make_unique<WorkerPool>(workerPath());
        m_window = std::make_unique<MainWindow>(m_pool.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        // The tabs own their workers; the pool owns the spare.
        m_window.reset();
        m_pool.reset();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void startPageOpensTheSamples()
    {
        StartPage* start = m_window->startPage();
        QVERIFY(start->isVisible());
        QCOMPARE(m_window->tabs()->count(), 0);
        QVERIFY(!m_window->currentTab());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("TorchScope"));

        // The five tutorial samples, each the committed fixture of the same name.
        const QList<Sample> samples = MainWindow::samples();
        const QStringList stems { QStringLiteral("mycell_traced"), QStringLiteral("mydecisiongate_traced"),
            QStringLiteral("mydecisiongate_scripted"), QStringLiteral("myrnnloop"), QStringLiteral("wraprnn") };
        QCOMPARE(samples.size(), stems.size());
        QListWidget* list = start->sampleList();
        QCOMPARE(list->count(), samples.size());
        for (int i = 0; i < samples.size(); ++i) {
            QVERIFY2(list->item(i)->text().startsWith(samples[i].title), qPrintable(list->item(i)->text()));
            QCOMPARE(samples[i].resource, QStringLiteral(":/samples/%1.pt").arg(stems[i]));
            const QByteArray bytes = readBytes(samples[i].resource);
            QVERIFY2(!bytes.isEmpty(), qPrintable(samples[i].resource));
            QVERIFY(bytes == readBytes(dataPath(stems[i] + QStringLiteral(".pt"))));
        }

        // Activating WrapRNN (Enter on the item) opens it in a tab that shows what Python prints.
        const int wrap = int(stems.indexOf(QStringLiteral("wraprnn")));
        list->setCurrentRow(wrap);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(m_window->tabs()->count(), 1);
        ModelTab* tab = m_window->currentTab();
        QVERIFY(tab);
        QVERIFY(!start->isVisible());
        QCOMPARE(tab->source().title, samples[wrap].title);
        QCOMPARE(m_window->tabs()->tabText(0), samples[wrap].title);
        QVERIFY2(m_window->windowTitle().contains(samples[wrap].title), qPrintable(m_window->windowTitle()));
        QSignalSpy views(tab, &ModelTab::viewsUpdated);
        QVERIFY2(waitViews(tab, views), stateName(tab->state()));
        QCOMPARE(tab->state(), ModelTab::State::Ready);
        const QModelIndex root = tab->moduleModel()->index(0, 0);
        QCOMPARE(root.data(ModuleTreeModel::OriginalNameRole).toString(), QStringLiteral("WrapRNN"));
        COMPARE_VIEWS(tab, QStringLiteral("wraprnn"), QString(), QStringLiteral("forward.code.txt"),
            QStringLiteral("forward.graph.txt"));

        // A bundled sample is not a file the user opened: it stays out of the recent files.
        QVERIFY(QSettings().value(QStringLiteral("files/recent")).toStringList().isEmpty());

        // Closing the last tab brings the start page back.
        QAction* close = actionNamed(QStringLiteral("&Close Tab"));
        QVERIFY(close);
        close->trigger();
        QCOMPARE(m_window->tabs()->count(), 0);
        QVERIFY(start->isVisible());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("TorchScope"));
    }

    void fixtureShowsWhatPythonPrints_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::addColumn<QString>("path");
        const QList<Fixture> fixtures = torchScriptFixtures();
        QStringList stems;
        for (const Fixture& f : fixtures) {
            stems << f.stem;
            QTest::newRow(qPrintable(f.stem)) << f.stem << f.path;
        }
        // The fixtures this suite was written for; a new one joins by itself, a lost one is noticed.
        for (const char* stem : { "mycell_traced", "mycell_scripted", "mydecisiongate_traced",
                 "mydecisiongate_scripted", "myrnnloop", "wraprnn", "multi_method", "lstm_scripted", "frozen", "lite" })
            QVERIFY2(stems.contains(QLatin1String(stem)), stem);
    }

    void fixtureShowsWhatPythonPrints()
    {
        QFETCH(QString, stem);
        QFETCH(QString, path);
        const QList<ModuleRow> modules = expectedModules(stem);
        QVERIFY(!modules.isEmpty());

        ModelTab* tab = openAndWait(path);
        QVERIFY(tab);
        QCOMPARE(tab->state(), ModelTab::State::Ready);
        QVERIFY(tab->messageText().isEmpty());

        // The tree: every module of named_modules(), in its order, in the model and as the view shows it.
        QStringList paths, names;
        for (const ModuleRow& row : modules) {
            paths << row.path;
            names << row.originalName;
        }
        QCOMPARE(treeValues(tab->moduleModel(), ModuleTreeModel::PathRole), paths);
        QCOMPARE(treeValues(tab->moduleModel(), ModuleTreeModel::OriginalNameRole), names);
        QCOMPARE(treeValues(tab->moduleView()->model(), ModuleTreeModel::PathRole), paths);
        QCOMPARE(tab->moduleView()->currentIndex().data(ModuleTreeModel::PathRole).toString(), QString());

        // The root's default method.
        const QString method = defaultMethod(modules.first());
        QCOMPARE(tab->currentModule(), QString());
        QCOMPARE(tab->currentMethod(), method);
        COMPARE_VIEWS(
            tab, stem, QString(), method + QStringLiteral(".code.txt"), method + QStringLiteral(".graph.txt"));

        // Another method of the root, and its IR without source comments.
        QStringList others = modules.first().methods;
        others.removeAll(method);
        if (!others.isEmpty()) {
            const QString other = others.first();
            VIEWS_AFTER(tab, tab->selectMethod(other));
            QCOMPARE(tab->currentMethod(), other);
            COMPARE_VIEWS(
                tab, stem, QString(), other + QStringLiteral(".code.txt"), other + QStringLiteral(".graph.txt"));
        }
        const QString shownMethod = tab->currentMethod();
        QCheckBox* comments = nullptr;
        for (QCheckBox* box : tab->findChildren<QCheckBox*>())
            if (box->text() == QLatin1String("Source comments"))
                comments = box;
        QVERIFY(comments && comments->isChecked());
        VIEWS_AFTER(tab, comments->setChecked(false));
        COMPARE_TEXT(QStringLiteral("IR view"), irText(tab),
            expectedFile(stem, QString(), shownMethod + QStringLiteral(".graph-nosrc.txt")));
        VIEWS_AFTER(tab, comments->setChecked(true));
        COMPARE_TEXT(QStringLiteral("IR view"), irText(tab),
            expectedFile(stem, QString(), shownMethod + QStringLiteral(".graph.txt")));
        if (shownMethod != method)
            VIEWS_AFTER(tab, tab->selectMethod(method));

        // A submodule (or the root again when there is none): its forward, inlined graph and whole class.
        const QString target = submoduleFor(stem);
        if (!target.isEmpty()) {
            VIEWS_AFTER(tab, tab->selectModule(target));
            QCOMPARE(tab->currentModule(), target);
            QCOMPARE(tab->moduleView()->currentIndex().data(ModuleTreeModel::PathRole).toString(), target);
        }
        const QString targetMethod = tab->currentMethod();
        QVERIFY(!targetMethod.isEmpty());
        COMPARE_VIEWS(
            tab, stem, target, targetMethod + QStringLiteral(".code.txt"), targetMethod + QStringLiteral(".graph.txt"));
        VIEWS_AFTER(tab, tab->setInlined(true));
        COMPARE_VIEWS(tab, stem, target, targetMethod + QStringLiteral(".code.txt"),
            targetMethod + QStringLiteral(".inlined.txt"));
        VIEWS_AFTER(tab, tab->setClassCode(true));
        COMPARE_VIEWS(
            tab, stem, target, QStringLiteral("class.code.txt"), targetMethod + QStringLiteral(".inlined.txt"));

        // Back to what was shown: the texts come from the cache, unchanged.
        VIEWS_AFTER(tab, tab->setClassCode(false));
        VIEWS_AFTER(tab, tab->setInlined(false));
        COMPARE_VIEWS(
            tab, stem, target, targetMethod + QStringLiteral(".code.txt"), targetMethod + QStringLiteral(".graph.txt"));
        QCOMPARE(tab->state(), ModelTab::State::Ready);
        QVERIFY(tab->messageText().isEmpty());
    }

    void tabsTitleAndTabActions()
    {
        const QString a = fixture(QStringLiteral("mycell_traced")).path;
        const QString b = fixture(QStringLiteral("wraprnn")).path;
        const QString c = fixture(QStringLiteral("multi_method")).path;
        QTabWidget* tabs = m_window->tabs();

        m_window->openFile(a);
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(tabs->tabText(0), QStringLiteral("mycell_traced.pt"));
        QCOMPARE(tabs->tabToolTip(0), a);
        QVERIFY2(
            m_window->windowTitle().contains(QLatin1String("mycell_traced.pt")), qPrintable(m_window->windowTitle()));

        // Several at once: one tab each, the last one current.
        m_window->openFiles({ b, c });
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(m_window->currentTab()->source().path, c);
        QVERIFY2(
            m_window->windowTitle().contains(QLatin1String("multi_method.pt")), qPrintable(m_window->windowTitle()));

        // The same file again, also by another spelling of its path, goes back to its tab.
        m_window->openFile(a);
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentIndex(), 0);
        m_window->openFile(dataDir() + QStringLiteral("/../data/./wraprnn.pt"));
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentIndex(), 1);
        QVERIFY2(m_window->windowTitle().contains(QLatin1String("wraprnn.pt")), qPrintable(m_window->windowTitle()));

        // Next and previous tab wrap around.
        QAction* next = action(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
        QAction* previous = action(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
        QVERIFY(next && previous);
        next->trigger();
        QCOMPARE(tabs->currentIndex(), 2);
        next->trigger();
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY2(
            m_window->windowTitle().contains(QLatin1String("mycell_traced.pt")), qPrintable(m_window->windowTitle()));
        previous->trigger();
        QCOMPARE(tabs->currentIndex(), 2);
        previous->trigger();
        QCOMPARE(tabs->currentIndex(), 1);

        // Every tab gets its own worker and shows its own model.
        for (int i = 0; i < tabs->count(); ++i) {
            ModelTab* tab = m_window->tabAt(i);
            QVERIFY2(waitShown(tab), qPrintable(tab->source().path));
            const QString stem = QFileInfo(tab->source().path).completeBaseName();
            COMPARE_TEXT(stem, codeText(tab), expectedFile(stem, QString(), QStringLiteral("forward.code.txt")));
        }
        QVERIFY(m_window->tabAt(0)->worker()->processId() != m_window->tabAt(1)->worker()->processId());

        // Close Tab closes the current tab (its shortcut: closeTabIsCtrlW).
        QAction* close = actionNamed(QStringLiteral("&Close Tab"));
        QVERIFY(close);
        close->trigger();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(indexOf(b), -1);
        QVERIFY(indexOf(a) >= 0 && indexOf(c) >= 0);
        QVERIFY2(m_window->windowTitle().contains(m_window->currentTab()->source().title),
            qPrintable(m_window->windowTitle()));
        close->trigger();
        close->trigger();
        QCOMPARE(tabs->count(), 0);
        QVERIFY(m_window->startPage()->isVisible());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("TorchScope"));
        close->trigger(); // nothing to close: nothing happens
        QCOMPARE(tabs->count(), 0);
    }

    void keyboardShortcutsReachTheActions()
    {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            QSKIP("the platform plugin does not activate windows; shortcuts need an active window");
        const QString a = fixture(QStringLiteral("mycell_traced")).path;
        const QString b = fixture(QStringLiteral("wraprnn")).path;
        m_window->openFiles({ a, b });
        QTabWidget* tabs = m_window->tabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->currentIndex(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 0);

        ModelTab* tab = m_window->currentTab();
        QCOMPARE(tab->source().path, a);
        QVERIFY2(waitShown(tab), stateName(tab->state()));
        FindBar* codeFind = findBarOf(tab, tab->codeView());
        QVERIFY(codeFind && !codeFind->isVisible());
        FindBar* irFind = findBarOf(tab, tab->irView());
        QVERIFY(irFind && !irFind->isVisible());
        tab->showView(QStringLiteral("code"));
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(codeFind->isVisible());
        QVERIFY(!irFind->isVisible());
        // With the IR view focused, Ctrl+F searches the IR.
        tab->showView(QStringLiteral("ir"));
        QVERIFY(tab->irView()->hasFocus());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(irFind->isVisible());
    }

    // File > Close Tab answers Ctrl+W wherever the platform binds Ctrl+W to Close (Linux, Windows; the offscreen
    // platform of this suite too), not only where Ctrl+W is the first of its bindings.
    void closeTabIsCtrlW()
    {
        const QKeySequence ctrlW(Qt::CTRL | Qt::Key_W);
        if (!QKeySequence::keyBindings(QKeySequence::Close).contains(ctrlW))
            QSKIP("this platform does not bind Ctrl+W to Close");
        QAction* close = actionNamed(QStringLiteral("&Close Tab"));
        QVERIFY(close);
        QStringList bound;
        for (const QKeySequence& keys : close->shortcuts())
            bound << keys.toString();
        QVERIFY2(close->shortcuts().contains(ctrlW),
            qPrintable(QStringLiteral("Close Tab has %1; the platform's Close is %2")
                           .arg(bound.join(QStringLiteral(", ")),
                               QKeySequence::listToString(QKeySequence::keyBindings(QKeySequence::Close)))));

        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            QSKIP("the platform plugin does not activate windows; shortcuts need an active window");
        m_window->openFiles({ fixture(QStringLiteral("mycell_traced")).path, fixture(QStringLiteral("wraprnn")).path });
        QCOMPARE(m_window->tabs()->count(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(m_window->tabs()->count(), 1);
        QCOMPARE(m_window->currentTab()->source().path, fixture(QStringLiteral("mycell_traced")).path);
    }

    void dropOpensTheFiles()
    {
        const QStringList paths { fixture(QStringLiteral("mycell_scripted")).path,
            fixture(QStringLiteral("myrnnloop")).path };
        const QPoint centre = m_window->rect().center();

        // Something that is not a file list is refused at the door.
        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent refused(centre, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.ignore();
        QCoreApplication::sendEvent(m_window.get(), &refused);
        QVERIFY(!refused.isAccepted());

        std::unique_ptr<QMimeData> mime(urlMime(paths));
        QDragEnterEvent enter(centre, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(centre), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        drop.ignore();
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(m_window->tabs()->count(), 2);
        for (int i = 0; i < 2; ++i) {
            ModelTab* tab = m_window->tabAt(i);
            QCOMPARE(tab->source().path, paths[i]);
            QVERIFY2(waitShown(tab), qPrintable(paths[i]));
            const QString stem = QFileInfo(paths[i]).completeBaseName();
            COMPARE_TEXT(stem, codeText(tab), expectedFile(stem, QString(), QStringLiteral("forward.code.txt")));
        }

        // A drop of web addresses opens nothing.
        QMimeData web;
        web.setUrls({ QUrl(QStringLiteral("https://example.com/model.pt")) });
        QDropEvent webDrop(QPointF(centre), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        webDrop.ignore();
        QCoreApplication::sendEvent(m_window.get(), &webDrop);
        QCOMPARE(m_window->tabs()->count(), 2);
    }

    void recentFiles()
    {
        const QString a = fixture(QStringLiteral("mycell_traced")).path;
        const QString b = fixture(QStringLiteral("frozen")).path;
        QVERIFY(QSettings().value(QStringLiteral("files/recent")).toStringList().isEmpty());
        QListWidget* recent = m_window->startPage()->recentList();
        QCOMPARE(recent->count(), 0);

        QVERIFY(openAndWait(a));
        QCOMPARE(QSettings().value(QStringLiteral("files/recent")).toStringList(), QStringList { a });
        QCOMPARE(recent->count(), 1);
        QCOMPARE(recent->item(0)->toolTip(), a);
        QVERIFY(recent->item(0)->text().contains(QLatin1String("mycell_traced.pt")));

        // Newest first, no duplicates; an archive becomes recent once it has opened.
        m_window->openFile(b);
        m_window->openFile(a);
        QTRY_COMPARE_WITH_TIMEOUT(
            QSettings().value(QStringLiteral("files/recent")).toStringList(), (QStringList { b, a }), 60000);
        QCOMPARE(recent->count(), 2);
        QCOMPARE(recent->item(0)->toolTip(), b);

        // The File menu lists them too.
        QStringList menuTips;
        for (QAction* act : m_window->findChildren<QAction*>())
            if (act->toolTip() == a || act->toolTip() == b)
                menuTips << act->toolTip();
        QVERIFY2(menuTips.contains(a) && menuTips.contains(b), qPrintable(menuTips.join(QLatin1Char(','))));

        // A new window (the next start) shows them, and activating one opens it.
        cleanup();
        m_pool = std::make_unique<WorkerPool>(workerPath());
        m_window = std::make_unique<MainWindow>(m_pool.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        recent = m_window->startPage()->recentList();
        QCOMPARE(recent->count(), 2);
        QCOMPARE(recent->item(1)->toolTip(), a);
        recent->setCurrentRow(1);
        QTest::keyClick(recent, Qt::Key_Return);
        QCOMPARE(m_window->tabs()->count(), 1);
        QCOMPARE(m_window->currentTab()->source().path, a);
    }

    void detailsListTheSelectedModulesMembers()
    {
        const QString stem = QStringLiteral("mycell_traced");
        ModelTab* tab = openAndWait(fixture(stem).path);
        QVERIFY(tab);
        DetailsPanel* details = tab->detailsPanel();
        auto* table = details->findChild<QTableView*>(QStringLiteral("membersTable"));
        QVERIFY(table);

        tab->selectModule(QString());
        QCOMPARE(details->modulePath(), QString());
        const QStringList rootMembers = slotNames(table);
        QVERIFY2(!rootMembers.contains(QLatin1String("weight")) && !rootMembers.contains(QLatin1String("bias")),
            qPrintable(rootMembers.join(QLatin1Char(','))));

        VIEWS_AFTER(tab, tab->selectModule(QStringLiteral("linear")));
        QCOMPARE(details->modulePath(), QStringLiteral("linear"));
        QStringList expected;
        for (const SlotRow& row : expectedSlots(stem))
            if (row.path == QLatin1String("linear"))
                expected << row.name;
        QCOMPARE(expected, (QStringList { QStringLiteral("weight"), QStringLiteral("bias") }));
        QCOMPARE(slotNames(table).mid(0, expected.size()), expected);
    }

    void findShowsTheFindBar()
    {
        ModelTab* tab = openAndWait(fixture(QStringLiteral("mycell_traced")).path);
        QVERIFY(tab);
        FindBar* codeFind = findBarOf(tab, tab->codeView());
        FindBar* irFind = findBarOf(tab, tab->irView());
        QVERIFY(codeFind && irFind && codeFind != irFind);
        QVERIFY(!codeFind->isVisible());
        QVERIFY(!irFind->isVisible());

        QAction* find = action(QKeySequence(Qt::CTRL | Qt::Key_F));
        QVERIFY(find);
        tab->showView(QStringLiteral("code"));
        find->trigger();
        QVERIFY(codeFind->isVisible());
        QVERIFY(!irFind->isVisible());
    }

    // The tests below show what the window does with failures; they come last because a failure that takes the
    // whole process down would otherwise hide the results of the others.

    void badFileShowsItsMessage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("checkpoint") << dataPath(QStringLiteral("checkpoint.pt"))
                                    << QStringLiteral("torch.save() checkpoint");
        QTest::newRow("missing") << dataPath(QStringLiteral("no-such-archive.pt")) << QStringLiteral("no such file");
    }

    void badFileShowsItsMessage()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        m_window->openFile(path);
        QCOMPARE(m_window->tabs()->count(), 1);
        ModelTab* tab = m_window->currentTab();
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() != ModelTab::State::Loading, kGuardMs);
        QVERIFY2(tab->state() == ModelTab::State::Failed, stateName(tab->state()));
        const QString message = tab->messageText();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(!m_window->tabs()->tabIcon(0).isNull());
        QVERIFY(barButton(tab->messageBar(), QStringLiteral("Reload")));
        QVERIFY(!tab->findChild<QSplitter*>(QStringLiteral("mainSplitter"))->isEnabled());
        // Only archives that opened become recent files.
        QVERIFY(!QSettings().value(QStringLiteral("files/recent")).toStringList().contains(path));
        // The worker that reported the failure is still there for the next try.
        QVERIFY(tab->worker() && tab->worker()->state() != WorkerClient::State::Dead);
    }

    void killedWorkerAffectsOnlyItsTab()
    {
        const QString stemA = QStringLiteral("mycell_traced");
        const QString stemB = QStringLiteral("wraprnn");
        ModelTab* a = openAndWait(fixture(stemA).path);
        ModelTab* b = openAndWait(fixture(stemB).path);
        QVERIFY(a && b && a != b);
        const QString rootCode = codeText(a);
        COMPARE_TEXT(
            QStringLiteral("code view"), rootCode, expectedFile(stemA, QString(), QStringLiteral("forward.code.txt")));
        const qint64 pidA = a->worker()->processId();
        const qint64 pidB = b->worker()->processId();
        QVERIFY(pidA > 0 && pidB > 0 && pidA != pidB);

        // A request in flight, and its worker killed under it.
        a->selectModule(QStringLiteral("linear"));
        QVERIFY(a->worker()->pendingCount() > 0);
        QCOMPARE(::kill(pid_t(pidA), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(a->state() != ModelTab::State::Ready, kGuardMs);
        QVERIFY2(a->state() == ModelTab::State::WorkerDied, stateName(a->state()));
        // The user looks at the model that lost its worker (for a tab in the background: messageOfABackgroundTab).
        m_window->tabs()->setCurrentWidget(a);
        const QString message = a->messageText();
        QVERIFY2(message.contains(QLatin1String("stopped")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("crashed")) && message.contains(QLatin1String("signal 9")),
            qPrintable(message));
        QVERIFY2(message.contains(a->source().title), qPrintable(message));
        QVERIFY(!m_window->tabs()->tabIcon(m_window->tabs()->indexOf(a)).isNull());
        QVERIFY(!a->findChild<QSplitter*>(QStringLiteral("mainSplitter"))->isEnabled());

        // The other model is untouched and still answers.
        QCOMPARE(m_window->tabs()->count(), 2);
        QCOMPARE(b->state(), ModelTab::State::Ready);
        QVERIFY(b->messageText().isEmpty());
        QVERIFY(m_window->tabs()->tabIcon(m_window->tabs()->indexOf(b)).isNull());
        QCOMPARE(b->worker()->processId(), pidB);
        VIEWS_AFTER(b, b->selectModule(QStringLiteral("loop.cell.dg")));
        COMPARE_VIEWS(b, stemB, QStringLiteral("loop.cell.dg"), QStringLiteral("forward.code.txt"),
            QStringLiteral("forward.graph.txt"));

        // Restart, from the message bar: a fresh worker reopens the archive and the selection is kept.
        QPushButton* restart = barButton(a->messageBar(), QStringLiteral("Restart"));
        QVERIFY(restart);
        QSignalSpy views(a, &ModelTab::viewsUpdated);
        QTest::mouseClick(restart, Qt::LeftButton);
        QVERIFY2(waitViews(a, views), qPrintable(a->messageText()));
        QCOMPARE(a->state(), ModelTab::State::Ready);
        QVERIFY(a->messageText().isEmpty());
        QVERIFY(m_window->tabs()->tabIcon(m_window->tabs()->indexOf(a)).isNull());
        QVERIFY(a->findChild<QSplitter*>(QStringLiteral("mainSplitter"))->isEnabled());
        QVERIFY(a->worker()->processId() > 0 && a->worker()->processId() != pidA);
        QCOMPARE(a->currentModule(), QStringLiteral("linear"));
        COMPARE_VIEWS(a, stemA, QStringLiteral("linear"), QStringLiteral("forward.code.txt"),
            QStringLiteral("forward.graph.txt"));
        VIEWS_AFTER(a, a->selectModule(QString()));
        QCOMPARE(codeText(a), rootCode);
        VIEWS_AFTER(a, a->setInlined(true)); // not cached: the new worker answers
        COMPARE_TEXT(QStringLiteral("IR view"), irText(a),
            expectedFile(stemA, QString(), QStringLiteral("forward.inlined.txt")));
        QCOMPARE(b->state(), ModelTab::State::Ready);
    }

    // What went wrong in a tab the user is not looking at is there when they look, and for messageText().
    void messageOfABackgroundTab_data()
    {
        QTest::addColumn<bool>("kill");
        QTest::addColumn<QString>("says");
        QTest::newRow("failed open") << false << QStringLiteral("torch.save() checkpoint");
        QTest::newRow("worker killed") << true << QStringLiteral("signal 9");
    }

    void messageOfABackgroundTab()
    {
        QFETCH(bool, kill);
        QFETCH(QString, says);
        const QString first
            = kill ? fixture(QStringLiteral("mycell_traced")).path : dataPath(QStringLiteral("checkpoint.pt"));
        m_window->openFiles({ first, fixture(QStringLiteral("wraprnn")).path });
        QCOMPARE(m_window->tabs()->count(), 2);
        ModelTab* a = m_window->tabAt(0);
        QCOMPARE(m_window->tabs()->currentIndex(), 1);
        if (kill) {
            QTRY_VERIFY_WITH_TIMEOUT(a->state() != ModelTab::State::Loading, kGuardMs);
            QCOMPARE(a->state(), ModelTab::State::Ready);
            QCOMPARE(::kill(pid_t(a->worker()->processId()), SIGKILL), 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            a->state() != ModelTab::State::Loading && a->state() != ModelTab::State::Ready, kGuardMs);
        QCOMPARE(m_window->tabs()->currentIndex(), 1);
        QVERIFY(!m_window->tabs()->tabIcon(0).isNull());
        QVERIFY2(a->messageText().contains(says),
            qPrintable(QStringLiteral("messageText() of the background tab: \"%1\"").arg(a->messageText())));
        m_window->tabs()->setCurrentIndex(0);
        QVERIFY2(a->messageText().contains(says), qPrintable(a->messageText()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
