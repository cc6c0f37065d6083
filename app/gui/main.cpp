#include "mainwindow.h"

#include "torchscope/version.h"
#include "worker/workerpool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace torchscope;

namespace {

// Where `install` puts the .qm files relative to the app binary; CMake passes the value derived from
// CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR.
#ifndef TORCHSCOPE_TRANSLATIONS_FROM_BIN
#define TORCHSCOPE_TRANSLATIONS_FROM_BIN "../share/torchscope/translations"
#endif

// The language chosen in Preferences, else the system's; English needs no translator. The installed .qm files
// come first, so a translation can be added or corrected without rebuilding; the ones built into the binary are
// the fallback (and all there is in the build tree).
void installTranslators(QApplication& app)
{
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    const QString installed
        = QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(TORCHSCOPE_TRANSLATIONS_FROM_BIN));
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("torchscope"), QStringLiteral("_"), installed)
        || ours->load(locale, QStringLiteral("torchscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TorchScope"));
    QApplication::setApplicationName(QStringLiteral("TorchScope"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setDesktopFileName(QStringLiteral("io.github.torchscope.TorchScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspect TorchScript archives: modules, code and IR."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("archives"),
        QApplication::translate("main", "TorchScript archives to open, each in its own tab."),
        QStringLiteral("[ARCHIVE...]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main", "Open ARCHIVE, save a picture of the window to FILE and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption view(QStringLiteral("view"),
        QApplication::translate("main", "With --screenshot: the view to show (code, ir, graph, tree or archive)."),
        QStringLiteral("VIEW"), QStringLiteral("code"));
    QCommandLineOption inlined(QStringLiteral("inlined"),
        QApplication::translate("main", "With --screenshot --view graph: draw the inlined graph."));
    QCommandLineOption expand(QStringLiteral("expand"),
        QApplication::translate("main", "With --screenshot --view graph: none (the default) or all submodules opened."),
        QStringLiteral("none|all"), QStringLiteral("none"));
    QCommandLineOption compare(QStringLiteral("compare"),
        QApplication::translate("main", "Open archives A and B side by side in a Compare window."));
    parser.addOption(compare);
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.addOption(inlined);
    parser.addOption(expand);
    parser.process(app);

    const QStringList views { QStringLiteral("code"), QStringLiteral("ir"), QStringLiteral("graph"),
        QStringLiteral("tree"), QStringLiteral("archive") };
    if (!views.contains(parser.value(view))) {
        qCritical("torchscope: --view takes code, ir, graph, tree or archive");
        return 2;
    }
    const QString expandValue = parser.value(expand);
    if (expandValue != QLatin1String("none") && expandValue != QLatin1String("all")) {
        qCritical("torchscope: --expand takes none or all");
        return 2;
    }
    if (parser.isSet(screenshot) && parser.positionalArguments().size() != 1) {
        qCritical("torchscope: --screenshot takes exactly one ARCHIVE");
        return 2;
    }

    if (parser.isSet(compare) && parser.positionalArguments().size() != 2) {
        qCritical("torchscope: --compare takes exactly two archives, A and B");
        return 2;
    }

    WorkerPool pool;
    MainWindow window(&pool);
    if (parser.isSet(screenshot))
        window.takeScreenshotWhenReady(parser.value(screenshot), parser.value(view), parser.isSet(inlined),
            expandValue == QLatin1String("all"));
    window.show();
    if (parser.isSet(compare))
        window.openCompare(parser.positionalArguments()[0], parser.positionalArguments()[1]);
    else if (parser.positionalArguments().isEmpty())
        window.restoreSession();
    else
        window.openFiles(parser.positionalArguments());
    return app.exec();
}
